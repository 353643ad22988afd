"""The enrichment vocabulary (contracts/enrichment.yaml) loaded once into typed, immutable records."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from muniflow.contracts import ContractError, contract_file, parse_yaml
from muniflow.enrich.world import Country, countries

CONTRACT_FILE = "enrichment.yaml"

T = TypeVar("T")


@dataclass(frozen=True)
class PlaceWords:
    """The words that mark places: locality markers, area heads, what is not a settlement."""

    locality_abbreviations: tuple[str, ...]
    locality_nouns: Mapping[str, str]  # abbreviation -> the noun it stands for
    locality_words: tuple[str, ...]
    area_heads: Mapping[str, str]  # lemma or abbreviation -> nominative head
    republic_word: str
    area_words_before_name: tuple[str, ...]
    not_a_settlement_after: tuple[str, ...]
    not_places: tuple[str, ...]


@dataclass(frozen=True)
class FormatCues:
    """Compiled format cue patterns by role (online, partly_remote, in_person, hybrid), the verbs
    that make a partly-remote word say the whole event was remote, and in-person cue lemmas."""

    online: tuple[re.Pattern[str], ...]
    partly_remote: tuple[re.Pattern[str], ...]
    in_person: tuple[re.Pattern[str], ...]
    hybrid: tuple[re.Pattern[str], ...]
    held_verbs: tuple[str, ...] = ()
    in_person_lemmas: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgreementWords:
    """Kind stems (-> kind), the words that must follow a kind, the stems that say 'signed'."""

    kinds: Mapping[str, str]
    follow_words: tuple[str, ...]
    signed_stems: tuple[str, ...]
    not_after: tuple[str, ...]


@dataclass(frozen=True)
class EnrichmentContract:
    """Everything the enrichment code reads from the contract."""

    home_country: str
    countries: tuple[Country, ...]
    places: PlaceWords
    format: FormatCues
    agreements: AgreementWords

    def country(self, key: str) -> Country:
        """The country with this key (ISO code or name)."""
        for c in self.countries:
            if c.key == key:
                return c
        raise KeyError(key)


def load(path: Path | None = None) -> EnrichmentContract:
    """The enrichment contract at `path` (a file or a folder holding enrichment.yaml), parsed once,
    with the countries of the contracts in use."""
    return _load(contract_path(path), contract_file(None, "countries.yaml"))


def of_countries(build: Callable[[tuple[Country, ...]], T]) -> Callable[[], T]:
    """`build` applied to the countries in use, built again only when the contract hands out
    another list. The list is immutable, so while the contract in use returns the very same object
    what was built from it stands; keyed by identity, since hashing ~250 countries (~75 µs) on
    every call would cost more than the lookups it serves."""
    last: list[Any] = []

    def current() -> T:
        countries = load().countries
        if not last or last[0] is not countries:
            last[:] = [countries, build(countries)]
        return last[1]  # type: ignore[no-any-return]

    return current


def locality_abbreviations() -> frozenset[str]:
    """The abbreviations that mark a settlement (`places.locality_abbreviations`: «г», «пгт») in the
    form text is compared with them: lower case, «ё» read as «е», no dots; built once per contract."""
    return _compared_forms(load().places.locality_abbreviations)


@lru_cache(maxsize=4)
def _compared_forms(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower().replace("ё", "е").replace(".", "") for w in words)


def contract_path(path: Path | None = None) -> Path:
    """The enrichment contract file `load` reads: a key for what is derived from that contract."""
    return contract_file(path, CONTRACT_FILE)


@lru_cache(maxsize=4)
def _load(path: Path, countries_file: Path) -> EnrichmentContract:
    doc = parse_yaml(path)
    try:
        return EnrichmentContract(
            home_country=str(doc["home_country"]),
            countries=countries(countries_file),  # the one list of countries (enrich/world.py)
            places=_place_words(doc["places"]),
            format=_format_cues(doc["format"]),
            agreements=_agreement_words(doc["agreements"]),
        )
    except (KeyError, TypeError) as exc:
        raise ContractError(f"{path}: missing or malformed key {exc}") from exc


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in (value or ()))


def _place_words(doc: Mapping[str, Any]) -> PlaceWords:
    return PlaceWords(
        locality_abbreviations=_strings(doc["locality_abbreviations"]),
        locality_nouns={str(k): str(v) for k, v in doc["locality_abbreviations"].items()},
        locality_words=_strings(doc["locality_words"]),
        area_heads={str(k): str(v) for k, v in doc["area_heads"].items()},
        republic_word=str(doc["republic_word"]),
        area_words_before_name=_strings(doc.get("area_words_before_name")),
        not_a_settlement_after=_strings(doc["not_a_settlement_after"]),
        not_places=_strings(doc["not_places"]),
    )


def _format_cues(doc: Mapping[str, Any]) -> FormatCues:
    def compiled(role: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in _strings(doc[role]))

    return FormatCues(
        online=compiled("online"),
        partly_remote=compiled("partly_remote"),
        in_person=compiled("in_person"),
        hybrid=compiled("hybrid"),
        held_verbs=_strings(doc.get("held_verbs")),
        in_person_lemmas=_strings(doc.get("in_person_lemmas")),
    )


def _agreement_words(doc: Mapping[str, Any]) -> AgreementWords:
    return AgreementWords(
        kinds={str(k): str(v) for k, v in doc["kinds"].items()},
        follow_words=_strings(doc["follow_words"]),
        signed_stems=_strings(doc["signed_stems"]),
        not_after=_strings(doc["not_after"]),
    )
