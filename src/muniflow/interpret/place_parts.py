"""A place told in two columns side by side: the country in one, the settlement in the other.

«Страна» | «Город», «Country» | «City», or a group «Место проведения» over «Страна» / «Населённый
пункт»: the two cells are one place, written as a place is in one cell, the settlement first and
the country after it in brackets («г. Н (Китай)»); the home country (`home_country` in
contracts/enrichment.yaml), a country the settlement already names and a dash are left out.
Which cell holds which part is told by the header's words (`placeParts` in
contracts/events.odcs.yaml, matched by lemma): a cell is a part when every word of its own label
is a word of one part's vocabulary («Страна-партнёр» is none). Either column alone is read as
before: a country column by its cells, a settlement column by the place's synonyms.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from muniflow.contracts import load_contract
from muniflow.interpret.columns import group_label
from muniflow.interpret.header_words import lemma, words
from muniflow.interpret.nil import is_placeholder
from muniflow.interpret.reading import LEMMA, ColumnMatch
from muniflow.normalize.text import fold

COUNTRY, SETTLEMENT = "country", "settlement"


def vocabulary() -> tuple[tuple[str, tuple[tuple[str, frozenset[str]], ...]], ...]:
    """Each part's entries (contract `placeParts`), with their lemmas."""
    declared = load_contract().threshold("placeParts", {}) or {}
    return _vocabulary(
        tuple((kind, tuple(str(e) for e in declared.get(kind, ()))) for kind in (COUNTRY, SETTLEMENT))
    )


@lru_cache(maxsize=4)
def _vocabulary(
    declared: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[tuple[str, tuple[tuple[str, frozenset[str]], ...]], ...]:
    return tuple(
        (kind, tuple((entry, frozenset(lemma(w) for w in words(entry))) for entry in entries))
        for kind, entries in declared
    )


def part_of(label: str) -> tuple[str, str]:
    """(the part, the vocabulary entry) a header cell names, by its own label under a group; ("", "")
    when it names none or more than one part's words."""
    own = label.split(": ", 1)[1] if group_label(label) else label
    cell = frozenset(lemma(w) for w in words(own))
    if not cell:
        return "", ""
    for kind, entries in vocabulary():
        found = [(entry, wanted) for entry, wanted in entries if wanted and wanted <= cell]
        if found and frozenset().union(*(wanted for _, wanted in found)) == cell:
            return kind, found[0][0]
    return "", ""


def with_place_parts(header: Sequence[str], matches: Sequence[ColumnMatch]) -> tuple[ColumnMatch, ...]:
    """The header's matches with each pair of neighbouring cells naming a country and a settlement
    feeding the place (whatever they were tied to before: «Страна» by the participants' «страны»);
    as they were when there is no such pair, or when another cell already names the place."""
    parts = {i: part_of(text) for i, text in enumerate(header)}
    paired: dict[int, tuple[str, str]] = {}
    for i in range(len(header) - 1):
        if {parts[i][0], parts[i + 1][0]} == {COUNTRY, SETTLEMENT}:
            paired[i], paired[i + 1] = parts[i], parts[i + 1]
    if not paired or any(m.column == "place" and m.index not in paired for m in matches):
        return tuple(matches)
    kept = [m for m in matches if m.index not in paired]
    added = [
        ColumnMatch("place", i, header[i], LEMMA, f"{kind}: {entry}", 1.0)
        for i, (kind, entry) in paired.items()
    ]
    return tuple(sorted((*kept, *added), key=lambda m: (m.index, m.column)))


def compose(parts: Sequence[tuple[str, str]]) -> str:
    """One place of (part, text) cells: the settlement, then the country in brackets unless it
    names only the home country or a country the settlement names; a country alone where no
    settlement is written; dashes and placeholders left out."""
    from muniflow.enrich import contract
    from muniflow.enrich.countries import find_countries

    settlements = [fold(t) for kind, t in parts if kind != COUNTRY and fold(t) and not is_placeholder(t)]
    countries = [fold(t) for kind, t in parts if kind == COUNTRY and fold(t) and not is_placeholder(t)]
    where = ", ".join(settlements)
    if not where:
        return ", ".join(countries)
    known = {m.country.key for m in find_countries(where)} | {contract.load().home_country}

    def said(text: str) -> bool:
        found = find_countries(text)
        return bool(found) and all(m.country.key in known for m in found)

    shown = [c for c in countries if not said(c)]
    return f"{where} ({', '.join(shown)})" if shown else where
