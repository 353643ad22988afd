"""How a document was read: every decision interpretation took, kept with the report for `inspect`."""

from __future__ import annotations

from dataclasses import dataclass, field

# How a header cell was tied to a canonical column.
SYNONYM = "synonym"  # a synonym of the contract stands in the cell, word for word
LEMMA = "lemma"  # the synonym's words stand in the cell in another form or order
FUZZY = "fuzzy"  # as LEMMA, with a small typo in at least one word
COMBINED = "combined"  # a combined column (date + place) declared in the contract
CONTENT = "content"  # no header match: the column's cells say what it holds

# Where the words a period was read from stand (Reading.period_from), as messages name it.
TITLE, PAGE_HEADER, FILE_NAME = "title", "page header", "file name"
TABLE_ROW = "table's first row"  # a row spanning the events table above its first event


@dataclass(frozen=True)
class ColumnMatch:
    """One header cell tied to one canonical column, with the evidence."""

    column: str
    index: int
    header: str  # the header text as read (flattened: "Период проведения: с")
    evidence: str  # SYNONYM | LEMMA | FUZZY | COMBINED | CONTENT
    matched: str  # the vocabulary entry, or what the content showed
    score: float  # 0..1: share of the vocabulary entry's words found (fuzzy ratio counted in)
    label: str = ""  # sub-column label, kept when two cells feed one column


@dataclass(frozen=True)
class TableReading:
    """One table of the document and what was decided about it."""

    locator: str
    chosen: bool
    reason: str
    header_rows: tuple[int, ...] = ()  # 1-based rows of the table that form its header
    header: tuple[str, ...] = ()  # the flattened header, one text per column
    columns: tuple[ColumnMatch, ...] = ()
    unmapped: tuple[str, ...] = ()  # header cells tied to no column
    municipality: str = ""  # named by the caption above the table
    closest: str = ""  # for a skipped table: the header that came closest, as shown


@dataclass(frozen=True)
class Section:
    """A heading row or paragraph and what it was taken for."""

    locator: str
    kind: str  # municipality | month | totals | theme | settlement | title
    text: str
    value: str = ""  # the canonical municipality (or settlement), or the month number


@dataclass(frozen=True)
class Reading:
    """Every decision taken while interpreting one document."""

    tables: tuple[TableReading, ...] = ()
    sections: tuple[Section, ...] = ()
    region_text: str = ""  # the words the region was read from
    period_text: str = ""  # the words the period was read from
    period_kind: str = ""  # quarter | half_year | nine_months | year | "" (none found)
    period_from: str = TITLE  # where those words stand: TITLE, PAGE_HEADER, FILE_NAME
    notes: tuple[str, ...] = field(default_factory=tuple)
    # The document's title as read: without a municipality's heading run into its end ('' when as
    # written).
    title: str = ""
