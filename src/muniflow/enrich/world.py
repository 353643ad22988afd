"""The world's countries with their Russian names, from maintained data plus a small supplement.

- CLDR's Russian territory names (Babel: `Locale('ru').territories`): the short names people write;
- ISO 3166-1 (pycountry) names and long official names, translated into Russian by the iso-codes
  project's gettext catalogue that pycountry ships («Королевство Таиланд», «Федеративная
  Республика Германия»);
- contracts/countries.yaml, keyed by ISO code, for what those lack: abbreviations (КНР, РБ),
  older or colloquial names, adjectives, capitals and big cities, and the partially recognized
  states the region deals with (keyed by their ОКСМ code);
- ISO 3166-2 subdivisions whose Russian name (iso-codes' catalogue) holds another country's name
  («Внутренняя Монголия» of China, «Британская Колумбия» of Canada): the country they lie in, so
  that such a region is not read as the country it is named after.

This is the one list of countries: enrichment, the duplicate rule and the warehouse's `countries`
table (filled from `country_rows`) all read it.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from muniflow.contracts import ContractError, contract_file, parse_yaml

SUPPLEMENT_FILE = "countries.yaml"
_BRACKETED = re.compile(r"\s*\([^)]*\)")
_STRESS = "\u0301"
_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


@dataclass(frozen=True)
class Country:
    """A country: its code (ISO 3166-1 alpha-2, or ОКСМ where ISO has none), the name shown,
    every name form (nominative), its adjectives and its well-known places."""

    code: str | None
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    places: tuple[str, ...]
    regions: tuple[str, ...] = ()  # its regions named after another country, nominative
    # first halves of compound adjectives its adjectives do not give («русско-» of «русско-китайский»)
    compounds: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.code or self.name


def countries(path: Path | None = None) -> tuple[Country, ...]:
    """Every country, ISO's in code order then the supplement's own; `path` is the supplement."""
    return _countries(contract_file(path, SUPPLEMENT_FILE))


def country_rows(path: Path | None = None) -> list[tuple[str, str]]:
    """(code, name_ru) of every country: what the warehouse's `countries` table holds."""
    return [(c.key, c.name) for c in countries(path)]


def _clean(name: str) -> str:
    """A name as people write it: no stress marks, no bracketed qualifier ("Гонконг (САР)"),
    straight apostrophes; empty for CLDR's "Конго - Киншаса" style disambiguations."""
    name = unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).replace(_STRESS, ""))
    name = _BRACKETED.sub("", name).replace("’", "'").strip()
    return "" if " - " in name else name


@lru_cache(maxsize=4)
def _countries(path: Path) -> tuple[Country, ...]:
    import pycountry
    from babel import Locale

    supplement = _supplement(path)
    cldr = Locale("ru").territories
    iso_ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    out = []
    for entry in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = entry.alpha_2
        extra = supplement.get(code, {})
        forms = [cldr.get(code, ""), iso_ru.gettext(entry.name)]
        official = getattr(entry, "official_name", None)
        if official:
            translated = iso_ru.gettext(official)
            if translated != official:  # an untranslated (English) form names nothing in Russian
                forms.append(translated)
        out.append(_country(code, extra, forms))
    iso = {c.code for c in out}
    for code, extra in supplement.items():
        if code not in iso:
            if extra.get("iso", True) or not extra.get("name"):
                raise ContractError(f"{path}: {code} is no ISO 3166-1 code: mark it `iso: false`, name it")
            out.append(_country(code, extra, []))
    regions = _regions_named_after_countries(out)
    return tuple(replace(c, regions=regions.get(c.key, ())) for c in out)


def _regions_named_after_countries(known: list[Country]) -> dict[str, tuple[str, ...]]:
    """The ISO 3166-2 subdivisions whose Russian name is more than a country's name and holds
    another's («Внутренняя Монголия»: China's), by the key of the country they lie in."""
    import pycountry

    iso_ru = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    single = {n.lower(): c.key for c in known for n in c.names if " " not in n}
    whole = {n.lower() for c in known for n in c.names}
    out: dict[str, list[str]] = {}
    for sub in pycountry.subdivisions:
        name = _clean(iso_ru.gettext(sub.name))
        words = name.lower().split()
        if len(words) < 2 or name.lower() in whole or not _CYRILLIC.search(name):
            continue
        if any(single.get(w, sub.country_code) != sub.country_code for w in words):
            out.setdefault(sub.country_code, []).append(name)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def _country(code: str, extra: Mapping[str, Any], forms: list[str]) -> Country:
    names = [n for n in (_clean(f) for f in [*forms, *(extra.get("names") or ())]) if n]
    shown = str(extra.get("name") or (names[0] if names else code))
    return Country(
        code=code,
        name=shown,
        names=tuple(dict.fromkeys([shown, *names])),
        adjectives=tuple(str(a) for a in extra.get("adjectives") or ()),
        places=tuple(str(p) for p in extra.get("places") or ()),
        compounds=tuple(str(p) for p in extra.get("compounds") or ()),
    )


def _supplement(path: Path) -> dict[str, Mapping[str, Any]]:
    entries = parse_yaml(path, ("countries",))["countries"]
    if not isinstance(entries, dict):
        raise ContractError(f"{path}: `countries` maps ISO codes to their supplement")
    bad = [k for k in entries if not (isinstance(k, str) and re.fullmatch(r"[A-Z]{2}", k))]
    if bad:
        raise ContractError(f"{path}: keys must be two-letter codes, got {bad}")
    return {k: v or {} for k, v in entries.items()}
