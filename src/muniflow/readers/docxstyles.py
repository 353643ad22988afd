"""Hidden text given by a style, which a run's own properties do not show.

Word hides a run (Font > Hidden, `w:vanish`) set in its own properties, in its character style
(`w:rStyle`), in its paragraph's style (`w:pStyle`) or in the document's defaults, each style
inheriting what its `w:basedOn` chain sets; the nearest setting wins (direct formatting, then the
character style, then the paragraph style, then the defaults). `mark_hidden` writes the result as
the run's own `w:vanish`, so every reader of runs (readers/docxtext.py `_hidden`) sees what Word hides,
as readers/docxlists.py writes list numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = _W + "val"
_VANISH = (_W + "vanish", _W + "specVanish")
_MAX_DEPTH = 32  # a basedOn chain longer than any real one is a loop


def mark_hidden(document: Any, root: etree._Element) -> None:
    """Give every run under root that a style hides a `w:vanish` of its own."""
    chain, default = _style_vanish(document)
    for run in root.iter(_W + "r"):
        props = run.find(_W + "rPr")
        if _vanish(props) is not None:
            continue  # the run's own setting wins
        paragraph = next(run.iterancestors(_W + "p"), None)
        settings = (chain(_style_id(props, "rStyle")), chain(_style_id(_props(paragraph), "pStyle")), default)
        if next((s for s in settings if s is not None), False):
            if props is None:
                props = etree.Element(_W + "rPr")
                run.insert(0, props)
            etree.SubElement(props, _W + "vanish")


def _props(paragraph: etree._Element | None) -> etree._Element | None:
    return paragraph.find(_W + "pPr") if paragraph is not None else None


def _style_vanish(document: Any) -> tuple[Callable[[str | None], bool | None], bool | None]:
    """Whether a style id hides its text, followed up its basedOn chain (None when nothing in the
    chain sets it), each style's answer kept once found; and what the document's defaults set."""
    try:
        styles_root = document.styles.element
    except (KeyError, AttributeError):  # a package without a styles part
        return (lambda _style: None), None
    styles = {s.get(_W + "styleId"): s for s in styles_root.iter(_W + "style")}
    known: dict[str | None, bool | None] = {None: None}

    def chain(style_id: str | None, depth: int = 0) -> bool | None:
        if style_id in known:
            return known[style_id]
        style = styles.get(style_id)
        answer = _vanish(style.find(_W + "rPr")) if style is not None else None
        if answer is None and style is not None and depth < _MAX_DEPTH:
            answer = chain(_style_id(style, "basedOn"), depth + 1)
        known[style_id] = answer
        return answer

    return chain, _vanish(styles_root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr"))


def _style_id(parent: etree._Element | None, name: str) -> str | None:
    """The w:val of a child naming a style (w:pStyle, w:rStyle, w:basedOn), None without one."""
    child = parent.find(_W + name) if parent is not None else None
    return child.get(_VAL) if child is not None else None


def _vanish(props: etree._Element | None) -> bool | None:
    """What a w:rPr sets for hidden text: True, False (set off), None (not set)."""
    if props is None:
        return None
    marks = [props.find(name) for name in _VANISH]
    values = [m.get(_VAL, "true").lower() not in ("false", "0", "off") for m in marks if m is not None]
    return any(values) if values else None
