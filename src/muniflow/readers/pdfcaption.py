"""The text between two tables of a PDF page (a title, a heading) as paragraphs, not visual lines.

An exporter wraps a long heading into several lines; the DOCX holds one paragraph. A line wrapped
at a space when the first word of the next line (and the space before it) had no room left on it
within the page's text area; otherwise the line ended a paragraph. A line that shows the space it
wrapped at (left-aligned text in LibreOffice) wrapped there. The text area is the span of the
page's text: a heading set narrower than that keeps its lines apart. A line further below than
the band's line pitch (space after a paragraph), or in another font, starts a paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from muniflow.readers.pdfcolumns import reading_blocks
from muniflow.readers.pdflines import Glyph, group_lines, line_text

_FIT_TOLERANCE = 0.5  # points: a word that fits only by less than this did not fit
_PARAGRAPH_SPACING = 0.25  # of the line height: a line further below than the band's closest
# line pitch by more than this starts a paragraph (space after the one above)


@dataclass(frozen=True)
class TextArea:
    """The horizontal span a page's paragraphs are laid out in (PDF points)."""

    left: float
    right: float


def text_area(page: Any) -> TextArea:
    """The span of the page's glyphs and tables (ruled or not)."""
    xs0 = [c["x0"] for c in page.chars]
    xs1 = [c["x1"] for c in page.chars]
    return TextArea(min(xs0, default=0.0), max(xs1, default=float(page.width)))


def band_paragraphs(chars: Sequence[dict[str, Any]], area: TextArea) -> str:
    """The glyphs of a band of the page as text: wrapped lines joined, paragraphs one a line; two
    columns side by side (a letterhead) one after the other (see pdfcolumns)."""
    glyphs = [Glyph(c["text"], c["x0"], c["x1"], c["top"], c["bottom"]) for c in chars]
    fonts = {
        id(g): (c.get("fontname"), round(float(c.get("size", 0.0)), 1))
        for g, c in zip(glyphs, chars, strict=True)
    }
    blocks = reading_blocks(group_lines(glyphs), area.left, area.right)
    out = [p for b in blocks for p in _paragraphs(b.lines, fonts, TextArea(b.left, b.right))]
    return "\n".join(line.strip() for line in out)


def _paragraphs(lines: Sequence[Sequence[Glyph]], fonts: dict[int, Any], area: TextArea) -> list[str]:
    """Visual lines as paragraphs: a line the one above wrapped into goes on that line."""
    if not lines:
        return []
    pitches = [below[0].top - above[0].top for above, below in pairwise(lines)]
    base = min(pitches, default=0.0)
    out = [line_text(lines[0])]
    for (above, below), pitch in zip(pairwise(lines), pitches, strict=True):
        text = line_text(below)
        height = above[0].bottom - above[0].top
        same_paragraph = (
            fonts[id(above[-1])] == fonts[id(below[0])]  # a heading in another font is its own paragraph
            and pitch <= base + _PARAGRAPH_SPACING * height  # space after a paragraph
            and wrapped(above, below, area)
        )
        if same_paragraph:
            out[-1] = out[-1].rstrip() + " " + text.lstrip()
        else:
            out.append(text)
    return out


def wrapped(above: Sequence[Glyph], below: Sequence[Glyph], area: TextArea) -> bool:
    """True when `above` ended because the next line's first word had no room on it."""
    if above[-1].text.isspace():
        return True  # the space it wrapped at, drawn
    drawn = [g for g in above if not g.text.isspace()]
    if not drawn or not below[0].text.strip():
        return False
    room = (area.right - area.left) - (drawn[-1].x1 - drawn[0].x0)
    space = (below[0].bottom - below[0].top) / 4
    return _first_word(below) + space > room + _FIT_TOLERANCE


def _first_word(line: Sequence[Glyph]) -> float:
    """Width of the line's first word (up to its first space or gap)."""
    end = line[0].x1
    for before, glyph in pairwise(line):
        if glyph.text.isspace() or glyph.x0 - before.x1 > (glyph.bottom - glyph.top) / 3:
            break
        end = glyph.x1
    return end - line[0].x0
