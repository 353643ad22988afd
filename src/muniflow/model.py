"""The records that flow between stages: raw tables from readers, rows after interpretation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from muniflow.interpret.reading import Reading

# A cell of a raw table row. None means "covered by a merged cell whose text stands elsewhere":
# the grid columns after the first of a horizontal merge (gridSpan), and the rows after the
# first of a vertical merge (vMerge continue). pdfplumber reports merged cells the same way.
Cell = str | None


@dataclass(frozen=True)
class RawRow:
    """One table row as the file holds it: one cell per grid column, texts with line breaks kept."""

    cells: tuple[Cell, ...]
    locator: str  # where it came from, e.g. "table 1, row 7" or "page 3, table 1, row 2"
    # Grid columns whose None is a vertically merged cell of the row above going on (one date or
    # place for two events), where the reader knows it; other None cells are merged from the left.
    from_above: frozenset[int] = frozenset()
    # Grid columns whose cell is empty with no rule drawn between it and the cell above (a PDF table
    # drawn without rules): a cell merged down from above, its text at its top, looks so.
    open_above: frozenset[int] = frozenset()


@dataclass(frozen=True)
class RawTable:
    """One logical table: its header row and body rows (a PDF table stitched across pages)."""

    header: tuple[str, ...]
    rows: tuple[RawRow, ...]
    locator: str  # e.g. "table 1" or "pages 1-9"
    # Text of the paragraphs between the previous table (or the title) and this one, lines kept:
    # a heading such as a municipality's name written above its own table.
    caption: str = ""
    # The name of the spreadsheet sheet holding the table ("" in a document): a municipality's,
    # where each has its own sheet.
    sheet: str = ""


OCR_SUFFIX = "_ocr"  # ends the format of a document read by OCR («pdf_ocr», «image_ocr», «docx_ocr»)
# a scanned PDF read from the scanner's own text layer on its picture's rules (readers/pdflayer.py):
# its text is OCR all the same, not muniflow's
LAYER_FORMAT = "pdf_layer" + OCR_SUFFIX
# The refusal a text worker gives a searchable scan whose pages it has no time left to read from
# their layer: the file goes to a worker timed per page, which reads the layer there (intake.scan).
LAYER_SLOW = "layer_slow"


@dataclass(frozen=True)
class RawDocument:
    """What a reader returns: the text before the first table (title) and every table."""

    source_file: str
    format: str  # "docx", "pdf", "xlsx", "xls", "ods" (lineage may name a converted or OCR format)
    title: str
    tables: tuple[RawTable, ...]
    pages: int | None = None
    # Read by OCR: (row locator, mean word confidence 0-100 of each cell, None where no word).
    cell_confidence: tuple[tuple[str, tuple[float | None, ...]], ...] = ()
    # The text after the last table (a letter's signature: «Глава Себежского района И. И. Иванов»).
    closing: str = ""
    # Lines every page repeats in its header or footer above the title's own (a browser's print
    # header: the date and the page's <title>), out of the title: read for the period, region or
    # municipality only where the title names none, as the file's name is.
    running: str = ""


# Refusals that say how this run went, not what the file holds: a time limit hit while the machine
# was busy, a reader stopped by the signal that stopped the run. They are neither cached by content
# (flows/ingest.py) nor held as stored (`lookups.holds_all`), so the next run reads the file again.
OF_THIS_RUN = frozenset({"timeout", "interrupted"})


class ReaderError(Exception):
    """A file that cannot be read as a report; `reason` is a stable code stored in `reports`."""

    def __init__(self, reason: str, message: str, text: str = "", format: str = ""):
        super().__init__(message)
        self.reason = reason
        self.message = message
        # The document's text where it was read before the refusal (a file with no table): its title
        # still says whose report it is and for when (`interpret.heading.refused_report`), and the
        # format it was read as (the refusal's record names it, not «unknown»).
        self.text = text
        self.format = format


@dataclass(frozen=True)
class Period:
    """A report's quarter."""

    year: int
    quarter: int

    @property
    def label(self) -> str:
        return f"{self.year}Q{self.quarter}"

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * self.quarter - 2, 1)

    @property
    def last_day(self) -> date:
        month = 3 * self.quarter
        nxt = date(self.year + 1, 1, 1) if month == 12 else date(self.year, month + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Parse '2024Q2' (also '2024-Q2', '2024q2')."""
        t = text.strip().upper().replace("-", "").replace(" ", "")
        if len(t) != 6 or t[4] != "Q" or not t[:4].isdigit() or t[5] not in "1234":
            raise ValueError(f"period must look like 2024Q2, got {text!r}")
        return cls(int(t[:4]), int(t[5]))


@dataclass(frozen=True)
class Row:
    """One report row after interpretation and normalization.

    `*_raw` fields hold the cell text as extracted (line breaks kept); the plain fields hold it
    with whitespace folded and Word artefacts dropped. `date_form` says how the date was read:
    'exact', 'year_from_period', 'whole_month', 'part_of_month', 'whole_quarter', 'open_end', or None
    when no date could be read.
    """

    source_file: str
    source_locator: str
    row_index: int  # 0-based order of the row in the report
    seq_text: str
    seq_no: int | None
    municipality_raw: str
    municipality: str
    title_raw: str
    title: str
    place_raw: str
    place: str
    date_text: str
    start_date: date | None
    end_date: date | None
    date_form: str | None
    goal_raw: str
    goal: str
    participants_raw: str
    participants: str
    # A status or remark column's cell as written («проведено», «отменено»): read only to tell
    # whether the event was held (the `not_held` rule); '' when the table has no such column.
    status_text: str = ""


@dataclass(frozen=True)
class Report:
    """An interpreted report: where it came from, what it covers and its rows."""

    source_file: str
    format: str
    region: str | None
    period: Period | None
    rows: tuple[Row, ...] = field(default_factory=tuple)
    pages: int | None = None
    # Municipalities the report says held no events this quarter: sections without rows.
    nil_municipalities: tuple[str, ...] = ()
    # Nil statements written with a № («2. Мероприятия не проводились»), as (event rows before it,
    # the № as written, its municipality): the № run counts them (rules/numbering.py).
    numbered_nil: tuple[tuple[int, str, str], ...] = ()
    # Rows whose № cell is merged down from the row above: parts of one numbered event (a visit's
    # days, each a row of its own), which the № run counts once (rules/numbering.py).
    shared_numbers: tuple[int, ...] = ()
    # The one municipality whose report it is, as its title, letterhead, signature or file name names
    # it ('' for a regional report or none named): a file refused whole is still known as its report.
    municipality: str = ""
    # The title names the file an addendum to a report sent before («Дополнение к отчёту …»): its
    # sections add to its municipalities' earlier ones, superseding none (interpret/addendum.py).
    adds_to_report: bool = False
    # How the document was read (tables, header, column evidence, sections): for `inspect`.
    reading: Reading | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Flag:
    """One rule that fired on one row."""

    row_index: int
    rule: str
    severity: str  # 'error' | 'warning'
    message: str
    field: str | None = None
    value: str | None = None
    related_row: tuple[str, int] | None = None  # (report_id, row_index) of the copy that was kept
