"""A PDF whose text layer does not say what its pages show is read by OCR from the rendered pages.

Fonts saved without a map to Unicode give pdfminer "(cid:12)" for every glyph; Cyrillic fonts
declared with a Latin code page give "Îò÷åò" for «Отчет». The pages still show the letters.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import badfiles
import pytest

from muniflow.intake import checked, legibility, scan
from muniflow.intake.limits import Limits
from muniflow.model import RawDocument, RawRow, RawTable, ReaderError

SAMPLE = Path(__file__).resolve().parents[1] / "sample_inputs" / "smolensk_2024_q2.pdf"


def _doc(title: str, *cells: str) -> RawDocument:
    table = RawTable(("№", cells[0]), (RawRow(("1", cells[1]), "table 1, row 2"),), "table 1")
    return RawDocument("x.pdf", "pdf", title, (table,))


CID = "(cid:1)(cid:2)(cid:3)(cid:4)(cid:5)(cid:3)"
# «Встреча делегаций в г. Минске» in Windows-1251, read as Latin-1
LATIN1 = "Âñòðå÷à äåëåãàöèé â ã. Ìèíñêå"
# Cyrillic glyphs a font codes as Latin letters (seen in a real PDF: «kljhbl_evkl» for «строительст…»)
SHIFTED = "KGbI ©;_ahiZkghklv ljm^Z \\ kljhbl_evkl\\_ª N_^_jZevguc aZdhg hl"


@pytest.mark.parametrize(
    ("title", "cells", "unreadable", "why"),
    [
        ("Отчет о мероприятиях", ("Мероприятие", "Встреча делегаций в г. Минске"), False, "Cyrillic"),
        ("Отчет о мероприятиях", ("Мероприятие", "Фестиваль «Café de Paris»"), False, "some Latin-1 letters"),
        (CID, (CID, CID + " " + CID), True, "glyphs with no Unicode"),
        (LATIN1, (LATIN1, LATIN1), True, "Cyrillic read as Latin-1"),
        ("Отчет о мероприятиях", ("Мероприятие", CID), False, "one unreadable cell among readable text"),
        (CID, (CID, "Встреча делегаций в г. Минске"), True, "the title's and headers' font lost its map"),
        (SHIFTED, (SHIFTED, SHIFTED), True, "Cyrillic glyphs coded as Latin letters"),
        (
            "Report on international events",
            ("Event", "Delegation visit to the twin town, a concert and a forum of mayors"),
            False,
            "English is text as it is, not Cyrillic coded as Latin",
        ),
        ("Отчет", ("Event", "Sinopec, BRICS, Zoom"), False, "too few letters to tell a script by"),
        (
            "Отчет о мероприятиях",
            ("Мероприятие", "Форум «Russia – China: Business Forum» (BRICS), Zoom"),
            False,
            "Latin names in a Cyrillic text",
        ),
    ],
)
def test_unreadable_text_layer(title: str, cells: tuple[str, str], unreadable: bool, why: str) -> None:
    assert legibility.text_unreadable(_doc(title, *cells)) is unreadable, why


@pytest.mark.parametrize("lost", ["all", "first"])
def test_a_pdf_whose_fonts_lost_their_unicode_map_goes_to_ocr(tmp_path: Path, lost: str) -> None:
    """The sample PDF with its fonts' /ToUnicode maps unnamed (same length: offsets stay valid): all
    of them, or only the first font's (the sample's bold one: title and headers)."""
    data = SAMPLE.read_bytes()
    assert data.count(b"/ToUnicode") >= 2
    path = tmp_path / "report.pdf"
    path.write_bytes(data.replace(b"/ToUnicode", b"/XoUnicode", -1 if lost == "all" else 1))
    with pytest.raises(ReaderError) as err:
        checked.read_checked(path, Limits.load())
    # no_text_layer where Tesseract is missing: then the file is refused saying how to enable OCR
    assert err.value.reason in (scan.NEEDS_OCR, "no_text_layer"), err.value.message
    assert checked.read_checked(SAMPLE, Limits.load()).tables, "the sample itself is read from its text"


# An invented letter: enough plain words (small letters, four or more) to judge a text layer by.
LETTER = [
    "Администрация поселка сообщает, что в летние месяцы прошли праздничные концерты,",
    "выставка народных промыслов и мастерские ремесленников для жителей и гостей,",
    "спортивные состязания молодежи на городском стадионе, встречи библиотекарей",
    "соседних городов, экскурсии по старинным улицам и музею истории края.",
]
_ALPHABET = "абвгдежзийклмнопрстуфхцчшщъыьэюя"


def _private_use(ch: str) -> str:
    return chr(0xE000 + ord(ch) % 0x1000) if not ch.isspace() else ch


def _reversed_letters(ch: str) -> str:
    """Each small Cyrillic letter as the one at the other end of the alphabet: Cyrillic, no word."""
    return _ALPHABET[-1 - _ALPHABET.index(ch)] if ch in _ALPHABET else ch


@pytest.mark.parametrize(
    ("unicode_of", "garbled", "why"),
    [
        (lambda ch: ch, False, "the right map: a letter with no table, read as one"),
        (_private_use, True, "every glyph mapped into the private use area: no letter at all"),
        (_reversed_letters, True, "Cyrillic letters that spell no word the dictionary knows"),
    ],
)
def test_a_pdf_whose_unicode_map_names_wrong_characters_goes_to_ocr(
    tmp_path: Path, unicode_of: Callable[[str], str], garbled: bool, why: str
) -> None:
    """No header can be recognised in a garbled text layer, so no table is read: the layer is
    judged by its letters and words, and the pages read by OCR, not refused as an unknown layout."""
    path = tmp_path / "letter.pdf"
    path.write_bytes(badfiles.mapped_text_pdf(LETTER, unicode_of))
    assert legibility.pdf_text_unreadable(path, 5) is garbled, why
    try:
        checked.read_checked(path, Limits.load())
        reason = None
    except ReaderError as err:
        reason = err.reason
    assert (reason in (scan.NEEDS_OCR, "no_text_layer")) is garbled, (why, reason)


@pytest.mark.parametrize(
    ("text", "share_min", "share_max"),
    [
        (" ".join(LETTER), 0.0, 0.2),
        (" ".join(LETTER).translate(str.maketrans(_ALPHABET, _ALPHABET[::-1])), 0.9, 1.0),
        ("Фестиваль «Мост» в МБУК ЦКД, г. Энск", 0.0, 0.0),  # too few plain words to tell
    ],
)
def test_unknown_word_share(text: str, share_min: float, share_max: float) -> None:
    assert share_min <= legibility.unknown_word_share(text) <= share_max


def _text_then_drawn_page(path: Path, shapes: int) -> Path:
    """A ruled table page in Helvetica, then a page with no font drawing `shapes` small filled
    outlines in lines (a page whose letters a converter turned into curves)."""
    outlines = b" ".join(
        b"%d %d m %d %d l %d %d %d %d %d %d c h f"
        % (x, y, x + 3, y + 7, x + 5, y + 9, x + 6, y + 4, x + 6, y)
        for k in range(shapes)
        for x, y in [(50 + (k % 60) * 8, 740 - (k // 60) * 14)]
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
        badfiles.PAGE % b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        badfiles.stream(badfiles.table_content(badfiles.TABLE_ROWS)),
        badfiles.PAGE % b"/Resources << >> /Contents 7 0 R",
        badfiles.stream(b"0 0 0 rg " + outlines),
    ]
    path.write_bytes(badfiles.pdf_file(objects))
    return path


@pytest.mark.parametrize(
    ("shapes", "outlined", "why"),
    [
        (600, True, "a page of letters drawn as outlines after a page of text"),
        (40, False, "a few shapes on a page of its own: a drawing, an emblem, not a page of text"),
    ],
)
def test_a_page_drawn_as_outlines_among_text_pages_sends_the_file_to_ocr(
    tmp_path: Path, shapes: int, outlined: bool, why: str
) -> None:
    """Read from its text, such a file lost that page's rows without a word (the numbering gap the
    only trace): every page is read by OCR instead, as a file drawn all in outlines is."""
    path = _text_then_drawn_page(tmp_path / "report.pdf", shapes)
    assert legibility.pdf_outlined_page(path, Limits.load()) is outlined, why
    try:
        checked.read_checked(path, Limits.load())
        reason = None
    except ReaderError as err:
        reason = err.reason
    assert (reason in (scan.NEEDS_OCR, "no_text_layer")) is outlined, (why, reason)
