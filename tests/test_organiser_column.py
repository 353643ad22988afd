"""A column saying who held an event (an organiser, a responsible office, a partner) beside the
event's names is no title: not by a header word after its head («Организатор мероприятия»), nor by
a header word that names the title («Наименование учреждения»), nor as the longest texts of a table
whose title column has no header word; nor is it the goal typed by content."""

from __future__ import annotations

import pytest

from muniflow.contracts import header_synonyms, load_contract
from muniflow.interpret import interpret_document
from muniflow.interpret.columns import map_columns
from muniflow.interpret.organisations import names_no_events, names_organisation, names_subordinate_body
from muniflow.model import Period, RawDocument, RawRow, RawTable, Row

Q2 = Period(2031, 2)
EVENTS = [
    ("Фестиваль народного творчества «Звонкие ключи»", "г. Минск (Республика Беларусь)", "12.04.2031"),
    ("Турнир по шахматам «Белая ладья»", "г. Энск", "19.04.2031"),
    ("Круглый стол по вопросам сотрудничества в сфере образования", "с. Ивовка", "20.05.2031"),
    ("Выставка детского рисунка «Мир без границ»", "г. Ереван (Республика Армения)", "02.06.2031"),
]
ORGANISERS = [
    "МБУК «Межпоселенческий районный дом культуры «Заря» Энского округа»",
    "Отдел культуры администрации Энского муниципального округа",
    "МБУК «Межпоселенческий районный дом культуры «Заря» Энского округа»",
    "Управление образования администрации Энского муниципального округа",
]


def _rows(header: tuple[str, ...], order: tuple[str, ...]) -> tuple[Row, ...]:
    """A table of EVENTS with ORGANISERS, its columns in `order` (title, org, place, date, part)."""
    body = []
    for n, ((title, place, date), org) in enumerate(zip(EVENTS, ORGANISERS, strict=True), 1):
        cells = {"title": title, "org": org, "place": place, "date": date, "part": f"делегация, {n * 7} чел."}
        body.append(RawRow((f"{n}.", *(cells[c] for c in order)), f"table 1, row {n + 1}"))
    title = "Информация о международных мероприятиях Энского муниципального округа за II квартал 2031 года"
    doc = RawDocument("энск.docx", "docx", title, (RawTable(("№", *header), tuple(body), "table 1"),))
    return interpret_document(doc, header_synonyms(), Q2).rows


def _titles() -> list[str]:
    return [title for title, _, _ in EVENTS]


def test_a_topic_cell_keeps_the_title_from_an_organiser_cell_beside_it() -> None:
    # «Форма и тема мероприятия» matched «формат мероприятия» best, a fallback synonym dropped where
    # another cell names the title: by «тема мероприятия» it still does, and the organiser does not
    header = ["№", "Форма и тема мероприятия", "Место проведения, формат", "Организатор мероприятия"]
    combined = load_contract().threshold("combinedColumns", []) or []
    matches, unmapped = map_columns(header, header_synonyms(), combined)
    assert [m.index for m in matches if m.column == "title"] == [1]
    assert 3 in unmapped


@pytest.mark.parametrize(
    ("header", "order"),
    [
        # the organiser's header takes the title by «наименование»; the events' header names it by
        # no synonym, or by a shorter one
        (
            ("Что проведено", "Наименование ответственной организации", "Место", "Дата", "Участники"),
            ("title", "org", "place", "date", "part"),
        ),
        (
            ("Наименование учреждения", "Событие", "Место", "Дата", "Участники"),
            ("org", "title", "place", "date", "part"),
        ),
    ],
)
def test_an_organisations_column_gives_the_title_to_the_events_names(
    header: tuple[str, ...], order: tuple[str, ...]
) -> None:
    rows = _rows(header, order)
    assert [r.title for r in rows] == _titles()


def test_a_blank_headed_column_takes_the_title_from_an_organisations_column() -> None:
    # «Исполнитель мероприятия» names the title by its dependent word alone; the events' header is blank
    header = ("Исполнитель мероприятия", "", "Место", "Дата", "Участники")
    rows = _rows(header, ("org", "title", "place", "date", "part"))
    assert [r.title for r in rows] == _titles()


def test_an_untitled_title_column_is_no_organisations_column() -> None:
    # no header word for the title: the longest texts are the organisers', yet they name no events
    rows = _rows(("Организатор", "", "Место", "Дата", "Участники"), ("org", "title", "place", "date", "part"))
    assert [r.title for r in rows] == _titles()


def test_an_organisations_column_is_no_goal() -> None:
    rows = _rows(
        ("Мероприятие", "Ответственный исполнитель", "Место", "Дата", "Участники"),
        ("title", "org", "place", "date", "part"),
    )
    assert [r.title for r in rows] == _titles()
    assert [r.goal for r in rows] == ["", "", "", ""]


def test_cells_naming_organisations_people_or_repeats_name_no_events() -> None:
    assert names_organisation("МАУ ДО «Спортивная школа «Олимп»")
    assert names_organisation("Районный дом культуры")
    assert names_organisation("Смирнова Е.В., начальник отдела")
    assert not names_organisation("Фестиваль «Дом дружбы»")
    assert not names_organisation("Администрация округа приняла делегацию г. Минска")
    assert not names_organisation("Турнир «Кубок отдела культуры»")
    assert names_no_events(["Отдел культуры", "МБУК «Заря»", "Фестиваль «Лето»"])
    assert names_no_events(["Местный бюджет"] * 3 + ["Без финансирования"])
    assert not names_no_events([title for title, _, _ in EVENTS])


# Offices of municipalities, which name one in the genitive: who held the event, not whose row it is
OFFICES = [
    "Отдел культуры администрации Ивского муниципального округа",
    "Сектор культуры администрации Ивского муниципального округа",
    "Отдел культуры администрации Ивского муниципального округа",
    "Управление образования Администрации Ивского муниципального округа",
]


@pytest.mark.parametrize("org_header", ["Ответственный", "Кто проводит", ""])
def test_an_organisers_column_naming_offices_of_a_municipality_is_no_municipality_column(
    org_header: str,
) -> None:
    # its header names nothing, its cells name a municipality in every row and repeat: they read as
    # a municipality column but for the office heading each, so the report's own municipality stays
    body = [
        RawRow((f"{n}.", title, place, date, office), f"table 1, row {n + 1}")
        for n, ((title, place, date), office) in enumerate(zip(EVENTS, OFFICES, strict=True), 1)
    ]
    header = ("№", "Наименование мероприятия", "Место проведения", "Дата", org_header)
    title = "Информация о международных мероприятиях Энского муниципального округа за II квартал 2031 года"
    doc = RawDocument("энск.docx", "docx", title, (RawTable(header, tuple(body), "table 1"),))
    report = interpret_document(doc, header_synonyms(), Q2)
    assert {r.municipality for r in report.rows} == {"Энский муниципальный округ"}
    assert report.reading is not None
    assert not [m for m in report.reading.tables[0].columns if m.column == "municipality"]


def test_a_municipalitys_own_administration_names_it_an_office_under_it_does_not() -> None:
    assert not names_subordinate_body("Администрация Ивского муниципального округа")
    assert names_subordinate_body("Отдел культуры администрации Ивского муниципального округа")
    assert not names_subordinate_body("Ивский муниципальный округ")


@pytest.mark.parametrize(
    ("header", "title_at", "reason"),
    [
        (["№", "Форма мероприятия", "Дата", "Место"], 1, "its own synonym, no typo of «формат мероприятия»"),
        (["№", "Форма проведения", "Дата", "Организатор мероприятия", "Место"], 1,
         "the organiser names the title only by a word after its head: the format cell is the lone title"),
    ],
)  # fmt: skip
def test_a_lone_format_header_is_the_title_by_its_exact_synonym(
    header: list[str], title_at: int, reason: str
) -> None:
    combined = load_contract().threshold("combinedColumns", []) or []
    matches, _ = map_columns(header, header_synonyms(), combined)
    (title,) = [m for m in matches if m.column == "title"]
    assert (title.index, title.evidence) == (title_at, "synonym"), reason


def test_an_exact_synonym_wins_over_a_longer_fuzzy_one_of_another_column() -> None:
    # «формат работы» read with a typo outweighs «форма» by letters; the cell holds «форма» as written
    matches, _ = map_columns(
        ["№", "Форма работы"], {"seq_no": ["№"], "title": ["форма"], "place": ["формат работы"]}
    )
    assert [(m.index, m.column) for m in matches if m.index == 1] == [(1, "title")]
