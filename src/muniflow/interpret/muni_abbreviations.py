"""Abbreviated kinds in a municipality's name written out in full: «г.Мосальск», «Велижский р-н»,
«с.п. Первомайское», «Велижского МР», «Энский МО» (an abbreviation after an adjective takes the
adjective's case, so the whole name is put in the nominative together)."""

from __future__ import annotations

import re
from collections.abc import Callable

from muniflow.interpret.muni_morph import WORD, adjective_case, inflected_to
from muniflow.interpret.muni_vocabulary import vocabulary

# Abbreviated kinds, written in full («г.Мосальск», «Велижский р-н», «с.п. Первомайское»).
# Two-letter ones end with a dot, or without one where no letter follows (a name's final dot is
# stripped first): «с.п.», «с.п», «с/п», never the «с. П» of «с. Пушкино».
_ABBREVIATIONS = (
    (re.compile(r"(?<![А-ЯЁа-яё])г\.\s*о(?:\.|(?![А-ЯЁа-яё]))\s*", re.IGNORECASE), "городской округ "),
    (
        re.compile(r"(?<![А-ЯЁа-яё])[сc](?:\.\s*|/)п(?:\.|(?![А-ЯЁа-яё]))\s*", re.IGNORECASE),
        "сельское поселение ",
    ),
    (
        re.compile(r"(?<![А-ЯЁа-яё])г(?:\.\s*|/)п(?:\.|(?![А-ЯЁа-яё]))\s*", re.IGNORECASE),
        "городское поселение ",
    ),
    (re.compile(r"(?<![А-ЯЁа-яё])м\.\s*р-н(?![А-ЯЁа-яё])\s*", re.IGNORECASE), "муниципальный район "),
    (re.compile(r"(?<![А-ЯЁа-яё])м\.\s*р(?:\.|(?![А-ЯЁа-яё]))\s*", re.IGNORECASE), "муниципальный район "),
    # «мун. район», «муниц. округ», «муницип. р-н»: «муниципальный» cut short before its kind noun
    (
        re.compile(
            r"(?<![А-ЯЁа-яё])мун(?:иц(?:ип)?)?\.\s*(?=(?:район|округ|р-о?н)(?![А-ЯЁа-яё]))", re.IGNORECASE
        ),
        "муниципальный ",
    ),
    (re.compile(r"(?<![А-ЯЁа-яё])(?:г|гор)\.\s*(?=[А-ЯЁA-Z«\"])", re.IGNORECASE), "город "),
    (re.compile(r"(?<![А-ЯЁа-яё])(?:пос|п)\.\s*(?=[А-ЯЁ«\"])"), "поселок "),
    # «р-н», «р-он», in any case («Ейского р-на», «по Ейскому р-ну»)
    (re.compile(r"(?<![А-ЯЁа-яё])р-о?н(а|у|е|ом)?(?![А-ЯЁа-яё])", re.IGNORECASE), r"район\1"),
)
# «МО» after an adjective name («Энский МО»), never inside a word («Мостовский») or before a name.
# «м.о.» so too, in small letters with its dots («Энский м.о.»; a name's final dot may be stripped).
_MO_AFTER_NAME = re.compile(
    r"([А-ЯЁа-яё-]+(?i:ий|ый|ой|ого|его|ому|ему|ом|ем|ое|ее))\s+(?:МО|м\.\s?о\b\.?)(?![А-ЯЁа-яё])"
)


def capital_kinds_written_out(text: str) -> str:
    """Kinds abbreviated in capitals (`capital_abbreviations`: «Велижского МР») and «МО» after an
    adjective name («Энский МО»), written out in the case of the adjective before them."""
    for pattern, full in vocabulary().capital_abbreviations:
        text = pattern.sub(_written_out(text, full), text)
    return _MO_AFTER_NAME.sub(
        lambda m: f"{m.group(1)} {_after_adjective(m.group(1), _mo_kind(m.group(1)))}", text
    )


def kinds_written_out(text: str) -> str:
    """Kinds abbreviated in small letters or with dots («г.», «с.п.», «р-н») written in full."""
    for pattern, full in _ABBREVIATIONS:
        text = pattern.sub(full, text)
    return text


def _written_out(text: str, kind: str) -> Callable[[re.Match[str]], str]:
    """A `re.sub` replacement writing out an abbreviated kind found in `text`, see `_after_adjective`."""
    return lambda m: _after_adjective(text[: m.start()], kind)


def _after_adjective(before: str, kind: str) -> str:
    """An abbreviated kind written out in the case of the adjective before it («Велижского МР» ->
    «Велижского муниципального района»), so the whole name is put in the nominative together."""
    words = WORD.findall(before)
    case = adjective_case(words[-1]) if words else None
    return kind if case is None else " ".join(inflected_to(w, case) for w in kind.split(" "))


def _mo_kind(before: str) -> str:
    """«МО» after a name: a municipal okrug after a masculine adjective («Энский МО», «Энского МО»),
    a municipal formation after a neuter one («Энское МО»)."""
    words = WORD.findall(before)
    return (
        "муниципальное образование"
        if words and words[-1].lower().endswith(("ое", "ее"))
        else "муниципальный округ"
    )
