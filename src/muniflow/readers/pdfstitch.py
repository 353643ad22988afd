"""A PDF table drawn over several pages, put back together: page fragments grouped into logical
tables (same column grid, nothing between them), repeated headers dropped and rows the page end
cut glued back.

A fragment is the part of a table drawn on one page, its cells as glyph lines (see pdflines).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TypeVar

from muniflow.interpret.cards import MAX_GRID as CARD_GRID
from muniflow.interpret.cell_items import bulleted
from muniflow.model import Cell
from muniflow.morph import analyzer
from muniflow.normalize.text import seq_number
from muniflow.readers.base import fold_whitespace
from muniflow.readers.headerwords import cell_lemmas, is_header_like
from muniflow.readers.pdfgapcolumns import DEFAULT_PAD, RUN_CLEARANCE
from muniflow.readers.pdfglue import (
    MAX_HEADER_ROWS,
    LineCell,
    LineRow,
    cell_text,
    continues_header,
    glue,
    glue_header,
    is_column_numbers,
    is_spanning,
    merged_over_page_end,
    strip_header_overflow,
    wraps_at_end,
)
from muniflow.readers.pdfgrid import Ends, finer_grid, regrid, regrid_slots
from muniflow.readers.rownumber import SEQ_NUMBER

COLUMN_TOLERANCE = 3.0  # points: the same column drawn on two pages may differ by rounding
# points: a column of a table drawn without rules, inferred again on the next page, may stand as
# far off: its boundary is moved into the gap the page's lines leave (pdfgapcolumns.keeps_hint)
INFERRED_TOLERANCE = DEFAULT_PAD + RUN_CLEARANCE


@dataclass(frozen=True)
class Fragment:
    """The part of a table drawn on one page."""

    page: int
    columns: tuple[float, ...]  # left edges of the grid columns, then the right edge
    rows: tuple[tuple[LineCell, ...], ...]
    first_on_page: bool
    last_on_page: bool
    caption: str = ""  # the text between the previous table and this one
    ends: tuple[Ends, ...] = ()  # per row, how far each cell spans (see pdfgrid)
    above: tuple[frozenset[int], ...] = ()  # per row, the slots merged down from a row above
    open_rows: tuple[bool, ...] = ()  # per row, no rule drawn over it (see RawRow.open_above)
    on_page: int = 0  # how many tables the page holds above this one

    def locator(self, row: int) -> str:
        """Where a row of it stands: «page 3, row 2»; under another table of the page, «page 3,
        table 2, row 2» (as the OCR reader writes it), so no two rows of a file share one."""
        table = f"table {self.on_page + 1}, " if self.on_page else ""
        return f"page {self.page}, {table}row {row}"

    @cached_property
    def texts(self) -> tuple[tuple[Cell, ...], ...]:
        """The rows' cell texts, for telling headers, numbers and continuations apart."""
        return tuple(tuple(cell_text(c) for c in row) for row in self.rows)


def _same_grid(a: Fragment, b: Fragment) -> bool:
    """True when two fragments have the same columns at the same places."""
    return len(a.columns) == len(b.columns) and all(
        abs(x - y) <= COLUMN_TOLERANCE for x, y in zip(a.columns, b.columns, strict=True)
    )


def _on_grid(fragment: Fragment, columns: tuple[float, ...]) -> Fragment:
    """The fragment laid out on a grid whose edges include its own (see pdfgrid)."""
    if len(columns) == len(fragment.columns):
        return fragment
    rows, ends = regrid(fragment.columns, fragment.rows, fragment.ends, columns, COLUMN_TOLERANCE)
    above = tuple(regrid_slots(fragment.columns, s, columns, COLUMN_TOLERANCE) for s in fragment.above)
    return replace(fragment, columns=columns, rows=rows, ends=ends, above=above)


def stitch_groups(fragments: Sequence[Fragment]) -> list[list[Fragment]]:
    """Group fragments into logical tables: a table continues at the top of the next page on the
    same grid with nothing between; a repeated header drawn as a table of its own at the top of
    the page counts as part of that page's top (the table under it continues too).

    A fragment whose rows all hold merged cells shows only some of the table's column edges: on the
    next page, the table goes on where those edges are among its own, and both are laid out on
    the finer grid."""
    groups: list[list[Fragment]] = []
    for fragment in fragments:
        grid = finer_grid(groups[-1][-1].columns, fragment.columns, COLUMN_TOLERANCE) if groups else None
        if groups and grid is None and _inferred_alike(groups[-1][-1], fragment):
            grid = groups[-1][-1].columns
        if groups and not fragment.caption and grid is not None:
            group = groups[-1]
            last = group[-1]
            next_page = fragment.page == last.page + 1 and last.last_on_page and fragment.first_on_page
            under_header = (
                len(group) > 1
                and fragment.page == last.page
                and last.first_on_page
                and _same_grid(last, fragment)
                and _repeats_header(group, last)
            )
            if next_page or under_header:
                group[:] = [_on_grid(f, grid) for f in group]
                group.append(_on_grid(fragment, grid))
                continue
        groups.append([fragment])
    return groups


def _inferred_alike(a: Fragment, b: Fragment) -> bool:
    """Two tables drawn without rules (their columns inferred) with as many columns, each edge
    within INFERRED_TOLERANCE of the other's: the columns of the page before, each boundary moved
    within its gap on this page. Read as two tables, the row the page end cut lost its rest."""
    return (
        bool(a.open_rows and b.open_rows)
        and len(a.columns) == len(b.columns)
        and all(abs(x - y) <= INFERRED_TOLERANCE for x, y in zip(a.columns, b.columns, strict=True))
    )


def _repeats_header(group: Sequence[Fragment], fragment: Fragment) -> bool:
    """True when every row of a fragment repeats the group's header rows."""
    first = group[0]
    header_rows = first.texts[: header_block_size(first.texts, seq_column(group))]
    return repeated_header_count(header_rows, fragment.texts) == len(fragment.texts)


def _folded(cells: Sequence[Cell]) -> tuple[str, ...]:
    return tuple(fold_whitespace(c or "") for c in cells)


def repeated_header_count(header_rows: Sequence[Sequence[Cell]], rows: Sequence[Sequence[Cell]]) -> int:
    """How many leading rows of a later page repeat the table's header: rows that show one of its
    header rows again (a title row above the header need not repeat), or header-like by the
    vocabulary with each phrase under the header cell that holds its words.

    A row continuing an event broken by the page end may hold header words too («Делегация …»
    under «Участники»), but not in the columns the header put them in, nor as the header's text."""
    known = {_folded(row) for row in header_rows}
    count = 0
    for row in rows:
        shown = _folded(row) in known or any(_shows_row(row, head) for head in header_rows)
        if not shown and not (is_header_like(row) and _under_own_header(row, header_rows)):
            break
        count += 1
    return count


def _compact(text: Cell) -> str:
    return "".join(ch for ch in (text or "").lower() if ch.isalnum())


def _shows_row(row: Sequence[Cell], header_row: Sequence[Cell]) -> bool:
    """True when a row shows a header row again: each filled cell holds the same letters as the
    header cell above it, or only their beginning (lines cut elsewhere, or the last lines spilt
    into the row below). A beginning of one or two letters shows nothing: it is the end of a word
    the page end cut («к)» of «человек)» under «Количество и состав участников»)."""
    filled = [
        (mine, _compact(head))
        for cell, head in zip(row, header_row, strict=False)
        if (mine := _compact(cell))
    ]
    return bool(filled) and all(
        mine == head or (len(mine) >= _SHOWN_LETTERS and head.startswith(mine)) for mine, head in filled
    )


_SHOWN_LETTERS = 3  # of a header cell's beginning, for a row to show that header again


# A header cell drawn again holds about its own words (lines cut or hyphenated elsewhere): a cell
# of more than HEADER_SLACK_WORDS words beyond the longest header cell of its column is text the
# page end cut («…о проведении ответного визита…» under «Цель проведения, результат», «…всего 182
# участников» under «Участники»), whatever header words it holds.
HEADER_SLACK_WORDS = 2


def _under_own_header(row: Sequence[Cell], header_rows: Sequence[Sequence[Cell]]) -> bool:
    """True when every filled cell shares a word (by lemma) with a header cell of its column and
    holds no more words than such a cell may (HEADER_SLACK_WORDS)."""
    for col, cell in enumerate(row):
        if not cell or not cell.strip():
            continue
        heads = [head[col] or "" for head in header_rows if col < len(head)]
        if not any(cell_lemmas(cell) & cell_lemmas(head) for head in heads):
            return False
        if len(cell.split()) > max((len(h.split()) for h in heads), default=0) + HEADER_SLACK_WORDS:
            return False
    return True


def header_block_size(texts: Sequence[Sequence[Cell]], seq_col: int) -> int:
    """How many leading rows are header rows (at least one): those before the first numbered row,
    a column-number row ending them, or a heading row across the table once a header row came
    (a title row across the table may stand above the header)."""
    header_seen = False
    for i, cells in enumerate(texts[:MAX_HEADER_ROWS]):
        if is_column_numbers(cells):
            return i + 1
        numbered = seq_col < len(cells) and SEQ_NUMBER.match(cells[seq_col] or "") is not None
        if numbered:
            return max(1, i)
        spanning = is_spanning(cells)
        if spanning and header_seen:
            return i
        header_seen = header_seen or not spanning
    return 1


def seq_column(group: Sequence[Fragment]) -> int:
    """The column that holds row numbers (most cells like '12.'), defaulting to the first; a row
    numbering the columns (1 2 3 … under the header) numbers no row, nor does a number whose cell
    wraps at its end (the page end cut «234 | участников» after it)."""
    width = len(group[0].columns) - 1
    hits = [0] * width
    for fragment in group:
        for lines, cells in zip(fragment.rows, fragment.texts, strict=True):
            if is_column_numbers(cells):
                continue
            for col, text in enumerate(cells[:width]):
                if text and SEQ_NUMBER.match(text) and not wraps_at_end(lines[col]):
                    hits[col] += 1
    return max(range(width), key=lambda c: (hits[c], -c)) if width > 0 else 0


def _is_continuation(cells: Sequence[Cell], seq_col: int) -> bool:
    """A row cut by a page break goes on with an empty № cell and text in some other cell. A № cell
    holding a mark alone is empty too: the full stop of «17.» a narrow column wrapped under the
    number goes on overleaf with the row's other cells."""
    seq = cells[seq_col]
    no_number = seq is not None and not any(ch.isalnum() for ch in seq)
    return no_number and any(c for i, c in enumerate(cells) if i != seq_col)


def _label_again(rows: Sequence[LineRow], cells: Sequence[Cell], seq_col: int) -> bool:
    """Whether the page's first row is the next label row of an event card (a narrow table of
    label | value rows, the № in each card's first row only): it fills every column the row above
    fills, the № aside, and its first cell after the № is, word for word, one a row above holds in
    that column (each card repeats its labels). The rest of a row the page end cut leaves a column
    of the row above empty, or repeats no row's cell."""
    if len(cells) > CARD_GRID or not rows:  # a table of event cards has no more columns
        return False
    above = [cell_text(c) for c in rows[-1].cells]
    if any(not c and i != seq_col and i < len(above) and above[i] for i, c in enumerate(cells)):
        return False
    col = next((i for i, c in enumerate(cells) if i != seq_col and c), None)
    if col is None:
        return False
    label = fold_whitespace(cells[col] or "")
    return any(col < len(r.cells) and fold_whitespace(cell_text(r.cells[col]) or "") == label for r in rows)


def _listed_stage(above: LineRow, texts: Sequence[Sequence[Cell]], seq_col: int) -> bool:
    """Whether the page's first row (texts[0]) is an item of a list of rows under an event: its
    first text after the blank № opens with a bullet («– открытие»), and so does the row above or
    the next one in that column, its № blank too (the stages of the event with no № of their own,
    read as such by interpret/row_goes_on.py). The rest of a row the page end cut is one text going
    on, no list of rows."""
    first = texts[0]
    col = next((i for i, c in enumerate(first) if i != seq_col and c), None)
    if col is None or not bulleted(first[col] or ""):
        return False
    neighbours = [tuple(cell_text(c) for c in above.cells), *texts[1:2]]
    return any(
        col < len(cells)
        and seq_col < len(cells)
        and not cells[seq_col]
        and next((i for i, c in enumerate(cells) if i != seq_col and c), None) == col
        and bulleted(cells[col] or "")
        for cells in neighbours
    )


def _number_wrapped(rows: Sequence[LineRow], cells: Sequence[Cell], seq_col: int) -> bool:
    """A row whose number a narrow № column wrapped, cut by the page end between its digits: the
    last row's № («1») followed by the page's first («2») is the number after the row before them
    (11 → «12»), which neither is alone."""
    if len(rows) < 2 or seq_col >= len(cells):
        return False
    numbers = [
        seq_number(cell_text(row.cells[seq_col]) or "") if seq_col < len(row.cells) else None
        for row in rows[-2:]
    ]
    before, above = numbers
    below = seq_number(cells[seq_col] or "")
    if before is None or above is None or below is None:
        return False
    expected = before + 1
    return int(f"{above}{below}") == expected and expected not in (above, below)


def _continues_unnumbered(cells: Sequence[Cell], above: LineRow) -> bool:
    """In a table without a № column, a row cut by a page break goes on empty in a column the row
    above fills, each of its cells opening as no event's cell does (a title with a capital, a date
    with a digit) or going on a text the page end cut (`_cut_between`: «праздник «Эхо» |
    «Заречья»»; or the cell above ends in the space its last line wrapped at: «делегация Республики
    |Армения»)."""
    filled = [c for c in cells if c]
    texts = [cell_text(c) for c in above.cells]
    wrapped = [i for i, c in enumerate(above.cells) if wraps_at_end(c)]
    if filled and wrapped and all(i < len(cells) and cells[i] for i in wrapped):
        return True  # each cell above that wrapped at its end goes on below («… (Республика |Беларусь)»)
    if not filled or any(
        c
        and _opens_like_a_cell(c)
        and not (i < len(texts) and (wraps_at_end(above.cells[i]) or _cut_between(texts[i], c)))
        for i, c in enumerate(cells)
    ):
        return False
    # A row the page end cut shows it where a cell ends with the space its last line wrapped at:
    # then the rest may fill every column («Весенний между|народный», «05.09.2025-|11.09.2025»).
    return _short_of(cells, above) or any(wraps_at_end(c) for c in above.cells)


# Paired marks: a cell the page end cut inside a quote or brackets leaves one open.
_PAIRS = (("«", "»"), ("„", "“"), ("(", ")"), ("[", "]"))
# A function word the page end cut a text after (a preposition, conjunction, particle).
_CUT_AFTER_POS = frozenset({"PREP", "CONJ", "PRCL"})


def _cut_between(above: str | None, below: str) -> bool:
    """Whether the text of a cell goes on past the page end by its content: the cell above leaves
    a quote or bracket open, or `below` closes one it never opened; the cell above ends with a
    hyphenated word's first part («меж-»), a range's first end with its dash («05.09.2025-») or a
    preposition or conjunction («в», «и»)."""
    upper = (above or "").rstrip()
    if not upper:
        return False
    if any(_depth(upper, o, c) > 0 for o, c in _PAIRS) or upper.count('"') % 2:
        return True
    if any(_lowest(below, o, c) < 0 for o, c in _PAIRS):
        return True
    if upper[-1] in "-–" and upper[-2:-1].isalnum():
        return True  # a hyphenated word's first part, or a range's first end («05.09.2025-»)
    last = upper.split()[-1].lower()
    return last.isalpha() and any(p.tag.POS in _CUT_AFTER_POS for p in analyzer().parse(last)[:1])


def _depth(text: str, opening: str, closing: str) -> int:
    """How many `opening` marks the text leaves unclosed."""
    return text.count(opening) - text.count(closing) if opening != closing else 0


def _lowest(text: str, opening: str, closing: str) -> int:
    """The lowest nesting of the marks read left to right: below 0 where one closes unopened."""
    depth = lowest = 0
    for ch in text:
        depth += (ch == opening) - (ch == closing)
        lowest = min(lowest, depth)
    return lowest


def _short_of(cells: Sequence[Cell], above: LineRow) -> bool:
    """Whether a row leaves empty a column the row above fills: in a table whose № column is empty
    throughout, an empty № cell says nothing, and a row filling every column the row above fills
    is an event of its own, not the rest of one the page end cut."""
    texts = [cell_text(c) for c in above.cells]
    return any(not c and i < len(texts) and texts[i] for i, c in enumerate(cells))


def _numbered_row(row: LineRow, seq_col: int) -> bool:
    return seq_col < len(row.cells) and SEQ_NUMBER.match(cell_text(row.cells[seq_col]) or "") is not None


def _opens_like_a_cell(text: str) -> bool:
    """Whether a text's first letter or digit is a capital or a digit (after quotes, dashes)."""
    first = next((ch for ch in text if ch.isalnum()), "")
    return first.isupper() or first.isdigit()


def _ends_of(fragment: Fragment) -> tuple[Ends, ...]:
    """The fragment's cell spans, or one column each where they are not known."""
    if len(fragment.ends) == len(fragment.rows):
        return fragment.ends
    return tuple(tuple(None if c is None else i + 1 for i, c in enumerate(row)) for row in fragment.rows)


T = TypeVar("T")


def _above_of(fragment: Fragment) -> tuple[frozenset[int], ...]:
    """Per row, the slots merged down from a row above, or none where that is not known."""
    return _per_row(fragment, fragment.above, frozenset())


def _open_of(fragment: Fragment) -> tuple[bool, ...]:
    """Per row, whether no rule is drawn over it; none known: every row under one."""
    return _per_row(fragment, fragment.open_rows, False)


def _per_row(fragment: Fragment, values: tuple[T, ...], unknown: T) -> tuple[T, ...]:
    """`values`, one per row of `fragment`; `unknown` for each row where they are not given."""
    return values if len(values) == len(fragment.rows) else tuple(unknown for _ in fragment.rows)


def merge_fragments(group: Sequence[Fragment]) -> list[LineRow]:
    """One row list for a stitched table: repeated headers dropped, page-cut rows glued together."""
    first = group[0]
    seq_col = seq_column(group)
    numbered = any(
        seq_col < len(cells)
        and SEQ_NUMBER.match(cells[seq_col] or "")
        and not is_column_numbers(cells)
        and not wraps_at_end(lines[seq_col])
        for f in group
        for lines, cells in zip(f.rows, f.texts, strict=True)
    )
    rows = [
        LineRow(cells, first.locator(i), ends, above, open_top)
        for i, (cells, ends, above, open_top) in enumerate(
            zip(first.rows, _ends_of(first), _above_of(first), _open_of(first), strict=True), start=1
        )
    ]
    block = header_block_size(first.texts, seq_col)
    header_rows = first.texts[:block]
    header_lines = first.rows[:block]
    for fragment in group[1:]:
        ends_of = _ends_of(fragment)
        skip = repeated_header_count(header_rows, fragment.texts)
        if (
            not skip
            and fragment.rows
            and continues_header(rows, fragment.texts[0], ends_of[0], numbered, seq_col)
        ):
            rows = glue_header(rows, fragment.rows[0], ends_of[0])
            rows.extend(
                LineRow(cells, fragment.locator(i), ends, above, open_top)
                for i, (cells, ends, above, open_top) in enumerate(
                    zip(fragment.rows, ends_of, _above_of(fragment), _open_of(fragment), strict=True), start=1
                )
                if i > 1
            )
            texts = [tuple(cell_text(c) for c in row.cells) for row in rows]
            block = header_block_size(texts, seq_col)
            header_rows, header_lines = tuple(texts[:block]), tuple(row.cells for row in rows[:block])
            continue
        page_rows = list(
            zip(fragment.rows[skip:], fragment.texts[skip:], _above_of(fragment)[skip:], strict=True)
        )
        opens = list(_open_of(fragment)[skip:])
        if skip and page_rows:
            header = [
                row
                for row, text in zip(header_lines, header_rows, strict=True)
                if not is_column_numbers(text)
            ]
            below = strip_header_overflow(header, fragment.rows[:skip], page_rows[0][0])
            page_rows[0] = (below, tuple(cell_text(c) for c in below), page_rows[0][2])
        start = skip + 1
        # the row above is an event's: below a header, or the one numbered row of a table that
        # continues an events table without a header of its own
        event_above = len(rows) > 1 or _numbered_row(rows[-1], seq_col)
        if (
            page_rows
            and event_above
            and (
                (
                    _is_continuation(page_rows[0][1], seq_col)
                    and (numbered or _short_of(page_rows[0][1], rows[-1]))
                    and not _label_again(rows, page_rows[0][1], seq_col)
                    and not _listed_stage(rows[-1], [text for _, text, _ in page_rows[:2]], seq_col)
                )
                or (numbered and _number_wrapped(rows, page_rows[0][1], seq_col))
                or (not numbered and _continues_unnumbered(page_rows[0][1], rows[-1]))
            )
        ):
            rows = glue(rows, page_rows[0][0])
            page_rows, opens, start = page_rows[1:], opens[1:], start + 1
        if page_rows and event_above:
            under = page_rows[1][2] if len(page_rows) > 1 else frozenset()
            cells, going = merged_over_page_end(page_rows[0][0], under, rows[-1])
            page_rows[0] = (cells, page_rows[0][1], page_rows[0][2] | going)
        rows.extend(
            LineRow(cells, fragment.locator(i), from_above=above, open_top=open_top)
            for i, ((cells, _, above), open_top) in enumerate(zip(page_rows, opens, strict=True), start=start)
        )
    return rows
