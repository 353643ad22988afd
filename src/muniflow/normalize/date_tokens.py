"""A date cell as tokens: its text mended (every dash, OCR's letter O for a zero, a comma for a
stop, footnote marks, remarks in brackets) and split into whole dates, numbers, month words, parts of a
month («II декада»), times of day and separators."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from muniflow.morph import analyzer
from muniflow.normalize.date_words import REMARK, DateWords, phrase_lemmas, vocabulary, word_key
from muniflow.normalize.script import fix_mixed_script

# Footnote marks typed raised («12 апреля¹ 2025 г.», «15.05.2025²»; docx.py writes them so).
FOOTNOTE_MARKS = re.compile("[\u00b9\u00b2\u00b3\u2070-\u207f]+")

# A date typed with commas for dots, no space between: «05,04,2025».
_COMMA_DATE = re.compile(r"(?<![\d,])(\d{1,2}),(\d{1,2}),(\d{4})(?![\d,])")

# A whole date one of whose stops a scan's speck turned into a colon or comma («07.01:2025»,
# «20,02.2025», «24.03,2025»): two different separators of these, one a stop, a four-digit year.
_MIXED_STOPS = re.compile(r"(?<![\d.,:])(\d{1,2})([.,:])(\d{1,2})(?!\2)([.,:])(\d{4})(?!\d)")

# An ellipsis between two dates reads as a range dash, as calendar plans write it.
_ELLIPSIS = re.compile(r"…|\.{3}")

# Every dash a word processor produces reads as a range dash.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"))

# A run of them, spaced or not, between two dates is one range dash: OCR reads a dash twice
# («30 апреля -– 3 мая»), a typist doubles it («12--15 мая»). A run ending the cell stays: a range
# dash and the dash of an end left blank («май 2025 г. – –», start and end columns joined).
_DASH_RUN = re.compile(r"-(?:[ \t\u00a0]*-)+(?=[ \t\u00a0]*\w)")

# Minutes after a dot that no month can be («11.00», «16.30»): «11.05» is a day and a month.
MINUTES = r"(?:00|1[3-9]|[2-5]\d)"

_TOKEN = re.compile(
    r"""
    # year first, as ISO and accounting programs write it: «2025-04-19», «2025.04.19», «2025/04/19»
    (?P<iso_y>\d{4})(?P<iso_s>[-./])(?P<iso_m>\d{1,2})(?P=iso_s)(?P<iso_d>\d{1,2})(?!\d)
    # day first: «19.04.2025», «19/04/25», and «19-04-2025» with a four-digit year only (a dash
    # between two numbers is a range)
    | (?P<dmy_d>\d{1,2})(?P<dmy_s>[./]|-(?=\d{1,2}-\d{4}(?!\d)))
      (?P<dmy_m>\d{1,2})(?P=dmy_s)(?P<dmy_y>\d{4}|\d{2})(?!\d)
    # a month in Roman numerals between the day and the year («12.V.2024», «12 XII 2024»)
    | (?P<rom_d>\d{1,2})(?:\.\ ?|\ )(?P<rom_m>xii|xi|ix|x|viii|vii|vi|iv|v|iii|ii|i)
      (?:\.\ ?|\ )(?P<rom_y>\d{4}|\d{2})(?!\d)
    # a stray space at a dot ("24. 04. 2024"): only with a four-digit year, never a list of days
    | (?P<spaced_d>\d{1,2})\ ?\.\ ?(?P<spaced_m>\d{1,2})\ ?\.\ ?(?P<spaced_y>\d{4})(?!\d)
    | (?P<my_m>\d{1,2})\.(?P<my_y>\d{4})(?!\d)  # "04.2024": a whole month
    | (?P<time>\d{1,2}:\d{2}|\d{1,2}\."""
    + MINUTES
    + r"""(?!\.?\d))  # a time of day («10:00»,
      # «11.00»: minutes no month can be) is a remark, not part of the date
    | (?P<dm_d>\d{1,2})\.(?P<dm_m>\d{1,2})(?!\.?\d)\.?  # «27.05» or «27.05.» before another date
    | (?P<num>\d{1,9})  # bounded: int() of a huge digit run is refused
    | (?P<word>[^\W\d_]+)\.?
    | (?P<punct>[-,;])
    | (?P<other>\S)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    """One lexical unit of a date cell; `kind` says what it can be."""

    # date | daymonth | monthyear | num | month | part | yearword | lead | time | sep | word | other
    kind: str
    text: str
    # (day, month, year) | (day, month) | (number,) | (month,) | (first, last) of a part
    numbers: tuple[int, ...] = ()


def without_times(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """The tokens without the times of day, wherever they stand («18.06.2025 10:00 – 20.06.2025
    18:00», «11.05.2025 в 11:00», «14.06.2024, 15.30-17.00»): each with the comma or preposition
    before it, a range of times with its dash."""
    kept: list[Token] = []
    timed = False  # the token before is a time left out
    for token in tokens:
        if token.kind == "time":
            if timed and kept and kept[-1].text == "-":
                kept.pop()  # «15.30-17.00»: one remark
            elif kept and (
                kept[-1].text == "," or (kept[-1].kind in {"word", "lead"} and len(kept[-1].text) <= 2)
            ):
                kept.pop()
            timed = True
            continue
        if token.text in {",", ";"} and not kept and timed:
            continue  # «10.00, 05.04.2025»: the comma after a leading time
        if not (timed and token.text == "-"):
            timed = False
        kept.append(token)
    return tuple(kept)


def tokenize(folded: str) -> tuple[Token, ...]:
    """Split folded cell text into tokens; words are classified by the vocabulary."""
    words = vocabulary()
    digits_mended = _ZERO_LOOKALIKE.sub(_zeros, fix_mixed_script(folded))
    normalized = REMARK.sub(lambda m: _drop_remark(m, words), digits_mended.lower().replace("ё", "е"))
    normalized = _ELLIPSIS.sub("-", normalized.translate(_DASHES))  # «16 сентября … 30 сентября»
    normalized = _DASH_RUN.sub("-", normalized)
    normalized = _COMMA_DATE.sub(r"\1.\2.\3", normalized)  # «05,04,2025»: a comma key for the dot
    normalized = _MIXED_STOPS.sub(_one_stop, normalized)
    normalized = _ORDINAL_DAY.sub(r"\1", _QUOTED_DAY.sub(r" \1 ", normalized))
    tokens = []
    for match in _TOKEN.finditer(normalized):
        groups = match.groupdict()
        text = match.group()
        if groups["iso_y"]:
            numbers = (int(groups["iso_d"]), int(groups["iso_m"]), int(groups["iso_y"]))
            tokens.append(Token("date", text, numbers))
        elif groups["dmy_d"]:
            year = full_year(groups["dmy_y"])
            tokens.append(Token("date", text, (int(groups["dmy_d"]), int(groups["dmy_m"]), year)))
        elif groups["rom_d"]:
            month = _ROMAN_MONTHS.index(groups["rom_m"]) + 1
            tokens.append(Token("date", text, (int(groups["rom_d"]), month, full_year(groups["rom_y"]))))
        elif groups["spaced_d"]:
            numbers = (int(groups["spaced_d"]), int(groups["spaced_m"]), int(groups["spaced_y"]))
            tokens.append(Token("date", text, numbers))
        elif groups["my_m"]:
            tokens.append(Token("monthyear", text, (int(groups["my_m"]), int(groups["my_y"]))))
        elif groups["time"]:
            tokens.append(Token("time", text))
        elif groups["dm_d"]:
            tokens.append(Token("daymonth", text, (int(groups["dm_d"]), int(groups["dm_m"]))))
        elif groups["num"]:
            tokens.append(Token("num", text, (int(groups["num"]),)))
        elif groups["word"]:
            tokens.append(_classify_word(word_key(groups["word"]), text, words))
        elif groups["punct"]:
            tokens.append(Token("sep", text))
        elif text not in words.stray_marks:  # a scan's speck read as a mark: nothing
            tokens.append(Token("other", text))
    return _month_parts(tokens, words)


# What a digit ordinal may end with («2-я декада», «1-й половине»).
_ORDINAL_ENDINGS = frozenset(["я", "й", "ая", "ой", "ей", "ую", "ю"])

_ROMAN_ORDINALS = {"i": 1, "ii": 2, "iii": 3}


def _month_parts(tokens: Sequence[Token], words: DateWords) -> tuple[Token, ...]:
    """Tokens with each part of a month («II декада», «первой половине», «конец») made one token of
    the days it covers; any other token is left as it was."""
    if not words.numbered_parts and not words.alone_parts:
        return tuple(tokens)
    out: list[Token] = []
    position = 0
    while position < len(tokens):
        number, after = _ordinal(tokens, position, words)
        first = number
        if number is not None and after + 1 < len(tokens) and tokens[after].text == "-":
            # «II–III декада мая»: the parts from the first number to the second
            second, beyond = _ordinal(tokens, after + 1, words)
            if second is not None and second > number:
                number, after = second, beyond
        noun = _lemma(tokens[after]) if number is not None and after < len(tokens) else ""
        spans = words.numbered_parts.get(noun, {})
        if number is not None and first is not None and number in spans and first in spans:
            text = " ".join(t.text for t in tokens[position : after + 1])
            out.append(Token("part", text, (spans[first][0], spans[number][1])))
            position = after + 1
            continue
        token = tokens[position]
        alone = words.alone_parts.get(_lemma(token)) if token.kind == "word" else None
        out.append(Token("part", token.text, alone) if alone else token)
        position += 1
    return tuple(out)


def _ordinal(tokens: Sequence[Token], position: int, words: DateWords) -> tuple[int | None, int]:
    """The number an ordinal at `position` says («вторая», «2-я», «II») and the position after it."""
    token = tokens[position]
    if token.kind == "word":
        key = word_key(token.text)
        number = _ROMAN_ORDINALS.get(key) or words.ordinals.get(_lemma(token))
        return number, position + 1
    if token.kind == "num" and len(token.text) == 1:
        after = position + 1
        dash, ending = (t.text for t in tokens[after : after + 2]) if after + 1 < len(tokens) else ("", "")
        if dash == "-" and word_key(ending) in _ORDINAL_ENDINGS:
            after += 2
        return token.numbers[0], after
    return None, position + 1


def _lemma(token: Token) -> str:
    """The dictionary form of a word token (lower case, ё as е); "" for any other token."""
    if token.kind != "word":
        return ""
    return word_key(analyzer().parse(word_key(token.text))[0].normal_form)


# A run of digits and dots in which a letter O (Latin or Cyrillic) stands for a zero: "3O.04.2024",
# "2О24". The run must touch no other letter, so "до 12" or a lone preposition «о» stays a word.
_ZERO_LOOKALIKE = re.compile(r"(?<![^\W\d_])(?=[OoОо.]*\d)(?=\d*[OoОо])[\dOoОо]+(?:\.[\dOoОо]+)*(?![^\W\d_])")

# The day of a date in quotes, as official letters write it («12» мая 2024 г.), or its days
# («20–21» мая 2024 г.; the dash is read as «-» by then).
_QUOTED_DAY = re.compile(r"[«\"„“”]\s?(\d{1,2}(?:\s?-\s?\d{1,2})?)\s?[»\"“”]")

# A day written as an ordinal («22-го июня», «с 12-го по 14-е мая»): its number.
_ORDINAL_DAY = re.compile(r"(?<!\d)(\d{1,2}) ?- ?(?:ого|го|ое|е)(?![^\W\d_])")

_ROMAN_MONTHS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def _drop_remark(match: re.Match[str], words: DateWords) -> str:
    inner = match.group()
    if _tells_of_schedule(inner, words) and match.string[: match.start()].strip():
        # «20.04.2025 (перенесено с 13.04)»: the date it names is another than the event's
        return " "
    if any(ch.isdigit() for ch in inner) or any(word_key(w) in words.months for w in _LETTERS.findall(inner)):
        return inner
    return " "


def _tells_of_schedule(remark: str, words: DateWords) -> bool:
    """Whether a bracketed remark opens with a word saying the schedule changed (contracts/dates.yaml
    `schedule_remarks`, by lemma: «(перенесено с 13.04)», «(перенос на сентябрь)») or with a label
    of the planned date (`planned_labels`: «(по плану 15.05.2025)»): the date it names was not the
    event's day."""
    if _OPENING_WORD.match(remark) is None:
        return False
    opening = phrase_lemmas(remark)
    return opening[:1] in {(w,) for w in words.schedule_remarks} or any(
        opening[: len(label)] == label for label in words.planned_labels if label
    )


# The word a bracketed remark opens with, no number before it.
_OPENING_WORD = re.compile(r"\(\s*([^\W\d_]+)")


_LETTERS = re.compile(r"[^\W\d_]+")


def _one_stop(match: re.Match[str]) -> str:
    """«07.01:2025» as «07.01.2025» where one of its two separators is a stop."""
    day, first, month, second, year = match.groups()
    return f"{day}.{month}.{year}" if "." in (first, second) else match.group()


def _zeros(match: re.Match[str]) -> str:
    return re.sub("[OoОо]", "0", match.group())


def _classify_word(key: str, text: str, words: DateWords) -> Token:
    """A word token: a month, a year word, a lead word, a separator or any other word."""
    if key in words.months:
        return Token("month", text, (words.months[key],))
    if key in words.year_words:
        return Token("yearword", text)
    if key in words.separators:
        return Token("sep", text)
    if key in words.lead_words:
        return Token("lead", text)
    return Token("word", text)


def full_year(digits: str) -> int:
    """A written year as a full year; two digits belong to the century that keeps it plausible."""
    year = int(digits)
    if len(digits) == 2:
        year += 1900 if 1900 + year >= vocabulary().min_year else 2000
    return year
