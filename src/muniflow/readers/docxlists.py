"""Word's automatic list numbers, which a DOCX does not store as text.

A «№ п/п» column is often numbered by Word's numbering button: the cell holds an empty paragraph
with `w:numPr` (or a paragraph style that has one), and Word draws «1.», «2.», … from the
definitions in numbering.xml. Without them the № column reads empty, though the PDF export of the
same file shows the numbers. `label_lists` writes each numbered paragraph's label into the parsed
XML as a leading run, so every reader of paragraph text sees what Word shows.

Counting follows Word and LibreOffice: list instances (`w:num`) of one definition (`w:abstractNum`)
share its counters, so a list broken by other paragraphs or tables goes on, except an instance
that overrides a level (`w:lvlOverride`, Word's «restart numbering»), which counts on its own;
each level starts at its `w:start` (or the override's `w:startOverride`), counted in document
order; numbering a level restarts the deeper ones. The label is the level's `w:lvlText` with
each `%n` replaced by level n's counter in the level's own format (decimal, letters, Roman,
Russian letters); bullets and formats without a number give no label.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = _W + "val"
_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"  # Word's russianLower: no ё, й, ъ, ы, ь
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip
_SUFFIX = {"tab": " ", "space": " ", "nothing": ""}
_MAX_LEVELS = 9
# Word draws a list's bullets itself, out of the paragraph's text; a PDF of the page holds them.
LIST_MARK = "• "


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    suffix: str = " "


@dataclass
class _List:
    levels: dict[int, _Level]
    counters: dict[int, int] = field(default_factory=dict)  # shared by instances of one definition


def label_lists(document: Any) -> None:
    """Give every numbered paragraph of the document's body its list label as a leading run, and a
    bulleted paragraph of a table cell `LIST_MARK` (body paragraphs get theirs as their lines are
    read: readers/docx.body_line), so a cell reads «• …» as its PDF does."""
    lists = _lists(document)
    if not lists:
        return
    styles = _style_numbering(document)
    for paragraph in document.element.body.iter(_W + "p"):
        num_id, level = _numbering_of(paragraph, styles)
        instance = lists.get(num_id)
        if instance is None or level not in instance.levels:
            continue
        label = _advance(instance, level)
        if label:
            _prepend(paragraph, label + instance.levels[level].suffix)
        elif instance.levels[level].fmt == "bullet" and _in_cell_with_text(paragraph):
            _prepend(paragraph, LIST_MARK)


def bullets(document: Any) -> Callable[[etree._Element], bool]:
    """Whether Word draws a bullet before a paragraph (its list level's format is a bullet): a mark
    out of the text that `label_lists` gives no label (a № cell of bullets holds no number)."""
    lists = _lists(document)
    styles = _style_numbering(document) if lists else {}

    def bulleted(paragraph: etree._Element) -> bool:
        num_id, level = _numbering_of(paragraph, styles)
        instance = lists.get(num_id)
        spec = instance.levels.get(level) if instance is not None else None
        return spec is not None and spec.fmt == "bullet"

    return bulleted


def _advance(instance: _List, level: int) -> str:
    """Count one paragraph at `level` and return its label."""
    counters = instance.counters
    here = instance.levels[level]
    counters[level] = counters.get(level, here.start - 1) + 1
    for deeper in range(level + 1, _MAX_LEVELS):
        counters.pop(deeper, None)
    if here.fmt in ("bullet", "none") or not here.text:
        return ""
    label = here.text
    for n in range(level + 1):
        spec = instance.levels.get(n, _Level())
        value = counters.get(n, spec.start)
        label = label.replace(f"%{n + 1}", _format(value, spec.fmt))
    return label


def _format(value: int, fmt: str) -> str:
    """A counter in a numbering format (decimal where the format is not one of these)."""
    if fmt in ("lowerLetter", "upperLetter"):
        text = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else str(value)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("russianLower", "russianUpper"):
        n = len(_RUSSIAN)
        text = _RUSSIAN[(value - 1) % n] * ((value - 1) // n + 1) if value > 0 else str(value)
        return text.upper() if fmt == "russianUpper" else text
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        out, rest = "", value
        for amount, digits in _ROMAN:
            while rest >= amount:
                out, rest = out + digits, rest - amount
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _lists(document: Any) -> dict[str, _List]:
    """The list instances of numbering.xml by numId, each with its levels (overrides applied)."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstracts = {a.get(_W + "abstractNumId"): a for a in numbering.iter(_W + "abstractNum")}
    shared: dict[str, dict[int, int]] = {}  # abstractNumId -> the counters its instances share
    out = {}
    for num in numbering.iter(_W + "num"):
        ref = num.find(_W + "abstractNumId")
        abstract_id = ref.get(_VAL) if ref is not None else None
        abstract = abstracts.get(abstract_id)
        if abstract is None or abstract_id is None:
            continue
        levels = {lvl: _level(node) for lvl, node in _levels(abstract)}
        overrides = list(num.iter(_W + "lvlOverride"))
        counters = {} if overrides else shared.setdefault(abstract_id, {})
        for override in overrides:
            lvl = _int(override.get(_W + "ilvl"), -1)
            node = override.find(_W + "lvl")
            if node is not None and 0 <= lvl < _MAX_LEVELS:
                levels[lvl] = _level(node)
            start = override.find(_W + "startOverride")
            if start is not None and lvl in levels:
                levels[lvl].start = _int(start.get(_VAL), 1)
        out[num.get(_W + "numId") or ""] = _List(levels, counters)
    return out


def _levels(abstract: etree._Element) -> Iterator[tuple[int, etree._Element]]:
    for node in abstract.iter(_W + "lvl"):
        lvl = _int(node.get(_W + "ilvl"), -1)
        if 0 <= lvl < _MAX_LEVELS:
            yield lvl, node


def _level(node: etree._Element) -> _Level:
    def val(tag: str) -> str | None:
        child = node.find(_W + tag)
        return child.get(_VAL) if child is not None else None

    return _Level(
        fmt=val("numFmt") or "decimal",
        text=val("lvlText") or "",
        start=_int(val("start"), 1),
        suffix=_SUFFIX.get(val("suff") or "tab", " "),
    )


def _style_numbering(document: Any) -> dict[str, tuple[str | None, int | None]]:
    """Paragraph style id -> the numId and level its numPr gives (followed through `basedOn`)."""
    try:
        styles = document.styles.element
    except (KeyError, AttributeError):
        return {}
    own: dict[str, tuple[str | None, int | None, str | None]] = {}
    for style in styles.iter(_W + "style"):
        num_pr = style.find(f"{_W}pPr/{_W}numPr")
        based = style.find(_W + "basedOn")
        num_id, level = _num_pr(num_pr)
        own[style.get(_W + "styleId") or ""] = (num_id, level, based.get(_VAL) if based is not None else None)
    resolved = {}
    for style_id in own:
        seen, current = set(), style_id
        num_id, level = None, None
        while current in own and current not in seen:
            seen.add(current)
            mine_id, mine_level, parent = own[current]
            num_id = num_id if num_id is not None else mine_id
            level = level if level is not None else mine_level
            current = parent or ""
        resolved[style_id] = (num_id, level)
    return resolved


def _numbering_of(
    paragraph: etree._Element, styles: dict[str, tuple[str | None, int | None]]
) -> tuple[str, int]:
    """The paragraph's list instance and level: its own numPr first, then its style's."""
    props = paragraph.find(_W + "pPr")
    num_id, level = _num_pr(props.find(_W + "numPr") if props is not None else None)
    style = props.find(_W + "pStyle") if props is not None else None
    if style is not None:
        style_id, style_level = styles.get(style.get(_VAL) or "", (None, None))
        num_id = num_id if num_id is not None else style_id
        level = level if level is not None else style_level
    return num_id or "0", level or 0


def _num_pr(num_pr: etree._Element | None) -> tuple[str | None, int | None]:
    if num_pr is None:
        return None, None
    num = num_pr.find(_W + "numId")
    lvl = num_pr.find(_W + "ilvl")
    return (num.get(_VAL) if num is not None else None), (_int(lvl.get(_VAL), 0) if lvl is not None else None)


def _in_cell_with_text(paragraph: etree._Element) -> bool:
    """A paragraph of a table cell that shows text (an empty bulleted paragraph, in a № column say,
    shows a bullet only, which stays out of the cell's text)."""
    in_cell = any(node.tag == _W + "tc" for node in paragraph.iterancestors())
    return in_cell and any((t.text or "").strip() for t in paragraph.iter(_W + "t"))


def _prepend(paragraph: etree._Element, label: str) -> None:
    """Insert the label as the paragraph's first run (after its properties)."""
    run = etree.Element(_W + "r")
    text = etree.SubElement(run, _W + "t")
    text.text = label
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    props = paragraph.find(_W + "pPr")
    if props is not None:
        props.addnext(run)
    else:
        paragraph.insert(0, run)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
