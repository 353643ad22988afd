"""A symbol font's glyph in a PDF's text layer read as its character (LibreOffice's PDF of a Word
list keeps the bullet of Word's Symbol font at its private-use code, U+F0B7)."""

from __future__ import annotations

from muniflow.readers.pdfobjects import _symbol_glyph


def test_a_symbol_fonts_bullet_reads_as_a_bullet() -> None:
    # LibreOffice keeps Word's Symbol bullet at U+F0B7, drawn by whatever font it substitutes
    assert _symbol_glyph("\uf0b7", "BAAAAA+DejaVuSerif") == "•"
    assert _symbol_glyph("\uf0b7", "DAAAAA+OpenSymbol") == "•"
    assert _symbol_glyph("\uf0a7", "CAAAAA+Wingdings-Regular") == "\uf0a7"  # a picture font's own
    assert _symbol_glyph("ж", "CAAAAA+DejaVuSerif") == "ж"
