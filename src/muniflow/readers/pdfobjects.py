"""A page's objects exactly as pdfplumber makes them (`Page.objects`), the characters made faster.

pdfplumber turns every pdfminer layout object into a dict (`Page.process_object`), resolving each
attribute recursively whatever its type. On a text page nearly all objects are characters, whose
attributes are plain numbers and strings, and that resolution is about 40 % of pdfplumber's
parsing of the page. `parse_objects` builds the same dicts (same keys in the same order, same
values) with a character's plain attributes taken as they are; every other object, and a
character of any other class, is left to pdfplumber itself.

`tests/test_pdfobjects.py` holds the result equal to pdfplumber's own on every page of the sample
PDFs and of PDFs with varied content, so a pdfplumber release that changes its dicts fails there
rather than changing what is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any
from unicodedata import normalize as normalize_unicode

from pdfminer.layout import LTChar, LTContainer, LTItem
from pdfplumber.page import ALL_ATTRS, fix_fontname_bytes, lt_pat
from pdfplumber.utils import resolve_all, resolve_and_decode

from muniflow.readers.docxsymbols import symbol_text

# Types pdfplumber's `resolve_all` returns unchanged (it only resolves references and containers).
_PLAIN = frozenset({float, int, str, bool, type(None)})
_KIND = re.sub(lt_pat, "", LTChar.__name__).lower()  # "char", as pdfplumber names it
_COLOR_SPACES = ("ncs", "scs")
_SYMBOL_CODES = (0xF020, 0xF0FF)  # where a symbol font's glyphs stand in the private use area
_decoded: dict[tuple[type, Any], Any] = {}  # a colour space's name -> pdfplumber's decoding of it


def fill_objects(page: Any) -> None:
    """Give a pdfplumber page its objects (what `page.objects`, `page.chars`, `page.edges` and the
    table finder read) from `parse_objects`, unless it has parsed them already."""
    if not hasattr(page, "_objects"):
        page._objects = parse_objects(page)


def parse_objects(page: Any) -> dict[str, list[dict[str, Any]]]:
    """What pdfplumber's `page.parse_objects()` returns, characters built by `_char_maker`'s."""
    objects: dict[str, list[dict[str, Any]]] = {}
    with_containers = page.pdf.laparams is not None
    char = _char_maker(page)
    for obj in _walk(page.layout._objs, with_containers):
        attr = char(obj) if type(obj) is LTChar else page.process_object(obj)
        kind = attr["object_type"]
        if kind == "anno":
            continue
        objects.setdefault(kind, []).append(attr)
    return objects


def _walk(items: list[LTItem], with_containers: bool) -> Iterator[LTItem]:
    """The layout objects in pdfplumber's order (`Page.iter_layout_objects`): a container's
    children after it, the container itself only when layout analysis is on."""
    for obj in items:
        if isinstance(obj, LTContainer):
            if with_containers:
                yield obj
            yield from _walk(obj._objs, with_containers)
        else:
            yield obj


# A glyph's text as the page shows it: a ligature as its letters, and a letter a font maps to a
# look-alike as that letter (Word's PDF of «Приём» gives «Приѐм», е with grave, U+0450, where the
# font draws ё; no Russian word holds ѐ).
_LETTERS = str.maketrans(
    {
        "ﬀ": "ff",
        "ﬁ": "fi",
        "ﬂ": "fl",
        "ﬃ": "ffi",
        "ﬄ": "ffl",
        "ﬅ": "st",
        "ﬆ": "st",
        "\u0450": "ё",
        "\u0400": "Ё",
    }
)


def _char_maker(page: Any) -> Callable[[LTChar], dict[str, Any]]:
    """pdfplumber's `Page.process_object` for an LTChar of `page`, its plain attributes not
    re-resolved and the page's own values looked up once. An LTChar's attributes are all in its
    `__dict__` (the class defines none), so a colour space it lacks is not there."""
    norm = page.pdf.unicode_norm
    page_number = page.page_number
    mb_x0, mb_top = page.mediabox[:2]
    height = page.height
    doctop = page.initial_doctop

    def char(obj: LTChar) -> dict[str, Any]:
        own = obj.__dict__
        attr = {
            k: v if type(v) in _PLAIN or _plain_tuple(v) else resolve_all(v)
            for k, v in own.items()
            if k in ALL_ATTRS
        }
        attr["object_type"] = _KIND
        attr["page_number"] = page_number
        for cs in _COLOR_SPACES:
            if cs in own:
                attr[cs] = _decode(own[cs].name)
        text = obj._text
        attr["text"] = (normalize_unicode(norm, text) if norm is not None else text).translate(_LETTERS)
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        fontname = attr["fontname"]
        if isinstance(fontname, bytes):
            attr["fontname"] = fontname = fix_fontname_bytes(fontname)
        attr["text"] = _symbol_glyph(attr["text"], fontname)
        if "y0" in attr:
            attr["top"] = top = (height - attr["y1"]) + mb_top
            attr["bottom"] = (height - attr["y0"]) + mb_top
            attr["doctop"] = doctop + top
        if "x0" in attr and mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr

    return char


def _symbol_glyph(text: str, fontname: Any) -> str:
    """A symbol font's glyph as its character: LibreOffice's PDF of a Word list keeps the bullet of
    Word's Symbol font at its private-use code (U+F0B7), drawn by OpenSymbol or, where no symbol
    font is installed, by any font; it reads «•», as the same `w:sym` of a DOCX does (docxsymbols).
    The glyphs of the picture fonts (Wingdings, Webdings, Zapf Dingbats) are no Symbol's: kept."""
    if len(text) != 1 or not _SYMBOL_CODES[0] <= ord(text) <= _SYMBOL_CODES[1]:
        return text
    if "dings" in str(fontname).lower():
        return text
    return symbol_text("Symbol", f"{ord(text):X}") or text


def _plain_tuple(value: Any) -> bool:
    """A tuple of plain values (a glyph's matrix): `resolve_all` would return an equal copy."""
    return type(value) is tuple and _PLAIN.issuperset(map(type, value))


def _decode(name: Any) -> Any:
    """pdfplumber's decoding of a colour space name (`resolve_and_decode`), once per name."""
    try:
        key = (type(name), name)
        if key not in _decoded:
            _decoded[key] = resolve_and_decode(name)
    except TypeError:  # not hashable: decoded each time, as pdfplumber does
        return resolve_and_decode(name)
    return _decoded[key]
