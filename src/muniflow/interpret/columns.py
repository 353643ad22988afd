"""Header cells -> canonical columns by meaning: lemmas, any word order, small typos.

The contract's headerSynonyms are the vocabulary. A synonym matches a header cell when each of
its words stands in the cell in some form (pymorphy3 lemmas), in any order, a word of five
letters or more also with a small typo (rapidfuzz). Words in brackets count only when the
words outside them match nothing, so «(в том числе количество участников)» under a goal does not
pull the goal into participants; they do name the other column of a pair declared in
`combinedColumns` («Наименование мероприятия (место проведения)»: the title and the place). A
word written in capitals that spells the initials of a synonym of two or more words («МО», «ДП»)
stands for that synonym, when no other column's synonym has the same initials. A country column
beside a settlement column feeds the place with it (interpret/place_parts.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from muniflow.contracts import load_contract
from muniflow.interpret.assignment import assign
from muniflow.interpret.header_words import Entry, entries, expanded, freeze, lemma, words
from muniflow.interpret.reading import COMBINED, FUZZY, LEMMA, SYNONYM, ColumnMatch
from muniflow.morph import analyzer

_BRACKETS = re.compile(r"\([^)]*\)?|\[[^\]]*\]?")
# A typo is forgiven only in a word this long, at this similarity (0..100).
FUZZY_MIN_LENGTH = 5
FUZZY_MIN_RATIO = 84.0
# Marks that head a header cell as a noun would («№ мероприятия»: the №).
_MARKS = frozenset(["№", "n", "п/п", "n°"])
# The key in the contract a user edits to teach a new wording; named in every refusal.
CONTRACT_KEY = "headerSynonyms in contracts/events.odcs.yaml"


@dataclass(frozen=True)
class Candidate:
    """How well one vocabulary entry matches one header cell."""

    column: str
    synonym: str
    evidence: str
    score: float  # share of the entry's words found, fuzzy ratio counted in
    weight: float  # letters of the entry's words found: longer entries are more specific
    dependent: bool = False  # it matches only words after the cell's head noun


def _dependents(parted: Sequence[tuple[str, int]]) -> tuple[bool, ...]:
    """For each word of a cell, whether it stands after the head of its coordinated part: the
    part's first noun (or a № mark) that is no generic head (contract `genericHeads`: «Наименование
    муниципалитета» is headed by «муниципалитета»). Words before a head qualify it («Международные
    мероприятия»), words after it depend on it («Результаты мероприятия», «№ мероприятия»)."""
    generic = generic_heads()
    headed: set[int] = set()
    out = []
    for word, part in parted:
        out.append(part in headed)
        if word in _MARKS or (analyzer().parse(word)[0].tag.POS == "NOUN" and lemma(word) not in generic):
            headed.add(part)
    return tuple(out)


def generic_heads() -> frozenset[str]:
    """The contract's generic head words (`genericHeads`), as lemmas."""
    return _generic_heads(tuple(load_contract().threshold("genericHeads", []) or []))


@lru_cache(maxsize=4)
def _generic_heads(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(lemma(w) for w in words)


def _match_words(
    entry: Entry, cell_words: Sequence[str], cell_lemmas: Sequence[str], after_head: Sequence[bool] = ()
) -> Candidate | None:
    """How `entry` matches the cell; None where a word of it is missing. `dependent` is set where
    it matches only words standing after a head noun (`after_head`, per cell word)."""
    ratios = []
    letters = []  # letters of each word found: a typo's reading counts no more than the cell holds
    at: set[int] = set()
    for wanted in entry.lemmas:
        if wanted in cell_lemmas:
            ratios.append(100.0)
            letters.append(len(wanted))
            at.add(cell_lemmas.index(wanted))
            continue
        if len(wanted) < FUZZY_MIN_LENGTH:
            return None
        best, where = max(
            (
                (max(fuzz.ratio(wanted, cl), fuzz.ratio(wanted, cw)), k)
                for k, (cl, cw) in enumerate(zip(cell_lemmas, cell_words, strict=True))
                if len(cw) >= FUZZY_MIN_LENGTH - 1
            ),
            default=(0.0, -1),
        )
        if best < FUZZY_MIN_RATIO:
            return None
        ratios.append(best)
        letters.append(min(len(wanted), len(cell_lemmas[where])))  # «форма» read as «формат»: 5
        at.add(where)
    exact = all(r == 100.0 for r in ratios)
    if exact and f" {entry.phrase} " in f" {' '.join(cell_words)} ":
        evidence = SYNONYM
    else:
        evidence = LEMMA if exact else FUZZY
    weight = sum(n * r / 100 for n, r in zip(letters, ratios, strict=True))
    dependent = bool(after_head) and all(after_head[k] for k in at)
    return Candidate(entry.column, entry.text, evidence, sum(ratios) / len(ratios) / 100, weight, dependent)


def candidates(header: str, synonyms: Mapping[str, Sequence[str]]) -> list[Candidate]:
    """Every vocabulary entry that matches the header cell, best first (one per column).

    A flattened cell («Группа: подзаголовок») is judged by its own label first and by the group's
    words only when its label names nothing («Период проведения: с»).
    """
    if ": " in header:
        own = _candidates(header.split(": ", 1)[1], synonyms)
        if own:
            return own
    return _candidates(header, synonyms)


def _candidates(header: str, synonyms: Mapping[str, Sequence[str]]) -> list[Candidate]:
    """`_matches` of the header, as a new list (every report of a template repeats its headers)."""
    return list(_matches(header, freeze(synonyms)))


@lru_cache(maxsize=4096)
def _matches(header: str, vocabulary: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[Candidate, ...]:
    main = _BRACKETS.sub(" ", header)
    for text in (main, header) if main.strip() != header.strip() else (header,):
        parted = expanded(text, vocabulary)
        cell_words = tuple(word for word, _ in parted)
        cell_lemmas = tuple(lemma(w) for w in cell_words)
        after_head = _dependents(parted)
        best: dict[str, Candidate] = {}
        for entry in entries(vocabulary):
            found = _match_words(entry, cell_words, cell_lemmas, after_head)
            if found is None:
                continue
            held = best.get(found.column)
            if held is None or (found.weight, found.score) > (held.weight, held.score):
                best[found.column] = found
        if any(not c.dependent for c in best.values()):
            # «Результаты мероприятия», «№ мероприятия», «Мероприятия Энского муниципального
            # округа»: the head names the column; the words after it say whose results or events,
            # and name none (the title is another cell's, the municipality a caption's). A phrase
            # after a generic head still does: it is no dependent («Наименование муниципального
            # района»).
            best = {k: c for k, c in best.items() if not c.dependent}
        if best:
            return tuple(sorted(best.values(), key=_order))
    return ()


def _order(cand: Candidate) -> tuple[bool, float, float, str]:
    """Candidates best first: a synonym standing in the cell word for word (any form) before one read
    with a typo, whatever their lengths («Форма мероприятия» is no typo of «формат мероприятия»)."""
    return cand.evidence == FUZZY, -cand.weight, -cand.score, cand.column


def exact_first(found: Sequence[Candidate]) -> list[Candidate]:
    """A cell's candidates less those read with a typo where a synonym stands in it word for word:
    the exact one wins, though the assignment weighs letters and a longer fuzzy one outweighs it."""
    exact = [c for c in found if c.evidence != FUZZY]
    return exact or list(found)


def combined_match(
    header: str, combined: Sequence[Mapping[str, object]]
) -> tuple[tuple[str, ...], str] | None:
    """The columns a combined header holds (date and place in one cell), by its declared synonyms."""
    cell_words = words(_BRACKETS.sub(" ", header))
    cell_lemmas = set(lemma(w) for w in cell_words)
    for item in combined:
        columns = tuple(str(c) for c in item.get("columns", ()))  # type: ignore[attr-defined]
        for synonym in item.get("headerSynonyms", ()):  # type: ignore[attr-defined]
            wanted = {lemma(w) for w in words(str(synonym))}
            if wanted and wanted <= cell_lemmas and len(cell_lemmas - wanted) <= 1:
                return columns, str(synonym)
    return None


def both_columns(
    header: str, synonyms: Mapping[str, Sequence[str]], combined: Sequence[Mapping[str, object]]
) -> tuple[tuple[str, ...], str] | None:
    """A declared pair of columns that one cell names both of by their own synonyms («Сроки, место»;
    «Наименование мероприятия, место проведения»)."""
    if ": " in header:
        return None
    found = {c.column: c for c in _candidates(header, synonyms)}
    for item in combined:
        columns = tuple(str(c) for c in item.get("columns", ()))  # type: ignore[attr-defined]
        if columns and all(c in found for c in columns):
            return columns, " + ".join(found[c].synonym for c in columns)
        apart = _named_apart(header, synonyms, columns)
        if apart:
            return columns, apart
    return None


def _named_alone(
    header: Sequence[str], index: int, columns: Sequence[str], synonyms: Mapping[str, Sequence[str]]
) -> bool:
    """Whether another cell names one of a pair's columns as its best column and no pair itself
    («Мероприятие (форма, тема)» | «Место проведения, формат»): that cell is the column, so the cell
    naming both by their own synonyms holds the other only, its second synonym a word of it (the
    format of the place), and joins the assignment as any cell does. A column several cells may
    feed (SIDE_BY_SIDE: «Наименование и цель мероприятия» | «Итоги») keeps the pair."""
    for j, text in enumerate(header):
        if j == index or not text.strip() or group_label(text):
            continue
        found = _cell_candidates(text, synonyms)
        alone = found[0].column if found else ""
        if alone in columns and alone not in SIDE_BY_SIDE and not any(c.column in columns for c in found[1:]):
            return True
    return False


def _named_apart(header: str, synonyms: Mapping[str, Sequence[str]], columns: Sequence[str]) -> str:
    """The synonyms by which a cell names one column of a declared pair outside its brackets and
    the other, alone, inside them («Наименование мероприятия (место проведения)»: the cells write
    the place in brackets after the title), joined as `both_columns` shows them; "" otherwise."""
    inner = " ".join(m.group().strip("()[] ") for m in _BRACKETS.finditer(header))
    main = _BRACKETS.sub(" ", header)
    if len(columns) != 2 or not inner.strip() or not main.strip():
        return ""
    within = {c.column: c for c in _candidates(inner, synonyms)}
    outside = {c.column: c for c in _candidates(main, synonyms)}
    if len(within) != 1 or next(iter(within)) not in columns:
        return ""
    (named, cand), (other,) = next(iter(within.items())), [c for c in columns if c not in within]
    if other not in outside:
        return ""
    shown = {named: f"({cand.synonym})", other: outside[other].synonym}
    return " + ".join(shown[c] for c in columns)


def map_columns(
    header: Sequence[str],
    synonyms: Mapping[str, Sequence[str]],
    combined: Sequence[Mapping[str, object]] = (),
) -> tuple[tuple[ColumnMatch, ...], tuple[int, ...]]:
    """Tie header cells to canonical columns; returns the matches and the cells left unmapped.

    Columns go to cells jointly (interpret.assignment), each column once and each cell once. A cell whose
    best column is already taken (a second participants or date sub-column) joins that column
    with its label, so nothing a header names is dropped; a cell naming only a column several cells
    may feed (SIDE_BY_SIDE) joins it wherever it stands («Состав участников» … «Зарубежные
    партнёры»). A group's sub-column feeds what its siblings feed only when its own label names
    nothing.
    """
    matches: list[ColumnMatch] = []
    taken_cells: set[int] = set()
    for index, text in enumerate(header):
        if not text.strip() or _sub_names_one(text, synonyms):
            continue
        both = combined_match(text, combined) or both_columns(text, synonyms, combined)
        if both and combined_match(text, combined) is None and _named_alone(header, index, both[0], synonyms):
            both = None
        if both:
            columns, synonym = both
            for column in columns:
                matches.append(ColumnMatch(column, index, text, COMBINED, synonym, 1.0))
            taken_cells.add(index)
    per_cell = {
        index: exact_first(_cell_candidates(text, synonyms))
        for index, text in enumerate(header)
        if index not in taken_cells and text.strip()
    }
    per_cell = _without_fallbacks(per_cell, header, synonyms)
    taken_columns = {m.column for m in matches}
    # Sub-columns that name nothing of their own («…: с», «…: по») are one column in pieces: the
    # first of a group takes part in the assignment, the others join it below.
    pieces = [i for i in per_cell if group_label(header[i]) and not _candidates(_sub(header[i]), synonyms)]
    later = {
        i for i in pieces if any(j < i and group_label(header[j]) == group_label(header[i]) for j in pieces)
    }
    choosing = {i: found for i, found in per_cell.items() if i not in later}
    for index, cand in sorted(assign(choosing, frozenset(taken_columns), SHARED).items()):
        matches.append(
            ColumnMatch(cand.column, index, header[index], cand.evidence, cand.synonym, cand.score)
        )
        taken_cells.add(index)
    taken_columns |= {m.column for m in matches}
    for index, found in per_cell.items():
        if index in taken_cells or not found:
            continue
        for cand in found:
            alone = cand.column in SIDE_BY_SIDE and len(found) == 1  # it names that column only
            if cand.column in taken_columns and not (alone or _joins(header, matches, cand.column, index)):
                continue
            matches.append(
                ColumnMatch(cand.column, index, header[index], cand.evidence, cand.synonym, cand.score)
            )
            taken_columns.add(cand.column)
            taken_cells.add(index)
            break
    for index, text in enumerate(header):
        group = group_label(text)
        fed = {m.column: m for m in matches if group and group_label(m.header) == group}
        if (
            index not in taken_cells
            and text.strip()
            and len(fed) == 1
            and not _candidates(_sub(text), synonyms)
        ):
            # «Сторона: от России» beside «Сторона: от иностранных государств», which names the
            # participants: a group's sub-column naming nothing feeds what its siblings all feed
            (sibling,) = fed.values()
            matches.append(replace(sibling, index=index, header=text))
            taken_cells.add(index)
    from muniflow.interpret.place_parts import with_place_parts  # it reads headers by these words

    placed = with_place_parts(header, sorted(matches, key=lambda m: (m.index, m.column)))
    taken_cells |= {m.index for m in placed}
    unmapped = tuple(i for i, t in enumerate(header) if t.strip() and i not in taken_cells)
    return placed, unmapped


# Columns several header cells may feed: a start and an end date column are read as a range.
SHARED = frozenset({"date_text"})
# Columns that side-by-side header cells may feed without a group header above them, each part
# kept with its label («Российская сторона» | «Иностранная сторона»; «Цель» | «Результат»).
SIDE_BY_SIDE = frozenset({"participants", "goal"})


def _without_fallbacks(
    per_cell: Mapping[int, list[Candidate]], header: Sequence[str], synonyms: Mapping[str, Sequence[str]]
) -> dict[int, list[Candidate]]:
    """Each cell's candidates less those by a fallback synonym (contract `fallbackSynonyms`) of a
    column another cell names by another synonym: «Форма проведения» beside «Мероприятие» is the
    event's format (очно, онлайн), not its title. A cell that names that column by another synonym
    too keeps it by that one: «Форма и тема мероприятия» is the title by «тема мероприятия», though
    «формат мероприятия» matched more of it, and «Организатор мероприятия» beside it no title. A cell
    naming the column only by a word after its head («Организатор мероприятия») names it for no one:
    «Форма проведения» beside it is the lone title cell."""
    fallback = fallback_synonyms()
    out = {}
    for index, found in per_cell.items():
        named = {
            c.column
            for j, other in per_cell.items()
            if j != index
            for c in other
            if c.synonym not in fallback and not c.dependent
        }
        kept: list[Candidate] = []
        for cand in found:
            if cand.synonym in fallback and cand.column in named:
                plain = _cell_candidates(header[index], _without(synonyms, fallback))
                kept.extend(c for c in plain if c.column == cand.column)
            else:
                kept.append(cand)
        out[index] = sorted(kept, key=_order)
    return out


def _without(synonyms: Mapping[str, Sequence[str]], dropped: frozenset[str]) -> dict[str, list[str]]:
    """The vocabulary less some synonyms."""
    return {column: [s for s in words if s not in dropped] for column, words in synonyms.items()}


def fallback_synonyms() -> frozenset[str]:
    """The contract's fallback synonyms (`fallbackSynonyms`), as written in headerSynonyms."""
    return frozenset(str(s) for s in load_contract().threshold("fallbackSynonyms", []) or [])


def _sub_names_one(text: str, synonyms: Mapping[str, Sequence[str]]) -> bool:
    """A sub-column whose own label names one column («Место и время проведения: место»): the
    group's two fields are split between its sub-columns, so neither is both."""
    return bool(group_label(text)) and len({c.column for c in _candidates(_sub(text), synonyms)}) == 1


def group_label(label: str) -> str:
    """The group label of a flattened header cell («Участники: российские» -> «Участники»), or ""."""
    return label.split(": ", 1)[0] if ": " in label else ""


def _cell_candidates(text: str, synonyms: Mapping[str, Sequence[str]]) -> list[Candidate]:
    """A header cell's candidates. Under a group label («Содержание: Участники …») the cell's own
    label is asked first: the group's words only say which group it stands in, and may name
    another column (a goal word over the participants); where its own label names nothing («…: с»,
    «…: от России»), the group's words with it do."""
    if group_label(text):
        own = candidates(_sub(text), synonyms)
        if own:
            return own
    return candidates(text, synonyms)


def _sub(label: str) -> str:
    return label.split(": ", 1)[1] if ": " in label else label


def _joins(header: Sequence[str], matches: Sequence[ColumnMatch], column: str, index: int) -> bool:
    """Whether a second cell feeds a column already taken: a start/end date pair, sub-columns of
    one group («Участники: российская сторона» / «…: иностранная сторона»), or the neighbour of a
    participants cell that names participants too, or a cell naming on its own what a combined cell
    holds a part of («Наименование и цель мероприятия» | «Результат»: both the goal)."""
    if column in SHARED:
        return True
    if column in SIDE_BY_SIDE and any(m.column == column and m.evidence == COMBINED for m in matches):
        return True
    if column in SIDE_BY_SIDE and any(m.column == column and abs(m.index - index) == 1 for m in matches):
        return True
    group = group_label(header[index])
    return bool(group) and any(m.column == column and group_label(m.header) == group for m in matches)


def indexes(matches: Sequence[ColumnMatch], column: str) -> tuple[int, ...]:
    """The cells feeding one canonical column, in header order."""
    return tuple(m.index for m in matches if m.column == column)
