"""A report's title -> its region and its quarter."""

from __future__ import annotations

import re
from functools import lru_cache

from muniflow.contracts import load_yaml
from muniflow.interpret.period import find_period
from muniflow.interpret.region import (
    NOMINATIVE,
    NOMINATIVE_PATTERN,
    REGION,
    REGION_PATTERN,
    hyphen_wraps_joined,
)
from muniflow.model import Period

_ADJ_FEM = (("ской", "ская"), ("цкой", "цкая"), ("ной", "ная"))
_ADJ_MASC = (("ского", "ский"), ("цкого", "цкий"), ("ного", "ный"), ("его", "ий"))
_KIND = {
    "области": "область",
    "обл.": "область",
    "края": "край",
    "автономного округа": "автономный округ",
    "автономной области": "автономная область",
}
_FEMININE_KINDS = ("области", "обл.", "автономной области")
MUNICIPALITIES = "municipalities.yaml"
_NAME_WORD = re.compile(r"[А-ЯЁа-яё][А-ЯЁа-яё-]*")


def parse_period(text: str) -> Period | None:
    """The quarter a title names: "во II квартале 2024 года", "в третьем квартале", "январь–март 2024"."""
    return find_period(text).period


# A title typed in capitals («ИНФОРМАЦИЯ … СЕВЕРНОЙ ОБЛАСТИ»): its region is read in any case.
_REGION_ANY_CASE = re.compile(REGION, re.IGNORECASE)
_NOMINATIVE_ANY_CASE = re.compile(NOMINATIVE, re.IGNORECASE)
_CAPITALS = re.compile(r"\b[А-ЯЁ]{4,}\b")


def _region_match(text: str) -> re.Match[str] | None:
    """The region's words: in the genitive, else in the nominative (in any case when in capitals);
    a foreign state's name («Республики Беларусь») is none."""
    flat = re.sub(r" *\n[\s]*", "\n", re.sub(r"[^\S\n]+", " ", text))  # line ends kept (see region.py)
    for pattern, any_case in ((REGION_PATTERN, _REGION_ANY_CASE), (NOMINATIVE_PATTERN, _NOMINATIVE_ANY_CASE)):
        found = [m for m in pattern.finditer(flat) if not _foreign(_widened(flat, m.start(), m.end()))]
        if not found and _CAPITALS.search(flat):
            found = [m for m in any_case.finditer(flat) if not _foreign(_widened(flat, m.start(), m.end()))]
        if found:
            return found[0]
    return None


# A capitalised word right before a region's words, on the same line («Китайской» before «Народной
# Республики»): asked with them whether they name a foreign state.
_CAPITALISED_BEFORE = re.compile(r"([А-ЯЁ][А-ЯЁа-яё-]*) $")


def _widened(flat: str, start: int, end: int) -> str:
    """The words from `start` to `end` with up to two capitalised words right before them: a
    state's name may hold more adjectives than a region's («Китайской Народной Республики»)."""
    for _ in range(2):
        m = _CAPITALISED_BEFORE.search(flat, 0, start)
        if m is None:
            break
        start = m.start(1)
    return flat[start:end]


def _foreign(words: str) -> bool:
    """Whether the words name a state other than Russia (the world's list, muniflow.enrich)."""
    if "еспублик" not in words.lower():  # only a republic's name can be a state's
        return False
    from muniflow.enrich.countries import find_countries

    return any(m.country.code != "RU" for m in find_countries(words))


def _name_case(words: str) -> str:
    """«КАРЕЛИЯ», «ХАНТЫ-МАНСИЙСКОГО» -> «Карелия», «Ханты-Мансийского»; mixed case is kept."""
    if not words.isupper():
        return words
    return "-".join(part.capitalize() for part in words.lower().split("-"))


def _function_word(word: str) -> bool:
    """A preposition, conjunction or particle («за», «во», «и»): never a word of a region's name."""
    from muniflow.morph import analyzer

    return any(p.tag.POS in {"PREP", "CONJ", "PRCL"} for p in analyzer().parse(word.lower()))


def parse_region(text: str) -> str | None:
    """The region a title names, in the nominative: "Смоленской области" -> "Смоленская область",
    in any case («в Энском крае», «по Энской области»: `region_kinds`, read by lemmas); else one
    named by its abbreviation or as a federal city (`region_names` of
    contracts/municipalities.yaml: «ЯНАО», «Санкт-Петербурга»). A region `region_names` lists by
    its official name with another after a dash is named so, however the title writes it
    («Энского автономного округа» -> «Энский автономный округ – Энсия»): one name per region."""
    text = hyphen_wraps_joined(text)  # «Ханты-» / «Мансийского автономного округа»
    name = _pattern_region(text)
    if name is None and (read := _lemma_region(text)) is not None:
        name = read[0]
    return _official(name) if name else _named_region(text)


def _official(name: str) -> str:
    """The listed official name a region's name is the first part of (before « – » or a second
    name in brackets: «Республика Энсия» of «Республика Энсия (Энсия)»), the listed name its dash is
    typed otherwise in («Энсия-Алания» for «Энсия – Алания»), or the name."""
    same = [r for r in _names() if _DASHES.sub(" – ", r) == _DASHES.sub(" – ", name)]
    if len(same) == 1:  # «Республика Энсия-Алания» written for the listed «Республика Энсия – Алания»
        return same[0]
    found = [r for r in _names() if r.startswith(f"{name} ") and r[len(name) :].lstrip()[:1] in "–—-("]
    return found[0] if len(found) == 1 else name


# A dash between a region's two names, however spaced or typed: one name with any of them.
_DASHES = re.compile(r"\s*[–—]\s*|\s+-\s+|(?<=[а-яё])-(?=[А-ЯЁ])")


def _pattern_region(text: str) -> str | None:
    """The region the region patterns read in the text, in the nominative; None where they read none."""
    m = _region_match(text)
    if not m:
        return None
    groups = {k: v for k, v in m.groupdict().items() if v}
    if "rep" in groups or "nrep" in groups:
        words = (groups.get("rep") or groups["nrep"]).split()[1:]  # «Саха (Якутия)»
        if len(words) > 1 and _function_word(words[-1]):
            words = words[:-1]  # «РЕСПУБЛИКИ АЛТАЙ ЗА …» in capitals: «за» is no second word of a name
        name = " ".join(words)
        return "Республика " + _NAME_WORD.sub(lambda m: _name_case(m.group()), name)
    if "arep" in groups or "narep" in groups:
        adjectives = (groups.get("arep") or groups["narep"]).split()
        return " ".join(_feminine(_name_case(a)) for a in adjectives) + " Республика"
    if "nadj" in groups:
        return f"{_name_case(groups['nadj'])} {' '.join(groups['nkind'].lower().split())}"
    adj, kind = _name_case(groups["adj"]), " ".join(groups["kind"].lower().split())
    return f"{_feminine(adj) if kind in _FEMININE_KINDS else _masculine(adj)} {_KIND[kind]}"


def _feminine(adj: str) -> str:
    return _ending(adj, _ADJ_FEM)


def _masculine(adj: str) -> str:
    return _ending(adj, _ADJ_MASC)


def _ending(adj: str, endings: tuple[tuple[str, str], ...]) -> str:
    for old, new in endings:
        if adj.endswith(old):
            return adj[: -len(old)] + new
    return adj


def region_source(text: str) -> str:
    """The words of the title the region was read from ("" when none)."""
    text = hyphen_wraps_joined(text)
    m = _region_match(text)
    if m:
        return m.group(0)
    read = _lemma_region(text)
    return read[1] if read else ""


# A word of a region's name as the lemma reader takes it: letters, parts joined by hyphens.
_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
# The cases pymorphy3 tells apart further, read as the six («краю»: loc2 -> loct).
_CASE = {"gen1": "gent", "gen2": "gent", "acc2": "accs", "loc1": "loct", "loc2": "loct"}
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})
# A region's own name after a capitalised kind («Республике Энсия», «… Северная Энсия – Алания»,
# «… Энса (Энсия)»): the words right after it on the same line (see region.py).
_NAME_AFTER = re.compile(
    r"[ \t]+([А-ЯЁ][А-ЯЁа-яё-]+(?:[ \t]*[-–][ \t]*[А-ЯЁ][А-ЯЁа-яё-]+|[ \t]+[А-ЯЁ][А-ЯЁа-яё]+)?"
    r"(?:[ \t]*[-–][ \t]*[А-ЯЁ][А-ЯЁа-яё-]+|[ \t]*\([А-ЯЁ][А-ЯЁа-яё-]+\))?)"
)


def _lemma_region(text: str) -> tuple[str, str] | None:
    """The first region named in the text in any case by a kind of `region_kinds` (its words'
    lemmas, in one case and number): with a capitalised adjective agreeing with it before it
    («в Энском автономном округе» -> «Энский автономный округ»), or, for a kind written with a
    capital, with its own name after it («по Республике Энсия» -> «Республика Энсия»). The region
    in the nominative and the words it was read from; None where none is, or it is a foreign
    state («в Республике Беларусь»)."""
    flat = re.sub(r" *\n[\s]*", "\n", re.sub(r"[^\S\n]+", " ", text))
    words = list(_WORD.finditer(flat))
    capitals = bool(_CAPITALS.search(flat))
    kinds = _region_kinds()
    for i in range(len(words)):
        for kind in kinds:
            found = _region_at(flat, words, i, kind, capitals)
            if found is None:
                continue
            name, start, end = found
            if not _foreign(_widened(flat, start, end)) and not _foreign(name):
                return name, flat[start:end]
    return None


def _region_at(
    flat: str, words: list[re.Match[str]], i: int, kind: tuple[str, ...], capitals: bool
) -> tuple[str, int, int] | None:
    """The region whose kind's words start at word `i`, if they do (see `_lemma_region`), and where
    its words start and end."""
    lemmas = tuple(_lemma_of(w) for w in kind)
    if i + len(kind) > len(words) or any(
        flat[words[k].end() : words[k + 1].start()].strip() for k in range(i, i + len(kind) - 1)
    ):
        return None
    cases = set(_CASES)
    for k, lemma in enumerate(lemmas):
        cases &= _cases(words[i + k].group(), lemma, None)
    if not cases:
        return None
    head = _gender(kind)
    last = words[i + len(kind) - 1]
    adjectives = _agreeing_before(flat, words, i, cases, head)
    if adjectives:
        name = " ".join(_name_case(a) for a in adjectives)
        return f"{name} {' '.join(kind)}", words[i - len(adjectives)].start(), last.end()
    first = words[i].group()
    if not (kind[0][:1].isupper() and first[:1].isupper()):
        return None
    after = _NAME_AFTER.match(flat, last.end())
    if after is None:
        return None
    raw = after.group(1)
    parts = raw.split()
    if len(parts) > 1 and _function_word(parts[-1]):
        raw = raw[: raw.rfind(parts[-1])].rstrip()  # «РЕСПУБЛИКЕ АЛТАЙ ЗА …» in capitals: «за» is none
        parts = parts[:-1]
    if capitals and _function_word(parts[0]):
        return None
    named = _nominative_name(raw, cases) if len(parts) == 1 else " ".join(parts)
    name = _NAME_WORD.sub(lambda m: _name_case(m.group()), named)
    return f"{' '.join(kind)} {name}", words[i].start(), after.start(1) + len(raw)


def _agreeing_before(
    flat: str, words: list[re.Match[str]], i: int, cases: set[str], gender: str | None
) -> list[str]:
    """The capitalised adjectives right before word `i` agreeing with the kind in a case of `cases`
    («Энской Народной Республике»: both), each in the nominative; none where none is."""
    out: list[str] = []
    j = i - 1
    while j >= 0 and len(out) < 3:
        word = words[j].group()
        if flat[words[j].end() : words[j + 1].start()].strip() or not word[:1].isupper():
            break
        if not cases & _cases(word, None, gender):
            break
        adjective = _nominative_adjective(word, gender)
        if adjective is None:
            break
        out.insert(0, adjective)
        j -= 1
    return out


@lru_cache(maxsize=4)
def _kinds_of(kinds: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(k.split()) for k in kinds)


def _region_kinds() -> tuple[tuple[str, ...], ...]:
    """The kinds of `region_kinds` (contracts/municipalities.yaml), each as its words."""
    return _kinds_of(tuple(str(k) for k in load_yaml(MUNICIPALITIES).get("region_kinds") or ()))


@lru_cache(maxsize=64)
def _lemma_of(word: str) -> str:
    """The lemma of a kind's word as the contract writes it (in the nominative)."""
    from muniflow.morph import analyzer

    parses = analyzer().parse(word.lower())
    return parses[0].normal_form.replace("ё", "е") if parses else word.lower()


def _cases(word: str, lemma: str | None, gender: str | None) -> set[str]:
    """The cases (singular) in which the word reads as the lemma, or, with `gender`, as an
    adjective of that gender."""
    from muniflow.morph import analyzer

    out = set()
    for p in analyzer().parse(word.lower()):
        if "sing" not in p.tag and "Fixd" not in p.tag:
            continue
        if lemma is not None and p.normal_form.replace("ё", "е") != lemma:
            continue
        if gender is not None and ("ADJF" not in p.tag or p.tag.gender != gender):
            continue
        case = _CASE.get(str(p.tag.case), str(p.tag.case))
        if case in _CASES:
            out.add(case)
    return out


@lru_cache(maxsize=64)
def _gender(kind: tuple[str, ...]) -> str | None:
    """The gender of a kind's noun («край»: masc, «область»: femn)."""
    from muniflow.morph import analyzer

    for word in kind:
        for p in analyzer().parse(word.lower()):
            if p.tag.POS == "NOUN" and "nomn" in p.tag and "sing" in p.tag:
                return str(p.tag.gender)
    return None


def _nominative_adjective(word: str, gender: str | None) -> str | None:
    """An adjective in the nominative singular of the gender, capitals kept («ЭНСКОМУ» -> «ЭНСКИЙ»)."""
    from muniflow.morph import analyzer

    for p in analyzer().parse(word.lower()):
        if "ADJF" in p.tag and p.tag.gender == gender:
            inflected = p.inflect({"nomn", "sing", gender} if gender else {"nomn", "sing"})
            if inflected is not None:
                return _capitals_kept(word, inflected.word)
    return None


def _nominative_name(word: str, cases: set[str]) -> str:
    """A region's own name after its kind, put in the nominative where it is written in the kind's
    case and is no nominative («Республике Энсии» -> «Энсия»); a name left as written otherwise."""
    from muniflow.morph import analyzer

    parses = analyzer().parse(word.lower())
    if any("nomn" in p.tag for p in parses):
        return word
    for p in parses:
        if p.tag.POS == "NOUN" and _CASE.get(str(p.tag.case), str(p.tag.case)) in cases:
            inflected = p.inflect({"nomn"})
            if inflected is not None:
                return _capitals_kept(word, inflected.word)
    return word


def _capitals_kept(original: str, inflected: str) -> str:
    """The inflected word with the original's capitals, part by part of a hyphenated word."""
    if original.isupper():
        return inflected.upper()
    parts, originals = inflected.split("-"), original.split("-")
    if len(parts) != len(originals):
        return inflected[:1].upper() + inflected[1:] if original[:1].isupper() else inflected
    return "-".join(
        p[:1].upper() + p[1:] if o[:1].isupper() else p for p, o in zip(parts, originals, strict=True)
    )


def _named_region(text: str) -> str | None:
    """The region whose listed form (`region_names`) stands in the text as words of its own."""
    for pattern, region in _region_names(tuple(_names().items())):
        if pattern.search(text):
            return region
    return None


def _names() -> dict[str, tuple[str, ...]]:
    names = load_yaml(MUNICIPALITIES).get("region_names") or {}
    return {str(region): tuple(str(form) for form in forms) for region, forms in names.items()}


@lru_cache(maxsize=4)
def _region_names(
    names: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each region's forms as one pattern, longest form first, bounded by non-letters."""
    out = []
    for region, forms in names:
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        out.append((re.compile(rf"(?<![А-ЯЁа-яёA-Za-z])(?:{alternatives})(?![А-ЯЁа-яёA-Za-z])"), region))
    return tuple(out)
