"""The name a municipality keeps while its kind changes: «Энский район» and «Энский муниципальный
округ» are one municipality (the reform that turns districts into okrugs), so a report re-issued
under the new kind is a version of the one sent under the old.

`renamed_kinds` in contracts/municipalities.yaml lists the kinds; a canonical name made of
adjectives and one of them («Энский район») is keyed by its adjectives. Any other name is its own
key: a city («город Энск») and a city okrug («Энский городской округ») are places of their own,
never the district or okrug around them, which often exists at the same time.
"""

from __future__ import annotations

from muniflow.interpret.muni_vocabulary import vocabulary
from muniflow.morph import analyzer

# Marks a key made of a name's adjectives, so it never equals a canonical name itself.
_KIND_MARK = "(любой вид)"


def version_key(canonical: str) -> str:
    """The key a municipality's report versions are kept under: `canonical` itself, or for an
    adjective name of a kind of `renamed_kinds`, its adjectives and a mark."""
    words = canonical.split()
    for kind in vocabulary().renamed_kinds:
        n = len(kind)
        if len(words) <= n or tuple(w.lower() for w in words[-n:]) != kind:
            continue
        name = words[:-n]
        if all(_adjective(w) for w in name):
            return " ".join([*name, _KIND_MARK])
        return canonical
    return canonical


def _adjective(word: str) -> bool:
    """A word of the name read as an adjective (a hyphenated one by its last part: «Русско-Полянский»)."""
    last = word.split("-")[-1].lower()
    return any(p.tag.POS in ("ADJF", "ADJS") for p in analyzer().parse(last))
