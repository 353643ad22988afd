"""The numbering rule: № must run 1, 2, 3… through the report; the row where the run breaks is flagged."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rowfactory import make_row

from muniflow.contracts import load_contract
from muniflow.model import Row
from muniflow.rules.numbering import numbering_flags

BASE = make_row(source_file="report.pdf", source_locator="page 1, table 1, row 2")


def rows_numbered(*numbers: int | None) -> list[Row]:
    return [
        replace(BASE, row_index=i, seq_no=n, seq_text=f"{n}." if n is not None else "—")
        for i, n in enumerate(numbers)
    ]


CASES = [
    ("a clean run", (1, 2, 3, 4), []),
    ("a repeated number: the second copy breaks the run", (1, 2, 3, 3, 4, 5), [3]),
    ("a skipped number: the row after the gap", (1, 2, 4, 5), [2]),
    ("several numbers skipped at once", (1, 2, 7, 8), [2]),
    ("a run that does not start at 1", (2, 3, 4), [0]),
    ("a single stray number between a correct run", (1, 2, 3, 13, 5, 6), [3]),
    ("a repeated number then the run carries on one further", (1, 2, 2, 4), [2]),
    ("a missing № that took its slot", (1, 2, None, 4), [2]),
    ("a missing № on an extra row", (1, 2, None, 3), [2]),
    ("a restart from 1 midway (numbered per section) breaks the report's run", (1, 2, 1, 2), [2]),
    ("two separate breaks are both flagged", (1, 1, 2, 3, 5, 6), [1, 4]),
    ("the last row repeated", (1, 2, 3, 3), [3]),
    ("a report that numbers no row has no run to break", (None, None, None), []),
    ("one numbered row among unnumbered ones: the others break the run", (1, None, None), [1, 2]),
    ("two rows in each other's place: both, not the row after them", (1, 2, 4, 3, 5, 6), [2, 3]),
    ("the last two rows in each other's place", (1, 2, 3, 5, 4), [3, 4]),
    ("the first two rows in each other's place", (2, 1, 3), [0, 1]),
]


@pytest.mark.parametrize(("reason", "numbers", "expected"), CASES, ids=[c[0] for c in CASES])
def test_numbering(reason: str, numbers: tuple[int | None, ...], expected: list[int]) -> None:
    flags = numbering_flags(rows_numbered(*numbers), load_contract())
    assert [f.row_index for f in flags] == expected, reason
    assert all((f.rule, f.severity, f.field) == ("numbering", "warning", "seq_no") for f in flags)


def test_messages_say_what_broke() -> None:
    repeated, skipped = numbering_flags(rows_numbered(1, 1, 2, 5, 6), load_contract())
    assert "повторяется" in repeated.message and repeated.value == "1"
    assert "пропущен № 3–4" in skipped.message and skipped.value == "5"


def test_two_rows_in_each_others_place_say_so() -> None:
    first, second = numbering_flags(rows_numbered(1, 2, 4, 3, 5), load_contract())
    assert first.message == second.message == "№ 3 и № 4 переставлены местами."
    assert (first.value, second.value) == ("4", "3")


@pytest.mark.parametrize("first", [0, 3])
def test_a_run_opening_on_a_wrong_number_says_where_it_opens(first: int) -> None:
    """No row before it: «после № 0 идёт № 3» named a row that does not exist."""
    [flag] = numbering_flags(rows_numbered(first, 2, 3, 4), load_contract())
    assert flag.message == f"Нумерация начинается с № {first}, ожидался № 1." and flag.value == str(first)


def _sectioned(*blocks: tuple[str, tuple[int | None, ...]]) -> list[Row]:
    rows = []
    for municipality, numbers in blocks:
        for n in numbers:
            rows.append(
                replace(BASE, row_index=len(rows), seq_no=n, seq_text=str(n), municipality=municipality)
            )
    return rows


SECTION_CASES = [
    ("numbered anew in each section: no flag", (("А", (1, 2, 3)), ("Б", (1, 2))), []),
    ("one run through the sections: no flag", (("А", (1, 2, 3)), ("Б", (4, 5))), []),
    (
        "per-section scheme, a skip inside a section is flagged",
        (("А", (1, 2)), ("Б", (1, 3)), ("В", (1,))),
        [3],
    ),
    (
        "through scheme, a restart in one section is flagged",
        (("А", (1, 2)), ("Б", (3, 4)), ("В", (1, 6))),
        [4],
    ),
]


@pytest.mark.parametrize(("reason", "blocks", "expected"), SECTION_CASES, ids=[c[0] for c in SECTION_CASES])
def test_numbering_scheme_chosen_per_report(reason, blocks, expected):
    flags = numbering_flags(_sectioned(*blocks), load_contract())
    assert [f.row_index for f in flags] == expected, reason


def test_an_empty_number_column_is_no_break() -> None:
    """Many municipal reports leave the № column empty (or have none): nothing to flag per row."""
    rows = [replace(BASE, row_index=i, seq_no=None, seq_text=text) for i, text in enumerate(["", " ", "-"])]
    assert numbering_flags(rows, load_contract()) == []


def test_a_report_without_any_number_has_no_run_to_break() -> None:
    """A table with no № column (every № cell empty) is a layout, not a misnumbering of each row;
    one row left unnumbered among numbered ones is still flagged."""
    unnumbered = [replace(BASE, row_index=i, seq_no=None, seq_text="") for i in range(4)]
    assert numbering_flags(unnumbered, load_contract()) == []
    one_missing = [*rows_numbered(1, 2), replace(BASE, row_index=2, seq_no=None, seq_text="")]
    assert [f.row_index for f in numbering_flags(one_missing, load_contract())] == [2]


def _two_level(*numbers: tuple[str, str]) -> list[Row]:
    return [
        replace(BASE, row_index=i, seq_no=None, seq_text=text, municipality=muni, municipality_raw=muni)
        for i, (muni, text) in enumerate(numbers)
    ]


def test_numbers_of_section_and_item_run_by_item_in_each_section() -> None:
    """«1.1», «1.2», «2.1»: the item numbers run anew under each municipality, as a restarting
    № does; a skipped item is still flagged."""
    clean = _two_level(("А", "1.1"), ("А", "1.2."), ("Б", "2.1"), ("Б", "2.2"))
    assert numbering_flags(clean, load_contract()) == []
    skipped = _two_level(("А", "1.1"), ("А", "1.3"), ("Б", "2.1"))
    assert [f.row_index for f in numbering_flags(skipped, load_contract())] == [1]


def test_section_and_item_numbers_are_judged_per_section_even_on_a_tie() -> None:
    """«1.1, 1.2 | 2.1, 2.3»: one break either way (the restart at 2.1 through the report, the gap
    before 2.3 per section); the numbers say they run per section, so 2.3 is the one flagged."""
    rows = _two_level(("А", "1.1."), ("А", "1.2."), ("Б", "2.1."), ("Б", "2.3."))
    assert [f.row_index for f in numbering_flags(rows, load_contract())] == [3]


NIL_CASES = [
    ("a numbered nil statement takes its № in the run", (1, 3, 4), ((1, "2.", "Б"),), []),
    ("two numbered nil statements in one place keep their order", (1, 4), ((1, "2", "Б"), (1, "3", "В")), []),
    ("a nil statement at the end", (1, 2), ((2, "3", "В"),), []),
    ("a gap a nil statement does not fill is still flagged", (1, 4), ((1, "2", "Б"),), [1]),
    ("a nil statement numbered out of the run is never flagged itself", (1, 2, 3), ((1, "9", "Б"),), []),
]


@pytest.mark.parametrize(("reason", "numbers", "nil", "expected"), NIL_CASES, ids=[c[0] for c in NIL_CASES])
def test_numbered_nil_statements_take_their_place_in_the_run(reason, numbers, nil, expected) -> None:
    """«1. Концерт / 2. Мероприятия не проводились / 3. Выставка»: the nil statement is no event
    row, yet its № is no gap in the run."""
    flags = numbering_flags(rows_numbered(*numbers), load_contract(), nil)
    assert [f.row_index for f in flags] == expected, reason


def test_a_run_anew_in_each_table_of_one_municipality_breaks_nothing() -> None:
    """A municipality's events in a table per theme («Культура», «Спорт»), each numbered from 1;
    a restart inside one table still breaks the run."""
    tables = (("table 1", 1), ("table 1", 2), ("table 2", 1), ("table 2", 2), ("table 3", 1))
    rows = [
        replace(BASE, row_index=i, seq_no=n, seq_text=f"{n}.", source_locator=f"{t}, row {i + 2}")
        for i, (t, n) in enumerate(tables)
    ]
    assert numbering_flags(rows, load_contract()) == []
    inside = [replace(r, source_locator="table 1, row 2") for r in rows]
    assert [f.row_index for f in numbering_flags(inside, load_contract())] == [2, 4]


def _tables(*tables: tuple[int | None, ...]) -> list[Row]:
    rows = []
    for t, numbers in enumerate(tables, start=1):
        for n in numbers:
            locator = f"table {t}, row {len(rows) + 2}"
            rows.append(replace(BASE, row_index=len(rows), seq_no=n, seq_text=str(n), source_locator=locator))
    return rows


@pytest.mark.parametrize(
    ("reason", "tables", "expected"),
    [
        ("tables split by hand go on, a themed table after them starts at 1", ((1, 2), (3, 4), (1, 2)), []),
        ("a table opening on another number still breaks the run", ((1, 2), (3, 4), (7, 8)), [4]),
        ("a skip inside the restarted table is flagged", ((1, 2), (3, 4), (1, 3)), [5]),
    ],
)
def test_a_table_may_start_the_numbering_anew_where_others_go_on(reason, tables, expected) -> None:
    flags = numbering_flags(_tables(*tables), load_contract())
    assert [f.row_index for f in flags] == expected, reason


def test_items_under_theme_headings_of_one_municipality_run_anew_per_section_number() -> None:
    """«1.1, 1.2, 1.3 | 2.1, 2.2» in one municipality's report grouped by theme: the section number
    says where the items start anew; a skipped item is still flagged."""
    clean = _two_level(("А", "1.1"), ("А", "1.2"), ("А", "1.3"), ("А", "2.1"), ("А", "2.2"))
    assert numbering_flags(clean, load_contract()) == []
    skipped = _two_level(("А", "1.1"), ("А", "1.2"), ("А", "2.1"), ("А", "2.3"))
    assert [f.row_index for f in numbering_flags(skipped, load_contract())] == [3]
