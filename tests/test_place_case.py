"""A place a letter names after «в»/«на», in the locative, is written in the nominative as a report's
place column writes it (interpret/place_case.py); kept as written when its nominative is unsure."""

from __future__ import annotations

import pytest

from muniflow.interpret.place_case import nominative_object, nominative_place


@pytest.mark.parametrize(
    ("written", "nominative"),
    [
        ("г. Лесногорске", "г. Лесногорск"),  # a town after its kind abbreviation, which stays
        ("Сосновоборском политехническом колледже", "Сосновоборский политехнический колледж"),
        # the agreed phrase only: a name in the genitive and «им. …» after it stay
        (
            "Верхнеозёрском краеведческом музее им. П.П. Петрова",
            "Верхнеозёрский краеведческий музей им. П.П. Петрова",
        ),
        ("Доме ремёсел", "Дом ремёсел"),
        ("Старых Ключах", "Старые Ключи"),  # a plural name, its adjective agreeing
        ("г. Кировограде (Украина)", "г. Кировоград (Украина)"),  # a remark in brackets stays
        # a name that is an adjective alone agrees with its kind's abbreviation: «с.» село, «д.» деревня
        ("с. Озёрном", "с. Озёрное"),
        ("д. Малой Сосновке", "д. Малая Сосновка"),
        ("пос. Заречном Сосновского района", "пос. Заречный Сосновского района"),
    ],
)
def test_a_locative_place_is_put_in_the_nominative(written: str, nominative: str) -> None:
    assert nominative_place(written) == nominative


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("пгт Заречный", "already nominative after the kind abbreviation"),
        ("г. Сочи", "indeclinable"),
        ("ДК «Заря»", "an abbreviation, then a quoted name"),
        ("парке «Дружба»", "«парке» reads as «парк» and «парка»: two nominatives"),
        ("с. Малые Ключи", "a plural name written in the nominative"),
    ],
)
def test_a_place_whose_nominative_is_unsure_is_kept(written: str, reason: str) -> None:
    assert nominative_place(written) == written, reason


@pytest.mark.parametrize(
    ("written", "nominative"),
    [
        ("рабочую встречу с делегацией г. Гомеля", "рабочая встреча с делегацией г. Гомеля"),
        ("Международную научную конференцию «Озёра»", "Международная научная конференция «Озёра»"),
        ("турнир «Кубок озёр»", "турнир «Кубок озёр»"),  # the accusative is the nominative: as written
    ],
)
def test_an_events_name_written_as_a_verbs_object_is_put_in_the_nominative(
    written: str, nominative: str
) -> None:
    assert nominative_object(written) == nominative
