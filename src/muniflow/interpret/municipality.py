"""Municipality names as written -> one canonical name per municipality.

A Russian municipality's name is an adjective before its kind («Велижский район», «Мари-Турекский
муниципальный район», «Приозёрный муниципальный округ», «Первомайское сельское поселение») or
its kind before the name («город Смоленск», «сельское поселение Первомайское»). Reports wrap it in
prefixes («Муниципальное образование», «МО», «Администрация»), quotes, the region after it, a
numbering («1.»), trailing punctuation and line breaks (taken off in `muni_wrapping`); they type
it in capitals and inflect it («Администрации Велижского района», «по Велижскому району»,
«Администрация города Мосальска», inflected back with pymorphy3). A city's district has two
names that are one municipality («Городской округ «Город Йошкар-Ола»», «Город Йошкар-Ола»,
«г.Йошкар-Ола» are all «город Йошкар-Ола»); «X муниципальный район» is the long name of «X район».

`canonical_municipality` always gives a name (a municipality column holds one by definition);
`municipality_name` gives one only when the text is built like a municipality's name, so a caption
or heading naming something else («Приложение 1», «Статья 33 …», «Информация о …») is not one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from muniflow.contracts import contract_file
from muniflow.interpret.muni_abbreviations import capital_kinds_written_out, kinds_written_out
from muniflow.interpret.muni_districts import CITY_ABBREVIATION, city_district
from muniflow.interpret.muni_morph import (
    WORD,
    bare_place_nominative,
    kind_case,
    never_nominative,
    place_name_nominative,
    to_nominative,
)
from muniflow.interpret.muni_vocabulary import VOCABULARY_NAME, vocabulary
from muniflow.interpret.muni_words import (
    NAME_LINKS,
    ends_with,
    is_adjective,
    is_name_word,
    is_short_possessive,
    starts_with,
    unbracketed,
)
from muniflow.interpret.muni_wrapping import (
    PARENTHESES,
    capitals_fixed,
    flatten,
    latin_fixed,
    peeled,
    strip_edges,
    strip_wrapping,
)
from muniflow.interpret.region import NOMINATIVE_PATTERN
from muniflow.morph import analyzer

_QUOTE_CHARS = "«»\"“”„'"
_OPEN = '«"“„'
# Where a name starts inside a longer line («Отдел культуры администрации Велижского района»,
# a PDF line run into the heading under it: «Мероприятия Муниципальное образование «…»»).
_RUN_IN = re.compile(
    r"(?<![А-ЯЁа-яё])(?:[Аа]дминистраци[яийю]|АДМИНИСТРАЦИ[ЯИЙЮ]|Муниципальн\w+\s+образовани\w+|МО\s*«)"
)
# Words before it that show the name is governed by them, not a heading of its own
# («Приложение 1 к постановлению Администрации …»): a preposition or a number.
_GOVERNED = re.compile(r"\d|(?:^|\s)(?:к|о|об|в|во|по|при|от|для|на|с|со|из|за|у)(?:\s|$)", re.IGNORECASE)
# A municipal formation named by a neuter adjective after its kind («Муниципальное образование
# «Энское»», «МО Энское»; Irkutsk's and Buryatia's settlements): the adjective before its kind, as
# «Энское муниципальное образование» is written, not a bare word.
_FORMATION_ADJECTIVE = re.compile(
    r"^(?:муниципальн\w+\s+образовани\w+|МО)\s+[«\"“„]?([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*(?:ое|ее))[»\"”“]?$",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")


def _nominative(text: str, case: str | None = None, kind_in_full: bool = False) -> str:
    """The words up to the first kind noun in an oblique case put in the nominative («Велижского
    района», «по Велижскому району»); a settlement's name after it too («города Мосальска», «в
    городе Смоленске»).

    The words after a kind noun other than a settlement's are the name itself and stay as written
    («сельского поселения Первомайское»), as does a quoted name. Where no kind noun shows the case,
    `case` (governed by a preposition taken off before the text) does: a settlement's name after
    an abbreviated kind («[по] г. Энску», «[в] с. Ключевке») or a place's bare name («[по] Энску»)
    is put in the nominative from it, when pymorphy3 reads it in that case. `kind_in_full`: the
    text opened with a settlement's kind noun written out, not abbreviated.
    """
    head = text
    for ch in _OPEN:
        head = head.split(ch, 1)[0]
    words = list(WORD.finditer(head))
    for k, match in enumerate(words):
        found = kind_case(match.group())
        if found is None:
            continue
        case, gender, _ = found
        out, last = [], 0
        for word in words[: k + 1]:
            out.append(text[last : word.start()])
            out.append(to_nominative(word.group(), case, gender))
            last = word.end()
        rest = text[last:]
        kind = out[-1].lower().replace("ё", "е")
        settlement = kind in vocabulary().settlement_nouns
        if settlement and rest.strip() and rest.strip()[0] not in _OPEN:
            rest = " " + place_name_nominative(rest.strip(), case)
        return "".join(out) + rest
    # «г. Калуги» (the abbreviation hides the genitive «города»): a name the dictionary knows only
    # in oblique cases is put in the nominative; «г. Великие Луки» can be a nominative and stays.
    # After the kind noun written out in the nominative («Город Кленов») the name is in apposition,
    # a nominative whatever else its letters spell («кленов», a plural genitive of «клён»).
    if words and words[0].start() == 0 and _is_settlement_kind(text, words[0]):
        start = len(text) - len(text[words[0].end() :].lstrip(". "))
        rest = text[start:].strip()
        if rest and rest[0] not in _OPEN:
            if case is not None:
                return f"{text[:start]}{place_name_nominative(rest, case)}"
            if not kind_in_full and never_nominative(rest):
                return f"{text[:start]}{place_name_nominative(rest)}"
        return text
    if case is not None and not any(w.group().lower().replace("ё", "е") in _kinds() for w in words):
        return bare_place_nominative(text, case) or text
    return text


def _kinds() -> frozenset[str]:
    """Kind words, with «ё» read as «е»."""
    return frozenset(w.replace("ё", "е") for w in vocabulary().kind_words)


def _is_settlement_kind(text: str, word: re.Match[str]) -> bool:
    """Whether a word is a settlement's kind noun («город») or its abbreviation with a dot
    (`locality_abbreviations`: «с.», «д.», «ст.»)."""
    low = word.group().lower()
    if low in vocabulary().settlement_nouns:
        return True
    return text[word.end() : word.end() + 1] == "." and low in _locality_abbreviations()


def _locality_abbreviations() -> frozenset[str]:
    from muniflow.enrich import contract  # the enrichment vocabulary, read once

    return frozenset(a.lower().rstrip(".") for a in contract.load().places.locality_abbreviations)


def _words(text: str) -> list[str]:
    """Canonical words: kinds in lower case, names capitalized, «г.» as «город»."""
    text = _SPACE.sub(" ", "".join(" " if c in _QUOTE_CHARS else c for c in text))
    words = [w for w in strip_edges(text).split(" ") if w.strip("–—-")]
    out: list[str] = []
    kind_words = vocabulary().kind_words
    for i, word in enumerate(words):
        low = word.lower().replace("ё", "е")
        is_kind = low in kind_words or low.replace("е", "ё") in kind_words
        if is_kind or (low in NAME_LINKS and 0 < i < len(words) - 1):
            out.append(low)
        elif word[:1].islower() and out and out[-1] in kind_words:
            out.append(word[:1].upper() + word[1:])  # «город смоленск»: the name after its kind
        else:
            out.append(word)
    return out


_OUTER_KINDS = (
    ["городской", "округ"],
    ["муниципальный", "округ"],
    ["муниципальное", "образование"],
)


def _merged_kinds(words: list[str]) -> list[str]:
    """One municipality, one name: a city's district is the city («городской округ город X»,
    «городской округ X» with X a noun), «X муниципальный район» is «X район»; a city's honorary
    title in its kind («город-курорт X») is «город X»."""
    kinds = vocabulary().kind_words
    words = ["город" if w in kinds and w.startswith("город-") else w for w in words]
    # a kind before a city's or a closed town's own kind: «городской округ город X», «муниципальный
    # округ город X», «городской округ ЗАТО X»
    if words[:2] in _OUTER_KINDS and len(words) > 3 and words[2] in ("город", "ЗАТО"):
        words = words[2:]
    words = _inner_name(words)
    if words[:1] == ["ЗАТО"] and len(words) > 2 and words[1] in vocabulary().settlement_nouns:
        words = ["ЗАТО", *words[2:]]  # «ЗАТО г. Северск», «ЗАТО п. Энский» are «ЗАТО Северск», «ЗАТО Энский»
    if words[:2] == ["городской", "округ"] and len(words) > 2 and not is_adjective(words[2]):
        words = ["город", *words[2:]]
    # An adjective name after its kind goes before it («сельское поселение Первомайское»).
    lead = starts_with(words, vocabulary().adjective_goes_first)
    if lead and len(words) == lead + 1 and is_adjective(words[-1]):
        words = [words[-1], *words[:lead]]
    if len(words) > 2 and words[-2:] == ["городской", "округ"] and not is_adjective(words[-3]):
        words = ["город", *words[:-2]]  # «Йошкар-Ола городской округ»: a city's name, not an adjective
    if len(words) > 2 and words[-2:] == ["муниципальный", "район"]:
        words = [*words[:-2], "район"]
    # A short possessive name before such a kind goes after it («Петрово сельское поселение» is
    # «сельское поселение Петрово»), as an adjective goes before it: one order per kind of name.
    tail = ends_with(words, vocabulary().adjective_goes_first)
    if tail and len(words) == tail + 1 and is_name_word(words[0]) and is_short_possessive(words[0]):
        words = [*words[1:], words[0]]
    return words


def _inner_name(words: list[str]) -> list[str]:
    """A kind before a whole name of its own kind after its adjectives, or of a kind before its name,
    is the outer kind of a region's official name, the name is the municipality's: «муниципальный
    район Энский район», «сельское поселение Энский сельсовет» (Bashkortostan), «сельское поселение
    сумон Энск» (Tuva) are «Энский район», «Энский сельсовет», «сумон Энск»."""
    kinds = vocabulary()
    lead = starts_with(words, kinds.kinds_before_name)
    rest = words[lead:]
    if not lead or len(rest) < 2 or rest[0] in ("город", "ЗАТО"):  # those: `_merged_kinds`' own rules
        return words
    tail = ends_with(rest, kinds.kinds_after_name)
    if tail and tail < len(rest) and all(is_name_word(w) and is_adjective(w) for w in rest[:-tail]):
        return rest
    inner = starts_with(rest, kinds.kinds_before_name)
    if (
        inner
        and len(rest) > inner
        and rest[0] in kinds.settlement_kind_words
        and all(is_name_word(w) for w in rest[inner:])
    ):
        return rest
    return words


def _quoted_parts(text: str) -> tuple[str, str, str] | None:
    """(before, inside, after) of the first quoted part."""
    m = re.search(r"[«\"“„]([^»\"”“]*)[»\"”“]?", text)
    return (text[: m.start()], m.group(1), text[m.end() :]) if m else None


def _canonical_words(name: str) -> list[str]:
    text = flatten(name)
    text = latin_fixed(text)
    run_in = _RUN_IN.search(PARENTHESES.sub("", text))  # «… район (администрация)» starts no name
    head = text.partition(",")[0]
    if run_in is not None and len(head) < run_in.start() and municipality_name(head) is not None:
        # a remark after a comma closing a whole name («Энский район, глава администрации Петров
        # И.С.»): the name; the remark's «администрации» starts no other name
        text, run_in = head, None
    district = city_district(strip_wrapping(text), canonical_municipality, is_name_word)
    if district is not None:  # the city after the district's name stays as written, in the genitive
        city = district[1]
        if (abbreviated := CITY_ABBREVIATION.match(city)) is not None:
            city = f"города {city[abbreviated.end() :]}"
        return _canonical_words(district[0]) + _words(city)
    if run_in is not None and run_in.start() > 0 and not _GOVERNED.search(text[: run_in.start()]):
        text = text[run_in.start() :]
    text = _FORMATION_ADJECTIVE.sub(r"\1 муниципальное образование", text)
    text, case = peeled(text)
    text = capital_kinds_written_out(text)
    text = capitals_fixed(text)
    first = WORD.match(text.lstrip())
    kind_in_full = first is not None and first.group().lower() in vocabulary().settlement_nouns
    text = kinds_written_out(text)
    text = strip_wrapping(_nominative(text, case, kind_in_full))
    parts = _quoted_parts(text)
    if parts is not None and parts[1].strip():
        inner = _canonical_words(parts[1])
        # A quoted name with its own kind is the name: «Городской округ «Город Йошкар-Ола»».
        has_kind = any(w in vocabulary().kind_words for w in inner)
        words = inner if has_kind else _words(parts[0]) + inner + _words(parts[2])
    else:
        words = _words(text)
    return _merged_kinds(words) if words else words


def canonical_municipality(name: str) -> str:
    """Canonical municipality name.

    "Муниципальное образование «Велижский район» Смоленской области" -> "Велижский район";
    "Город Смоленск" -> "город Смоленск"; "ВЕЛИЖСКИЙ РАЙОН" -> "Велижский район";
    "Администрации Велижского района" -> "Велижский район";
    "Городской округ «Город Йошкар-Ола»" -> "город Йошкар-Ола".
    """
    return _canonical(name, contract_file(None, VOCABULARY_NAME))


@lru_cache(maxsize=8192)
def _canonical(name: str, vocabulary_file: Path) -> str:
    """`canonical_municipality` under the vocabulary of that file, worked out once per name (a
    report names a municipality in its heading and again for every row under it)."""
    words = _canonical_words(name)
    if words and words[0] not in vocabulary().kind_words:
        words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)


def is_built_like_a_name(canonical: str, bare: bool = False) -> bool:
    """Whether a canonical name is built like a municipality's: adjectives before a kind
    («Велижский район»), a kind before a name («город Смоленск»), or with `bare` a name alone
    («Йошкар-Ола», a heading row spanning the table). Digits, common nouns and words other than
    a name's make it something else («Приложение 1», «Информация о мероприятиях»); a bare
    word is taken for a place's name («Краснолесье» is a dictionary noun too)."""
    district = city_district(canonical, canonical_municipality, is_name_word)
    if district is not None:
        return is_built_like_a_name(district[0])
    words = canonical.split(" ")
    if not canonical or len(words) > 8 or re.search(r"\d", canonical):
        return False
    kinds = vocabulary()
    tail = ends_with(words, kinds.kinds_after_name)
    if tail:
        # the first adjective a name's (capitalised), those after it maybe not («Азовский немецкий
        # национальный район»)
        adjectives = words[:-tail]
        # an adjective of the name may stand in brackets («Энский национальный (долгано-эвенкийский)
        # улус»), never the first
        return is_name_word(adjectives[0]) and all(is_adjective(unbracketed(w)) for w in adjectives)
    head = starts_with(words, kinds.kinds_before_name)
    if head:
        rest = words[head:]
        return 0 < len(rest) <= 4 and all(is_name_word(w) for w in rest) and rest[0] not in NAME_LINKS
    return bare and len(words) <= 3 and all(is_name_word(w) for w in words)


# A misspelt name before its kind is a word or two.
_MISSPELT_NAME_WORDS = 2


def misspelt_name(text: str) -> str | None:
    """The canonical name of a heading built like a municipality's but for a name word a clerk
    misspelt past an adjective's ending («Козельскии район»: и typed for й): a kind after one or
    two capitalised words, each an adjective or a word the dictionary does not know; None for
    anything else («Приложение 1», «Итого по району», «Информация о мероприятиях района»)."""
    canonical = canonical_municipality(text)
    words = canonical.split(" ")
    if not canonical or re.search(r"\d", canonical) or names_a_region(canonical):
        return None
    tail = ends_with(words, vocabulary().kinds_after_name)
    names = words[:-tail] if tail else []
    if not 0 < len(names) <= _MISSPELT_NAME_WORDS:
        return None
    for word in names:
        if not is_name_word(word) or word in NAME_LINKS:
            return None
        if not is_adjective(word) and any(p.is_known for p in analyzer().parse(word.lower())):
            return None
    return canonical


def place_name(text: str) -> str | None:
    """The canonical name when `text` is only a place's own name, with no kind word: a spreadsheet's
    tab «Смоленск», «Духовщина», «Монастырщина». Each word must be a geographical name to pymorphy3
    (Geox) or a capitalised word it does not know; a common word («Отчёт», «Культура») is none."""
    words = text.split()
    if not 0 < len(words) <= 3 or not all(is_name_word(w) for w in words):
        return None
    for word in words:
        parses = analyzer().parse(word)
        if not any("Geox" in p.tag for p in parses) and any(p.is_known for p in parses):
            return None
    return canonical_municipality(text) or None


def municipality_name(text: str, bare: bool = False) -> str | None:
    """The canonical name when `text` is a municipality's name in any written form, else None."""
    canonical = canonical_municipality(text)
    return canonical if is_built_like_a_name(canonical, bare) and not names_a_region(canonical) else None


def names_a_region(name: str) -> bool:
    """Whether a name is a subject of the federation's, never a municipality's, though its kind
    word («округ») is one: the region patterns read it whole («Энский автономный округ», «Энская
    область»), or it is a region `region_names` lists, in full or without its other name after a dash
    («… автономный округ» of «… автономный округ – Югра»)."""
    flat = " ".join(name.split())
    if NOMINATIVE_PATTERN.fullmatch(flat):
        return True
    return any(r == flat or r.startswith(f"{flat} ") for r in vocabulary().region_names)
