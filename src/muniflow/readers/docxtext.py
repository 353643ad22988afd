"""The text of a DOCX paragraph as Word shows it: its runs' text, tabs and breaks; inserted text
in, deleted and hidden text, field codes and unfilled content controls' prompts out; superscript
and subscript digits as such. The WordprocessingML names the DOCX modules share are here too."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from muniflow.normalize.text import SUBSCRIPT, SUPERSCRIPT, visible
from muniflow.readers.docxfields import follow_field, in_field_code
from muniflow.readers.docxlists import LIST_MARK
from muniflow.readers.docxsymbols import symbol_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

P, TBL, TR, TC = W + "p", W + "tbl", W + "tr", W + "tc"
TXBX, SDT = W + "txbxContent", W + "sdt"
VAL = W + "val"

# Wrappers whose children are the content itself (content controls, custom XML, tracked insertions).
TRANSPARENT = frozenset(W + t for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag"))

# Run-level elements that carry no visible cell text: properties, deleted or moved-away text, field
# instructions, markers, and drawings (text boxes are not part of the cell's flow text).
_INVISIBLE_TAGS = (
    "pPr rPr sdtPr sdtEndPr del moveFrom instrText delText delInstrText fldChar bookmarkStart bookmarkEnd"
    " proofErr commentRangeStart commentRangeEnd commentReference footnoteReference endnoteReference"
    " drawing pict object lastRenderedPageBreak permStart permEnd"
)
_INVISIBLE = frozenset([MC + "AlternateContent", *(W + tag for tag in _INVISIBLE_TAGS.split(" "))])
_RUN_TEXT = {W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
_IGNORED_RUN_ITEMS = frozenset({W + "softHyphen"})


# A body paragraph Word bullets is written with LIST_MARK (a letter's items: readers/listed.py); its
# numbers are in the text already, as are a cell's bullets (`label_lists`).


def body_line(paragraph: etree._Element, bulleted: Callable[[etree._Element], bool]) -> str:
    """A body paragraph's text as Word shows it: with `LIST_MARK` where Word draws a bullet."""
    text = line_text(paragraph)
    return LIST_MARK + text if text.strip() and bulleted(paragraph) else text


def line_text(paragraph: etree._Element) -> str:
    """A paragraph out of the tables (a title, a heading, a caption, a page header) as its lines
    are read: without the invisible characters (`normalize.text.visible`) an editor leaves there
    («Город N\u200b»), which cell text loses when it is folded (cells come as written)."""
    return visible(paragraph_text(paragraph))


def paragraph_text(paragraph: etree._Element) -> str:
    """Return a paragraph's visible text: w:t, tabs, breaks; inserted text in, deleted and hidden
    text and field codes out."""
    parts: list[str] = []
    _collect_runs(paragraph, parts, [])
    return "".join(parts)


def _collect_runs(element: etree._Element, parts: list[str], fields: list[str]) -> None:
    """Append the visible text below element to parts in document order; `fields` holds the part
    of each field open there (readers/docxfields.py): a field's code is not shown."""
    for child in element:
        tag = child.tag
        if tag in _SHOWN:
            if not in_field_code(fields):
                parts.append(_shown(child, tag))
        elif tag == W + "fldChar":
            follow_field(child, fields)
        elif tag in _INVISIBLE or tag in _IGNORED_RUN_ITEMS or not isinstance(tag, str):
            continue  # not isinstance: comments and processing instructions
        elif (tag == W + "r" and _hidden(child)) or (tag == SDT and placeholder(child)):
            for mark in child.iter(W + "fldChar"):  # a hidden field's marks still open and close it
                follow_field(mark, fields)
        elif tag == W + "r" and (shift := _shifted(child)) is not None:
            run: list[str] = []
            _collect_runs(child, run, fields)
            parts.append("".join(run).translate(shift))
        else:
            _collect_runs(child, parts, fields)


_SHOWN = frozenset({W + "t", W + "sym", *_RUN_TEXT})


def _shown(item: etree._Element, tag: str) -> str:
    """The text a run's item shows: a w:t's text, a tab or break, a symbol font's glyph."""
    if tag == W + "t":
        return item.text or ""
    if tag == W + "sym":  # Insert > Symbol: a symbol font's glyph
        return symbol_text(item.get(W + "font"), item.get(W + "char"))
    return _RUN_TEXT[tag]


# Word's Superscript and Subscript (Font > Effects: w:vertAlign).
_SHIFTS = {"superscript": SUPERSCRIPT, "subscript": SUBSCRIPT}


# Half-points a run is raised or lowered by (Font > Advanced > Position: w:position) to be a
# superscript or subscript: LibreOffice writes an HTML page's <sup> so (7, with a smaller size),
# not as w:vertAlign; a baseline nudged by a point or less is no mark.
_RAISED = 3


def _shifted(run: etree._Element) -> dict[int, int] | None:
    """The translation of a superscript or subscript run's digits (`normalize.text.SUPERSCRIPT`);
    None for any other run."""
    props = run.find(W + "rPr")
    if props is None:
        return None
    align = props.find(W + "vertAlign")
    if align is not None:
        return _SHIFTS.get(align.get(VAL, ""))
    position = props.find(W + "position")
    raised = position.get(VAL, "0") if position is not None else "0"
    shift = int(raised) if raised.lstrip("-").isdigit() else 0
    return SUPERSCRIPT if shift >= _RAISED else SUBSCRIPT if shift <= -_RAISED else None


def _hidden(run: etree._Element) -> bool:
    """A run formatted as hidden text (Word's Font > Hidden: w:vanish), which Word neither shows
    nor prints unless asked to."""
    props = run.find(W + "rPr")
    for name in ("vanish", "specVanish"):
        mark = props.find(W + name) if props is not None else None
        if mark is not None and mark.get(VAL, "true").lower() not in ("false", "0", "off"):
            return True
    return False


def placeholder(sdt: etree._Element) -> bool:
    """A content control nobody filled in: it shows its prompt («Место для ввода текста.»), which
    Word greys out and which is no part of the text (w:showingPlcHdr)."""
    props = sdt.find(W + "sdtPr")
    mark = props.find(W + "showingPlcHdr") if props is not None else None
    return mark is not None and mark.get(VAL, "true").lower() not in ("false", "0", "off")
