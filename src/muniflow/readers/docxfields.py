"""Word's complex fields: which of a paragraph's runs are a field's code and which its result.

A field is written as runs between w:fldChar marks: «begin», its code (w:instrText, and any fields
nested in it), «separate», its cached result (the text Word shows), «end». Fields nest in codes
({ IF { MERGEFIELD X } = "" "—" "{ MERGEFIELD X }" }), each inner field with a cached result of its
own: text is shown only where no open field is at its code, so only the outermost result reads.
"""

from __future__ import annotations

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CODE, _RESULT = "code", "result"


def follow_field(mark: etree._Element, fields: list[str]) -> None:
    """Follow a w:fldChar in `fields`, the part of each field open, outermost first: «begin» opens
    a field at its code, «separate» turns it to its result, «end» closes it."""
    kind = mark.get(_W + "fldCharType")
    if kind == "begin":
        fields.append(_CODE)
    elif kind == "separate" and fields:
        fields[-1] = _RESULT
    elif kind == "end" and fields:
        fields.pop()


def in_field_code(fields: list[str]) -> bool:
    """Whether text met now is part of a field's code (an inner field's result included)."""
    return _CODE in fields
