"""The morphology of municipality names: the words of a name written in an oblique case put back
in the nominative with pymorphy3 («Велижского района» -> «Велижский район», «по Велижскому
району» -> «Велижский район», «города Мосальска» -> «город Мосальск», «Нижнего Новгорода» ->
«Нижний Новгород»), names typed in capitals written as names are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from muniflow.interpret.muni_vocabulary import vocabulary
from muniflow.morph import analyzer, dictionary_parses

_OBLIQUE = ("gent", "datv", "loct", "ablt", "accs")
# Parts of a hyphenated name that stay lower case («Ростов-на-Дону»).
LOWER_PARTS = frozenset({"на", "де", "под", "над", "у"})
# Abbreviations that are written in capitals inside a name («ЗАТО Северск»).
KEEP_CAPITALS = frozenset({"ЗАТО"})
WORD = re.compile(r"[А-ЯЁа-яё][А-ЯЁа-яё-]*")


def proper_case(word: str) -> str:
    """A word typed in capitals as a name is written: «ЙОШКАР-ОЛА» -> «Йошкар-Ола»."""
    if word in KEEP_CAPITALS:
        return word
    parts = word.lower().split("-")
    return "-".join(p if p in LOWER_PARTS and i else p[:1].upper() + p[1:] for i, p in enumerate(parts))


def same_case(model: str, word: str) -> str:
    """`word` with the first letter in the case of `model`'s."""
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _keep_yo(model: str, word: str) -> str:
    return word if "ё" in model.lower() else word.replace("ё", "е")


def adjective_case(word: str) -> str | None:
    """The oblique case of an adjective written before an abbreviated kind («Велижского» -> gent),
    None when it reads as a nominative or no adjective. A name the dictionary holds only as a
    surname («Каменского») declines as the adjective does."""
    parses = [p for p in analyzer().parse(word.lower()) if {"ADJF", "Surn"} & set(p.tag.grammemes)]
    if not parses or any(p.tag.case == "nomn" for p in parses):
        return None
    case = parses[0].tag.case
    return str(case) if case in _OBLIQUE else None


@lru_cache(maxsize=1024)
def inflected_to(word: str, case: str) -> str:
    """A kind word («муниципальный», «район») in `case`, singular; as written where it cannot be."""
    parse = next((p for p in analyzer().parse(word) if p.tag.case == "nomn"), None)
    form = parse.inflect({case, "sing"}) if parse is not None else None
    return str(form.word) if form is not None else word


def kind_case(word: str) -> tuple[str, str, str] | None:
    """(case, gender, number) of a kind noun written in an oblique case («района» -> gent, masc, sing)."""
    return _kind_case(word, vocabulary().kind_nouns)


@lru_cache(maxsize=4096)
def _kind_case(word: str, kind_nouns: frozenset[str]) -> tuple[str, str, str] | None:
    for p in analyzer().parse(word.lower()):
        if p.normal_form.replace("ё", "е") not in kind_nouns:
            continue
        case = p.tag.case
        if case in _OBLIQUE and p.word != p.normal_form:
            return str(case), str(p.tag.gender), str(p.tag.number)
    return None


@lru_cache(maxsize=4096)
def to_nominative(word: str, case: str, gender: str, number: str = "sing") -> str:
    """A word of a name in `case` put in the nominative, an adjective agreeing in `gender`.

    A geographical adjective is preferred to a surname that reads the same («Мошенского» ->
    «Мошенской», not «Мошенский»); an adjective to a noun (the words before the kind noun agree
    with it).
    """
    parts = word.split("-")
    # a part before the hyphen that is a place's own name in that case goes too («Каменска-
    # Уральского» -> «Каменск-Уральский»); other first parts stay («Усть-», «Гаврилов-», «Ханты-»)
    heads = [_place_inflected(part.lower(), case) for part in parts[:-1]]
    if any(heads):
        parts = [
            part if form is None else same_case(part, _keep_yo(part, form))
            for part, form in zip(parts[:-1], heads, strict=True)
        ] + parts[-1:]
        word = "-".join(parts)
    whole = _inflected(word.lower(), case, gender, number)
    if whole is not None and whole.count("-") == word.count("-") and not any(heads):
        return "-".join(same_case(a, b) for a, b in zip(parts, _keep_yo(word, whole).split("-"), strict=True))
    last = _inflected(parts[-1].lower(), case, gender, number) if len(parts) > 1 else None
    if last is not None:
        return "-".join([*parts[:-1], same_case(parts[-1], _keep_yo(parts[-1], last))])
    return word


@lru_cache(maxsize=4096)
def _place_inflected(lower: str, case: str) -> str | None:
    """A place's own name (Geox to pymorphy3) in `case` put in the nominative, else None."""
    for p in analyzer().parse(lower):
        if "Geox" in p.tag and case in p.tag and "NOUN" in p.tag:
            form = p.inflect({"nomn", "sing"})
            return str(form.word) if form is not None else None
    return None


def _inflected(lower: str, case: str, gender: str, number: str) -> str | None:
    candidates = []
    for p in analyzer().parse(lower):
        grammemes = set(p.tag.grammemes)
        if case not in grammemes or not ({"ADJF", "NOUN"} & grammemes):
            continue
        if "ADJF" in grammemes and number == "sing" and gender not in grammemes:
            continue
        rank = (0 if "Geox" in grammemes else 1) + (0 if "ADJF" in grammemes else 2)
        candidates.append((rank, p))
    for _, p in sorted(candidates, key=lambda rp: rp[0]):
        wanted = {"nomn", number}
        if "ADJF" in p.tag.grammemes and number == "sing":
            wanted.add(gender)
        form = p.inflect(wanted)
        if form is not None:
            return str(form.word)
    return None


@lru_cache(maxsize=4096)
def _case_parse(word: str, case: str) -> tuple[str, str] | None:
    """(number, gender) of a word of a place name that may be in `case` (its parts', hyphenated,
    the last part's), else None. A word the dictionary lacks is taken for a plural only if the
    dictionary knows it: the guesser reads «Заречноград» as the plural of a guessed «Заречнограда»."""
    word = word.split("-")[-1] if "-" in word and _case_parse_whole(word, case) is None else word
    return _case_parse_whole(word, case)


@lru_cache(maxsize=4096)
def _case_parse_whole(word: str, case: str) -> tuple[str, str] | None:
    morph = analyzer()
    known = morph.word_is_known(word.lower())
    best = None
    for p in morph.parse(word.lower()):
        if case not in p.tag or not ({"ADJF", "NOUN"} & set(p.tag.grammemes)):
            continue
        if not known and p.tag.number != "sing":
            continue
        rank = (0 if "Geox" in p.tag.grammemes else 1) + (0 if p.tag.number == "sing" else 2)
        if best is None or rank < best[0]:
            best = (rank, (str(p.tag.number), str(p.tag.gender)))
    return best[1] if best else None


def never_nominative(name: str) -> bool:
    """Every word of a place name is a dictionary word that cannot be a nominative («Калуги»,
    «Нижнего Новгорода»): a place name's readings are asked where it has some («Калуги» is also
    a plural of the fish «калуга»), and its readings as an adjective too: a town named by an
    adjective («Лесной», «Мирный») is one in the nominative, though the dictionary knows another
    place in another case under its letters. A word the dictionary lacks may be anything, so it is
    not."""
    morph = analyzer()
    words = name.split(" ")
    if not words or len(words) > 3 or not all(WORD.fullmatch(w) for w in words):
        return False
    for w in words:
        parses = morph.parse(w.lower())
        places = [p for p in parses if "Geox" in p.tag]
        readings = [*places, *(p for p in parses if "ADJF" in p.tag)] if places else parses
        if not morph.word_is_known(w.lower()) or any("nomn" in p.tag for p in readings):
            return False
    return True


def place_name_nominative(name: str, case: str = "gent") -> str:
    """A settlement's name after a kind noun in an oblique `case` («города Мосальска», «в городе
    Смоленске»): in the nominative when every word of it can be in that case («Нижнего Новгорода»
    -> «Нижний Новгород»); left as written when a word cannot («города Великие Луки» is written
    in apposition)."""
    words = name.split(" ")
    if not words or len(words) > 3 or not all(WORD.fullmatch(w) for w in words):
        return name
    parses = [_case_parse(w, case) for w in words]
    if any(p is None for p in parses):
        return name
    number, gender = parses[-1]  # type: ignore[misc]  # the noun's, last: «Нижнего» may be neuter
    return " ".join(to_nominative(w, case, gender, number) for w in words)


def bare_place_nominative(name: str, case: str) -> str | None:
    """A place's own name with no kind word, in the `case` a preposition before it governs («по
    Энскову» is a dative), put in the nominative; None where pymorphy3 cannot tell it surely:
    its last word (the noun; «по Нижнему Новгороду») must read as a place's name (Geox, known or
    guessed) in that case with one nominative. A name that does not decline («в Сочи») stays as it
    is; one with no reading in that case («в Иваново», an already nominative «-о» name) is None."""
    words = name.split(" ")
    if not 0 < len(words) <= 3 or not all(WORD.fullmatch(w) and w[:1].isupper() for w in words):
        return None
    last = words[-1]
    if not any(_one_place_nominative(part.lower(), case) for part in [last, *last.split("-")[:-1]]):
        return None
    nominative = place_name_nominative(name, case)
    return nominative if _case_parse(last, case) is not None else None


@lru_cache(maxsize=4096)
def _one_place_nominative(lower: str, case: str) -> bool:
    """Whether a word reads as a place's name (Geox) in `case` with exactly one nominative."""
    forms = set()
    for p in analyzer().parse(lower):
        if "Geox" in p.tag and case in p.tag:
            form = p.inflect({"nomn"})
            forms.add(str(form.word).replace("ё", "е") if form is not None else None)
    return len(forms) == 1 and None not in forms


_ADJECTIVE_END = re.compile(r"(?:ий|ый|ой|ое|ее|ая|яя)$")
_SMALL_WORDS = frozenset({"в", "во", "на", "по", "с", "со", "к", "о", "об", "у", "и", "им"})


@lru_cache(maxsize=8192)
def _word_value(token: str, kinds: frozenset[str]) -> int:
    """How many letters of a token read as a word of a municipality's name: all of a kind word,
    a dictionary noun or adjective, an unknown adjective-shaped word; none of another word; a
    short piece of a word counts against."""
    low = _letters(token)
    if not low:
        return 0
    if _is_kind(low, kinds):
        return len(low)
    if len(low) <= 2:
        return 0 if low in _SMALL_WORDS else -3
    morph = analyzer()
    if morph.word_is_known(low):
        parses = morph.parse(low)
        return len(low) if any({"NOUN", "ADJF", "PRTF"} & set(p.tag.grammemes) for p in parses) else 0
    if len(low) >= 5:
        return len(low) if _ADJECTIVE_END.search(low) else 0
    return -len(low)


def _best_group(pieces: list[str], kinds: frozenset[str], nouns: frozenset[str] = frozenset()) -> str:
    """Pieces a line end separates, joined where they are parts of one word (narrow column)."""
    best: tuple[int, bool, bool, int, str] | None = None
    whole_kinds = [_is_kind(_letters(p), kinds) or _is_noun_of(_letters(p), nouns) for p in pieces]
    for mask in range(1 << (len(pieces) - 1)):
        words, current = [], pieces[0]
        kind_glued = False
        with_kind = whole_kinds[0]  # the word being built holds a whole kind word among its pieces
        for i, piece in enumerate(pieces[1:]):
            if mask >> i & 1:
                if current[-1:].islower() and piece[:1].isupper():
                    break  # a capital letter starts a word: «образование\nВелижский»
                current += piece
                kind_glued = kind_glued or whole_kinds[i] or whole_kinds[i + 1]
                with_kind = with_kind or whole_kinds[i + 1]
                if with_kind and not _known(current, kinds):
                    # a whole kind word glued into a word the dictionary lacks: a name before its
                    # kind («Хредино\nмуниципальный», not «Хрединомуниципальный»)
                    break
            else:
                words.append(current)
                current, with_kind = piece, whole_kinds[i + 1]
        else:
            words.append(current)
            value = sum(_word_value(w, kinds) for w in words)
            # On a tie, words the dictionary knows beat one unknown word made of them: a capitals
            # line break after a kind is no cut («ОКРУГ\nТАМБОВСКОЙ», not «ОКРУГТАМБОВСКОЙ»),
            # while «ДУХОВ\nЩИНСКИЙ» still joins (its second piece is no word); then a line that is
            # a whole kind word stays a word (an unknown name before it makes the glued run look
            # like one long adjective: «ЭНСКИЙ\nМУНИЦИПАЛЬНЫЙ\nОКРУГ»); then fewer words.
            known = all(_known(w, kinds) for w in words)
            key = (value, known, not kind_glued, -len(words), " ".join(words))
            if best is None or key[:4] > best[:4]:
                best = key
    return best[4] if best else " ".join(pieces)


def _known(token: str, kinds: frozenset[str]) -> bool:
    """Whether a token is a kind word or a word the dictionary knows."""
    low = _letters(token)
    return bool(low) and (_is_kind(low, kinds) or analyzer().word_is_known(low))


def _letters(token: str) -> str:
    """A token's Cyrillic letters and inner hyphens, lower case."""
    return re.sub(r"[^а-яё-]", "", token.lower()).strip("-")


def _is_kind(low: str, kinds: frozenset[str]) -> bool:
    return low in kinds or low.replace("ё", "е") in kinds


def _is_noun_of(low: str, nouns: frozenset[str]) -> bool:
    """Whether a token is a form of one of the nouns («республики», «района»), by the dictionary."""
    return bool(nouns) and any(p.normal_form in nouns for p in dictionary_parses(low))


def rejoined_lines(text: str, kinds: frozenset[str], nouns: frozenset[str] = frozenset()) -> str:
    """A name broken over lines, on one line: a break after a hyphen joins («Йошкар-\\nОла»); a
    break inside a word that a narrow column cut («МОНА\\nСТЫР\\nЩИНС\\nКИЙ РАЙО\\nН») joins where
    the joined pieces read as words and the pieces do not; other breaks are spaces."""
    text = re.sub(r"(?<=[А-ЯЁа-яё]-)[ \t]*\n\s*(?=[А-ЯЁа-яё])", "", text)
    lines = [line.split() for line in text.split("\n")]
    lines = [line for line in lines if line]
    if len(lines) < 2 or len(lines) > 12:
        return " ".join(w for line in lines for w in line)
    groups: list[list[str]] = []
    for line in lines:
        for i, token in enumerate(line):
            if i == 0 and groups:  # the first word of a line may continue the last one before it
                groups[-1].append(token)
            else:
                groups.append([token])
    return " ".join(_best_group(g, kinds, nouns) if len(g) > 1 else g[0] for g in groups)


def split_run_together(word: str, kinds: Sequence[str]) -> str:
    """A word run into the kind after it, in any case where the adjective before it agrees
    («Энскийрайон» -> «Энский район», «Энскогорайона» -> «Энского района»)."""
    low = word.lower()
    if analyzer().word_is_known(low):
        return word
    for cut in range(_MIN_HEAD, len(low) - _MIN_KIND + 1):
        head, tail = low[:cut], low[cut:]
        if not _ANY_ADJECTIVE_END.search(head):
            continue
        if _kind_forms(tail, tuple(kinds)) & _adjective_forms(head):
            return split_run_together(word[:cut], kinds) + " " + word[cut:]
    return word


_MIN_HEAD = 4  # letters of the adjective before a run-in kind
_MIN_KIND = 4  # letters of the shortest kind form («село» aside, kinds are longer)
# Adjective endings in every case («Энский», «Энского», «Энскому», «Энском» …).
_ANY_ADJECTIVE_END = re.compile(r"(?:ий|ый|ой|ое|ее|ая|яя|ого|его|ому|ему|ым|им|ом|ем|ей|ую|юю|ых|их|ые|ие)$")


@lru_cache(maxsize=4096)
def _kind_forms(word: str, kinds: tuple[str, ...]) -> frozenset[tuple[str | None, str | None]]:
    """The (case, number) readings of a word that is a form of one of the kinds."""
    lemmas = {analyzer().parse(kind)[0].normal_form for kind in kinds}
    return frozenset((p.tag.case, p.tag.number) for p in analyzer().parse(word) if p.normal_form in lemmas)


@lru_cache(maxsize=4096)
def _adjective_forms(word: str) -> frozenset[tuple[str | None, str | None]]:
    """The (case, number) readings of a word as a full adjective (predicted for unknown words)."""
    return frozenset((p.tag.case, p.tag.number) for p in analyzer().parse(word) if "ADJF" in p.tag)
