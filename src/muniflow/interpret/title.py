"""A report's title -> its region and its quarter."""

from __future__ import annotations

import re

from muniflow.interpret.period import find_period
from muniflow.interpret.region import REGION_PATTERN
from muniflow.model import Period

_ADJ_FEM = (("ской", "ская"), ("цкой", "цкая"), ("ной", "ная"))
_ADJ_MASC = (("ского", "ский"), ("цкого", "цкий"), ("ного", "ный"), ("его", "ий"))
_KIND = {"области": "область", "края": "край", "автономного округа": "автономный округ"}


def parse_period(text: str) -> Period | None:
    """The quarter a title names: "во II квартале 2024 года", "в третьем квартале", "январь–март 2024"."""
    return find_period(text).period


def parse_region(text: str) -> str | None:
    """The region a title names, in the nominative: "Смоленской области" -> "Смоленская область"."""
    flat = re.sub(r"\s+", " ", text)
    m = REGION_PATTERN.search(flat)
    if not m:
        return None
    if m.group("rep"):
        return "Республика " + m.group("rep").split(None, 1)[1]
    adj, kind = m.group("adj"), " ".join(m.group("kind").split())
    endings = _ADJ_FEM if kind == "области" else _ADJ_MASC
    for old, new in endings:
        if adj.endswith(old):
            adj = adj[: -len(old)] + new
            break
    return f"{adj} {_KIND[kind]}"


def region_source(text: str) -> str:
    """The words of the title the region was read from ("" when none)."""
    m = REGION_PATTERN.search(re.sub(r"\s+", " ", text))
    return m.group(0) if m else ""
