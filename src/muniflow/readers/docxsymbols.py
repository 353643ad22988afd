"""The character a `w:sym` shows: what Word's Insert > Symbol writes for a symbol font's glyph.

`w:sym w:font="Symbol" w:char="F02D"` is a glyph of the font, addressed in the private-use range
F000-F0FF that symbol fonts map their codes to; a dash, a degree or a Greek letter typed that way
is no text to python-docx. Symbol's glyphs are turned into their Unicode characters (Adobe's
Symbol encoding; the ASCII codes it keeps are ASCII), a code below F000 is the character itself;
the pictures of dingbat fonts (Wingdings, Webdings) stay out, as before.
"""

from __future__ import annotations

_GREEK_UPPER = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"  # Symbol's A..Z
_GREEK_LOWER = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ"  # Symbol's a..z
_SYMBOL = {
    **{0x41 + k: c for k, c in enumerate(_GREEK_UPPER)},
    **{0x61 + k: c for k, c in enumerate(_GREEK_LOWER)},
    0x22: "∀",
    0x24: "∃",
    0x27: "∋",
    0x2A: "∗",
    0x2D: "−",
    0x40: "≅",
    0x5C: "∴",
    0x5E: "⊥",
    0x60: "",  # the radical extender: no character of its own
    0x7E: "∼",
    0xA2: "′",
    0xA3: "≤",
    0xA5: "∞",
    0xAC: "←",
    0xAD: "↑",
    0xAE: "→",
    0xAF: "↓",
    0xB0: "°",
    0xB1: "±",
    0xB2: "″",
    0xB3: "≥",
    0xB4: "×",
    0xB7: "•",
    0xB8: "÷",
    0xB9: "≠",
    0xBA: "≡",
    0xBB: "≈",
    0xBC: "…",
    0xD2: "®",
    0xD3: "©",
    0xD4: "™",
    0xD7: "⋅",
}
_PRIVATE = 0xF000


def symbol_text(font: str | None, char: str | None) -> str:
    """The text of a `w:sym` of `font` and hexadecimal `char`; '' for a glyph with no character."""
    try:
        code = int(char or "", 16)
    except ValueError:
        return ""
    if code < _PRIVATE:
        return chr(code) if code >= 0x20 else ""
    if (font or "").strip().lower() != "symbol":
        return ""
    code -= _PRIVATE
    if code in _SYMBOL:
        return _SYMBOL[code]
    return chr(code) if 0x20 <= code < 0x7F else ""
