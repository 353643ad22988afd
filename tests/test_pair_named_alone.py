"""A header cell naming both columns of a declared pair by their own synonyms («Место проведения,
формат»: the place, and the title by «формат проведения») holds only the other column when another
cell names one of the pair on its own («Мероприятие (форма, тема)»): that cell keeps its column, the
place keeps its cells, and no row loses its title to the place column."""

from __future__ import annotations

import pytest

from muniflow import contracts
from muniflow.interpret import interpret_document
from muniflow.interpret.columns import map_columns
from muniflow.model import RawDocument, RawRow, RawTable

TITLE = "Информация о международных мероприятиях Энского района за III квартал 2025 года"


def _columns(header: tuple[str, ...]) -> dict[int, set[str]]:
    combined = contracts.load_contract().threshold("combinedColumns", []) or []
    matches, _ = map_columns(header, contracts.header_synonyms(), combined)
    out: dict[int, set[str]] = {}
    for m in matches:
        out.setdefault(m.index, set()).add(m.column)
    return out


@pytest.mark.parametrize(
    "title_label", ["Мероприятие (форма, тема)", "Наименование международного мероприятия", "Мероприятие"]
)
def test_a_place_and_format_cell_beside_a_title_column_is_the_place(title_label: str) -> None:
    header = ("№", title_label, "Сроки", "Место проведения, формат", "Участники")
    expected = {0: {"seq_no"}, 1: {"title"}, 2: {"date_text"}, 3: {"place"}, 4: {"participants"}}
    assert _columns(header) == expected


def test_rows_keep_their_titles_and_places() -> None:
    header = ("№", "Мероприятие (форма, тема)", "Сроки", "Место проведения, формат", "Участники")
    rows = (
        RawRow(("1", "Турнир «Кубок Заречья»", "12.08.2025", "г. Энск, парк", "40 чел."), "table 1, row 2"),
        RawRow(("2", "Форум «Мост»", "20.08.2025", "онлайн", "12 чел."), "table 1, row 3"),
    )
    doc = RawDocument("x.docx", "docx", TITLE, (RawTable(header, rows, "table 1"),))
    report = interpret_document(doc, contracts.header_synonyms())
    assert [(r.title, r.place) for r in report.rows] == [
        ("Турнир «Кубок Заречья»", "г. Энск, парк"),
        ("Форум «Мост»", "онлайн"),
    ]
