"""The one pattern of a region's name in the genitive, as titles and municipality names write it:
"Смоленской области", "Пермского края", "Ханты-Мансийского автономного округа", "Республики Карелия"."""

from __future__ import annotations

import re

# Groups: `adj` + `kind` for an adjective region, `rep` for a republic.
REGION = (
    r"(?P<adj>[А-ЯЁ][а-яё]*(?:-[А-ЯЁа-яё][а-яё]*)*(?:ской|цкой|ной|ого|его))\s+(?P<kind>области|края|автономного\s+округа)"
    r"|(?P<rep>Республики\s+[А-ЯЁ][а-яё-]+(?:\s*[-–]\s*[А-ЯЁ][а-яё-]+|\s+[А-ЯЁ][а-яё]+)?)"
)
REGION_PATTERN = re.compile(REGION)
# The region closing a municipality's name, in any letter case ("... смоленской области").
REGION_SUFFIX = re.compile(r"\s+(?:" + REGION + r")\s*$", re.IGNORECASE)
