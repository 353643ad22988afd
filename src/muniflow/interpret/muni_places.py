"""A column the header names the municipality whose cells are the events' places.

«Территория» heads a municipality column in one office's template and the place in another's
(«Территория» over «с. Усть-Лежа», «г. Костанай (Республика Казахстан)», «онлайн»). Where the
table has no place column, a column the header ties to the municipality is the place when a share
of its cells (`placeNotMunicipalityShare`) could be no municipality of the region: they name a
foreign country, an online format, two places or more, a settlement smaller than a town (a
locality abbreviation whose noun `municipalLocalities` does not list: «с.», «д.», «пос.»), or a
venue (no place and no municipality's name at all); and no more than as many name a
municipality by a kind word of one («район», «округ», «поселение»). The report's municipality
then comes from its title or headings, as in any table without a municipality column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from muniflow.contracts import load_contract
from muniflow.enrich.contract import load as load_enrichment
from muniflow.enrich.contract import locality_abbreviations
from muniflow.enrich.countries import find_countries
from muniflow.enrich.event_format import ONLINE, event_format
from muniflow.enrich.places import find_places
from muniflow.interpret.column_cells import body_cells, reads_as_name
from muniflow.interpret.header_rows import HeaderFound
from muniflow.interpret.muni_vocabulary import vocabulary
from muniflow.interpret.reading import CONTENT, ColumnMatch
from muniflow.model import RawRow

# The abbreviation a cell opens with («с. Н», «пос.Н»), compared without its dot.
_OPENING_ABBREVIATION = re.compile(r"^\s*([А-ЯЁа-яё]{1,4})\.?\s*(?=[А-ЯЁ«\"])")
# The words of a cell, for its municipality kind words.
_WORD = re.compile(r"[А-ЯЁа-яё]+")


def _town_abbreviations() -> frozenset[str]:
    """The locality abbreviations standing for a settlement that may be a municipality of its own
    (`municipalLocalities`: a town, «г.»), in the form `locality_abbreviations` compares them."""
    listed = load_contract().threshold("municipalLocalities", ["город"])
    nouns = {str(n).lower().replace("ё", "е") for n in listed}
    return frozenset(
        abbreviation.lower().replace("ё", "е").replace(".", "")
        for abbreviation, noun in load_enrichment().places.locality_nouns.items()
        if noun.lower().replace("ё", "е") in nouns
    )


def _municipal_kind(text: str) -> bool:
    """The cell names a municipality by a kind word of one that no settlement is («район», «округ»,
    «поселение», «улус»): the contract's kind nouns, less the settlement nouns («город», «село»)."""
    voc = vocabulary()
    settlements = {s.replace("ё", "е") for s in voc.settlement_nouns}
    kinds = {k.replace("ё", "е") for k in voc.kind_nouns} - settlements
    return any(w.lower().replace("ё", "е") in kinds for w in _WORD.findall(text))


def _no_municipality(text: str) -> bool:
    """A cell no municipality of the region can be: a foreign country, an online format, two places
    or more, a settlement smaller than a town, or a venue naming neither a place nor a municipality."""
    home = load_enrichment().home_country
    if any(c.country.code != home for c in find_countries(text)):
        return True
    if event_format(text).format == ONLINE:
        return True
    places = find_places(text)
    if len(places) >= 2:
        return True
    opening = _OPENING_ABBREVIATION.match(text)
    if opening:
        abbreviation = opening.group(1).lower().replace("ё", "е")
        if abbreviation in locality_abbreviations() and abbreviation not in _town_abbreviations():
            return True
    return not places and not reads_as_name(text)


def municipality_as_place(found: HeaderFound, body: Sequence[RawRow]) -> HeaderFound:
    """The municipality column of a table with no place column read as the place when its cells are
    places, not municipalities (module docstring); `found` as it is otherwise."""
    if "place" in found.columns:
        return found
    share = float(load_contract().threshold("placeNotMunicipalityShare", 0.2))
    matches = list(found.matches)
    for k, match in enumerate(matches):
        if match.column != "municipality" or match.evidence == CONTENT:
            continue
        cells = body_cells(body, match.index)
        if len(cells) < 2:
            continue
        others = sum(1 for c in cells if _no_municipality(c))
        kinds = sum(1 for c in cells if _municipal_kind(c))
        if others >= share * len(cells) and kinds <= others:
            shown = f"{others} of {len(cells)} cells name places no municipality is"
            matches[k] = ColumnMatch("place", match.index, match.header, CONTENT, shown, others / len(cells))
            return replace(found, matches=tuple(matches))
    return found
