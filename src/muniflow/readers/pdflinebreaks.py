"""How each line break of a table cell joins, from its lines' geometry (pdflines).

An exporter lays a cell's paragraphs into lines and draws every glyph, spaces included. Where
the source had no line break, a line ends for one of three reasons, and the glyph boxes tell
which (LibreOffice exports checked; where the boxes cannot tell, the text decides, see wordjoin):
- it wrapped at a space: the space is drawn at the end of the line when it fits there (not in
  centred lines, and not by every producer: a table with no such space trusts none);
- it wrapped right after a hyphen or dash inside a token ("научно-|практической"): the next
  piece did not fit in the room left;
- a token longer than the line was cut anywhere ("Белмедпре|параты"): the line is one run
  without a break opportunity, filled until the next glyph did not fit.
A line that ends otherwise, with room for what follows, ends a paragraph.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from enum import Enum
from itertools import pairwise

from muniflow.readers.pdflines import HYPHENS, NO_BREAK_SPACES, Line
from muniflow.readers.wordjoin import (
    MAX_PIECES,
    WordTest,
    drops_hyphen,
    is_russian_word,
    likely_cut,
    tied_word_cut,
)

_FIT_TOLERANCE = 0.5  # points: what fits only by less than this is not taken as room the exporter saw

CutTest = Callable[[str, Sequence[str], bool], bool]


class Break(Enum):
    """Why a line ended."""

    SPACE = "space"  # at a space, which the line keeps as its trailing glyph
    CUT = "cut"  # inside a token, which goes on in the next line
    PARAGRAPH = "paragraph"  # at the end of a paragraph: the cell text keeps a line break


_SEPARATOR = {Break.SPACE: "", Break.CUT: "", Break.PARAGRAPH: "\n"}


def _one_run(text: str) -> bool:
    """True when a line has no break opportunity inside: no breaking space, no hyphen within."""
    core = text.strip()
    for i, ch in enumerate(core):
        if ch.isspace() and ch not in NO_BREAK_SPACES:
            return False
        if 0 < i < len(core) - 1 and ch in HYPHENS and not core[i - 1].isspace():
            return False
    return True


def classify(
    above: Line,
    below: Line,
    carried: str = "",
    beyond: Sequence[Line] = (),
    is_cut: CutTest = likely_cut,
) -> Break:
    """Why `above` ended before `below`: at a space, inside a token, or at a paragraph's end.

    carried: the start of a token cut at the end of the lines before `above`, which goes on in it.
    beyond: the lines after `below`, for the text test on a word cut more than once.
    is_cut: the text test for a full line whose layout fits both a cut and a paragraph end.
    """
    text = above.text
    if not text or not below.text:
        return Break.PARAGRAPH
    if text[-1].isspace() and text[-1] not in NO_BREAK_SPACES:
        return Break.SPACE  # wrapped at the space it shows
    if text[-1] in HYPHENS:
        goes_on = bool(beyond) and _one_run(below.text) and below.slack < beyond[0].first_char
        return _after_hyphen(above, below, goes_on)
    if above.slack >= below.first_char + _FIT_TOLERANCE:
        return Break.PARAGRAPH  # room left for what follows
    if not _one_run(text) and above.last_piece + below.first_piece <= above.inner + _FIT_TOLERANCE:
        # A break opportunity the exporter would have used, unless the space before the last token
        # was a no-break one (drawn as a plain space: «XXV\xa0Международн|ой»), tying it to the words
        # before into a token too long for the line: then the pieces spell a word.
        # A wrap at a space is open too where the line had no room to draw one (or the table draws
        # none): the text then tells a tied token only after a word such a space ties.
        wrapped = not above.marks_wraps or above.slack < above.space + _FIT_TOLERANCE
        return Break.CUT if tied_word_cut(text, below.text, wrapped=wrapped) else Break.PARAGRAPH
    # Full, and either one run or ending in a token too wide for any line, which the exporter
    # (LibreOffice) starts where the line has room and cuts at its end: the text decides.
    no_space = above.marks_wraps and above.slack >= above.space + _FIT_TOLERANCE  # it would be drawn
    following = [below.text, *_cut_on(below, beyond)]
    return Break.CUT if is_cut(carried + text, following, no_space) else Break.PARAGRAPH


def _cut_on(below: Line, beyond: Sequence[Line]) -> list[str]:
    """The texts of the lines after `below` that a token cut at its end may run on into: each line
    counts while the one before it is full (the next glyph had no room there), so a word a narrow
    column cut into four or more pieces («Меж|дуна|родн|ая») is looked up whole."""
    out: list[str] = []
    before = below
    for line in beyond[: MAX_PIECES - 2]:
        if before.slack >= line.first_char or (out and not _one_run(before.text)):
            break
        out.append(line.text)
        before = line
    return out


def _after_hyphen(above: Line, below: Line, goes_on: bool) -> Break:
    """A line ending in a hyphen or dash: cut after it when the next piece had no room there.

    A hyphen attached to a word breaks inside a token unless the piece clearly fitted. A spaced
    dash is punctuation, usually followed by a space that is not drawn at a paragraph's end: the
    next piece must not have fitted, and a space after the dash must have had room to be drawn.
    A spaced dash before a number is a range («18.10.2025 – 21.10.2025», «26 апреля – 4 мая»),
    spaced on both sides: a wrap there would show its space, so a line ending without one ended
    a paragraph.
    goes_on: the next line is itself cut inside its first piece, which is longer than it shows.
    """
    room = -math.inf if goes_on else above.slack - below.first_piece
    if len(above.text) < 2 or not above.text[-2].isspace():
        if above.text[-2:-1].isalpha() and _goes_on_lower(below.text):
            # «декоративно-|прикладному»: no paragraph ends in a word's hyphen, whatever room the
            # layout seems to leave (a browser breaks a compound after its hyphen, and keeps
            # «батюшка-2025» whole, so the piece measured up to its own hyphen seems to fit)
            return Break.CUT
        return Break.PARAGRAPH if room >= _FIT_TOLERANCE else Break.CUT
    space_shown = above.marks_wraps and above.slack >= above.space
    return Break.CUT if space_shown and room < 0 and not below.text[:1].isdigit() else Break.PARAGRAPH


# Words after a hanging hyphen («кино- и фотосъёмка»): the hyphen's word ends there.
_HANGING = frozenset({"и", "или", "либо", "а"})


def _goes_on_lower(text: str) -> bool:
    """Whether a line opens with a small letter, not a conjunction after a hanging hyphen."""
    return text[:1].islower() and text.split(" ", 1)[0] not in _HANGING


_WORD_END = re.compile(r"[^\W\d_]+$")
_WORD_START = re.compile(r"^[^\W\d_]*")


def _piece_length(text: str) -> int:
    """How many letters open the text (the piece of a cut word a line starts with)."""
    match = _WORD_START.match(text)
    return match.end() if match else 0


def _without(text: str, hyphens: Sequence[int]) -> str:
    """The text without the hyphens at these places that stand inside its last token."""
    start = max((i for i, ch in enumerate(text) if ch.isspace()), default=-1)
    drop = {i for i in hyphens if i > start}
    return "".join(ch for i, ch in enumerate(text) if i not in drop)


def join_lines(
    lines: Sequence[Line],
    is_cut: CutTest = likely_cut,
    decided: Sequence[bool | None] = (),
    is_word: WordTest = is_russian_word,
) -> str:
    """A cell's text from its lines: wraps and cuts joined, paragraph ends kept as line breaks.

    decided: per line break, True where it is known to cut a word, False where it is known to
    stand between words, None (or missing) where the geometry and the text decide.
    is_word: the words a hyphenated word is looked up among (the dictionary's, or also the
    document's own: see wordjoin.written_words).
    """
    if not lines:
        return ""
    text = lines[0].text
    carried = ""
    kept: list[int] = []  # where text holds hyphens that ended lines of its last token and stayed
    for i, (above, below) in enumerate(pairwise(lines)):
        known = decided[i] if i < len(decided) else None
        if known is None:
            kind = classify(above, below, carried, lines[i + 2 : i + 1 + MAX_PIECES], is_cut)
        elif known:
            kind = Break.CUT
        else:
            kind = Break.SPACE if above.text[-1:].isspace() else Break.PARAGRAPH
        # the word before the hyphen looked up whole, with its start a break above cut off («науч‐|
        # но-прак‐|тическая»): the line alone holds only the rest of it
        dropped = False
        if kind is Break.CUT and above.text[-1] in HYPHENS:
            # the piece filling `below` ends its word unless the line after it starts a small letter
            ends = i + 2 == len(lines) or not lines[i + 2].text[:1].islower()
            if drops_hyphen(text, below.text, is_word, word_ends=ends):
                text = text[:-1]  # a hyphenation point (soft hyphen), which the source text does not hold
                dropped = True
            elif kept and drops_hyphen(_without(text, kept), below.text, is_word, word_ends=ends):
                text = _without(text, kept)[:-1]  # a word hyphenated twice: «Центра-|лизо-|ванная»
                kept = []
            else:
                kept = [*kept, len(text) - 1]
        elif kind is not Break.CUT:
            kept = []
        text += _SEPARATOR[kind] + below.text
        if kept and kind is Break.CUT and above.text[-1] not in HYPHENS:
            # the piece after a kept hyphen was cut again («Красно-|полянски|й»): the whole looked up
            end = len(text) - len(below.text) + _piece_length(below.text)
            solid = _without(text[:end], kept)
            head = _WORD_END.search(solid)
            if head is not None and is_word(head.group()):
                text, kept = solid + text[end:], []
        # a word cut on goes on being looked up whole: after a hyphenation point too («общеобра-|
        # зовательная|школа»: «общеобразовательная» ends there)
        cut_on = kind is Break.CUT and (above.text[-1] not in HYPHENS or dropped)
        carried = carried + above.text.rstrip("".join(HYPHENS)) if cut_on else ""
    return text
