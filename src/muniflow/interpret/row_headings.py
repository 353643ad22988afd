"""Heading rows of an events table that are no municipality's heading across it: a numbered
heading, one a narrow column cut, a theme or group, totals, a municipality on a title's first line."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from muniflow.interpret.muni_vocabulary import vocabulary as muni_vocabulary
from muniflow.interpret.municipality import misspelt_name, municipality_name
from muniflow.interpret.nil import (
    nil_row,
)
from muniflow.interpret.ocr_names import fixed_heading
from muniflow.interpret.row_fields import cell_at
from muniflow.interpret.sections import (
    is_theme,
    is_totals,
)
from muniflow.model import Period, RawRow
from muniflow.normalize.dates import (
    parse_dates,
)
from muniflow.normalize.text import fold, seq_number
from muniflow.rules.quotes import QUOTE_MARKS

# A section's number in the № column: «1.», «2)», «IV».
_SECTION_NUMBER = re.compile(r"(?:[0-9]{1,3}|[IVXLC]{1,6})[.)]?")


def theme_row(raw: RawRow, mapping: Mapping[str, int], heading: str, merged: bool, over_dated: bool) -> bool:
    """A theme's heading: common words only, no quotes (`sections.is_theme`; a section's number
    before them, «I. Культурное сотрудничество», aside), across a table with a municipality column
    or typed alone in the № column, where no event's title stands; or typed alone in the title
    cell right above a dated event (`over_dated`: a row of only a title over nothing dated is an
    event whose other cells were left empty, flagged so)."""
    in_seq = "seq_no" in mapping and fold(cell_at(raw, mapping["seq_no"])) == fold(heading)
    in_title = over_dated and "title" in mapping and fold(cell_at(raw, mapping["title"])) == fold(heading)
    words = _SECTION_PREFIX.sub("", fold(heading))
    # quotes name an event («Фестиваль «Дружба»»), not a theme
    return (merged or in_seq or in_title) and QUOTE_MARKS.isdisjoint(heading) and is_theme(words)


# A section's number opening a heading: «1. », «IV) ».
_SECTION_PREFIX = re.compile(r"^(?:[0-9]{1,3}|[IVXLC]{1,6})[.)]\s*")


def beside_municipality(raw: RawRow, mapping: Mapping[str, int]) -> str | None:
    """The one text of a row besides its municipality cell, where it stands in the title cell."""
    muni, title = mapping.get("municipality"), mapping.get("title")
    texts = [(j, c) for j, c in enumerate(raw.cells) if j != muni and c is not None and fold(c)]
    return texts[0][1] if len(texts) == 1 and texts[0][0] == title else None


def heads_items(body: Sequence[RawRow], position: int, mapping: Mapping[str, int]) -> bool:
    """Whether the row at `position`, numbered «N.» in the № column, is followed by its first item,
    numbered «N.1»."""
    seq = mapping.get("seq_no")
    head = _PLAIN_NUMBER.fullmatch(fold(cell_at(body[position], seq))) if seq is not None else None
    if seq is None or head is None:
        return False
    for raw in body[position + 1 :]:
        if any(fold(c or "") for c in raw.cells):
            item = _FIRST_ITEM.fullmatch(fold(cell_at(raw, seq)))
            return item is not None and item.group(1) == head.group(1)
    return False


# A section's number: «1», «2.»; the first item under it: «1.1», «2.1.».
_PLAIN_NUMBER = re.compile(r"(\d{1,3})[.)]?")


_FIRST_ITEM = re.compile(r"(\d{1,3})\.0*1\.?")


def heads_dated(body: Sequence[RawRow], position: int, mapping: Mapping[str, int]) -> bool:
    """Whether the next row with text after `position` writes a date in the dates column, or says
    no events were held (a theme's «Мероприятия не проводились»)."""
    if "date_text" not in mapping:
        return False
    for raw in body[position + 1 :]:
        if any(fold(c or "") for c in raw.cells):
            return bool(fold(cell_at(raw, mapping["date_text"]))) or nil_row(raw, mapping) is not None
    return False


def totals_in_title(own: RawRow, mapping: Mapping[str, int], skip_words: Sequence[str]) -> bool:
    """A totals line typed in the title cell, the other cells of the row counting what the rows
    above hold («Итого:» beside the municipality's name and «541 человек»): no place or date of
    its own."""
    if "title" not in mapping or not is_totals(cell_at(own, mapping["title"]), skip_words):
        return False
    return not any(fold(cell_at(own, mapping[c])) for c in ("place", "date_text") if c in mapping)


def title_line_municipality(raw: RawRow, mapping: Mapping[str, int]) -> tuple[str, RawRow] | None:
    """The municipality a title cell names on its first line, above the event's name, where no
    heading, column or title names the row's («Ольховский район» / «Фестиваль «Лад»»): the name,
    and the row with its title cell holding the rest; None for any other row."""
    if "title" not in mapping:
        return None
    index = mapping["title"]
    lines = [line for line in cell_at(raw, index).splitlines() if fold(line)]
    if len(lines) < 2 or municipality_name(lines[0]) is None:
        return None
    cells = tuple("\n".join(lines[1:]) if i == index else c for i, c in enumerate(raw.cells))
    return fold(lines[0]), replace(raw, cells=cells)


# A heading across the table that a scan's column lines cut into pieces: at most this many, of at
# most this many words put together.
_CUT_PIECES = 3


_CUT_WORDS = 8


def cut_heading(
    raw: RawRow,
    mapping: Mapping[str, int],
    filled: Sequence[str],
    period: Period | None,
    places: frozenset[str] | None = None,
) -> str | None:
    """A municipality's heading a scan's column lines cut into pieces («Город Аст» | «рахань»):
    two or three texts, none a № or a date, that read as a municipality's name put together (at a
    cut word, or between words; a scan's misread name put right to `places` first, `ocr_names`);
    None for any other row. With the title's cell empty a piece may be a kind noun's beginning
    (`_kind_completed`); a centred heading whose gaps between words met the column lines leaves
    one in the title's cell too («МЕЛЕШИНСКИИ» | «МУНИЦИПАЛЬНЫЙ ОКРУГ»), then the pieces put
    together must be built as a name then its kind, each name word an adjective or a word the
    dictionary does not know (`misspelt_name`: «Ярмарка» | «Энский район» is an event, and so is
    «Город мастеров» | «Энск»)."""
    if not 2 <= len(filled) <= _CUT_PIECES or any(
        seq_number(t) is not None or parse_dates(t, period).start is not None for t in filled
    ):
        return None
    texts = [fold(t) for t in filled]
    titled = "title" in mapping and bool(fold(cell_at(raw, mapping["title"])))
    # a piece in the title's cell was cut between words, not inside one
    for glue in (" ",) if titled else ("", " "):
        joined = glue.join(texts)
        if places is not None:  # «Городской ок» | «›уг город Энск»: the mark inside the word read
            joined = fixed_heading(joined, places)
        if len(joined.split()) > _CUT_WORDS:
            continue
        if misspelt_name(joined) if titled else municipality_name(joined):
            return joined
    return None if titled else _kind_completed(texts)


def _kind_completed(texts: Sequence[str]) -> str | None:
    """A heading whose kind word the cut left a piece of, the rest misread («Городецкий
    муниципальный ок» | «зуг»; «Го» | «эод Череповец»): the first piece with its last word, a
    kind noun's beginning (two letters or more), made that noun; or, the first piece a settlement
    noun's beginning, that noun and the capitalised name the last piece ends with. Kept only when
    it reads as a municipality's name."""
    vocabulary = muni_vocabulary()
    words = texts[0].split()
    last = words[-1].lower()
    tried = []
    if len(words) > 1 and len(last) >= _KIND_PIECE:
        tried += [
            " ".join([*words[:-1], noun]) for noun in sorted(vocabulary.kind_nouns) if noun.startswith(last)
        ]
    name = _CAPITALISED_TAIL.search(texts[-1]) if len(texts) > 1 else None
    if len(words) == 1 and len(last) >= _KIND_PIECE and name is not None:
        tried += [
            f"{noun} {name.group().strip()}"
            for noun in sorted(vocabulary.settlement_nouns)
            if noun.startswith(last)
        ]
    return next((t for t in tried if municipality_name(t) is not None), None)


# The capitalised words a text ends with: a place's name after a piece OCR misread («эод Череповец»).
_CAPITALISED_TAIL = re.compile(r"(?:[А-ЯЁ][а-яё-]+\s*)+$")


# The least of a kind noun a cut leaves that still tells it («ок» of «округ», «Го» of «Город»).
_KIND_PIECE = 2


def numbered_heading(raw: RawRow, mapping: Mapping[str, int]) -> str | None:
    """The heading of a row holding a section's number in the № column and one text besides
    («1.» | «Город Энск», merged across the rest); None for any other row."""
    seq = mapping.get("seq_no")
    texts = [(j, c) for j, c in enumerate(raw.cells) if c is not None and fold(c)]
    if seq is None or len(texts) != 2 or texts[0][0] != seq:
        return None
    return texts[1][1] if _SECTION_NUMBER.fullmatch(fold(texts[0][1])) else None


# The columns of an event's own facts: a heading row fills one of them with its name, and may fill
# others only with a remark (a head's or an office's name under «Ответственный», «Примечание»; a
# column of such names the header does not name may be read as the goal's, by its texts).
_EVENT_FIELDS = ("title", "place", "date_text", "participants", "municipality")


def remarked_heading(raw: RawRow, mapping: Mapping[str, int]) -> str | None:
    """The heading of a row whose one filled cell of an event's facts names a municipality, a
    remark beside it in a column of no such fact, its № cell empty or a section's number
    («1.» | «Энский муниципальный район» | … | «Петров И.С., глава района»): read as an event, it
    had no date nor place, and its municipality's rows went to the heading above. None for any
    other row."""
    facts = {mapping[f] for f in _EVENT_FIELDS if f in mapping}
    seq = mapping.get("seq_no")
    texts = [(j, c) for j, c in enumerate(raw.cells) if c is not None and fold(c)]
    own = [c for j, c in texts if j in facts]
    remarks = [c for j, c in texts if j not in facts and j != seq]
    number = fold(cell_at(raw, seq)) if seq is not None else ""
    if len(own) != 1 or not remarks or (number and not _SECTION_NUMBER.fullmatch(number)):
        return None
    return own[0] if municipality_name(own[0]) is not None else None
