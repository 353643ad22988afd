"""Whether a table row carries on the event above it (the rest of a row a page end or a clerk's
Enter cut, a cell merged down, a stage or day of that event) or holds an event of its own."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from muniflow import contracts
from muniflow.interpret.cell_items import bulleted
from muniflow.interpret.reading import (
    ColumnMatch,
)
from muniflow.interpret.row_fields import cell_at, field_text
from muniflow.model import Period, RawRow, Row
from muniflow.normalize.dates import (
    parse_dates,
)
from muniflow.normalize.text import fold

# Where the text of an event that goes on in the row below may stand (not its №, title or date).
_GOING_ON = ("place", "goal", "participants")


def goes_on(own: RawRow, mapping: Mapping[str, int], above: Row, period: Period | None = None) -> bool:
    """Whether a row (its own cells, None where merged from above) carries on the event above it:
    its № merged down from that event (and no title of its own), unless it holds the event again
    (`_held_again`); no №, title or date of its own but more of its place, goal or participants;
    or, under a numbered event, no № of its own and the rest of cells a page or a clerk's Enter
    cut (`_cut_off`). A row of one text across the table (every cell after the first merged into
    it from the left) is a heading, whatever column comes first: a cut cell's rest stands apart."""
    if len(own.cells) > 2 and fold(own.cells[0] or "") and _across(own):
        return False
    seq = mapping.get("seq_no")
    title = fold(cell_at(own, mapping["title"])) if "title" in mapping else ""
    if seq is not None and seq in own.from_above:
        return not title and not _held_again(own, mapping, above, period)
    if seq is not None and above.seq_text and not fold(cell_at(own, seq)) and _cut_off(own, mapping, above):
        return True
    key = [i for c, i in mapping.items() if c in ("seq_no", "title", "date_text")]
    if any(fold(cell_at(own, i)) for i in key):
        return False
    return any(fold(cell_at(own, mapping[c])) for c in _GOING_ON if c in mapping)


def _across(row: RawRow) -> bool:
    """Every cell after the first is merged into it from the left (none from the row above)."""
    return all(c is None and i not in row.from_above for i, c in enumerate(row.cells) if i)


# A stage's number under its event's: «1.1», «1.2.» under «1»; «а)», «б)» under any number.
_STAGE_NUMBER = re.compile(r"\s*(\d{1,3})\.\d{1,3}\.?\s*")


_STAGE_LETTER = re.compile(r"\s*[а-я]\)\s*")


def stage_of(own: RawRow, mapping: Mapping[str, int], above: Row, period: Period | None) -> bool:
    """Whether a row is a stage or a day of the event above it, not an event: numbered under that
    event's № («1.1», «1.2» under «1»; «а)», «б)») or, with no № of its own, its title opening
    with a bullet («– торжественное открытие»), with a title, no place of its own, and its date,
    where it writes one, within the event's days («Торжественное открытие», «Гала-концерт» of a
    festival held 12–14 May)."""
    if not {"title", "place"} <= mapping.keys() or above.start_date is None:
        return False
    number = fold(cell_at(own, mapping["seq_no"])) if "seq_no" in mapping else ""
    title = fold(cell_at(own, mapping["title"]))
    if not _stage_number(number, title, above):
        return False
    if not title or fold(cell_at(own, mapping["place"])):
        return False
    date = fold(cell_at(own, mapping["date_text"])) if "date_text" in mapping else ""
    if not date:
        return True
    parsed = parse_dates(date, period)
    end = above.end_date or above.start_date
    return (
        parsed.start is not None
        and parsed.end is not None
        and above.start_date <= parsed.start
        and parsed.end <= end
    )


def _stage_number(number: str, title: str, above: Row) -> bool:
    """Whether a row's № (or, with none, its title's bullet) numbers a stage of the event above."""
    under = _STAGE_NUMBER.fullmatch(number)
    if under is not None:
        return (
            above.seq_no is not None
            and not _STAGE_NUMBER.fullmatch(above.seq_text)
            and int(under.group(1)) == above.seq_no
        )
    if number:
        return bool(_STAGE_LETTER.fullmatch(number)) and above.seq_no is not None
    return bulleted(title)  # «– торжественное открытие» with no № of its own


def with_stage(row: Row, own: RawRow, matches: Sequence[ColumnMatch], period: Period | None) -> Row:
    """The event with a stage row's text («1.1 Торжественное открытие, 12.05.2025») appended to its
    goal (what it held), nothing lost."""
    columns = ("seq_no", "title", "date_text", "goal", "participants")
    said = [fold(field_text(own, matches, c, period)) for c in columns]
    line = " ".join(said[:2]) + "".join(f", {t}" for t in said[2:] if t)
    goal = "\n".join(t for t in (row.goal_raw, line) if fold(t))
    return replace(row, goal_raw=goal, goal=fold(goal))


def _held_again(own: RawRow, mapping: Mapping[str, int], above: Row, period: Period | None) -> bool:
    """A row under the № and title of the event above, both merged down over it, with a place of its
    own and a whole date of its own apart from the whole date above (days between them, at least
    the contract's `heldAgainGapDays`; not the end of a range it left open): the same event held
    once more, elsewhere (a row of its own under the same title), not more days of one holding (a
    visit's next day at another place)."""
    if not {"title", "place", "date_text"} <= mapping.keys() or mapping["title"] not in own.from_above:
        return False
    place, date = (fold(cell_at(own, mapping[c])) for c in ("place", "date_text"))
    if not place or not date or above.start_date is None or above.end_date is None:
        return False
    if _DANGLING.search(above.date_text):
        return False
    parsed = parse_dates(date, period)
    if parsed.note is not None or parsed.start is None or parsed.end is None:
        return False
    gap = int(contracts.load_contract().threshold("heldAgainGapDays", 2))
    return (parsed.start - above.end_date).days >= gap or parsed.end < above.start_date


# How a title's rest opens: a lower-case letter («из Китайской Народной Республики»), a bracket or a
# closing quote.
_TITLE_GOES_ON = re.compile(r"[a-zа-яё(»“”]")


def _cut_off(own: RawRow, mapping: Mapping[str, int], above: Row) -> bool:
    """A row holding the rest of the event above's title, cut where a cell was split over two rows:
    its title opens as no title does (`_TITLE_GOES_ON`) or closes a quote the title above left
    open («Выставка «Дружба» | «России и Китая»»), and its date cell is empty or ends the range the
    date above left open («05.06.2025 –» | «07.06.2025»), which it may hold with no title."""
    title = fold(cell_at(own, mapping["title"])) if "title" in mapping else ""
    date = fold(cell_at(own, mapping["date_text"])) if "date_text" in mapping else ""
    rest = own.cells[mapping["title"] + 1 :] if "title" in mapping else ()
    if title and rest and all(c is None for c in rest):
        return False  # one cell merged across the row: a heading («город Курск»), no cell split
    dangling = bool(_DANGLING.search(above.date_text))
    if date and not dangling:
        return False
    if not title:
        return bool(date)  # the end of the range, with more of the place or the goal
    return bool(_TITLE_GOES_ON.match(title)) or above.title.count("«") > above.title.count("»")


# A date cell ending on a range dash: its end written in the row below.
_DANGLING = re.compile(r"[-–—]\s*$")
