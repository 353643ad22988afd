"""OCR slips in Russian words put right by the dictionary (pymorphy3 via `muniflow.morph`).

Tesseract's `rus` model tells some lower-case letters from capitals by size only (в/В, и/И, о/О,
п/П, ш/Ш ...), reads Roman numerals as Cyrillic look-alikes (ХУ for XV, ш for III: put right in
`ocr_roman`), splits a word where its letters stand apart (культур Ы) and reads a comma as a low
quote (‚). Each rule here changes text only where the dictionary says the result is a word and the
text read is not, or where the letters read cannot stand as they are; anything else is left for
the reviewer.
A word's letters read as their look-alikes (л/д, «й» as «и») are put right in `ocr_letters`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from muniflow.contracts import load_yaml
from muniflow.morph import analyzer
from muniflow.readers.ocr_dictionary import dictionary_word
from muniflow.readers.ocr_roman import read_twice
from muniflow.readers.wordjoin import ONE_LETTER_WORDS, is_russian_word, is_standalone_word

_FUNCTION = frozenset({"PREP", "CONJ", "PRCL"})
_ONE_LETTER = frozenset(w.upper() for w in ONE_LETTER_WORDS)  # a capital one between lower-case words


def _is_function_word(word: str) -> bool:
    return any(p.tag.grammemes & _FUNCTION for p in analyzer().parse(word.lower()))


# Words in capitals (or one capital letter) after a lower-case word or a comma: mid-sentence, only
# an abbreviation is written so; a run of dictionary words is a misread.
_CAPS_RUN = re.compile(r"(?<=[а-яё,][ \n])[А-ЯЁ]+(?: [А-ЯЁ]+)*(?![А-ЯЁа-яё\w.])")
_THEN_LOWER = re.compile(r"[ \n][а-яё]")


# The longest abbreviation written in capitals: «ФОК», «МБОУ»; a longer word («ПОИСКОВЫМИ») in
# capitals mid-sentence is a misread.
ABBREVIATION_MAX = 4


def _lower_run(match: re.Match[str]) -> str:
    words = match.group().split(" ")
    if len(words) == 1 and len(words[0]) == 1:
        # a lone capital letter is a one-letter word only between lower-case words on its line (on
        # a line of its own it is more likely a word's last letter wrapped: «Озёрски\nИ»)
        alone = match.string[match.start() - 1] == "\n"
        if alone or words[0] not in _ONE_LETTER or not _THEN_LOWER.match(match.string, match.end()):
            return match.group()
        return words[0].lower()
    if len(words) == 1 and len(words[0]) <= ABBREVIATION_MAX and not _is_function_or_numeral(words[0]):
        return match.group()  # one short word in capitals is an abbreviation («ФОК», a noun too)
    if all(dictionary_word(w) if len(w) > 1 else w in _ONE_LETTER for w in words):
        return " ".join(w.lower() for w in words)
    return match.group()


def _is_function_or_numeral(word: str) -> bool:
    """«ИЗ», «ПЯТЬ»: words a misread writes in capitals, never abbreviations."""
    return _is_function_word(word) or any(p.tag.POS == "NUMR" for p in analyzer().parse(word.lower()))


# A capitalized preposition, conjunction or particle after a lower-case word ("а Также").
_CAPITAL_FUNCTION = re.compile(r"(?<=[а-яё] )[А-ЯЁ][а-яё]+(?=[ ,])")


def _lower_function_word(match: re.Match[str]) -> str:
    word = match.group()
    return word.lower() if _is_function_word(word) and not _has_proper_parse(word) else word


def _has_proper_parse(word: str) -> bool:
    return any(p.tag.grammemes & {"Name", "Surn", "Patr", "Geox", "Orgn"} for p in analyzer().parse(word))


def lower_misread_capitals(text: str) -> str:
    """Words read in capitals mid-sentence made lower case where the dictionary knows them (and not
    as abbreviations): «солисты ИЗ г.» -> «солисты из г.», «в ПЯТИ» -> «в пяти», «сольного И
    ансамблевого» -> «сольного и ансамблевого»; «ДМШ, ДШИ», «СМИ» stay."""
    return _CAPITAL_FUNCTION.sub(_lower_function_word, _CAPS_RUN.sub(_lower_run, text))


# Two letter groups on one line where the dictionary knows their concatenation and not both parts:
# a word split where its letters stand apart («культур Ы», «изо бразительного»).
_LETTERS = re.compile(r"[А-ЯЁа-яё]+")


def _joined(left: str, right: str) -> str | None:
    if not (_LETTERS.fullmatch(left) and _LETTERS.fullmatch(right)):
        return None
    if right[0].isupper() and not right.isupper():
        return None  # a capitalized word starts a name or a sentence
    whole = left + (right.lower() if right.isupper() and not left.isupper() else right)
    if is_russian_word(left) and is_russian_word(right) and right.islower():
        # two words, the second of two or three letters and no preposition, conjunction or
        # particle, that make a long word: a split inside it («Победит ели», «Достигну та»);
        # phrases of two words that spell one are short («во время», «по этому», «на конец»),
        # end in a long word («на встречу») or in a function word («встреча в»: «встречав»)
        short = 2 <= len(right) <= MOVED_TAIL_MAX and len(left) >= 4 and len(whole) >= WHOLE_MIN
        if not short or _is_function_word(right):  # «встреча в», «сделал бы»: words where they stand
            return None
        return whole if dictionary_word(whole) else None
    if is_russian_word(left) and (is_russian_word(right) or not right.isupper()):
        return None  # a known word before a lower-case one the dictionary lacks («по золотному»)
    return whole if len(whole) >= 5 and dictionary_word(whole) else None


MOVED_TAIL_MAX = 3  # letters of a word's end OCR split off as a word of its own
WHOLE_MIN = 8  # letters of the word two such words make


# A one-letter conjunction or preposition OCR read with no space before or after it, glued to a
# word: the letters are no word, and without it they are one («Цельи результаты» -> «Цель и
# результаты», «всфере» -> «в сфере»). A capitalized word never loses a letter at its start (a
# name the dictionary lacks: «Вельск»).
_GLUED_TAIL = "и"
_GLUED_HEADS = "вск"
_GLUED_MIN = 4  # letters of the word left («аци», «ами» are pieces of words, «Цель» a word)
_EDGE_MARKS = ".,;:()«»\"'"
_GLUED_HEAD_MIN = 5  # after a preposition taken off: «влени» is no «в лени» (a cut word's piece)


def _unglued(token: str) -> str:
    letters = token.rstrip(".,;:)»")
    stop = token[len(letters) :]
    if not _LETTERS.fullmatch(letters) or len(letters) <= _GLUED_MIN or is_russian_word(letters.lower()):
        return token
    if (
        letters[-1] == _GLUED_TAIL
        and len(letters) - 1 >= _GLUED_MIN
        and dictionary_word(letters[:-1])
        and not is_russian_word(letters[:-1].lower() + "й")  # «новыи»: «новый», its «й» read «и»
    ):
        return f"{letters[:-1]} {_GLUED_TAIL}{stop}"
    if letters[0] in _GLUED_HEADS and len(letters) - 1 >= _GLUED_HEAD_MIN and dictionary_word(letters[1:]):
        return f"{letters[0]} {letters[1:]}{stop}"
    return token


def join_split_words(text: str) -> str:
    """A word that OCR split in two on one line made whole, when the dictionary knows the whole
    word, and the left part is no word or the right part is capitals that are no word (a known
    word before a rare one the dictionary lacks is never joined); a space OCR put a letter or two
    off moved (see _moved_space); a one-letter word glued to a word set apart (see _unglued)."""
    parts = re.split(r"([ \n])", text)  # tokens, each line break or space between two
    out = parts[:1]
    for sep, token in zip(parts[1::2], parts[2::2], strict=True):
        # a split on one line, or a narrow cell's word longer than its column, cut at the line's end
        # with nothing else on its line («Представит\nели»: a word on its own line has no room
        # for the next one only when the column is about its width)
        alone = len(out) == 1 or out[-2] == "\n"
        whole = _joined(out[-1], token) if sep == " " or alone else None
        if whole is not None:
            out[-1] = whole
            continue
        moved = _moved_space(out[-1], token)  # on one line, or a wrap whose space OCR lost
        if moved is not None:
            out[-1], token = moved
        out += [sep, token]
    for i in range(0, len(out), 2):
        if not _wrapped_piece(out, i):  # a narrow cell's piece of a word wrapped («делег\nации») is left
            out[i] = _unglued(out[i])
    return "".join(out)


def _wrapped_piece(tokens: list[str], i: int) -> bool:
    """Whether token i (tokens and separators alternate) is a piece of a word a narrow cell wrapped:
    after a line break and a piece that is no word, or before one and a piece that is no word or
    makes one with it («Представи\nтели»)."""
    if i >= 2 and tokens[i - 1] == "\n" and not dictionary_word(tokens[i - 2].strip(_EDGE_MARKS)):
        return True
    if i + 2 < len(tokens) and tokens[i + 1] == "\n":
        after = tokens[i + 2].strip(_EDGE_MARKS)
        return not dictionary_word(after) or dictionary_word(tokens[i].strip(_EDGE_MARKS) + after)
    return False


# A space OCR put one or two letters late: the right group is no word, and with its first letters
# given back to the left group both are words, the second a one-letter word or the abbreviation
# of a settlement («культур ыи» -> «культуры и», «дипломам ии» -> «дипломами и», «представителе
# йг.» -> «представителей г.»); in a narrow cell, across the line break where a column cut the
# word («культур\nыи» -> «культуры\nи»).
_SHORT_AFTER = re.compile(r"([а-яё]+)(\.?[,;:)»]?)")


def _settlement_abbreviations() -> frozenset[str]:
    """The abbreviations that mark a settlement (contracts/enrichment.yaml, the one list)."""
    from muniflow.enrich import contract  # the enrichment vocabulary, read once

    return contract.locality_abbreviations()


def _moved_space(left: str, right: str) -> tuple[str, str] | None:
    tail = _SHORT_AFTER.fullmatch(right)
    if tail is None or not _LETTERS.fullmatch(left) or len(left) < 3:
        return None
    letters, stop = tail.groups()
    if is_standalone_word(letters, bool(stop)):
        return None  # a word where it stands (a name's form in lower case is none)
    abbreviations = _settlement_abbreviations()
    for k in (1, 2):
        rest = letters[k:]
        word = rest in abbreviations and stop[0] == "." if stop else rest in ONE_LETTER_WORDS
        if rest and word and dictionary_word(left + letters[:k]):
            return left + letters[:k], rest + stop
    return None


# A brace whose pair is a round bracket: an opening one before a «)» with no bracket between, a
# closing one after a «(» likewise.
_BRACE_OPENING = re.compile(r"\{(?=[^(){}]*\))")
_BRACE_CLOSING = re.compile(r"\(([^(){}]*)\}")


def punctuation(text: str) -> str:
    """A comma read as a low single quote («городов ‚› эксперты»); «№» read as «Ю» before a number,
    or with the narrow space after it lost («№4»: the sign is written «№ 4»); a spaced hyphen
    inside a line, which is the en dash Word writes («Отдых - 2024»); an initial read in lower
    case before another initial and a surname («н.М. Пржевальского»); a bracket read as a brace
    where the other bracket of its pair is round («{команды Монголии)», «(обмен опытом в сфере ЖКХ}»):
    Russian text writes no braces."""
    text = _BRACE_OPENING.sub("(", _BRACE_CLOSING.sub(r"(\1)", text))
    text = re.sub(r"\s*‚[›']?(?=\s)", ",", text)
    text = re.sub(r"(?<!\S)Ю(?=\s?\d)", "№", text)
    text = re.sub(r"№(?=\d)", "№ ", text)
    text = re.sub(r"(?<![\w.])[а-яё](?=\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё])", lambda m: m.group().upper(), text)
    text = re.sub(r"(?<=[\w»)]) (?:-[–-]|–[–-]) (?=\S)", " – ", text)  # a dash read twice («-–»)
    # a spaced hyphen at a line's end, or opening one after a word: a narrow cell wrapped the dash
    text = re.sub(r"(?<=[\w»)]) -(?=\n\S)", " –", text)
    text = re.sub(r"(?<=[\w»)]\n)-(?= \S)", "–", text)
    return re.sub(r"(?<=[\w»)]) - (?=\S)", " – ", text)


# A period OCR read at a line's end (a speck of the scan) after a whole word, the text going on in
# lower case on the next line («Ярмарка гончарного.\nпромысла»): a sentence never goes on so, and an
# abbreviation's period («тыс.», «ул.») stands after no dictionary word of five letters or more.
_STRAY_PERIOD = re.compile(r"(?<![\w-])([а-яё]{5,})\.\n(?=[а-яё])")


def stray_periods(text: str) -> str:
    """A period at a line's end dropped where it follows a dictionary word of five letters or more
    and the next line opens in lower case: OCR's speck, not the end of a sentence."""
    return _STRAY_PERIOD.sub(lambda m: m.group(1) + "\n" if dictionary_word(m.group(1)) else m.group(), text)


# The abbreviation г. (город) before a town's name read as a capital, its dot sometimes lost
# («Г Псков», «Г. Великие Луки»): lower case with its dot unless the next word is a personal name
# (then «Г.» is an initial).
_CITY = re.compile(r"(?<![\w.])Г(?:\.(\s*)|(\s+))(?=([А-ЯЁ][а-яё]+))")


def _city(match: re.Match[str]) -> str:
    space, lost_dot, word = match.groups()
    names = any(p.tag.grammemes & {"Name", "Surn", "Patr"} for p in analyzer().parse(word))
    return match.group() if names else f"г.{space if lost_dot is None else lost_dot}"


# The abbreviation г. blurred by JPEG into «т», «г,», «Г:» or «гы» before a town the dictionary knows.
_BLURRED_CITY = re.compile(r"(?<![\w.])(?:[гГтТ][,:;]|[тТ]|гы)(?=\s+([А-ЯЁ][а-яё]+))")


def _blurred_city(match: re.Match[str]) -> str:
    parses = analyzer().parse(match.group(1))
    town = any("Geox" in p.tag.grammemes for p in parses) and not any(
        p.tag.grammemes & {"Name", "Surn", "Patr"} for p in parses
    )
    return "г." if town else match.group()


# A one-letter word glued to г. («иг. Полоцка»): no Russian word is a letter, г and a dot.
_GLUED_CITY = re.compile(r"(?<![\w.])([вискоуа])г\.(?=\s*[А-ЯЁ])")


def city_abbreviation(text: str) -> str:
    """«Г Псков», «Г. Великие Луки» -> «г. Псков», «г. Великие Луки»; «иг. Полоцка» -> «и г. Полоцка»."""
    return _GLUED_CITY.sub(r"\1 г.", _CITY.sub(_city, _BLURRED_CITY.sub(_blurred_city, text)))


# The end of a word wrapped onto the next line of a narrow cell, read in capitals («выставо\nЧНЫЙ»):
# lower case when the dictionary knows the word joined and not the capitals alone.
_WRAPPED_CAPS = re.compile(r"(?<![А-ЯЁа-яё])([А-ЯЁа-яё]*[а-яё])\n([А-ЯЁ][А-ЯЁа-яё]*)(?=[\s,.;:)»]|$)")


def _wrapped_caps(match: re.Match[str]) -> str:
    left, right = match.groups()
    if right[1:].islower() or dictionary_word(right):
        return match.group()  # a capitalized word, or a word in capitals of its own
    for tail in (right.lower(), read_twice(right).lower()):
        if dictionary_word(left + tail):
            return f"{left}\n{tail}"
    return match.group()


def wrapped_capitals(text: str) -> str:
    return _WRAPPED_CAPS.sub(_wrapped_caps, text)


# A date range «с 6 по 8 сентября» read with its spaces lost and a digit as its look-alike
# («сбпо 8»), or its words in Latin look-alikes («c3no 4»): the range's grammar (с, a day, по, a
# day) says where the words and the digits are.
_RANGE = re.compile(r"(?<![А-ЯЁа-яёA-Za-z\d])[сc]\s?([\dбЗзОо]{1,2})\s?[пn][оo](?=\s?\d)")
_DAY_LOOKALIKES = str.maketrans("бЗзОо", "63300")


def date_range(text: str) -> str:
    """«сбпо 8 сентября», «c3no 4 сентября» -> «с 6 по 8 сентября», «с 3 по 4 сентября»."""
    return _RANGE.sub(lambda m: f"с {m.group(1).translate(_DAY_LOOKALIKES)} по", text)


@lru_cache(maxsize=1)
def _speck_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """contracts/ocr.yaml's `speck_marks` as patterns: a word of marks only, a mark glued to a
    word's start or end, one between two Cyrillic letters."""
    marks = load_yaml("ocr.yaml", None, ("speck_marks",))["speck_marks"]
    alone, glued = re.escape(str(marks["alone"])), re.escape(str(marks["glued"]))
    any_mark = f"[{alone}{glued}.,:;]"
    word = re.compile(rf"(?<!\S)(?:{any_mark}*[{alone}]{any_mark}*|[.,:;]{{2,}})(?!\S)")
    edge = re.compile(
        rf"(?<![\w{glued}])[{glued}]+(?=[а-яёА-ЯЁ«(])|(?<=[а-яёА-ЯЁ.,;:!?»)])[{glued}]+(?![\w{glued}])"
    )
    between = re.compile(rf"(?<=[а-яёА-ЯЁ])[{glued}]+(?=[а-яёА-ЯЁ])")
    side = re.escape(str(marks["line_edge"]))
    between = re.compile(rf"{between.pattern}|(?m:^[{side}](?=[ \t])|(?<=[ \t])[{side}]$)")
    line_ends = re.compile(r"[ \t]+(?=\n)|(?<=\n)[ \t]+")
    return word, edge, between, line_ends


def speck_marks(text: str) -> str:
    """Marks a scan's specks were read as taken out of a cell's text (`speck_marks` in
    contracts/ocr.yaml): a word of such marks only («‘», «°.», «..»), a mark Russian text never
    writes at a word's edge glued to one («`Рабочая» -> «Рабочая»), or between two words' letters
    («Года`молодёжи» -> «Года молодёжи»)."""
    word, edge, between, line_ends = _speck_patterns()
    cleaned = between.sub(" ", edge.sub("", word.sub("", text)))
    if cleaned == text:
        return text
    return re.sub(r"[ \t]{2,}", " ", line_ends.sub("", cleaned)).strip()


# Abbreviations of several words («в т. ч.», «и т. д.»: contracts/ocr.yaml `abbreviation_phrases`)
# as OCR reads them: the space after a word with no stop lost («вт. ч.»), letters read as capitals
# mid-sentence («В Т. ч.»). The stops and the spaces after them are kept as read («в т.ч.» is
# written so too).
@lru_cache(maxsize=1)
def _abbreviation_patterns() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    phrases = load_yaml("ocr.yaml", None, ("abbreviation_phrases",))["abbreviation_phrases"]
    out = []
    for phrase in phrases:
        words = tuple(w.rstrip(".") for w in str(phrase).split())
        dotted = [w.endswith(".") for w in str(phrase).split()]
        parts = [
            f"({re.escape(w)})" + (r"\.(\s?)" if dot else r"(\s?)")
            for w, dot in zip(words, dotted, strict=True)
        ]
        pattern = re.compile(r"(?<![\w.])" + "".join(parts).removesuffix(r"(\s?)") + r"(?!\w)", re.IGNORECASE)
        out.append((pattern, tuple(str(phrase).split())))
    return tuple(out)


def _abbreviation(match: re.Match[str], written: tuple[str, ...]) -> str:
    groups = match.groups()
    mid_sentence = (
        match.start() > 0 and re.search(r"[а-яё\d,;:–(]\s*$", match.string[: match.start()]) is not None
    )
    out = []
    for k, word in enumerate(written):
        letters = groups[2 * k]
        letters = word.rstrip(".") if mid_sentence or k > 0 else letters
        space = groups[2 * k + 1] if 2 * k + 1 < len(groups) else ""
        if k < len(written) - 1 and not word.endswith("."):
            space = " "  # a word with no stop is followed by a space
        out.append(letters + ("." if word.endswith(".") else "") + (space or ""))
    return "".join(out)


def abbreviation_phrases(text: str) -> str:
    """«вт. ч.» -> «в т. ч.», «, В Т. ч.» -> «, в т. ч.» (contracts/ocr.yaml `abbreviation_phrases`)."""
    for pattern, written in _abbreviation_patterns():
        text = pattern.sub(lambda m, w=written: _abbreviation(m, w), text)  # type: ignore[misc]
    return text
