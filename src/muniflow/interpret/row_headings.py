"""Heading rows of an events table: a numbered heading, a heading a narrow column cut, a theme
across a table whose rows name their municipality."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from muniflow.interpret.muni_vocabulary import vocabulary as muni_vocabulary
from muniflow.interpret.municipality import municipality_name
from muniflow.interpret.ocr_names import fixed_heading
from muniflow.interpret.row_fields import cell_at
from muniflow.interpret.sections import (
    is_theme,
)
from muniflow.model import Period, RawRow
from muniflow.normalize.dates import (
    parse_dates,
)
from muniflow.normalize.text import fold, seq_number
from muniflow.rules.quotes import QUOTE_MARKS

# A section's number in the № column: «1.», «2)», «IV».
_SECTION_NUMBER = re.compile(r"(?:[0-9]{1,3}|[IVXLC]{1,6})[.)]?")


def theme_row(raw: RawRow, mapping: Mapping[str, int], heading: str, merged: bool) -> bool:
    """A theme's heading in a table with a municipality column: common words only, no quotes
    (`sections.is_theme`), across the row or typed in the № column, where no event's title stands."""
    in_seq = "seq_no" in mapping and fold(cell_at(raw, mapping["seq_no"])) == fold(heading)
    # quotes name an event («Фестиваль «Дружба»»), not a theme
    return (merged or in_seq) and QUOTE_MARKS.isdisjoint(heading) and is_theme(heading)


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
    two or three texts, none a № or a date, the title's cell empty, that read as a municipality's
    name put together (at a cut word, or between words; a scan's misread name put right to
    `places` first, `ocr_names`); None for any other row."""
    if (
        not 2 <= len(filled) <= _CUT_PIECES
        or ("title" in mapping and fold(cell_at(raw, mapping["title"])))
        or any(seq_number(t) is not None or parse_dates(t, period).start is not None for t in filled)
    ):
        return None
    texts = [fold(t) for t in filled]
    for glue in ("", " "):
        joined = glue.join(texts)
        if places is not None:  # «Городской ок» | «›уг город Энск»: the mark inside the word read
            joined = fixed_heading(joined, places)
        if len(joined.split()) <= _CUT_WORDS and municipality_name(joined) is not None:
            return joined
    return _kind_completed(texts)


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
    («1.» | «Город Смоленск», merged across the rest); None for any other row."""
    seq = mapping.get("seq_no")
    texts = [(j, c) for j, c in enumerate(raw.cells) if c is not None and fold(c)]
    if seq is None or len(texts) != 2 or texts[0][0] != seq:
        return None
    return texts[1][1] if _SECTION_NUMBER.fullmatch(fold(texts[0][1])) else None
