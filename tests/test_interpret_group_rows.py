"""Rows grouping events that are not merged across the table: a theme typed alone in the title or
the № cell, a numbered group heading over «1.1», «1.2», a footnote under the table."""

from __future__ import annotations

from muniflow.contracts import header_synonyms
from muniflow.interpret import interpret_document
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Информация о мероприятиях муниципальных образований Энской области во II квартале 2024 года"
HEADER = ("№", "Наименование мероприятия", "Место проведения", "Сроки проведения", "Участники")


def _read(*rows: tuple[str | None, ...], title: str = TITLE):  # type: ignore[no-untyped-def]
    body = tuple(RawRow(tuple(cells), f"table 1, row {i + 2}") for i, cells in enumerate(rows))
    table = RawTable(HEADER, body, "table 1")
    return interpret_document(RawDocument("x.docx", "docx", title, (table,)), header_synonyms())


def _themes(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.text for s in doc.reading.sections if s.kind == "theme"]


def test_a_theme_typed_alone_in_the_title_cell_over_dated_events_is_a_heading() -> None:
    """«Культура» in the title cell, the row's other cells empty (not merged), over the events it
    groups: no event; a row of only a title over nothing dated stays an event (flagged for its
    empty cells, not left out)."""
    doc = _read(
        ("Город Энск", None, None, None, None),
        ("", "Культура", "", "", ""),
        ("1", "Концерт «Лад»", "г. Энск", "12.04.2024", "40 человек"),
        ("", "Молодёжная политика", "", "", ""),
        ("2", "Форум «Исток»", "г. Энск", "20.05.2024", "60 человек"),
        ("", "Круглый стол", "", "", ""),
    )
    assert [r.title for r in doc.rows] == ["Концерт «Лад»", "Форум «Исток»", "Круглый стол"]
    assert _themes(doc) == ["Культура", "Молодёжная политика"]
    assert {r.municipality for r in doc.rows} == {"город Энск"}


def test_a_kind_typed_alone_in_the_number_cell_or_with_its_section_number_is_a_heading() -> None:
    """«Визиты делегаций» in the № cell; «II. Спортивные мероприятия» in the title cell."""
    doc = _read(
        ("Н-ский район", None, None, None, None),
        ("Визиты делегаций", "", "", "", ""),
        ("1", "Визит делегации г. Гродно", "с. Н", "3 апреля 2024 г.", "6 человек"),
        ("", "II. Спортивные мероприятия", "", "", ""),
        ("2", "Турнир по самбо «Кубок Н»", "с. Н", "14.06.2024", "80 человек"),
    )
    assert [r.title for r in doc.rows] == ["Визит делегации г. Гродно", "Турнир по самбо «Кубок Н»"]
    assert _themes(doc) == ["Визиты делегаций", "II. Спортивные мероприятия"]


def test_a_numbered_group_heading_merged_across_over_dotted_items_is_no_event() -> None:
    """«1.» | «Дни культуры Республики Беларусь в районе» merged over the rest, then 1.1, 1.2: the
    items are the events, under the municipality the title names."""
    title = "Отчёт администрации Н-ского муниципального района Энской области за II квартал 2024 года"
    doc = _read(
        ("1.", "Дни культуры Республики Беларусь в районе", None, None, None),
        ("1.1", "Выставка «Белые росы»", "с. Н", "12.04.2024", "30 человек"),
        ("1.2", "Концерт «Песняры»", "с. Н", "13.04.2024", "200 человек"),
        ("2.", "Республика Беларусь", None, None, None),
        ("2.1", "Визит делегации г. Бреста", "с. Н", "20.05.2024", "5 человек"),
        title=title,
    )
    assert [r.seq_text for r in doc.rows] == ["1.1", "1.2", "2.1"]
    assert _themes(doc) == ["Дни культуры Республики Беларусь в районе", "Республика Беларусь"]


def test_a_footnote_under_the_events_typed_in_the_title_cell_is_no_event() -> None:
    doc = _read(
        ("1", "Концерт «Лад»", "онлайн*", "12.04.2024", "40 человек"),
        ("", "* — мероприятие проведено в дистанционном формате", "", "", ""),
    )
    assert [r.title for r in doc.rows] == ["Концерт «Лад»"]


def test_totals_typed_in_the_title_cell_beside_counts_are_no_events() -> None:
    """«ВСЕГО» with the count in the № cell; «Итого:» beside the municipality's name in its column
    and the participants counted: no place or date, no event."""
    doc = _read(
        ("1", "Концерт «Лад»", "г. Энск", "12.04.2024", "40 человек"),
        ("2", "ВСЕГО", "", "", ""),
    )
    assert [r.title for r in doc.rows] == ["Концерт «Лад»"]
    header = (
        "№",
        "Муниципальное образование",
        "Наименование мероприятия",
        "Место проведения",
        "Дата",
        "Участники",
    )
    body = (
        ("1", "Н-ский район", "Форум «Исток»", "с. Н", "20.05.2024", "60 человек"),
        ("", "Н-ский район", "Итого:", "", "", "60 человек"),
        ("2", "Город Энск", "Концерт «Лад»", "г. Энск", "12.04.2024", "40 человек"),
    )
    rows = tuple(RawRow(cells, f"table 1, row {i + 2}") for i, cells in enumerate(body))
    table = RawTable(header, rows, "table 1")
    doc = interpret_document(RawDocument("x.docx", "docx", TITLE, (table,)), header_synonyms())
    assert [r.title for r in doc.rows] == ["Форум «Исток»", "Концерт «Лад»"]


def test_a_numbered_heading_not_merged_over_its_first_item_is_no_event() -> None:
    """«1.» | «Дни культуры Республики Беларусь», the other cells empty (not merged), over «1.1»:
    the group of its items by their numbers, whatever its words."""
    doc = _read(
        ("Город Энск", None, None, None, None),
        ("1.", "Дни культуры Республики Беларусь", "", "", ""),
        ("1.1", "Выставка «Росы»", "г. Энск", "12.04.2024", "30 человек"),
        ("1.2", "Концерт «Лад»", "г. Энск", "13.04.2024", "40 человек"),
    )
    assert [r.seq_text for r in doc.rows] == ["1.1", "1.2"]
    assert _themes(doc) == ["Дни культуры Республики Беларусь"]


def test_a_theme_in_the_title_cell_beside_the_municipality_s_name_in_its_column_is_a_heading() -> None:
    header = ("№", "Муниципальное образование", "Наименование мероприятия", "Место проведения", "Дата")
    body = (
        ("", "Город Энск", "Культура", "", ""),
        ("1", "Город Энск", "Концерт «Лад»", "г. Энск", "12.04.2024"),
        ("", "Город Энск", "Спорт", "", ""),
        ("2", "Город Энск", "Турнир «Кубок»", "г. Энск", "14.04.2024"),
    )
    rows = tuple(RawRow(cells, f"table 1, row {i + 2}") for i, cells in enumerate(body))
    doc = interpret_document(
        RawDocument("x.docx", "docx", TITLE, (RawTable(header, rows, "table 1"),)), header_synonyms()
    )
    assert [r.title for r in doc.rows] == ["Концерт «Лад»", "Турнир «Кубок»"]
    assert _themes(doc) == ["Культура", "Спорт"]


def test_a_theme_typed_in_the_title_cell_over_its_nil_statement_is_no_event() -> None:
    doc = _read(
        ("Город Энск", None, None, None, None),
        ("", "Культура", "", "", ""),
        ("1", "Концерт «Лад»", "г. Энск", "12.04.2024", "40 человек"),
        ("", "Спорт", "", "", ""),
        ("", "Мероприятия не проводились", "", "", ""),
    )
    assert [r.title for r in doc.rows] == ["Концерт «Лад»"]
    assert _themes(doc) == ["Культура", "Спорт"]


def test_a_one_word_theme_under_a_city_s_heading_above_its_table_is_no_part_of_its_name() -> None:
    """«Город Энск» / «Культура» above a table: the city's, not a city «Энск Культура»."""
    body = (RawRow(("1", "Концерт «Лад»", "г. Энск", "12.04.2024", "40 человек"), "table 1, row 2"),)
    table = RawTable(HEADER, body, "table 1", "Город Энск\nКультура")
    doc = interpret_document(RawDocument("x.docx", "docx", TITLE, (table,)), header_synonyms())
    assert [r.municipality for r in doc.rows] == ["город Энск"]
