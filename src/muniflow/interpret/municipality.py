"""Municipality names as written -> one canonical name per municipality."""

from __future__ import annotations

import re

from muniflow.interpret.region import REGION_SUFFIX

_PREFIX = re.compile(r"^(?:администраци[яи]\s+)?(?:муниципальн\w+\s+образовани\w+|мо)\s*", re.IGNORECASE)
_QUOTES = re.compile(r"[«»\"“”„]")
_SPACE = re.compile(r"\s+")


def canonical_municipality(name: str) -> str:
    """Canonical municipality name.

    "Муниципальное образование «Велижский район» Смоленской области" -> "Велижский район";
    "Город Смоленск" -> "город Смоленск"; "муниципальное образование «город Десногорск»
    Смоленской области" -> "город Десногорск".
    """
    text = _SPACE.sub(" ", name.replace("\xa0", " ")).strip(" .,;:")
    text = _PREFIX.sub("", text)
    text = REGION_SUFFIX.sub("", text)  # "... Смоленской области" at the end
    text = _SPACE.sub(" ", _QUOTES.sub(" ", text)).strip(" .,;:")
    words = text.split(" ")
    if words and words[0].lower() in {"город", "городской", "муниципальный", "сельское", "городское"}:
        words[0] = words[0].lower()
    return " ".join(words)
