"""Rejoining words that PDF line wrapping cut in narrow cells, decided by the Russian dictionary."""

from __future__ import annotations

import pytest

from muniflow.readers.wordjoin import rejoin_lines

CASES = [
    # (cell text from the PDF, expected text, why)
    ("научно-\nпрактической", "научно-практической", "hyphenated compound wrapped after its hyphen"),
    ("Северо-\nЗападный округ", "Северо-Западный округ", "compound with a capital second part"),
    ("авто-\nмото", "авто-мото", "compound unknown to the dictionary keeps its hyphen"),
    ("Па-\nсваякоўскi", "Па-сваякоўскi", "Belarusian name: not Russian, the hyphen stays"),
    ("меж-\nдународный", "международный", "hyphenation point: only the solid word is a word"),
    ("2024–\n2026 годы", "2024–2026 годы", "number range wrapped after the en dash"),
    ("30 марта –\n2 апреля", "30 марта –\n2 апреля", "a spaced dash is punctuation, the break is real"),
    ("Фестива\nль", "Фестиваль", "cut word: the left piece alone is no word"),
    ("Беларус\nь)", "Беларусь)", "cut word with closing punctuation after it"),
    ("исполнительно\nго комитета", "исполнительного комитета", "'го' is an ending, not a word here"),
    ("Межмун\nиципаль\nное", "Межмуниципальное", "a word cut twice spans three lines"),
    ("Верхнедвинско\nго района", "Верхнедвинского района", "bare token, neither piece a Russian word"),
    ("муниципалитетов\n, эксперты", "муниципалитетов, эксперты", "no line starts with a comma unless cut"),
    ("11-15.07.20\n24", "11-15.07.2024", "a year cut inside a date"),
    ("по\nтом", "по\nтом", "both pieces are words: leave the break"),
    ("встреч\nи переговоров", "встреч\nи переговоров", "'и' is a word: no evidence of a cut"),
    ("Кривко,\nпредставитель", "Кривко,\nпредставитель", "line ends with punctuation"),
    ("Слонимского\nрайисполкома", "Слонимского\nрайисполкома", "two whole words the dictionary knows"),
    ("области и\nг. Витебска", "области и\nг. Витебска", "an abbreviation with its period starts a word"),
    ("состоялся авто-мото\nпробег.", "состоялся авто-мото\nпробег.", "compound before a space, not a cut"),
    ("музей-\nзаповед\nник", "музей-заповедник", "cut inside the part after a hyphen break"),
    ("договорились:\n- подписать", "договорились:\n- подписать", "list item"),
    ("планом\nа) провести", "планом\nа) провести", "lettered list item"),
    ("Minsk\nconference", "Minsk\nconference", "Latin words are never guessed"),
    ("одна строка", "одна строка", "nothing to join"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_rejoin_lines(text: str, expected: str, why: str) -> None:
    assert rejoin_lines(text) == expected, why


def test_idempotent() -> None:
    """Rejoining already rejoined text changes nothing."""
    for text, _, _ in CASES:
        once = rejoin_lines(text)
        assert rejoin_lines(once) == once


def test_only_line_breaks_change() -> None:
    """Joining removes line breaks and never touches other characters (bar a hyphenation point)."""
    for text, _, why in CASES:
        if "hyphenation point" in why:
            continue
        assert rejoin_lines(text).replace("\n", "") == text.replace("\n", "")
