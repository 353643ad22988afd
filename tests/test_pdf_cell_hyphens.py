"""A narrow PDF column's line ends, read as the cell's text: a word the exporter hyphenated (a soft
hyphen drawn as a plain «-») made whole, a compound's own hyphen kept, and marks no line starts
with glued back. Names are invented."""

from __future__ import annotations

import pytest

from muniflow.readers.pdflinebreaks import join_lines
from muniflow.readers.pdflines import Line
from muniflow.readers.wordjoin import drops_hyphen, likely_cut, tied_word_cut, written_words

DROPS = [
    # (line ending in a hyphen, next line, its piece ends its word there, expected, why)
    ("г. Кедро-", "горск, ул. Мира", False, True, "a name the dictionary lacks: the piece after is no word"),
    ("пгт Кедро-", "горск", True, True, "the piece fills the cell's last line: its word ends there"),
    ("пгт Кедро-", "горск", False, False, "a piece filling its line may run on into the next"),
    ("историко-крае-", "ведческий музей", False, True, "the last part of a compound looked up alone"),
    ("Ёлочка-кра-", "савица»", False, True, "a name's second part hyphenated"),
    ("в режиме видеоконфе-", "ренцсвязи (Zoom)", False, True, "neither piece is a word: one word"),
    ("г. Ростов-", "на-Дону", False, False, "a compound going on with a hyphen keeps it"),
    ("Научно-", "практическая конференция", False, False, "a compound of words keeps its hyphen"),
    ("авто-", "мото пробег", False, False, "after a word, an unknown piece may be a compound's"),
    ("ГАПОУ «Колледж», пр-", "т Мира, д. 5", False, False, "an abbreviation's hyphen («пр-т»)"),
]


@pytest.mark.parametrize(("left", "right", "last", "expected", "why"), DROPS, ids=[c[4] for c in DROPS])
def test_drops_hyphen(left: str, right: str, last: bool, expected: bool, why: str) -> None:
    assert drops_hyphen(left, right, word_ends=last) is expected, why


def _line(text: str, slack: float = 0.5, first_piece: float = 40.0) -> Line:
    """A line as a narrow column draws it: full (little slack) unless said otherwise."""
    return Line(text, slack, first_char=5.0, first_piece=first_piece, space=2.5, marks_wraps=True, inner=45.0)


def test_a_word_hyphenated_twice_is_one_word() -> None:
    lines = [
        _line("МБУК «Центра-"),
        _line("лизо-"),
        _line("ванная", slack=20.0),
        _line("система»", slack=9.0),
    ]
    assert join_lines(lines).split("\n")[0] == "МБУК «Централизованная"


def test_a_hyphenated_word_looked_up_whole_before_the_next_line() -> None:
    # «общеобра-|зовательная» is a whole word: the line after it starts another
    lines = [
        _line("«Средняя", slack=20.0),
        _line("общеобра-"),
        _line("зовательная"),
        _line("школа № 3", slack=9.0),
    ]
    assert join_lines(lines) == "«Средняя\nобщеобразовательная\nшкола № 3"


def test_a_word_before_a_hyphenated_line_is_not_cut() -> None:
    # justified text: the line «в режиме» is full, the next starts a hyphenated word
    assert likely_cut("в режиме", ["видеоконфе-", "ренцсвязи"], False) is False
    assert likely_cut("Бизнес-миссия", ["предпринима-", "телей"], False) is False


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("ул. Горького", ", д. 17/2"),
        ("г. Кедрогорск", ", МБОУ «Школа № 2»"),
        ("им. П.И. Ларина", "“, ул. Мира"),
    ],
)
def test_a_mark_no_line_starts_with_goes_on_the_line_above(left: str, right: str) -> None:
    # a no-break space («ул.\xa0Горького,») tied the token: the comma or closing quote was cut off
    assert tied_word_cut(left, right) is True


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("г. Кедрогор", "ск, ул. Мира", True),  # a name the dictionary lacks, its tail no word
        ("ул. Лесна", "я, 12", True),  # «Лесна» is a word, but «я,» none before a comma
        ("встреча", "и концерт", False),  # «и» is a word
        ("жизни, развитие", "детско-юношеского спорта", False),  # a compound's first part
        ("12 мая 2025 года", "пгт Кедровый Бор", False),  # a settlement's abbreviation, no dot
        ("12 мая 2025 года", "рп Кедровка, школа", False),
    ],
)
def test_a_token_tied_by_a_no_break_space_goes_on(left: str, right: str, expected: bool) -> None:
    assert tied_word_cut(left, right) is expected


def test_a_closing_quote_ends_a_line_as_a_paragraph_may() -> None:
    # „…“: «“» after a letter closes, and a wrap may follow it; «“» after a space opens
    assert likely_cut("„Радуга дружбы“", ["для гостей"], False) is False
    assert likely_cut("конкурс “", ["Радуга"], False) is True


def test_a_closing_quote_after_a_full_line_is_cut_off() -> None:
    assert likely_cut("Ларина", ["“, ул. Мира"], False) is True
    assert likely_cut("фестиваль", ["“Радуга” в парке"], False) is False  # an opening quote


def test_a_name_the_table_writes_whole_elsewhere_is_joined() -> None:
    known = written_words(["Кедрополянский муниципальный район", "пгт Кедро-полянский"])
    assert known("Кедрополянский") and not known("Кедро")  # a piece touching a hyphen is no word
    lines = [_line("пгт Кедро-"), _line("полянски"), _line("й, ул. Мира", slack=9.0)]
    assert join_lines(lines, is_word=known) == "пгт Кедрополянский, ул. Мира"
    assert join_lines(lines) == "пгт Кедро-полянский, ул. Мира"  # «полянский» is a word: a compound


@pytest.mark.parametrize(
    ("above", "below", "expected"),
    [
        # a browser breaks a compound after its hyphen though the next piece seems to fit (it
        # measures «батюшка-2025» whole, the line's slack only up to the piece's own hyphen)
        ("по декоративно-", "прикладному искусству", "по декоративно-прикладному искусству"),
        ("Турнир «Лён-", "батюшка-2025»", "Турнир «Лён-батюшка-2025»"),
        # a hanging hyphen before a conjunction ends its word: the layout decides, as before
        ("кино-", "и фотосъёмка", "кино-\nи фотосъёмка"),
    ],
    ids=["compound", "compound-with-year", "hanging-hyphen"],
)
def test_a_line_ending_in_a_words_hyphen_before_a_small_letter_goes_on(
    above: str, below: str, expected: str
) -> None:
    lines = [_line(above, slack=30.0), _line(below, first_piece=20.0)]
    assert join_lines(lines) == expected


def _full(text: str, slack: float, last_piece: float = 10.0) -> Line:
    """A full line of a wide cell ending in a short last word, its producer drawing wrap spaces."""
    return Line(
        text,
        slack,
        first_char=5.0,
        first_piece=60.0,
        space=2.5,
        marks_wraps=True,
        last_piece=last_piece,
        inner=120.0,
    )


@pytest.mark.parametrize(
    ("above", "slack", "below", "expected"),
    [
        # no room for the space a wrap would have drawn: the quoted name wrapped between its words
        ("молодёжный форум «Уз", 1.0, "ел»", "молодёжный форум «Уз\nел»"),
        ("учреждений культуры «Ак", 0.4, "тирэк»", "учреждений культуры «Ак\nтирэк»"),
        # room for it, yet none drawn: no wrap, a token tied by a no-break space and cut
        ("молодёжный форум «Уз", 3.5, "ел»", "молодёжный форум «Узел»"),
        # after an abbreviation a no-break space ties: cut inside the name either way
        ("в мае в г. Кедрогор", 1.0, "ск, ул. Мира", "в мае в г. Кедрогорск, ул. Мира"),
    ],
    ids=["quoted-two-words", "unknown-second-word", "room-for-a-space", "tied-after-abbreviation"],
)
def test_a_full_line_without_room_for_its_space_may_have_wrapped_there(
    above: str, slack: float, below: str, expected: str
) -> None:
    lines = [_full(above, slack), Line(below, 80.0, 5.0, 20.0, 2.5, True, 20.0, 120.0)]
    assert join_lines(lines) == expected
