"""Rejoin words that a PDF exporter broke across visual lines, judging from the text alone.

The PDF reader decides a cell's line breaks from glyph geometry (pdflinebreaks) and asks this module
only where the layout fits both a cut token and a paragraph end (`likely_cut`) or whether a
hyphen is a hyphenation point (`drops_hyphen`); `rejoin_lines` serves text without geometry,
such as the title above the table.

LibreOffice and Word break a line at a space or right after a hyphen; a word longer than the
column is cut anywhere, without a hyphen, and then starts its own line (unless a non-breaking
space ties it to the words before, which the PDF shows as a plain space). `rejoin_lines` glues a
line break back when
- the line ends with a hyphen attached to a word ("научно-" + "практической"): joined without a
  space; the hyphen is dropped only when the dictionary knows the unhyphenated word but not the
  hyphenated compound (a hyphenation point, not a compound);
- the next line starts with a character no line may start with (",", ")", "»"): a forced cut;
- a number inside a date was cut ("15.07.20" + "24");
- the Russian dictionary (pymorphy3) knows "left+right" while one piece alone is not a word, or,
  when the left line is one bare token, neither piece nor the whole is a Russian word (place
  names and compounds the dictionary lacks: "Верхнедвинско" + "го").
Breaks after other punctuation and before list items are never touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from muniflow.morph import analyzer, dictionary_parses

_HYPHENS = "-‐–\xad"  # hyphen-minus, hyphen, en dash, soft hyphen: a line may break right after them
_SOFT_HYPHEN = "\xad"
_ACRONYM = 4  # letters: an upper-case word this short may be an acronym of its own
_MAX_PIECES = 3  # text without geometry: a word cut twice spans three lines; longer cuts are guesses
# With glyph geometry (full lines, one run each) a word is followed over up to this many pieces:
# a column about 1 cm wide holds three or four letters a line («Меж|дуна|родн|ая»).
MAX_PIECES = 8
_NO_LINE_START = ",.;:!?)]»%"  # line breaking never puts these first on a line, only a forced cut does
_QUOTES = '"“”’'  # quotes that close as well as open: closing where no letter or digit follows

_LEFT_CORE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*$")  # the word ending the left line, compounds whole
_RIGHT_CORE = re.compile(r"^[^\W\d_]+")  # the letters starting the right fragment
_CYRILLIC = re.compile(r"^[а-яё]+$", re.IGNORECASE)
# List markers: dashes and bullets, "1.", "2)", "а)" (no word starts with ъ, ы, ь or й).
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•·*]\s|\d{1,3}[.)]\s|[абвгдежзиклмнопрстуфхцчшщэюяa-z][)]\s)")
_CUT_DATE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{1,3}$")  # "15.07.20" waiting for its "24"
_CUT_NUMBER = re.compile(r"\d[./:]?$")  # a full line ending inside a number: "15.07." + "2024"
_NO_LINE_END = "«„“([{"  # opening marks: no paragraph ends with one, only a cut leaves one last
# A whole dictionary word this long after a piece the dictionary lacks is taken for the next word,
# not the piece's end: cut words seldom end in one («Липов|ка» does, two letters).
_WHOLE_WORD = 4
_PIECE_MIN = 3  # letters each side of a hyphenation point (as Word and LibreOffice leave at least 2-3)
_CUT_HYPHEN = re.compile(r"^[-‐](?:\w|$)")  # "декоративно" + "-прикладного": cut before a hyphen


# The dictionary lists many fragments as words of their own: single letters, abbreviations ("ГО"),
# interjections ("ой"), names in lower case ("ий"). As a piece of a cut word they do not count.
ONE_LETTER_WORDS = frozenset("авиксоу")  # the Russian words of one letter
_NOT_STANDALONE = frozenset({"Abbr", "Init", "INTJ"})
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Trad"})  # Orgn also tags common nouns
_FUNCTION = frozenset({"PREP", "CONJ"})
# What the analyser guesses for a word it lacks that says nothing of a whole word form.
_GUESSED = _PROPER | _NOT_STANDALONE | {"Orgn"}

WordTest = Callable[[str], bool]
PieceTest = Callable[[str, bool], bool]


def _looked_up(lower: str) -> str:
    """The spelling to look a lower-case word up by: the dictionary writes some words with «е» for
    «ё» («березовка») and matches «е» to «ё» but not back, so a «ё» it lacks is read as «е»."""
    if "ё" not in lower or analyzer().word_is_known(lower):
        return lower
    return lower.replace("ё", "е")


@lru_cache(maxsize=65536)
def is_russian_word(word: str) -> bool:
    """True when the dictionary holds this word form (case-insensitive; «ё» or «е»)."""
    lower = word.lower()
    if len(lower) <= 1:
        return lower in ONE_LETTER_WORDS
    return analyzer().word_is_known(_looked_up(lower))


@lru_cache(maxsize=65536)
def is_standalone_word(piece: str, before_stop: bool) -> bool:
    """True when a line fragment reads as a word by itself where it stands.

    before_stop: the fragment is followed by punctuation or the end of the cell, where a
    preposition or conjunction cannot stand.
    """
    lower = piece.lower()
    if len(lower) <= 1:
        return lower in ONE_LETTER_WORDS and not before_stop
    if not is_russian_word(lower):
        return False
    for parse in dictionary_parses(_looked_up(lower)):
        grammemes = parse.tag.grammemes
        if grammemes & _NOT_STANDALONE or (before_stop and grammemes & _FUNCTION):
            continue
        if piece[0].islower() and grammemes & _PROPER:
            continue
        if ("Fixd" in grammemes or (before_stop and "PRCL" in grammemes)) and len(lower) <= 2:
            continue  # two-letter indeclinables ("го"), particles before a stop ("ка,"): endings
        return True
    return False


# Prepositions and conjunctions of two letters or more («из», «на», «и» aside): after a whole word
# form they start the next word as a longer dictionary word does («Реконструкторы» + «из Беларуси»).
_LINKING = frozenset({"PREP", "CONJ"})


def _linking_word(word: str) -> bool:
    return len(word) >= 2 and any(p.tag.POS in _LINKING for p in dictionary_parses(word.lower()))


@lru_cache(maxsize=65536)
def reads_as_word_form(piece: str) -> bool:
    """True when the analyser, though its dictionary lacks the piece, reads it as a whole word form:
    a full adjective by its ending («Заозерский»: most place adjectives), or a dictionary word
    behind a known prefix («много|национальности»). Never a guess at a name or a fragment."""
    best = analyzer().parse(piece.lower())[0]
    if best.tag.grammemes & _GUESSED:
        return False
    stack = [type(step[0]).__name__ for step in best.methods_stack]
    if stack == ["DictionaryAnalyzer", "KnownPrefixAnalyzer"]:
        return len(best.methods_stack[0][1]) >= _WHOLE_WORD
    return best.tag.POS == "ADJF" and stack == ["FakeDictionary", "KnownSuffixAnalyzer"]


_FUNCTION_WORDS = frozenset({"PREP", "CONJ", "PRCL"})


def prefixes(piece: str, word: str) -> bool:
    """True when the analyser reads `piece` + `word` (a word the dictionary lacks, cut over lines)
    as one word behind a prefix it knows that the piece is, or begins: a full line ending in
    «видео» or «виде» whose next token, no word of its own, goes on over the lines below
    («видео|конфе|ренцс|вязь)»). A preposition, conjunction or particle («после», «не») stays a
    word of its own."""
    if any(p.tag.POS in _FUNCTION_WORDS for p in dictionary_parses(piece.lower())):
        return False
    best = analyzer().parse((piece + word).lower())[0]
    step = best.methods_stack[-1]
    return type(step[0]).__name__ == "KnownPrefixAnalyzer" and str(step[1]).startswith(piece.lower())


def rejoin_lines(
    text: str, is_word: WordTest = is_russian_word, is_piece: PieceTest = is_standalone_word
) -> str:
    """Return a cell's text with words cut by line wrapping made whole; other line breaks stay."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out = [lines[0]]
    tail = 0  # where the last visual line starts in out[-1]: a cut word starts its own line
    i = 1
    while i < len(lines):
        left, right = out[-1], lines[i]
        hyphen_glued = _hyphen_join(left, right, is_word)
        if hyphen_glued is not None:
            out[-1], tail = hyphen_glued, len(hyphen_glued) - len(right)
            i += 1
            continue
        glued = _forced_cut_join(left, right)
        if glued is not None:
            out[-1] = glued
            i += 1
            continue
        pieces = _cut_word_pieces(left[tail:], lines[i:], is_word, is_piece)
        if pieces:
            out[-1] = left + "".join(lines[i : i + pieces])
            i += pieces
            continue
        out.append(right)
        tail = 0
        i += 1
    return "\n".join(out)


def _hyphen_join(left: str, right: str, is_word: WordTest) -> str | None:
    """Join a line ending in a hyphen attached to a word with the next line, or None if it is not."""
    if len(left) < 2 or left[-1] not in _HYPHENS or left[-2].isspace() or not right[:1].isalnum():
        return None
    if _LIST_ITEM.match(right):
        return None
    return left[:-1] + right if drops_hyphen(left, right, is_word) else left + right


_WHOLE_TOKEN = re.compile(r"(?<![\w‐-])[^\W\d_]{4,}(?![\w‐-])")  # a word of four letters or more


def written_words(texts: Iterable[str]) -> WordTest:
    """The dictionary's words and the words a document writes whole (letters only, no hyphen
    touching them), so a name the dictionary lacks, hyphenated at a line end in one cell, is
    joined where the report writes it whole elsewhere («Краснополянский муниципальный район»
    heading the rows whose place reads «пгт Красно-|полянский»)."""
    own = frozenset(m.group().lower() for text in texts for m in _WHOLE_TOKEN.finditer(text))

    def is_word(word: str) -> bool:
        return word.lower() in own or is_russian_word(word)

    return is_word


def drops_hyphen(left: str, right: str, is_word: WordTest = is_russian_word, word_ends: bool = False) -> bool:
    """True when a hyphen ending `left` is a hyphenation point of one word, not part of the text.

    A soft hyphen always is; a drawn hyphen is when the dictionary knows the word without it but
    not the hyphenated compound ("меж-" + "дународный", unlike "научно-" + "практической"), the
    last part of a compound looked up alone («историко-крае-» + «ведческий»: «краеведческий»), or
    when the piece after it is no word of its own, so no compound (see _fragment_after).
    word_ends: a piece filling `right` ends its word there (the cell ends, or its next line starts no
    piece of a word).
    """
    if left.endswith(_SOFT_HYPHEN):
        return True
    left_core = _LEFT_CORE.search(left[:-1])
    right_core = _RIGHT_CORE.match(right)
    if left[-1:] not in _HYPHENS or not left_core or not right_core or not right[0].islower():
        return False
    whole, piece = left_core.group(), right_core.group()
    last = whole.rsplit("-", 1)[-1]
    for stem in dict.fromkeys((whole, last)):
        if not is_word(f"{stem}-{piece}") and is_word(stem + piece):
            return True
    return _fragment_after(last, right, right_core.end(), word_ends)


def _fragment_after(last: str, right: str, piece_end: int, word_ends: bool) -> bool:
    """True when a line-end hyphen stands inside one word because the piece after it is no word:
    a compound joins words («Научно-|практическая», «Ростов-|на-Дону»), a hyphenation point leaves
    a fragment («Каме-|ноград,», «Верхнео-|зёрска»). Only a Cyrillic piece that ends on its line
    counts (one running on may be cut again). After a capitalised word a fragment is enough: a
    name the dictionary lacks is hyphenated so; after a small letter the piece before must be no
    word either («видеоконфе-|ренцсвязи»), so an unknown compound of words keeps it («авто-|мото»).
    """
    piece = right[:piece_end]
    if (piece_end >= len(right) and not word_ends) or right[piece_end:][:1] in tuple(_HYPHENS):
        return False
    if not (_CYRILLIC.match(last) and _CYRILLIC.match(piece)) or min(len(last), len(piece)) < _PIECE_MIN:
        return False  # «пр-|т», «р-|н»: an abbreviation's hyphen, not a hyphenated word
    before_stop = piece_end >= len(right) or not right[piece_end].isspace()
    if is_standalone_word(piece, before_stop):
        return False
    if last[0].isupper() and last[1:].islower():
        return True
    return last.islower() and not is_standalone_word(last, False)


def likely_cut(
    left: str,
    following: Sequence[str],
    no_space: bool,
    is_word: WordTest = is_russian_word,
    is_piece: PieceTest = is_standalone_word,
) -> bool:
    """Tie-break for a full line without a break opportunity: does the next line continue its token?

    The layout fits a token cut at the line end, a paragraph that ended there and, unless
    `no_space` (a space would have been drawn), a wrap at a space too wide to draw. The text
    decides. Cut: before closing punctuation or a hyphen, after an opening mark, inside a number,
    after a word that is no word of its own, or where the pieces spell a word ("Пушкино" +
    "горский"); a next line whose first word ends there must start with a word, and so must one
    running to its end where no space can stand ("закон" + "одате"). Otherwise a new word starts
    ("формат" + "видеоко...", "морской" + "мастер-классы", a capital after a small letter).

    left: the full line, after the start of its token cut on the lines before ("Респу" + "блики").
    following: the next line's text and, when that line may end inside a cut token too, the text of
    the line after it (a word cut twice is looked up whole); a single line ends its last token.
    """
    right = following[0] if following else ""
    listed = bool(right) and _LIST_ITEM.match(right) is not None
    if not left or not right or (listed and not right[0].isalpha()):
        return False
    if closes(right) or opens(left) or _CUT_HYPHEN.match(right):
        return True
    if _CUT_NUMBER.search(left) and right[0].isdigit():
        return True
    left_core = _LEFT_CORE.search(left)
    right_core = _RIGHT_CORE.match(right)
    if left_core is None or left_core.end() != len(left) or right_core is None:
        return False
    last_word, first_word = left_core.group().rsplit("-", 1)[-1], right_core.group()
    capitals = len(last_word) > 1 and last_word.isupper() and first_word[:2].isupper()
    if right[0].isupper() and (
        left[-1].islower() or (capitals and _new_capital_word(last_word, first_word, is_word))
    ):
        return False  # a capital after a small letter, or an acronym after an acronym, starts a word
    if _script(last_word[-1]) != _script(first_word[0]):
        return False  # a word never changes alphabet across a cut («XXXIII» + «Международного»)
    # A next line that is one piece ending in a hyphen («видеоконфе-») goes on below: its word
    # does not end there, so its being no word by itself tells nothing of the line above.
    hyphenated = right_core.end() == len(right) - 1 and right[-1] in _HYPHENS
    ends_there = (right_core.end() < len(right) or len(following) == 1) and not hyphenated
    before_stop = right_core.end() < len(right) and not right[right_core.end()].isspace()
    if _pieces_make_word(last_word, following, is_word):
        return True
    if not is_piece(last_word, False):
        # A piece the dictionary lacks is cut, unless the analyser reads it as a whole word form and
        # a whole dictionary word follows («многонациональности» + «народов», «Заозерский» + «район:»).
        return not (
            ends_there
            and first_word.islower()
            and (len(first_word) >= _WHOLE_WORD or _linking_word(first_word))
            and is_piece(first_word, before_stop)
            and reads_as_word_form(last_word)
        )
    if listed or _is_abbreviation(right, right_core.end()) or hyphenated:
        return False  # "а) провести", "г. Пскова", «видеоконфе-»: a new item, word after a word
    # The next line's first word, where it ends on that line, must be a word: a paragraph or a
    # wrap starts with one. Running to that line's end it may be cut again: where the lines show
    # where its token ends, a word ending at one of those lines starts there («для|волон|тёров»,
    # «Народные|ансамбли|области»); if none does, after a capitalised word a place name the
    # dictionary lacks goes on («Красно|зер|ск,»). Else it decides only if no space fits.
    words = None if ends_there else _next_words(following)
    if words is not None:
        whole, stop = words[-1]
        if not is_piece(whole, stop) and prefixes(last_word, whole):
            return True  # «видео|конфе|ренцс|вязь)», «виде|окон|фере|нцсвя|зь)»: though «окон» is a word
        if any(is_piece(word, stop) for word, stop in words):
            return False
        if last_word[:1].isupper():
            return True
    return (no_space or ends_there) and not is_piece(first_word, before_stop)


def opens(left: str) -> bool:
    """True when a line ends with an opening mark, which no paragraph ends with («выставка «»); «“»
    right after a letter or a full stop closes a quotation („…“ as Russian writes it), not opens."""
    if not left or left[-1] not in _NO_LINE_END:
        return False
    return left[-1] != "“" or len(left) < 2 or not (left[-2].isalnum() or left[-2] in ".!?…")


def closes(right: str) -> bool:
    """True when a line starts with a mark no line starts with unless a token was cut before it:
    closing punctuation, or a quote that closes («“» of „…“, a straight quote) with no letter or
    digit after it («Чайковского|“, ул.»)."""
    if not right:
        return False
    if right[0] in _NO_LINE_START:
        return True
    return right[0] in _QUOTES and not right[1:2].isalnum()


def spells_word(left: str, right: str, is_word: WordTest = is_russian_word) -> bool:
    """True when the word ending `left` is no dictionary word but, run into the letters starting
    `right`, spells one («Международн» + «ой выставке»)."""
    left_core = _LEFT_CORE.search(left)
    if left_core is None or left_core.end() != len(left):
        return False
    last = left_core.group().rsplit("-", 1)[-1]
    return not is_word(last) and _pieces_make_word(last, [right], is_word)


def tied_word_cut(left: str, right: str, is_word: WordTest = is_russian_word, wrapped: bool = False) -> bool:
    """True when a line that ends where a breaking space would have let it wrap earlier was cut
    inside a token a no-break space tied to the words before it: the word ending `left` run into the
    small letters starting `right` spells a dictionary word, and one piece alone is none («Стрек» +
    «оза»), or the word stands inside a quotation the line opens and does not close («регата «Пар» +
    «ус»»: a paragraph does not end inside a quoted name), or the line ends with an opening mark
    («выставка «» + «Парус»»: no paragraph ends with one).

    wrapped: the line may also have wrapped at a space it had no room to draw (the geometry leaves
    it open). Then a quotation or a tail no word stands as tells a cut only where a no-break space
    may have tied the last word to the one before it (`_tie_before`: a short word, an abbreviation,
    a number, as typography ties them): a quoted name of two words wraps between them («форум «Уз» +
    «ел»», «культуры «Ак» + «тирэк»»), its words being any, known or not."""
    if spells_word(left, right, is_word) or (opens(left) and right[:1].isalnum()):
        return True
    if left and not left[-1].isspace() and closes(right):
        return True  # «ул.\xa0Горького|, д. 5»: a comma or closing quote is never first on a line
    if wrapped and not _tie_before(left):
        return False
    left_core = _LEFT_CORE.search(left)
    right_core = _RIGHT_CORE.match(right)
    if left_core is None or left_core.end() != len(left) or right_core is None or not right[0].islower():
        return False
    last, first = left_core.group().rsplit("-", 1)[-1], right_core.group()
    if _is_abbreviation(right, right_core.end()):
        return False  # an abbreviation after a word («и» + «г. Энска»)
    before_stop = right_core.end() < len(right) and not right[right_core.end()].isspace()
    compound = right[right_core.end() :][:1] in tuple(_HYPHENS) and len(first) >= _PIECE_MIN  # «детско-»
    if (
        len(last) >= 2
        and _CYRILLIC.match(last + first)
        and not compound
        and not is_standalone_word(first, before_stop)
    ):
        # the next line opens with a piece no word stands as: the token's tail, even where the
        # whole is a name the dictionary lacks («г. Мирослав» + «ль,»; «ул. Советска» + «я, 44»)
        return True
    if min(len(last), len(first)) < 2 or not is_word(last + first):
        return False  # a word of one letter
    quoted = left.rfind("«") > left.rfind("»")
    return quoted or not is_standalone_word(first, before_stop)


# A word this short (or an abbreviation with its period, a number) is one a no-break space ties to
# the next: a preposition, a conjunction, «г.», «ул.», «№», «XXV», «12».
_TIE_WORD = 3
NO_BREAK = "\xa0\u202f\u2007\u2060"  # the spaces that tie (pdflines.NO_BREAK_SPACES)


def _tie_before(left: str) -> bool:
    """Whether the word before the line's last word is one a no-break space may tie it to (or a
    no-break space stands there as written), so the two may make one token too long for a line."""
    words = left.rstrip().rsplit(" ", 1)  # a plain space: a no-break one stays inside the token
    if len(words) < 2 or any(ch in NO_BREAK for ch in words[-1]):
        return True  # the line is one token, tied as written or run on from the line above
    before = words[0].rsplit(None, 1)[-1] if words[0].strip() else ""
    return len(before) <= _TIE_WORD or before.endswith(".") or before.isdigit()


def _script(letter: str) -> str:
    """The alphabet of a letter: Latin, Cyrillic or other."""
    if "a" <= letter.lower() <= "z":
        return "latin"
    if "а" <= letter.lower() <= "я" or letter in "ёЁ":
        return "cyrillic"
    return "other"


def _next_words(following: Sequence[str]) -> list[tuple[str, bool]] | None:
    """The words the next line may start, one for each line its token may end at (a line that is
    one piece may end a word or go on in the next), each with whether punctuation follows it;
    None where the token runs to the end of the last line given (it may go on further).

    A token ends inside a line, or at a line's end where the next line starts with no small
    letter (a capital, a digit, punctuation start a new token)."""
    pieces: list[str] = []
    words: list[tuple[str, bool]] = []
    for line in following[:MAX_PIECES]:
        core = _RIGHT_CORE.match(line)
        if core is None or (pieces and not line[0].islower()):
            return words or None
        pieces.append(core.group())
        if core.end() < len(line):
            return [*words, ("".join(pieces), not line[core.end()].isspace())]
        words.append(("".join(pieces), False))
    return None


def _new_capital_word(left: str, right: str, is_word: WordTest) -> bool:
    """Between two upper-case pieces: True where the second starts a word of its own — both short
    enough to be acronyms («МБУК|РУП»), or the first a word that the two do not continue
    («АДМИНИСТРАЦИЯ|МБОУ»), or a word form the dictionary lacks before a whole word («ЭНСКИЙ|РАЙОН»,
    see reads_as_word_form); a heading in capitals cut by a narrow column («ГОРОДС|КОЙ») is not."""
    if max(len(left), len(right)) <= _ACRONYM:
        return True
    word_form = reads_as_word_form(left) and len(right) >= _WHOLE_WORD and is_word(right)
    return (is_word(left) or word_form) and not is_word(left + right)


def _pieces_make_word(first: str, following: Sequence[str], is_word: WordTest) -> bool:
    """True when `first` and the letters starting the next lines spell one dictionary word; after a
    piece in capitals the next pieces are in capitals too («ГОРОД» + «А ЭНСКА»)."""
    capitals = len(first) > 1 and first.isupper()
    pieces = [first]
    for line in following[: MAX_PIECES - 1]:
        core = _RIGHT_CORE.match(line)
        if core is None or not (line[0].islower() or (capitals and core.group().isupper())):
            return False
        pieces.append(core.group())
        if is_word("".join(pieces)):
            return True
        if core.end() != len(line):  # only a whole-line fragment can be followed by another
            return False
    return False


def _forced_cut_join(left: str, right: str) -> str | None:
    """Join lines cut where no line break is allowed: before closing punctuation, inside a date."""
    if not left or left[-1].isspace():
        return None
    if closes(right):
        return left + right
    if right[:1].isdigit() and _CUT_DATE.search(left):
        return left + right
    return None


def _cut_word_pieces(left: str, following: list[str], is_word: WordTest, is_piece: PieceTest) -> int:
    """How many following lines continue a word cut at the end of `left` (0: none)."""
    left_core = _LEFT_CORE.search(left)
    if left_core is None or left_core.end() != len(left):
        return 0
    bare_token = not any(ch.isspace() for ch in left.strip())
    pieces = [left_core.group()]
    unknown_run = 0  # the longest cut made only of pieces the dictionary does not know
    for count, line in enumerate(following[: _MAX_PIECES - 1], start=1):
        right_core = _RIGHT_CORE.match(line)
        if right_core is None or not line[0].islower() or _LIST_ITEM.match(line):
            break
        pieces.append(right_core.group())
        whole_line = right_core.end() == len(line)
        before_stop = whole_line or not line[right_core.end()].isspace()
        words = [is_piece(p, False) for p in pieces[:-1]] + [is_piece(pieces[-1], before_stop)]
        if words[-1] and not whole_line and _stranded_preposition(pieces[-1], line[right_core.end() :]):
            words[-1] = False  # «Сотрудничеств» + «о в сфере»: «о» before «в» is no preposition
        combined = "".join(pieces)
        if _is_abbreviation(line, right_core.end()) and words[0]:
            break  # "и" + "г. Пскова": a word, then an abbreviation such as "г.", "пос.", "им."
        if is_word(combined) and not all(words):
            return count
        if bare_token and not any(words) and all(_CYRILLIC.match(p) for p in pieces):
            unknown_run = count
        if not whole_line:  # only a whole-line fragment can be followed by another
            break
    return unknown_run


def _stranded_preposition(piece: str, rest: str) -> bool:
    """True when a line's first piece reads as a preposition only and the next word is a
    preposition too: a preposition is followed by its noun, never by another preposition, so the
    piece is a cut word's end («Сотрудничеств» + «о в сфере»)."""
    following = _RIGHT_CORE.match(rest.lstrip())
    if following is None or not rest[:1].isspace():
        return False
    return _only_preposition(piece) and _only_preposition(following.group())


def _only_preposition(word: str) -> bool:
    """Whether the dictionary reads the word as a preposition (its likeliest reading)."""
    parses = dictionary_parses(word.lower())
    return bool(parses) and parses[0].tag.POS == "PREP"


def _is_abbreviation(line: str, core_end: int) -> bool:
    """True when the line starts with a short lowercase abbreviation with its period ("г.", "пос."),
    or with a settlement's abbreviation written without it before the name it marks («пгт
    Сосновый Бор»: `locality_abbreviations` of contracts/enrichment.yaml), no tail of a cut word."""
    if core_end <= 3 and line[core_end : core_end + 1] == ".":
        return True
    if line[core_end : core_end + 1] != " " or not line[core_end + 1 : core_end + 2].isupper():
        return False
    from muniflow.enrich.contract import locality_abbreviations

    return core_end >= 2 and line[:core_end].lower().replace("ё", "е") in locality_abbreviations()
