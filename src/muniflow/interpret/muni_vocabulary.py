"""The vocabulary of municipality names (`contracts/municipalities.yaml`): kind words, kind
phrases before and after a name, kind nouns, region nouns, abbreviations. Parsed once per contract file."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from muniflow.contracts import ContractError, contract_file, parse_yaml

VOCABULARY_NAME = "municipalities.yaml"
_KEYS = (
    "kind_words",
    "kinds_after_name",
    "kinds_before_name",
    "adjective_goes_first",
    "run_together_kinds",
    "kind_nouns",
    "settlement_nouns",
    "district_kinds",
    "settlement_kinds",
    "region_nouns",
    "capital_abbreviations",
)

# The cases a preposition of `case_prepositions` may govern (pymorphy3's grammemes).
_OBLIQUE_CASES = frozenset({"gent", "datv", "accs", "ablt", "loct"})


@dataclass(frozen=True)
class MunicipalityVocabulary:
    kind_words: frozenset[str]
    kinds_after_name: tuple[tuple[str, ...], ...]
    kinds_before_name: tuple[tuple[str, ...], ...]
    adjective_goes_first: tuple[tuple[str, ...], ...]
    run_together_kinds: tuple[str, ...]
    kind_nouns: frozenset[str]  # compared with «ё» read as «е»
    settlement_nouns: frozenset[str]
    district_kinds: tuple[tuple[str, ...], ...]  # a municipality that holds settlements: «… район»
    settlement_kinds: tuple[tuple[str, ...], ...]  # one of its settlements: «… сельское поселение»
    region_nouns: frozenset[str]
    capital_abbreviations: tuple[tuple[re.Pattern[str], str], ...]
    sender_nouns: frozenset[str] = frozenset()  # «Администрация», «Мэр» before a city's name
    region_names: frozenset[str] = frozenset()  # regions as `region_names` lists them: no municipality
    case_prepositions: tuple[tuple[str, str], ...] = ()  # a preposition and the case it governs
    renamed_kinds: tuple[tuple[str, ...], ...] = ()  # kinds one municipality goes by in turn («район»)
    inner_city_prefix: re.Pattern[str] | None = None  # «Внутригородское МО Энска» before a name
    settlement_kind_words: frozenset[str] = frozenset()  # a one-word kind of `settlement_kinds`: «сумон»


def vocabulary() -> MunicipalityVocabulary:
    """The vocabulary of the contract file in use (after $MUNIFLOW_CONTRACTS_DIR)."""
    return _built(contract_file(None, VOCABULARY_NAME))


@lru_cache(maxsize=8)
def _built(path: Path) -> MunicipalityVocabulary:
    data = parse_yaml(path, _KEYS)

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(str(p).split()) for p in data[key])

    abbreviations = data["capital_abbreviations"]
    if not isinstance(abbreviations, dict):
        raise ContractError(f"{path}: capital_abbreviations maps an abbreviation to its kind")
    prepositions = data.get("case_prepositions") or {}
    if not isinstance(prepositions, dict) or not set(map(str, prepositions.values())) <= _OBLIQUE_CASES:
        raise ContractError(f"{path}: case_prepositions maps a preposition to an oblique case")
    return MunicipalityVocabulary(
        kind_words=frozenset(str(w) for w in data["kind_words"]),
        kinds_after_name=phrases("kinds_after_name"),
        kinds_before_name=phrases("kinds_before_name"),
        adjective_goes_first=phrases("adjective_goes_first"),
        run_together_kinds=tuple(str(w) for w in data["run_together_kinds"]),
        kind_nouns=frozenset(str(w).replace("ё", "е") for w in data["kind_nouns"]),
        settlement_nouns=frozenset(str(w) for w in data["settlement_nouns"]),
        district_kinds=phrases("district_kinds"),
        settlement_kinds=phrases("settlement_kinds"),
        region_nouns=frozenset(str(w) for w in data["region_nouns"]),
        # as a word of its own: «МР» inside «МРОТ» is not one
        capital_abbreviations=tuple(
            (re.compile(rf"(?<![А-ЯЁа-яё]){re.escape(str(short))}(?![А-ЯЁа-яё])"), str(full))
            for short, full in abbreviations.items()
        ),
        sender_nouns=frozenset(str(w).replace("ё", "е") for w in data.get("sender_nouns") or ()),
        region_names=frozenset(str(r) for r in data.get("region_names") or ()),
        case_prepositions=tuple((str(k).lower(), str(v)) for k, v in prepositions.items()),
        inner_city_prefix=_inner_city_prefix(data),
        settlement_kind_words=frozenset(str(k) for k in data["settlement_kinds"] if " " not in str(k)),
        renamed_kinds=tuple(
            sorted((tuple(str(p).split()) for p in data.get("renamed_kinds") or ()), key=len, reverse=True)
        ),
    )


def _phrase(phrase: str) -> str:
    """A phrase's words in any case: each word's stem (two letters off a long word) and any ending."""
    return r"\s+".join(
        re.escape(w[:-2]) + r"\w*" if len(w) > 4 else re.escape(w) for w in str(phrase).split()
    )


def _inner_city_prefix(data: Mapping[str, Any]) -> re.Pattern[str] | None:
    """`inner_city_prefix`, then `federal_city_words` and a federal city's form of `region_names` (or
    its name) or not, at the start of a municipality's name, and «в» with the city's form at its
    end; None where none is listed."""
    prefixes = [str(p) for p in data.get("inner_city_prefix") or ()]
    names = data.get("region_names") or {}
    forms = [str(f) for region, fs in names.items() for f in [region, *(fs or ())]]
    # the city's own word after «города», «г.» (its «города федерального значения» before it)
    forms += [f.split(" ", 1)[1] for f in forms if f.startswith(("города ", "г. "))]
    if not prefixes or not forms:
        return None
    federal = "|".join(_phrase(p) for p in data.get("federal_city_words") or ())
    city = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    prefix = "|".join(_phrase(p) for p in prefixes)
    return re.compile(  # the city after the name («… Хамовники в городе Москве») too
        rf"^(?:{prefix})(?:\s+(?:(?:{federal})\s+)?(?:{city})(?![А-ЯЁа-яё]))?[\s,–—-]*"
        rf"|\s+в\s+(?:{city})$",
        re.IGNORECASE,
    )
