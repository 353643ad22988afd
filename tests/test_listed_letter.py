"""A letter listing its events as numbered paragraphs of labelled parts, under municipality
headings, instead of a table: read as event cards (readers/listed.py)."""

from __future__ import annotations

from pathlib import Path

import nil_builders as nb

from muniflow import stages

LINES = [
    "Направляем информацию о международных мероприятиях, проведённых муниципальными образованиями "
    "Северной области в I квартале 2025 года.",
    "Озёрный муниципальный округ",
    "1. Международный фестиваль «Звоны». Дата проведения: 21 января 2025 г.. Место проведения: "
    "г. Озёрск, Дом культуры. Цель и результат: Сохранение традиций. Участники: Гости из Беларуси, 40 чел.",
    "2. Встреча с делегацией г. Минска. Дата проведения: 16–17 февраля 2025 г. Место проведения: "
    "г. Озёрск. Участники: Делегация, 6 чел.",
    "Лесной район:",
    "1) Пленэр художников «Берега». Дата проведения: 3 марта 2025 г. Место проведения: д. Сосновка.",
    "Глава Озёрного муниципального округа    И.И. Иванов",
]


def test_a_letter_of_numbered_labelled_paragraphs_is_read_as_events(tmp_path: Path) -> None:
    outcome = stages.process_file(nb.nil_letter(tmp_path / "letter.docx", LINES))
    assert outcome.reason is None, outcome.message
    assert outcome.report is not None and outcome.report.period is not None
    assert (outcome.report.region, outcome.report.period.label) == ("Северная область", "2025Q1")
    rows = [
        (r.seq_text, r.municipality, r.title, r.place, str(r.start_date), str(r.end_date))
        for r in outcome.report.rows
    ]
    assert rows == [
        (
            "1",
            "Озёрный муниципальный округ",
            "Международный фестиваль «Звоны»",
            "г. Озёрск, Дом культуры",
            "2025-01-21",
            "2025-01-21",
        ),
        (
            "2",
            "Озёрный муниципальный округ",
            "Встреча с делегацией г. Минска",
            "г. Озёрск",
            "2025-02-16",
            "2025-02-17",
        ),
        ("1", "Лесной район", "Пленэр художников «Берега»", "д. Сосновка", "2025-03-03", "2025-03-03"),
    ]
    assert outcome.report.rows[0].participants == "Гости из Беларуси, 40 чел."


def test_a_numbered_letter_without_labelled_dates_stays_no_table(tmp_path: Path) -> None:
    """Numbered paragraphs that name no parts by label (a letter's points) are no list of events."""
    lines = [
        "О направлении информации",
        "1. Отчёт будет направлен после согласования.",
        "2. Контактное лицо: Петров П.П., тел. 12-34-56.",
    ]
    assert stages.process_file(nb.nil_letter(tmp_path / "points.docx", lines)).reason == "no_table_found"
