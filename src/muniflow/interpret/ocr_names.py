"""A municipality's name in a scan's heading that OCR misread, put right (scans only).

OCR reads a heading's name a few letters off («город Энскомарск» for «Энскамарск») or runs it into
its kind word («городЭнск»); the rows under it then carry a municipality nobody has. The same
report usually writes the name rightly elsewhere (the place of its events: «г. Энскамарск»), and
pymorphy3 knows most towns (`Geox`). A name word of a heading that the dictionary does not know and
the report writes nowhere else as read is taken for the one place name it is a few letters off
(`heading_names` in `contracts/ocr.yaml`): a place name the report writes (in any case form, or its
nominative) first, else a dictionary place name one letter off; with none, or two equally near,
it stays as read. A kind word run into the name is split off, a kind written twice («город Город
Энск») once, a kind word misread («мунипипальный») made the one kind word it is a few letters
off. Text documents are never touched: their names are typed, not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from muniflow.contracts import load_yaml
from muniflow.interpret.muni_vocabulary import vocabulary
from muniflow.morph import analyzer, dictionary_parses

# A place's name as a word: capitalised, hyphenated parts kept («Усть-Энск»).
_NAME = re.compile(r"(?<![А-ЯЁа-яё-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*(?![А-ЯЁа-яё-])")
# ... or typed in capitals, as headings are («ГОРОД ЭНСК»).
_NAME_OR_CAPITALS = re.compile(
    r"(?<![А-ЯЁа-яё-])(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*|[А-ЯЁ]+(?:-[А-ЯЁ]+)*)(?![А-ЯЁа-яё-])"
)
_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


@dataclass(frozen=True)
class HeadingNameSettings:
    max_edits: int  # a misread name is at most this many letters off the name it stands for
    max_edit_share: float  # ... and at most this share of the longer one's letters
    min_letters: int  # a shorter word is never put right (too many names lie near it)
    place_words: tuple[str, ...]  # a settlement's name is written after these («г.», «село»)


def settings() -> HeadingNameSettings:
    """contracts/ocr.yaml's `heading_names:` section."""
    data = dict(load_yaml("ocr.yaml", None, ("heading_names",))["heading_names"])
    data["place_words"] = tuple(str(w) for w in data["place_words"])
    return HeadingNameSettings(**data)


@lru_cache(maxsize=8192)
def _is_place(word: str) -> bool:
    """A word the dictionary holds as a place's name (Geox), in any of its forms."""
    return any("Geox" in p.tag for p in dictionary_parses(word.lower()))


@lru_cache(maxsize=8192)
def _known(word: str) -> bool:
    return any(p.is_known for p in analyzer().parse(word.lower()))


def _nominative(word: str) -> str:
    """A place name's nominative, lower case: the dictionary's for a place it holds («энскамарска»
    -> «энскамарск»), pymorphy3's guess from the ending for a name it does not know."""
    low = word.lower()
    for p in dictionary_parses(low):
        if "Geox" in p.tag:
            return str(p.normal_form)
    return str(analyzer().parse(low)[0].normal_form)


def _capitalised(name: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in name.split("-"))


def _after_settlement_word(text: str) -> list[str]:
    """Capitalised names written after a settlement's noun or its abbreviation («г. Энск», «в
    селе Энское», `place_words` in `contracts/ocr.yaml`)."""
    lead = "|".join(re.escape(w) for w in sorted(settings().place_words, key=len, reverse=True))
    found = re.finditer(rf"(?<![А-ЯЁа-яё])(?:{lead})\s*({_NAME.pattern})", text, re.IGNORECASE)
    return [m.group(1) for m in found if m.group(1)[:1].isupper()]


def document_places(texts: Iterable[str]) -> frozenset[str]:
    """Place names a report writes: capitalised words the dictionary knows as places (as written
    and in the nominative) and names written after a settlement's word («г. Энск»): the names a
    misread heading is put right to."""
    found: set[str] = set()
    for text in texts:
        for match in _NAME.finditer(text or ""):
            word = match.group()
            if _is_place(word):
                found.add(word)
                found.add(_capitalised(_nominative(word)))
        found.update(_after_settlement_word(text or ""))
    return frozenset(found)


def _kind_nouns() -> list[str]:
    words = vocabulary()
    return sorted(words.kind_nouns | words.settlement_nouns, key=len, reverse=True)


def _split_kind(word: str) -> str:
    """A kind noun run into the capitalised name after it split off («городЭнск», «ГородЭнск»)."""
    low = word.lower().replace("ё", "е")
    for kind in _kind_nouns():
        cut = len(kind)
        if low.startswith(kind.replace("ё", "е")) and word[1:cut].islower() and word[cut:].istitle():
            return f"{word[:cut]} {word[cut:]}"
    return word


_TWO_WORDS = re.compile(r"(?<![А-ЯЁа-яё-])([А-ЯЁа-яё-]+)\s+(?=([А-ЯЁа-яё-]+)(?![А-ЯЁа-яё-]))")


def _without_doubled_kinds(text: str) -> str:
    """A kind word written twice in a row once («город Город Энск» -> «Город Энск»)."""
    kinds = vocabulary().kind_words

    def once(match: re.Match[str]) -> str:
        first, second = (w.lower().replace("ё", "е") for w in match.groups())
        return "" if first == second and first in kinds else match.group()

    return _TWO_WORDS.sub(once, text)


def _limit(word: str, name: str, limits: HeadingNameSettings) -> int:
    return min(limits.max_edits, int(limits.max_edit_share * max(len(word), len(name))))


def _near(word: str, names: Iterable[str], limits: HeadingNameSettings) -> str | None:
    """The one place (by its nominative) among `names` nearest `word`, within the limits, in the
    form written nearest it; None when none is, or when two places are as near."""
    found: dict[str, tuple[int, str]] = {}  # place's nominative -> (letters off, form written)
    low = word.lower()
    for name in names:
        place = _nominative(name)
        for form in {name, _capitalised(place)}:  # as written, or its nominative: the nearer
            limit = _limit(word, form, limits)
            off = Levenshtein.distance(low, form.lower(), score_cutoff=limit)
            if off <= limit and (place not in found or (off, form) < found[place]):
                found[place] = (off, form)
    if not found:
        return None
    nearest = min(off for off, _ in found.values())
    forms = [form for off, form in found.values() if off == nearest]
    return forms[0] if len(forms) == 1 else None


def _one_letter_off(word: str) -> list[str]:
    low = word.lower()
    cuts = [(low[:i], low[i:]) for i in range(len(low) + 1)]
    out = {a + b[1:] for a, b in cuts if b}
    out |= {a + c + b[1:] for a, b in cuts if b for c in _LOWER}
    out |= {a + c + b for a, b in cuts for c in _LOWER}
    out |= {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
    out.discard(low)
    return sorted(out)


def _dictionary_place(word: str) -> str | None:
    """The one place name the dictionary holds one letter off `word`, capitalised; None else."""
    known = analyzer().dictionary
    found = {
        candidate
        for candidate in _one_letter_off(word)
        if known.word_is_known(candidate) and _is_place(candidate)
    }
    lemmas = {_nominative(c) for c in found}
    if len(lemmas) != 1:
        return None
    form = min(found, key=lambda c: Levenshtein.distance(c, word.lower()))
    return form[:1].upper() + form[1:]


# An adjective's ending, «й» read «и» included («Энский», «Энскии», «Энское»): a district's name
# made of a town's, never the town's own name.
_ADJECTIVE_END = re.compile(r"(?:[иыо][йи]|[ая]я|[оеиы]е|[ое]го|[ое]му)$", re.IGNORECASE)


def _put_right(word: str, places: frozenset[str], limits: HeadingNameSettings) -> str:
    proper = word[:1] + word[1:].lower()  # «ЭНСК» as «Энск»
    own = _nominative(proper)
    if (
        len(word) < limits.min_letters
        or _ADJECTIVE_END.search(proper)
        or proper in places
        or any(_nominative(p) == own for p in places)  # written so elsewhere, in another case
        or proper.lower().replace("ё", "е") in vocabulary().kind_words
        or _known(proper)
    ):
        return word
    fixed = _near(proper, places, limits) or _dictionary_place(proper)
    if fixed is None:
        return word
    return fixed.upper() if word.isupper() else fixed


# A mark OCR read inside a word, between two of its letters («Энс›комарск», «ок›уг»); never the
# dot, comma, colon or slash of an abbreviation («с.п.», «с/п»).
_MARK = r"[^\w\s«»\"“”„()\-–—.,:;/]"
_MARK_IN_WORD = re.compile(rf"(?<=[А-ЯЁа-яё]){_MARK}(?=[а-яё])")
_WITH_MARK = re.compile(rf"[А-ЯЁа-яё]+(?:{_MARK}[а-яё]+)+")


def _mark_read(word: str) -> str:
    """A word with a mark inside it read as the one word the dictionary knows (or a kind word)
    with a letter there, or without the mark («ок›уг» -> «округ»); without the marks when none
    is or several are (the name is then compared with the report's places)."""
    bare = _MARK_IN_WORD.sub("", word)
    if _MARK_IN_WORD.search(word) is None or len(_MARK_IN_WORD.findall(word)) > 1:
        return bare
    kinds = vocabulary().kind_words
    options = {bare, *(_MARK_IN_WORD.sub(letter, word) for letter in _LOWER)}
    known = {w for w in options if w.lower() in kinds or (len(w) > 2 and _known(w))}
    return known.pop() if len(known) == 1 else bare


def _joined_name(text: str, places: frozenset[str], limits: HeadingNameSettings) -> str:
    """A name OCR broke into pieces after its kind words («город энс комарск»: a piece in lower
    case, where a name is capitalised) joined into the place it then reads as, or a place the
    dictionary holds; the text as read when joined it reads as no place."""
    words = text.split()
    kinds = vocabulary().kind_words
    lead = 0
    while lead < len(words) and words[lead].lower().replace("ё", "е") in kinds:
        lead += 1
    rest = words[lead:]
    if not lead or not 2 <= len(rest) <= 3 or all(w[:1].isupper() for w in rest):
        return text
    if not all(_WORD.fullmatch(w) for w in rest):
        return text
    joined = _capitalised("".join(rest).lower())
    fixed = joined if joined in places or _is_place(joined) else _put_right(joined, places, limits)
    if fixed == joined and joined not in places and not _is_place(joined):
        return text
    return " ".join([*words[:lead], fixed])


def _kind_put_right(word: str, limits: HeadingNameSettings) -> str:
    """A word the dictionary does not know read as the one kind word it is a few letters off
    («мунипипальный» -> «муниципальный», `kind_words` of contracts/municipalities.yaml), in the
    case it is typed in; as read when none is near or two are as near."""
    low = word.lower()
    if len(word) < limits.min_letters or low.replace("ё", "е") in vocabulary().kind_words or _known(word):
        return word
    near: dict[str, int] = {}
    for kind in vocabulary().kind_words:
        limit = _limit(word, kind, limits)
        off = Levenshtein.distance(low, kind, score_cutoff=limit)
        if off <= limit:
            near[kind] = off
    best = [k for k, off in near.items() if off == min(near.values(), default=0)]
    if len(best) != 1:
        return word
    kind = best[0]
    if word.isupper():
        return kind.upper()
    return kind[:1].upper() + kind[1:] if word[:1].isupper() else kind


def fixed_heading(text: str, places: frozenset[str]) -> str:
    """The heading with its name put right where OCR misread it (see the module's doc); the text
    as read when nothing in it is to put right."""
    limits = settings()
    text = _WITH_MARK.sub(lambda m: _mark_read(m.group()), text)
    text = _without_doubled_kinds(_WORD.sub(lambda m: _split_kind(m.group()), text))
    text = _WORD.sub(lambda m: _kind_put_right(m.group(), limits), text)
    text = _joined_name(text, places, limits)
    return _NAME_OR_CAPITALS.sub(lambda m: _put_right(m.group(), places, limits), text)
