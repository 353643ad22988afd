"""Municipality names as written -> one canonical name per municipality.

Handles the prefixes («Муниципальное образование», «МО», «Администрация»), the region after the
name, quotes, names typed in capitals, names in the genitive («Администрации Велижского района»,
inflected back with pymorphy3) and the two names of a city district («Городской округ «Город
Йошкар-Ола»» and «Город Йошкар-Ола» are both «город Йошкар-Ола»).
"""

from __future__ import annotations

import re
from functools import lru_cache

from muniflow.interpret.region import REGION_SUFFIX
from muniflow.morph import analyzer

# «МО» only as a word of its own: «Мостовский район» keeps its «Мо».
_PREFIX = re.compile(
    r"^(?:администраци[яийю]\s+)?(?:(?:муниципальн\w+\s+образовани\w+|мо)(?=[\s«\"“„]|$))?\s*",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[«\"“„]([^»\"”“]*)[»\"”“]?")
_QUOTES = re.compile(r"[«»\"“”„]")
_SPACE = re.compile(r"\s+")
# Words that say what kind of municipality it is: written in lower case in a canonical name.
KIND_WORDS = frozenset(
    [
        *("город", "городской", "округ", "район", "муниципальный", "сельское", "городское"),
        *("поселение", "поселок", "посёлок", "село", "станица", "рабочий", "закрытое"),
        *("административно-территориальное", "образование"),
    ]
)
# Kind nouns whose genitive shows that the whole name is in the genitive.
_KIND_NOUNS = frozenset({"район", "округ", "поселение", "город", "образование"})
# Parts of a hyphenated name that stay lower case («Ростов-на-Дону»).
_LOWER_PARTS = frozenset({"на", "де", "под", "над", "у"})


@lru_cache(maxsize=4096)
def _nominative(word: str, gender: str) -> str:
    """A genitive word of a name (adjective or noun) in the nominative, agreeing in gender."""
    parts = word.split("-")
    lower = parts[-1].lower()
    for parse in analyzer().parse(lower):
        if "gent" not in parse.tag or not ({"ADJF", "NOUN"} & set(parse.tag.grammemes)):
            continue
        wanted = {"nomn", "sing"} | ({gender} if "ADJF" in parse.tag.grammemes else set())
        if "ADJF" in parse.tag.grammemes and gender not in parse.tag.grammemes:
            continue
        form = parse.inflect(wanted)
        if form is not None:
            inflected = form.word if "ё" in lower else form.word.replace("ё", "е")
            return "-".join([*parts[:-1], _same_case(parts[-1], inflected)])
    return word


def _same_case(model: str, word: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _genitive_kind(word: str) -> str | None:
    """The gender of a kind noun written in the genitive («района» -> masc), else None."""
    for p in analyzer().parse(word.lower()):
        if p.normal_form in _KIND_NOUNS and "gent" in p.tag and p.word != p.normal_form:
            return str(p.tag.gender)
    return None


def _proper_case(word: str) -> str:
    """A word typed in capitals as a name is written: «ЙОШКАР-ОЛА» -> «Йошкар-Ола»."""
    parts = word.lower().split("-")
    return "-".join(p if p in _LOWER_PARTS and i else p[:1].upper() + p[1:] for i, p in enumerate(parts))


def _to_nominative(text: str) -> str:
    """Inflect the words up to the kind noun when it is in the genitive («Велижского района»).

    The words after the kind noun are the name itself and stay as written («города Великие Луки»).
    """
    head = _QUOTED.split(text, maxsplit=1)[0] if _QUOTED.search(text) else text
    words = list(re.finditer(r"[А-ЯЁа-яё][А-ЯЁа-яё-]*", head))
    for k, match in enumerate(words):
        gender = _genitive_kind(match.group())
        if gender is None:
            continue
        out, last = [], 0
        for word in words[: k + 1]:
            out.append(text[last : word.start()])
            out.append(_nominative(word.group(), gender))
            last = word.end()
        return "".join(out) + text[last:]
    return text


def canonical_municipality(name: str) -> str:
    """Canonical municipality name.

    "Муниципальное образование «Велижский район» Смоленской области" -> "Велижский район";
    "Город Смоленск" -> "город Смоленск"; "ВЕЛИЖСКИЙ РАЙОН" -> "Велижский район";
    "Администрации Велижского района" -> "Велижский район";
    "Городской округ «Город Йошкар-Ола»" -> "город Йошкар-Ола".
    """
    text = _SPACE.sub(" ", name.replace("\xa0", " ")).strip(" .,;:")
    text = _PREFIX.sub("", text)
    text = REGION_SUFFIX.sub("", text)
    text = re.sub(r"[А-ЯЁ][А-ЯЁ-]+", lambda m: _proper_case(m.group()), text)
    text = _to_nominative(text)
    text = _PREFIX.sub("", text)  # «Администрации муниципального образования …» once inflected
    text = _SPACE.sub(" ", _QUOTES.sub(" ", text)).strip(" .,;:")
    words = [w for w in text.split(" ") if w]
    if words and words[0].lower() in {"г.", "г"}:
        words[0] = "город"
    out = []
    for i, word in enumerate(words):
        if word.lower().replace("ё", "е") in KIND_WORDS:
            out.append(word.lower())
        elif word.isupper() and len(word) > 1:
            out.append(_proper_case(word))
        elif i and word[:1].islower() and out and out[-1] in KIND_WORDS and word.lower() not in KIND_WORDS:
            out.append(word[:1].upper() + word[1:])  # «город смоленск»: the name after its kind
        else:
            out.append(word)
    if out and out[0] not in KIND_WORDS:
        out[0] = out[0][:1].upper() + out[0][1:]
    # «городской округ город Йошкар-Ола» is the city's own district: one name, «город Йошкар-Ола».
    if out[:3] == ["городской", "округ", "город"]:
        out = out[2:]
    return " ".join(out)
