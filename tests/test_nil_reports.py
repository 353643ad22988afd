"""Nil reports («мероприятия не проводились»): a heading row, the only table row, a letter without a
table; each is its municipality's report with zero events, never a flagged row or a quarantined file."""

from __future__ import annotations

import shutil
from pathlib import Path

import nil_builders as nb
import pytest
from readers_fixtures import _convert

from muniflow import stages
from muniflow.file_outcome import FileOutcome
from muniflow.interpret.nil import municipality_in_text, says_nil, says_nil_letter, sender_municipality


@pytest.mark.parametrize(
    ("text", "nil", "reason"),
    [
        ("Международные мероприятия не проводились", True, "the plain statement"),
        ("мероприятий международного характера не проводилось", True, "other case, number and words between"),
        ("не проводились", True, "the verb alone, as the only cell"),
        ("Мероприятия не запланированы и не проводились", True, "two negated verbs"),
        ("В отчётном периоде международных мероприятий не было", True, "another phrase of the contract"),
        ("Международные мероприятия отсутствуют", True, "'отсутствуют' is a nil phrase"),
        ("МЕРОПРИЯТИЯ НЕ ОСУЩЕСТВЛЯЛИСЬ", True, "upper case"),
        ("За отчётный период мероприятий не проведено", True, "the perfective verb's participle"),
        ("Международные мероприятия в квартале не запланированы", True, "not planned, alone"),
        ("Нет мероприятий", True, "«нет» with what there is none of"),
        ("Нулевой отчёт", True, "a nil report named so"),
        ("Отчёт нулевой", True, "a phrase without «не» in the other order"),
        ("Международных мероприятий нет", True, "«нет» after what there is none of"),
        ("За отчётный период – нет", True, "«нет» with only the period's words"),
        ("В I квартале мероприятий нет", True, "«нет» with the subject and the period"),
        ("Нет данных о визите делегации из Китая", False, "«нет» with words naming an event"),
        ("Фестиваль «Нет границ»", False, "«нет» in an event's name"),
        ("Проводились не мероприятия, а встречи", False, "«не» before another word than the verb"),
        ("Мероприятие проведено", False, "a held event, not negated"),
        ("нет", False, "a bare «нет» is a placeholder, not a statement"),
        ("Мероприятия проводились в онлайн-формате", False, "not negated"),
        ("Визит делегации города-побратима", False, "an event title"),
        ("", False, "empty"),
        (
            "Рабочая встреча, которая в связи с погодными условиями не проводилась на открытой площадке, "
            "а была перенесена в здание администрации района и собрала более ста участников",
            False,
            "a long event description that happens to hold a negated verb",
        ),
    ],
)
def test_says_nil(text: str, nil: bool, reason: str) -> None:
    assert says_nil(text) is nil, reason


@pytest.mark.parametrize(
    ("text", "name", "reason"),
    [
        (
            "Администрация муниципального образования «Озёрный район» Северной области",
            "Озёрный район",
            "quoted",
        ),
        (
            "Администрация Лесного муниципального округа Северной области",
            "Лесной муниципальный округ",
            "genitive",
        ),
        ("Глава Каменского района", "Каменский район", "genitive district"),
        ("Администрация города Калуги", "город Калуга", "a city, in the genitive"),
        (
            "Администрация города Заречноград",
            "город Заречноград",
            "a city unknown to the dictionary, as written",
        ),
        ("Отчёт о мероприятиях", "", "names none"),
        (
            "Сведения о мероприятиях\nОзёрный район Северной области, 2 квартал 2024 г.",
            "Озёрный район",
            "nominative, the region and period after it on its line",
        ),
        ("Каменский район, II квартал 2024", "Каменский район", "nominative before a comma"),
        ("Мероприятия, проведённые в Каменском районе", "Каменский район", "prepositional"),
        ("Отчёт МО «Озёрный район»", "Озёрный район", "МО before a quoted name"),
        ("Отчёт администрации г. Калуги", "город Калуга", "an abbreviated city"),
        (
            "Отчёт администрации Каменского МР",
            "Каменский район",
            "a kind abbreviated in capitals after the name",
        ),
        ("Отчёт Первомайского сельского поселения", "Первомайское сельское поселение", "a settlement"),
        (
            "Мероприятия муниципальных районов и городских округов Северной области",
            "",
            "plural kinds name no one municipality",
        ),
        ("Отчёт за 2024 г. Северная область", "", "«г.» after a year is a year"),
        (
            "Информация о мероприятиях в 2024 году\nГородской округ город Белозорск\nИнформация о них",
            "город Белозорск",
            "a name ends at its line's end",
        ),
        (
            "Администрация\nОзёрного\nрайона\nСеверной области\nпл. Советская, д. 1, г. Заречье",
            "Озёрный район",
            "a letterhead's name a word a line comes before the city of its address",
        ),
    ],
)
def test_municipality_in_text(text: str, name: str, reason: str) -> None:
    assert municipality_in_text(text) == name, reason


def test_letter_needs_subject_and_statement() -> None:
    assert says_nil_letter("Сообщаем, что в III квартале 2025 года международные мероприятия не проводились.")
    assert not says_nil_letter("Сопроводительное письмо: отчёт будет направлен позднее.")
    assert not says_nil_letter("Совещание не проводилось по техническим причинам"), "no event subject named"


def test_a_nil_sentence_of_the_other_events_is_no_nil_letter() -> None:
    """«Иных мероприятий … не проводилось» says nil of the events the letter did not tell: the
    letter told some, it is no nil report; «международных и иных» still says nil of them all."""
    assert not says_nil_letter("Иных мероприятий международного характера в квартале не проводилось.")
    assert not says_nil_letter("Других международных мероприятий не было.")
    assert says_nil_letter("Международных и иных мероприятий в I квартале 2025 года не проводилось.")


@pytest.mark.parametrize(
    ("text", "name", "reason"),
    [
        ("АДМИНИСТРАЦИЯ НИЖНЕГО ТАГИЛА\nул. Пархоменко, 1", "город Нижний Тагил", "a letterhead in capitals"),
        ("Мэр Сергиева Посада  И.И. Иванов", "город Сергиев Посад", "a signature; the noun's gender"),
        ("Администрация Президента Российской Федерации", "", "no place's name after the sender"),
        ("Глава Северной области", "", "a region's head: «области» is no place's own name"),
    ],
)
def test_sender_municipality(text: str, name: str, reason: str) -> None:
    assert sender_municipality(text) == name, reason


def test_letter_sentence_wrapped_over_lines_is_one_sentence() -> None:
    """A PDF's text breaks a long sentence at the line ends: the subject and the statement may
    stand on different lines of one sentence."""
    text = (
        "Сообщаем, что во II квартале 2025 года международные мероприятия\n"
        "органами местного самоуправления муниципального образования\n"
        "«Озёрный район» Северной области не проводились.\n"
        "Глава муниципального образования"
    )
    assert says_nil_letter(text)
    assert not says_nil_letter(
        "Международные мероприятия:\nотчёт будет направлен позднее.\nСовещание не проводилось."
    )


def _outcome(path: Path) -> FileOutcome:
    """The file through the sandboxed reader and every pure stage, as the flow runs it."""
    return stages.process_file(path)


def _assert_nil(outcome: FileOutcome, municipalities: tuple[str, ...], events: int = 0) -> None:
    assert outcome.reason is None, (outcome.reason, outcome.message)
    assert outcome.report is not None
    assert outcome.report.nil_municipalities == municipalities
    assert len(outcome.report.rows) == events
    assert outcome.flags == ()


@pytest.mark.parametrize(
    ("statement", "merged"),
    [
        ("Международные мероприятия не проводились", False),
        ("Мероприятия не запланированы и не проводились", True),
        ("мероприятий международного характера не проводилось", False),
    ],
)
def test_only_row_is_nil(tmp_path: Path, statement: str, merged: bool) -> None:
    path = nb.nil_only_row(tmp_path / "nil.docx", "Озёрный район", statement, merged)
    _assert_nil(_outcome(path), ("Озёрный район",))


def test_heading_row_in_multi_municipality_report(tmp_path: Path) -> None:
    path = nb.regional_report(
        tmp_path / "regional.docx",
        [
            ("Муниципальное образование «Лесной район»", ["Фестиваль дружбы", "Визит делегации"]),
            ("Муниципальное образование «Озёрный район»", "Международные мероприятия не проводились"),
            ("Муниципальное образование «Каменский район»", ["Ярмарка ремёсел"]),
        ],
    )
    outcome = _outcome(path)
    _assert_nil(outcome, ("Озёрный район",), events=3)
    assert outcome.report is not None
    assert {r.municipality for r in outcome.report.rows} == {"Лесной район", "Каменский район"}


def test_letter_without_table_is_nil(tmp_path: Path) -> None:
    path = nb.nil_letter(
        tmp_path / "letter.docx",
        [
            "Начальнику управления внешних связей Северной области",
            "Администрация муниципального образования «Озёрный район» Северной области сообщает, "
            "что в III квартале 2025 года международные мероприятия не проводились.",
            "Глава муниципального образования",
        ],
    )
    outcome = _outcome(path)
    _assert_nil(outcome, ("Озёрный район",))
    assert outcome.report is not None and outcome.report.period is not None
    assert outcome.report.period.label == "2025Q3"
    assert outcome.report.region == "Северная область"


def test_letter_that_is_not_nil_stays_without_table(tmp_path: Path) -> None:
    path = nb.nil_letter(tmp_path / "cover.docx", ["Сопроводительное письмо: отчёт будет направлен позднее."])
    assert _outcome(path).reason == "no_table_found"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice builds the PDF")
def test_pdf_letter_without_table_is_nil(tmp_path: Path) -> None:
    built = nb.nil_letter(
        tmp_path / "letter.docx",
        [
            "Администрация Лесного муниципального округа Северной области",
            "Информируем, что в III квартале 2025 года международных мероприятий не было.",
        ],
    )
    pdf = _convert(built, tmp_path / "pdf")
    outcome = _outcome(pdf)
    _assert_nil(outcome, ("Лесной муниципальный округ",))
    assert outcome.format == "pdf"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice builds the PDF")
def test_pdf_letter_whose_statement_wraps_over_lines_is_nil(tmp_path: Path) -> None:
    built = nb.nil_letter(
        tmp_path / "letter.docx",
        [
            "Администрация муниципального образования «Озёрный район» Северной области",
            "Сообщаем, что в III квартале 2025 года международные мероприятия органами местного "
            "самоуправления муниципального образования «Озёрный район» Северной области не проводились.",
        ],
    )
    outcome = _outcome(_convert(built, tmp_path / "pdf"))
    _assert_nil(outcome, ("Озёрный район",))


def test_a_letter_signed_in_a_table_is_nil(tmp_path: Path) -> None:
    """Offices lay the signature out as a table without borders; the letter has no events table
    and says nil: a nil report of the municipality the signature names (was unknown_layout)."""
    path = nb.with_tables(
        tmp_path / "letter.docx",
        [
            "Сообщаем, что в III квартале 2025 года международные мероприятия не проводились.",
            nb.SIGNATURE,
        ],
    )
    _assert_nil(_outcome(path), ("Озёрный район",))


def test_an_empty_form_under_a_nil_sentence_is_nil(tmp_path: Path) -> None:
    """The form's header with no row, and «не проводились» typed under it: the sender's nil report
    (was no_rows). A form with no such sentence stays no_rows."""
    from readers_fixtures import HEADER

    title = "Информация Озёрного муниципального района о международных мероприятиях в III квартале 2025 года"
    nil = ["В отчётном периоде международные мероприятия не проводились."]
    path = nb.with_tables(tmp_path / "form.docx", [title, [list(HEADER)], *nil])
    _assert_nil(_outcome(path), ("Озёрный район",))
    empty = nb.with_tables(tmp_path / "empty.docx", [title, [list(HEADER)], "Исполнитель: Петров"])
    assert _outcome(empty).reason == "no_rows"


def test_a_report_signed_in_a_table_takes_its_municipality_from_the_signature(tmp_path: Path) -> None:
    """The title names no municipality, the signature laid out as a table does: each row is its
    (they had none, each a required_field error)."""
    from readers_fixtures import HEADER

    rows = [list(HEADER), nb.event_row(1, "Визит делегации"), nb.event_row(2, "Фестиваль ремёсел")]
    path = nb.with_tables(
        tmp_path / "report.docx",
        ["Информация о международных мероприятиях в III квартале 2025 года", rows, nb.SIGNATURE],
    )
    outcome = _outcome(path)
    assert outcome.report is not None
    assert {r.municipality for r in outcome.report.rows} == {"Озёрный район"}
    assert outcome.report.region == "Северная область"
