"""The patterns of a region's name as titles and municipality names write it: in the genitive
("Смоленской области", "Пермского края", "Ханты-Мансийского автономного округа", "Еврейской
автономной области", "Республики Карелия", "Чувашской Республики", "Смоленской обл."), or, where
a title has none of those, in the nominative ("(Смоленская область)", "Республика Карелия")."""

from __future__ import annotations

import re

_ADJECTIVE = r"[А-ЯЁ][а-яё]*(?:-[А-ЯЁа-яё][а-яё]*)*"
# A republic's own name after its kind word: a hyphen inside it joins letters («Кабардино-…»); one
# ending a word is the dash before its other name («Энсия-Алания» is «Энсия» – «Алания»), no part of it.
_NAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*"
# Groups: `adj` + `kind` for an adjective region, `arep` for an adjective republic (one adjective or
# two, «Энской Народной Республики»; a state's, «Китайской Народной», is told apart by the world's
# list of countries), `rep` for a
# republic named after the word (a second word of its name on the same line: the next line's first
# word is no part of it, «Республики Карелия» / «Отчетный период: …»), and its other name after a
# dash or in brackets («Северная Осетия – Алания», «Саха (Якутия)»).
REGION = (
    rf"(?P<adj>{_ADJECTIVE}(?:ской|цкой|ной|ого|его))\s+"
    r"(?P<kind>области|края|автономного\s+округа|автономной\s+области|обл\.)"
    rf"|(?P<arep>(?:{_ADJECTIVE}(?:ской|цкой|ной)\s+)?{_ADJECTIVE}(?:ской|цкой|ной))\s+Республики"
    rf"|(?P<rep>Республики\s+{_NAME}(?:[ \t]*[-–][ \t]*{_NAME}|[ \t]+[А-ЯЁ][а-яё]+)?"
    rf"(?:[ \t]*[-–][ \t]*{_NAME}|[ \t]*\({_NAME}\))?)"
)
REGION_PATTERN = re.compile(REGION)
# The same names in the nominative: `nadj` + `nkind`, `narep`, `nrep`.
NOMINATIVE = (
    rf"(?P<nadj>{_ADJECTIVE}(?:ская|цкая|ная|ский|цкий|ной|ий))\s+"
    r"(?P<nkind>область|край|автономный\s+округ|автономная\s+область)"
    rf"|(?P<narep>(?:{_ADJECTIVE}(?:ская|цкая|ная)\s+)?{_ADJECTIVE}(?:ская|цкая|ная))\s+Республика"
    rf"|(?P<nrep>Республика\s+{_NAME}(?:[ \t]*[-–][ \t]*{_NAME}|[ \t]+[А-ЯЁ][а-яё]+)?"
    rf"(?:[ \t]*[-–][ \t]*{_NAME}|[ \t]*\({_NAME}\))?)"
)
NOMINATIVE_PATTERN = re.compile(NOMINATIVE)
# The region closing a municipality's name, in any letter case ("... смоленской области").
REGION_SUFFIX = re.compile(r"\s+(?:" + REGION + r")\s*$", re.IGNORECASE)

# A hyphenated name a line end broke at its hyphen: a capital opens the next line («Ханты-» /
# «Мансийского автономного округа», «Усть-» / «Кутского района»), where a word hyphenated only to
# wrap goes on in a small letter; a PDF's title lines may come joined by a space («Барун- Хемчикского»).
_HYPHEN_WRAP = re.compile(r"(?<=[А-ЯЁа-яё])-\s+(?=[А-ЯЁ][а-яё])")


def hyphen_wraps_joined(text: str) -> str:
    """The text with each hyphenated name a line end broke at its hyphen put on one line."""
    return _HYPHEN_WRAP.sub("-", text)
