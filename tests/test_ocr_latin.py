"""Latin words of a Russian scan read again in Latin letters (readers/ocr_latin.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from muniflow.readers import ocr, ocr_latin
from muniflow.readers.ocr_cells import Word


def _word(text: str, conf: float = 50.0, left: int = 10, width: int = 120) -> Word:
    return Word(text, left, 10, width, 30, conf)


@pytest.mark.parametrize(
    ("text", "candidate"),
    [
        ("Моуа", True),  # «Nova» read in Cyrillic look-alikes
        ("Ю!", True),
        ("город", False),
        ("«Заречье»", False),
        ("‘Заречье", False),  # a stray mark before a word is no part of it
        ("г.", False),  # an abbreviation's letter
        ("в", False),  # a one-letter word
        ("2-х", False),  # a number with its ending
        ("12.03.2025", False),
        ("П-квест", True),  # «IT-квест»: its first piece is no word
        ("Заречье.Лаб", True),  # a short capitalized piece after a dot may be Latin
    ],
)
def test_which_words_are_read_again(text: str, candidate: bool) -> None:
    assert ocr_latin.is_candidate(_word(text)) is candidate


@pytest.mark.parametrize(
    ("cyrillic", "latin", "expected"),
    [
        ("«Моуа", '"Nova', "«Nova"),  # the Cyrillic quotes kept
        ("П-квест", "IT-kbect", "IT-квест"),  # «квест» read as its look-alikes: Cyrillic
        ("КОТ", "KOT", None),  # all look-alikes: the Russian reading stays
        ("{КОТ)", "(KOT)", None),  # a bracket misread: marks aside, all look-alikes
        ("МБКУ", "M6KY", None),  # an abbreviation, Б read as 6: the Russian reading stays
        ("Вог1ех", "Vortex", "Vortex"),
        ("Ю!", "IO", "IO"),
        ("Вог1ех", "Вортекс", None),  # no Latin reading
        ("Порсков", "Tlopckob", None),  # «П» read as «Tl», the rest look-alikes: a Russian name
        ("Порсков,", "Tlopckob,", None),
        ("Пекос", "Tlacos", "Tlacos"),  # «a» is no look-alike of «е»: a Latin word
        ("Ореп", "Open", "Open"),  # «n» is no look-alike of «п»: «Open» is Latin
        ("Усть", "YcTb", None),  # «ь» read as «b»: look-alikes, a town's name
        ("УСТЬ", "YCTb", None),
        ("СЕЛЕЗЕНСК", "CEJIE3EHCK", None),  # «Л» read «JI»: a town's name in capitals
    ],
)
def test_latin_pieces_replace_cyrillic_ones(cyrillic: str, latin: str, expected: str | None) -> None:
    assert ocr_latin.merged(cyrillic, latin) == expected


def test_only_the_unknown_piece_of_a_word_is_read_again() -> None:
    text = "«Заречье.Лаб»"
    lo, hi = ocr_latin.unknown_span(text)
    assert text[lo:hi] == "Лаб"
    assert ocr_latin.unknown_span("Моуа") == (0, 4)


def _fake_latin(readings: list[tuple[str, float]], seen: list[np.ndarray]):  # type: ignore[no-untyped-def]
    """A Latin reader giving each stacked crop (top to bottom) the next of `readings`."""

    def read(strip: np.ndarray) -> list[Word]:
        seen.append(strip)
        rows = np.flatnonzero((strip < 128).any(axis=1))
        bands = np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1) if rows.size else []
        return [
            Word(text, 0, int(band[0]), 10, int(band[-1] - band[0] + 1), conf)
            for (text, conf), band in zip(readings, bands, strict=False)
        ]

    return read


def test_the_surer_latin_reading_is_taken_in_one_run() -> None:
    page = np.full((60, 600), 255, dtype=np.uint8)
    page[15:35, 20:120] = 0  # «Моуа»
    page[15:35, 150:260] = 0  # «город»: a word, not read again
    page[15:35, 300:400] = 0  # «Вог1ех», the Latin reading unsure
    words = [_word("Моуа", 40, 15, 110), _word("город", 95, 145, 120), _word("Вог1ех", 60, 295, 110)]
    seen: list[np.ndarray] = []
    out = ocr_latin.reread(page, words, _fake_latin([("Nova", 93), ("Vortex", 65)], seen), 0, 70)
    assert [w.text for w in out] == ["Nova", "город", "Вог1ех"]
    assert len(seen) == 1, "one Latin run for all the words read again"
    assert out[0].conf == 93


FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.skipif(
    ocr.missing() is not None or not FONT.exists(),
    reason=f"{ocr.missing() or 'the DejaVu Sans font is missing'}: run `make tesseract` (OCR tests need it)",
)
def test_a_latin_name_in_a_russian_line_is_read_in_latin() -> None:
    image = Image.new("L", (1400, 120), 255)
    font = ImageFont.truetype(str(FONT), 34)
    ImageDraw.Draw(image).text((20, 30), "Фестиваль «Northwind Jam» в городе", font=font, fill=0)
    text = " ".join(w.text for w in ocr.words(np.array(image), 60, 6))
    assert "Northwind" in text and "Jam" in text, text
    assert text.startswith("Фестиваль") and text.endswith("в городе"), text
