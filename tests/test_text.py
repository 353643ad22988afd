"""Cell text folding and the № cell: artefacts dropped, characters that carry meaning kept."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from muniflow.normalize.text import closed_up, fold, seq_number, without_footnote_marks

FOLDED = [
    # (cell, folded, reason)
    ("г.\u00a0Смоленск", "г. Смоленск", "no-break space is a space"),
    ("1\u202f000 и 2\u2007000", "1 000 и 2 000", "narrow and figure no-break spaces"),
    ("\tг. Минск \n(Республика Беларусь)", "г. Минск (Республика Беларусь)", "line break and tab fold"),
    ("a \n\n\t  b", "a b", "a run of mixed blanks is one space"),
    ("  края  ", "края", "stripped"),
    ("меж\u00adдународный", "международный", "soft hyphen dropped"),
    ("a\u200bb\u200cc\u200dd", "abcd", "zero-width space, non-joiner and joiner dropped"),
    ("\ufeffНазвание", "Название", "byte order mark dropped"),
    ("\u202aтекст\u202c \u2066x\u2069", "текст x", "bidi controls dropped"),
    ("a\x00b\x07c", "abc", "other control characters dropped"),
    ("a\rb\vc\fd", "a b c d", "carriage return, Word's line break and form feed separate words"),
    ("a\u2028b", "a b", "Unicode line separator is a break"),
    ("«Я помню вальса звук…»", "«Я помню вальса звук…»", "quotes and ellipsis kept"),
    ("фестиваль –конкурс — 1941-1945", "фестиваль –конкурс — 1941-1945", "dashes kept as written"),
    ("ёлка Ё", "ёлка Ё", "letters kept as written"),
    ("", "", "empty stays empty"),
    ("\u00a0 \n", "", "blanks only become empty"),
]

SEQ = [
    # (cell, number, reason)
    ("1.", 1, "number with a dot"),
    ("12. ", 12, "dot and trailing space"),
    ("3)", 3, "closing parenthesis"),
    (" 7 ", 7, "surrounding blanks"),
    ("\t44.\n", 44, "tab and line break"),
    ("№ 5", 5, "numero sign"),
    ("", None, "empty"),
    ("—", None, "a dash is no number"),
    ("1.2", None, "a sub-item is not a row number"),
    ("а", None, "a letter"),
    ("1, 2", None, "two numbers"),
    ("-3", None, "negative"),
]


@pytest.mark.parametrize(("cell", "folded"), [c[:2] for c in FOLDED], ids=[c[2] for c in FOLDED])
def test_fold(cell: str, folded: str) -> None:
    assert fold(cell) == folded


@pytest.mark.parametrize(("cell", "number"), [c[:2] for c in SEQ], ids=[c[2] for c in SEQ])
def test_seq_number(cell: str, number: int | None) -> None:
    assert seq_number(cell) == number


@given(st.text())
def test_fold_is_idempotent_and_tidy(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert folded == folded.strip()
    assert "  " not in folded and "\n" not in folded and "\t" not in folded


@given(st.lists(st.text(alphabet="абвгдеёжАБВabcXYZ«»–—-.,№0123456789", min_size=1), min_size=1))
def test_fold_keeps_single_spaced_text(words: list[str]) -> None:
    """Single-spaced text stays as it is, but for a word typed letter by letter («Г О Р О Д»),
    which fold closes up (`closed_up`: a heading's style, tests/test_interpret_going_on.py)."""
    text = " ".join(words)
    assume(closed_up(text) == text)
    assert fold(text) == text


@given(st.integers(min_value=0, max_value=99999), st.sampled_from(["", ".", ")", ". "]))
def test_seq_number_round_trips(number: int, suffix: str) -> None:
    assert seq_number(f"{number}{suffix}") == number


@pytest.mark.parametrize(
    ("text", "expected", "reason"),
    [
        (
            "Выставка мастеров Республики Сербия¹",
            "Выставка мастеров Республики Сербия",
            "raised digit after a word",
        ),
        ("Турнир в г. Бангалор (Индия)²", "Турнир в г. Бангалор (Индия)", "after a closing bracket"),
        ("Форум «Дружба»*", "Форум «Дружба»", "an asterisk closing the name"),
        ("Слёт «Озёрный край» *", "Слёт «Озёрный край»", "an asterisk set apart by a space"),
        ("Ярмарка ремёсел **", "Ярмарка ремёсел", "asterisks set apart after a word"),
        ("Выставка в г. Энск (Чили) ²", "Выставка в г. Энск (Чили)", "a raised digit set apart"),
        ("Гостиница 4 *", "Гостиница 4 *", "a spaced asterisk after a number is no mark (stars)"),
        ("Концерт «Звёзды»³ и выставка⁴", "Концерт «Звёзды» и выставка", "marks inside the name too"),
        ("Сквер площадью 100 м²", "Сквер площадью 100 м²", "a unit's power after its short name stays"),
    ],
)
def test_footnote_marks_leave_a_name(text: str, expected: str, reason: str) -> None:
    assert without_footnote_marks(text) == expected, reason
