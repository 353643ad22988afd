"""A report's title -> its region and its quarter."""

from __future__ import annotations

import re

from muniflow.model import Period

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Roman numerals are often typed with Cyrillic look-alikes (І, Х, У is not one of them).
_LOOKALIKE = str.maketrans({"І": "I", "і": "i", "Ӏ": "I", "l": "i", "1": "1"})

_QUARTER = re.compile(
    r"(?P<q>[1-4]|i{1,3}|iv)\s*(?:-?(?:й|ый|ом|ого))?\s*(?:квартал\w*|кв\.?)\s*"
    r"(?P<y>(?:19|20)\d\d)",
    re.IGNORECASE,
)
_MONTHS_RANGE = re.compile(
    r"(?P<m1>январ|апрел|июл|октябр)\w*\s*[-–—]\s*(?P<m2>март|июн|сентябр|декабр)\w*\s+(?P<y>(?:19|20)\d\d)",
    re.IGNORECASE,
)
_FIRST_MONTH = {"январ": 1, "апрел": 2, "июл": 3, "октябр": 4}
_LAST_MONTH = {"март": 1, "июн": 2, "сентябр": 3, "декабр": 4}

# "... Смоленской области", "... Пермского края", "... Республики Карелия"
_REGION = re.compile(
    r"(?P<adj>[А-ЯЁ][а-яё-]+(?:ской|цкой|ской|ной|ого|его))\s+(?P<kind>области|края|автономного округа)"
    r"|(?P<rep>Республики\s+[А-ЯЁ][а-яё-]+(?:\s*[-–]\s*[А-ЯЁ][а-яё-]+)?)"
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
    m = _MONTHS_RANGE.search(flat)
    if m:
        q1 = _FIRST_MONTH[m.group("m1").lower()]
        if q1 == _LAST_MONTH[m.group("m2").lower()]:
            return Period(int(m.group("y")), q1)
    return None


def parse_region(text: str) -> str | None:
    """The region a title names, in the nominative: "Смоленской области" -> "Смоленская область"."""
    flat = re.sub(r"\s+", " ", text)
    m = _REGION.search(flat)
    if not m:
        return None
    if m.group("rep"):
        return "Республика " + m.group("rep").split(None, 1)[1]
    adj, kind = m.group("adj"), m.group("kind")
    endings = _ADJ_FEM if kind == "области" else _ADJ_MASC
    for old, new in endings:
        if adj.endswith(old):
            adj = adj[: -len(old)] + new
            break
    return f"{adj} {_KIND[kind]}"
