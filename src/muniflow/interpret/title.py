"""A report's title -> its region and its quarter."""

from __future__ import annotations

import re

from muniflow.interpret.period import find_period
from muniflow.interpret.region import REGION, REGION_PATTERN
from muniflow.model import Period

_ADJ_FEM = (("ской", "ская"), ("цкой", "цкая"), ("ной", "ная"))
_ADJ_MASC = (("ского", "ский"), ("цкого", "цкий"), ("ного", "ный"), ("его", "ий"))
_KIND = {"области": "область", "края": "край", "автономного округа": "автономный округ"}


def parse_period(text: str) -> Period | None:
    """The quarter a title names: "во II квартале 2024 года", "в третьем квартале", "январь–март 2024"."""
    return find_period(text).period


# A title typed in capitals («ИНФОРМАЦИЯ … СЕВЕРНОЙ ОБЛАСТИ»): its region is read in any case.
_REGION_ANY_CASE = re.compile(REGION, re.IGNORECASE)
_CAPITALS = re.compile(r"\b[А-ЯЁ]{4,}\b")


def _region_match(text: str) -> re.Match[str] | None:
    flat = re.sub(r"\s+", " ", text)
    found = REGION_PATTERN.search(flat)
    if found is None and _CAPITALS.search(flat):
        found = _REGION_ANY_CASE.search(flat)
    return found


def _name_case(words: str) -> str:
    """«КАРЕЛИЯ», «ХАНТЫ-МАНСИЙСКОГО» -> «Карелия», «Ханты-Мансийского»; mixed case is kept."""
    if not words.isupper():
        return words
    return "-".join(part.capitalize() for part in words.lower().split("-"))


def parse_region(text: str) -> str | None:
    """The region a title names, in the nominative: "Смоленской области" -> "Смоленская область"."""
    m = _region_match(text)
    if not m:
        return None
    if m.group("rep"):
        return "Республика " + " ".join(_name_case(w) for w in m.group("rep").split()[1:])
    adj, kind = _name_case(m.group("adj")), " ".join(m.group("kind").lower().split())
    endings = _ADJ_FEM if kind == "области" else _ADJ_MASC
    for old, new in endings:
        if adj.endswith(old):
            adj = adj[: -len(old)] + new
            break
    return f"{adj} {_KIND[kind]}"


def region_source(text: str) -> str:
    """The words of the title the region was read from ("" when none)."""
    m = _region_match(text)
    return m.group(0) if m else ""
