"""duplicate_event, groups: the rows that are one event, and the copy each group keeps.

Pairs judged one event join into groups (single link); each group keeps the row whose
municipality hosts the event. A title naming no kind of event («Белые зори – 2025») joins the rows
naming one only when their kinds may be one event: it never links a tournament and a festival
of its name (kinds.py). Weak matches (a short title that shares only the event's name with a long
one) join kept rows afterwards, and only where the short title fits one row of each municipality.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import chain
from typing import TYPE_CHECKING

from muniflow.rules import blocking, kinds
from muniflow.rules.judging import judge_pair, names_host, shares_name

if TYPE_CHECKING:
    from muniflow.rules.duplicates import DedupConfig, Event


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], i: int, j: int) -> None:
    """Join two rows' groups under the smaller root."""
    ri, rj = _find(parent, i), _find(parent, j)
    if ri != rj:
        parent[max(ri, rj)] = min(ri, rj)


def groups(events: list[Event], cfg: DedupConfig) -> tuple[list[list[int]], list[tuple[int, int]]]:
    """Indices of the rows that are one event, by blocked pairwise judgement (single link), and
    the weak matches (judge_pair), left to attach_weak."""
    parent = list(range(len(events)))
    weak: list[tuple[int, int]] = []
    bridges: list[tuple[int, int]] = []  # (a row naming no kind, a row naming one)
    threshold = cfg.min_common_words
    # What the cheap bound below reads of each row, gathered once: it is asked of every blocked
    # pair (hundreds of thousands at 100 000 rows), and most fail it.
    all_words = [event.words for event in events]
    sizes = [len(words) for words in all_words]
    masks = _word_masks(all_words)
    shortened = [bool(event.title.abbreviations or event.title.initialisms) for event in events]
    remotes = [event.remote for event in events]
    all_place_keys = [event.place_keys for event in events]
    for i, found in enumerate(blocking.candidates(events, cfg)):
        event = events[i]
        mask, size, short = masks[i], sizes[i], shortened[i]
        remote, place_keys = remotes[i], all_place_keys[i]
        for j in found:
            # The cheap bound of judge() inlined: most candidates share only generic words (an
            # abbreviation may be one of them, which judge() reads first; a shared name passes it
            # where the places may agree, as only there does it lower the bar).
            if (
                200 * (mask & masks[j]).bit_count() < threshold * (size + sizes[j])
                and not (short or shortened[j])
                and not (
                    (remote or remotes[j] or not place_keys.isdisjoint(all_place_keys[j]))
                    and shares_name(event, events[j])
                )
            ):
                continue
            judged = judge_pair(event, events[j], cfg)
            if judged is None:
                continue
            if judged[1]:
                weak.append((i, j))
            elif cfg.kinds_must_agree and bool(event.kinds) != bool(events[j].kinds):
                bridges.append((i, j) if not event.kinds else (j, i))
            else:
                _union(parent, i, j)
    _join_bridges(parent, events, bridges)
    grouped: dict[int, list[int]] = defaultdict(list)
    for i in range(len(events)):
        grouped[_find(parent, i)].append(i)
    return [members for members in grouped.values() if len(members) > 1], weak


def _word_masks(all_words: list[frozenset[str]]) -> list[int]:
    """Each row's words as the bits of one integer, a bit per distinct word, the commonest words
    the lowest (an integer is as long as its highest bit, and ANDing two costs the shorter): the
    words two rows share are the bits of their masks' AND, counted without building a set."""
    counts = Counter(chain.from_iterable(all_words))
    bit = {word: 1 << k for k, (word, _) in enumerate(counts.most_common())}
    return [sum(bit[word] for word in words) for words in all_words]


def _join_bridges(parent: list[int], events: list[Event], bridges: list[tuple[int, int]]) -> None:
    """Join the rows naming no kind to the groups of rows naming one they match, when those
    groups' kinds may all be one event; otherwise which one the row meant is unknown («Белые зори»
    beside «Турнир «Белые зори»» and «Фестиваль «Белые зори»»), and it stays alone. Decided on the
    groups the pairs of rows alike in this make, so row order does not matter."""
    if not bridges:
        return
    reached: dict[int, set[int]] = defaultdict(set)
    for plain, kind in bridges:
        reached[_find(parent, plain)].add(_find(parent, kind))
    group_kinds: dict[int, set[str]] = defaultdict(set)
    for i, event in enumerate(events):
        if event.kinds:
            group_kinds[_find(parent, i)] |= event.kinds
    for plain, found in list(reached.items()):
        families = [frozenset(group_kinds[g]) for g in sorted(found)]
        if any(kinds.part(a, b) for n, a in enumerate(families) for b in families[n + 1 :]):
            continue
        for g in found:
            _union(parent, plain, g)


def attach_weak(
    events: list[Event], kept: list[int], weak: list[tuple[int, int]], cfg: DedupConfig
) -> list[int]:
    """Each row's kept copy after joining the weak matches between kept rows: a short title with
    the event's name and a long one of another municipality («Праздник «X»», «Выступление
    ансамбля «Лад» на празднике «X»»).

    Judged between kept rows only, as attach_generic is, so a rerun on the kept rows decides as
    this run did; and a weak match is left alone when either row weakly matches another row of
    the other's municipality: which one it meant is unknown (the host's festival and the host's
    master class at it, a guest's «Участие в фестивале «X»» fitting both), or when the other
    rows it weakly matches name a kind of event the one does not share (`cfg.kinds_must_agree`: a
    name alone beside a tournament and a festival of it). The joined rows keep the host's row, as
    groups do.
    """
    pairs = [(i, j) for i, j in weak if kept[i] == i and kept[j] == j]
    if not pairs:
        return kept
    partners: dict[int, list[int]] = defaultdict(list)
    for i, j in pairs:
        partners[i].append(j)
        partners[j].append(i)

    def alone(i: int, j: int) -> bool:
        """Whether `j` is the one weak partner of `i` from `j`'s municipality, and no other partner
        of `i` names a kind of event `j`'s parts from."""
        town = events[j].row.municipality
        if cfg.kinds_must_agree and any(kinds.part(events[p].kinds, events[j].kinds) for p in partners[i]):
            return False
        return sum(events[p].row.municipality == town for p in partners[i]) == 1

    parent = list(range(len(events)))
    for i, j in pairs:
        if alone(i, j) and alone(j, i):
            _union(parent, i, j)
    joined: dict[int, list[int]] = defaultdict(list)
    for i in sorted(partners):
        joined[_find(parent, i)].append(i)
    now = {k: kept_row(members, events) for members in joined.values() if len(members) > 1 for k in members}
    return [now.get(k, k) for k in kept]


def kept_row(members: list[int], events: list[Event]) -> int:
    """The copy of one event that stays: not a guest's (a title saying its municipality took part
    in the event, guests.py), then the one whose municipality hosts it, naming the place exactly
    before a district named after it («город Брянск» hosts «г. Брянск», not «Брянский район»,
    брян-), then the first by key (indices follow key order)."""
    hosts = _hosts(members, events)
    return min(members, key=lambda i: (events[i].guest, i not in hosts, not events[i].exact_host, i))


def _hosts(members: list[int], events: list[Event]) -> set[int]:
    """The members whose municipality hosts the event: it names their own place, or another
    member's place names it (the host writes its village, a guest the host's district)."""
    return {
        i
        for i in members
        if events[i].hosted or any(names_host(events[j], events[i]) for j in members if j != i)
    }
