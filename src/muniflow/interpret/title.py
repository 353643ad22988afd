"""A report's title -> its region and its quarter."""

from __future__ import annotations

import re

from muniflow.interpret.region import REGION_PATTERN
from muniflow.model import Period
from muniflow.normalize.dates import month_number

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Roman numerals are often typed with Cyrillic look-alikes (І, Х, У is not one of them).
_LOOKALIKE = str.maketrans({"І": "I", "і": "i", "Ӏ": "I", "l": "i", "1": "1"})

_QUARTER = re.compile(
    r"(?P<q>[1-4]|i{1,3}|iv)\s*(?:-?(?:й|ый|ом|ого))?\s*(?:квартал\w*|кв\.?)\s*"
    r"(?P<y>(?:19|20)\d\d)",
    re.IGNORECASE,
)
# "январь–март 2024": two month words (contracts/dates.yaml, the one list of months) and a year.
_MONTHS_RANGE = re.compile(
    r"(?P<m1>[а-яё]+)\.?\s*[-–—]\s*(?P<m2>[а-яё]+)\.?\s+(?P<y>(?:19|20)\d\d)", re.IGNORECASE
)

_ADJ_FEM = (("ской", "ская"), ("цкой", "цкая"), ("ной", "ная"))
_ADJ_MASC = (("ского", "ский"), ("цкого", "цкий"), ("ного", "ный"), ("его", "ий"))
_KIND = {"области": "область", "края": "край", "автономного округа": "автономный округ"}


def parse_period(text: str) -> Period | None:
    """The quarter a title names: "во II квартале 2024 года", "за 4 квартал 2024 года", "январь–март 2024"."""
    flat = re.sub(r"\s+", " ", text).translate(_LOOKALIKE)
    m = _QUARTER.search(flat)
    if m:
        q = m.group("q").lower()
        quarter = int(q) if q.isdigit() else _ROMAN[q]
        return Period(int(m.group("y")), quarter)
    for m in _MONTHS_RANGE.finditer(flat):
        first, last = (month_number(m.group(g)) for g in ("m1", "m2"))
        if first is not None and last is not None and first % 3 == 1 and last == first + 2:
            return Period(int(m.group("y")), (first + 2) // 3)
    return None


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
