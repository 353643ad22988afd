"""Enrichment of events: the places and partner countries they name, their format, signed documents.

Conventions (the golden file tests/golden/enrichment_smolensk_2024_q2.json follows them):
- settlements: every place named in the place and participants cells, in the nominative, in order
  of first mention (place cell first), each once: localities ("Минск", "Дугино") and named
  administrative areas ("Могилевская область", "Оршанский район", "Республика Мордовия"), Russian
  ones included. Countries are not settlements; a town named only through an adjective of an
  institution ("Витебского городского исполнительного комитета") and a part of a town
  ("микрорайона Гнездово") are not named places.
- partner_countries: the foreign countries (not the contract's home country) named in the place and
  participants cells, by name or adjective, or given to one of their places; ISO 3166-1 alpha-2
  codes, or ОКСМ's code for a state ISO lacks (AB Абхазия); in order of first mention. The
  countries come from the one list of muniflow.enrich.world.
- partners: one Partner per (foreign country, named place of it), or (country, None) for a country
  none of whose places is named.
- format: see contracts/enrichment.yaml (`format`), over title, place, goal and participants.
"""

from __future__ import annotations

from dataclasses import dataclass

from muniflow.enrich import contract
from muniflow.enrich.agreements import (
    Agreement,
    LinkedAgreement,
    agreement_id,
    agreement_key,
    find_agreements,
    link_agreements,
)
from muniflow.enrich.countries import CountryMention, assign_countries, find_countries
from muniflow.enrich.event_format import EventFormat, event_format
from muniflow.enrich.places import PlaceMention, find_places

__all__ = [
    "Agreement",
    "Enrichment",
    "EventFormat",
    "LinkedAgreement",
    "Partner",
    "agreement_id",
    "agreement_key",
    "enrich_event",
    "event_format",
    "find_agreements",
    "find_countries",
    "find_places",
    "link_agreements",
]


@dataclass(frozen=True)
class Partner:
    """A foreign partner of an event: its country and, where one is named, a place of it."""

    country_code: str | None  # ISO 3166-1 alpha-2; None where the country has none
    country_name: str
    settlement: str | None
    place_kind: str | None = None  # 'locality' | 'area' for a named settlement


@dataclass(frozen=True)
class Enrichment:
    """What enrichment adds to an event (see the module docstring for the conventions)."""

    settlements: tuple[str, ...]
    partner_countries: tuple[str, ...]
    partners: tuple[Partner, ...]
    format: str  # 'in_person' | 'online' | 'hybrid'
    format_cues: tuple[str, ...]
    is_online: bool


@dataclass(frozen=True)
class _Located:
    """A place of the event with its country key and its position in the event's cells."""

    name: str
    kind: str
    country: str
    order: tuple[int, int]


def enrich_event(
    title: str, place: str, goal: str, participants: str, region: str | None = None
) -> Enrichment:
    """Settlements, partner countries, partners and format of one event from its cell texts;
    `region` is the report's own region, whose abbreviation names no country there ("РБ")."""
    terms = contract.load()
    located: list[_Located] = []
    mentioned: list[tuple[tuple[int, int], str]] = []  # (position, country key)
    known: dict[str, str] = {}
    for cell_no, text in enumerate((place, participants)):
        countries = find_countries(text, region)
        taken = tuple((c.start, c.end) for c in countries if not (c.adjective or c.region))
        places = find_places(text, taken=taken)
        keys = assign_countries(text, places, countries, one_location=cell_no == 0, known=known)
        for mention, key in zip(places, keys, strict=True):
            located.append(_Located(mention.name, mention.kind, key, (cell_no, mention.start)))
            known.setdefault(mention.name, key)
        mentioned += [((cell_no, c.start), c.country.key) for c in countries]
    # a country the title alone names («Визит делегации Республики Абхазия», «Форум «Россия –
    # Китай»»): the place and participants may say only a town and a count
    mentioned += [((2, c.start), c.country.key) for c in find_countries(title, region)]
    mentioned += [(p.order, p.country) for p in located]
    foreign = tuple(dict.fromkeys(key for _, key in sorted(mentioned) if key != terms.home_country))
    settlements = tuple(dict.fromkeys(p.name for p in located))
    fmt = event_format(title, place, goal, participants)
    return Enrichment(
        settlements=settlements,
        partner_countries=foreign,
        partners=_partners(foreign, located, terms),
        format=fmt.format,
        format_cues=fmt.cues,
        is_online=fmt.is_online,
    )


def _partners(
    foreign: tuple[str, ...], located: list[_Located], terms: contract.EnrichmentContract
) -> tuple[Partner, ...]:
    """One partner per (foreign country, named place of it), or (country, None) when none is named."""
    out: list[Partner] = []
    for key in foreign:
        country = terms.country(key)
        kinds = dict.fromkeys((p.name, p.kind) for p in located if p.country == key)
        out += [Partner(country.code, country.name, name, kind) for name, kind in kinds] or [
            Partner(country.code, country.name, None)
        ]
    return tuple(out)


# Re-exported for callers that type their own records.
__all__ += ["CountryMention", "PlaceMention"]
