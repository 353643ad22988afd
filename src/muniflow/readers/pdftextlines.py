"""The lines of a page's text as the reader of tables without rules sees them (pdfunruled).

A line is a run of glyphs on one baseline band, parted into runs where words stand further apart
than GUTTER (a cell's edge, not a space); its first run's text tells a numbered row or a heading.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from muniflow.readers.pdflines import Glyph, group_lines
from muniflow.readers.rownumber import SEQ_NUMBER

# Points between two columns' texts: Word's and LibreOffice's cell padding is 0.19 cm (5.4 pt) a
# side, so 10.8 pt by default, 5.7 pt at the narrowest padding offices use (0.1 cm); a space
# between words is under 4 pt even at 14 pt, so a gap this wide parts columns, not words.
GUTTER = 5.0


# Share of a glyph's height two letters stand apart by where a space between words was left out
# of the glyphs (a space is a quarter of the font size or more, letters touch or nearly).
WORD_GAP = 0.15


Span = tuple[float, float]


@dataclass(frozen=True)
class Line:
    top: float
    bottom: float
    spans: tuple[Span, ...]  # runs of glyphs closer than GUTTER
    first: str  # the text of its first run
    text: str  # the texts of its runs, a space between
    upright: tuple[Span, ...] = ()  # its runs without a glyph turned a quarter
    bold: tuple[bool, ...] = ()  # per run: every glyph of it set in a bold face
    label: str = ""  # the text of its first run, its words spaced (see run_text)
    parted: tuple[float, ...] = ()  # where runs start at a cell's edge closer than GUTTER (pdfspaces)


def column_texts(glyphs: Sequence[Glyph], xs: Sequence[float]) -> list[str]:
    """The glyphs' text column by column, line by line: each run of a line (glyphs closer than
    GUTTER) in the column its middle falls in, so a group cell spanning two keeps its words."""
    texts: list[list[str]] = [[] for _ in xs[1:]]
    for line in group_lines(glyphs):
        runs: list[list[Glyph]] = []
        for g in line:
            if runs and g.x0 - runs[-1][-1].x1 < GUTTER and not g.parted:
                runs[-1].append(g)
            else:
                runs.append([g])
        for run in runs:
            middle = (run[0].x0 + run[-1].x1) / 2
            k = max(0, min(len(texts) - 1, sum(x <= middle for x in xs[1:-1])))
            texts[k].append(run_text(run))
    return [" ".join(t) for t in texts]


def run_text(run: Sequence[Glyph]) -> str:
    """A run's text, a space where two glyphs stand apart by more than WORD_GAP of their height
    (the page's space glyphs are left out of the glyphs read here)."""
    out = run[0].text
    for before, glyph in itertools.pairwise(run):
        out += (" " if glyph.x0 - before.x1 > WORD_GAP * (glyph.bottom - glyph.top) else "") + glyph.text
    return out


def text_lines(glyphs: Sequence[Glyph]) -> list[Line]:
    out = []
    for line in group_lines(glyphs):
        spans: list[list[float]] = []
        texts: list[str] = []
        turned: list[bool] = []
        bold: list[bool] = []
        first: list[Glyph] = []  # the glyphs of its first run
        parted: list[float] = []
        for g in line:
            joins = bool(spans) and g.x0 - spans[-1][1] < GUTTER and not g.parted
            if not spans or (len(spans) == 1 and joins):
                first.append(g)
            if joins:
                spans[-1][1] = max(spans[-1][1], g.x1)
                texts[-1] += g.text
                turned[-1] = turned[-1] or bool(g.turn)
                bold[-1] = bold[-1] and g.bold
            else:
                if spans and g.parted:
                    parted.append(g.x0)
                spans.append([g.x0, g.x1])
                texts.append(g.text)
                turned.append(bool(g.turn))
                bold.append(g.bold)
        out.append(
            Line(
                min(g.top for g in line),
                max(g.bottom for g in line),
                tuple((a, b) for a, b in spans),
                texts[0],
                " ".join(texts),
                tuple((a, b) for (a, b), t in zip(spans, turned, strict=True) if not t),
                tuple(bold),
                run_text(first),
                tuple(parted),
            )
        )
    return out


def is_numbered(line: Line, xs: Sequence[float] = ()) -> bool:
    """A line of several runs whose first is a row number; with the columns known (`xs`), that
    number stands in the first column (a date or a count a narrow column wrapped, «202|4», starts
    a line of its own column with digits, but opens no row), and may stand alone: cells centred
    in their rows set each cell's lines on baselines of their own, the number's line among them."""
    if len(xs) > 1 and line.spans[0][1] > xs[1]:
        return False
    return (len(line.spans) > 1 or len(xs) > 2) and bool(SEQ_NUMBER.match(line.first))


def numbers_columns(line: Line) -> bool:
    """A header's row numbering its columns («1 2 3 4 5 6»), which opens no row of the table."""
    numbers = [n.rstrip(".") for n in line.text.split()]
    return len(numbers) > 2 and numbers == [str(k) for k in range(1, len(numbers) + 1)]


def heading_line(line: Line, xs: Sequence[float]) -> bool:
    """One run of words, upright, across a column boundary: a heading row across the table."""
    return (
        line.upright == line.spans
        and len(line.spans) == 1
        and any(line.spans[0][0] < x < line.spans[0][1] for x in xs[1:-1])
    )
