"""A report's title -> its region and its quarter."""

from __future__ import annotations

import re
from functools import lru_cache

from muniflow.contracts import load_yaml
from muniflow.interpret.period import find_period
from muniflow.interpret.region import NOMINATIVE, NOMINATIVE_PATTERN, REGION, REGION_PATTERN
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
        found = [m for m in pattern.finditer(flat) if not _foreign(m.group(0))]
        if not found and _CAPITALS.search(flat):
            found = [m for m in any_case.finditer(flat) if not _foreign(m.group(0))]
        if found:
            return found[0]
    return None


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
    """The region a title names, in the nominative: "Смоленской области" -> "Смоленская область";
    else one named by its abbreviation or as a federal city (`region_names` of
    contracts/municipalities.yaml: «ЯНАО», «Санкт-Петербурга»). A region `region_names` lists by
    its official name with another after a dash is named so, however the title writes it
    («Энского автономного округа» -> «Энский автономный округ – Энсия»): one name per region."""
    name = _pattern_region(text)
    return _official(name) if name else _named_region(text)


def _official(name: str) -> str:
    """The listed official name a region's name is the first part of (before « – »), or the name."""
    found = [r for r in _names() if r.startswith(f"{name} ") and r[len(name) :].lstrip()[:1] in "–—-"]
    return found[0] if len(found) == 1 else name


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
        return f"{_feminine(_name_case(groups.get('arep') or groups['narep']))} Республика"
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
    m = _region_match(text)
    return m.group(0) if m else ""


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
