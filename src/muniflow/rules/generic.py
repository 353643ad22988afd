"""duplicate_event, generic titles: a guest's «Фестиваль» for the host's long title.

A title of `generic_max_words` words or fewer says too little to be judged as a pair: it is one
event with a longer title of another municipality only when all the rest agrees (the same days,
place and venue) and it may mean no other event there. Decided between kept rows after the
groups, so a rerun on the kept rows decides the same.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from muniflow.rules import blocking, places, titles
from muniflow.rules.judging import identities_part, matched_words, names_differ, other_regions, places_match

if TYPE_CHECKING:
    from muniflow.rules.duplicates import DedupConfig, Event


def judge_generic(long_: Event, short: Event, cfg: DedupConfig) -> float | None:
    """The score when a generic title (`generic_max_words` words or fewer) is the longer one's
    event, None when it is not; the title alone says too little, so all the rest must agree.

    A guest often writes «Фестиваль» for the host's «Международный фестиваль народного творчества
    …»: one event when the rows come from two municipalities (one report listing both means two
    lines, two events), the generic title may mean the long one (may_mean) and fits it (fits).
    """
    if short.row.municipality == long_.row.municipality:
        return None
    return (
        generic_score(long_, short, cfg) if may_mean(long_, short, cfg) and fits(long_, short, cfg) else None
    )


def may_mean(long_: Event, short: Event, cfg: DedupConfig) -> bool:
    """Whether a generic title may stand for a longer one of overlapping days: the places name a
    common settlement, no number of each is missing from the other, the quoted names do not differ
    and every word of the short title is in the long one."""
    return (
        not long_.remote  # a generic title says too little to tell one online event from another
        and not short.remote
        and places_match(long_, short) is True
        and not names_differ(long_, short, cfg)  # «Конкурс «Для вас»» is no «Конкурс «Северная лира»»
        and not identities_part(long_, short, cfg)
        and (short.words <= long_.words or generic_score(long_, short, cfg) >= 100 * cfg.subset_weight)
    )


def fits(long_: Event, short: Event, cfg: DedupConfig) -> bool:
    """Whether a generic title that may mean a longer one is it: the first and last days are the
    same, and no venues differ (named in quotes, or written out)."""
    if (short.start, short.end) != (long_.start, long_.end):
        return False
    venues = places.venue_names(long_.row.place), places.venue_names(short.row.place)
    # «ДК «Заря»» and «стадион «Спартак»» of one village: two venues, two events.
    if all(venues) and fuzz.token_set_ratio(*venues) < cfg.quoted_names_threshold:
        return False
    # «г. Лесногорск, филармония» and «г. Лесногорск, ДК «Заря»»: a town has many stages; a venue on one side
    # only («г. Лесногорск») may be any of them.
    return not _venues_differ(long_.row.place, short.row.place, cfg)


def _venues_differ(a: str, b: str, cfg: DedupConfig) -> bool:
    """Whether both places name a venue besides where it is, and the two share no word (read as
    title words are: «ДК» is «Дом культуры»; a settlement's name or adjective, «Лесногорская
    филармония», «Жилина», is where, not which venue)."""
    venues = [places.venue_text(p, cfg.place_rules) for p in (a, b)]
    if not all(venues):
        return False
    where = places.settlement_stems(a, cfg.place_rules) | places.settlement_stems(b, cfg.place_rules)
    mine, theirs = (
        {w for w in titles.normalize_title(v, cfg.title_rules).words if not _names_one_of(w, where)}
        for v in venues
    )
    return bool(mine) and bool(theirs) and mine.isdisjoint(theirs)


def _names_one_of(word: str, stems: frozenset[str]) -> bool:
    """Whether a lemma names one of the settlements (stems) a place names."""
    return any(places.stems_match(places.stem(word), s) for s in stems)


def generic_score(a: Event, b: Event, cfg: DedupConfig) -> float:
    """0..100: the share of a generic (short) title's words found in the other title, discounted
    by `subset_weight`; 0 when neither title is generic."""
    short, long_ = sorted((a, b), key=lambda e: len(e.words))
    if len(short.words) > cfg.generic_max_words or len(short.words) >= len(long_.words):
        return 0.0
    return (
        cfg.subset_weight
        * 100
        * matched_words(short.words, long_.words, cfg.word_match, typo_letters=cfg.typo_min_letters)
        / len(short.words)
    )


def attach_generic(events: list[Event], kept: list[int], cfg: DedupConfig) -> dict[int, int]:
    """Kept generic titles -> the kept row of the one other event each fits.

    Judged between kept rows only (`kept[i]` is row i's kept copy, i itself when kept or alone),
    which a rerun on the kept rows sees again, so it decides again as it did; an attached generic
    title takes its own copies along. A generic
    title that may mean two such events («Концерт» beside two concerts at one place on days that
    overlap its own) stays alone: which one it meant is unknown. Longer generic titles go first,
    and one that is attached is no event for the shorter ones. A generic title is always the copy:
    the long title says more. Rows of its own municipality are no evidence either way.
    """
    fitting: dict[int, list[int]] = defaultdict(list)
    others: dict[int, list[int]] = defaultdict(list)  # events it may mean but does not fit
    for i, j in blocking.generic_pairs(events, cfg):
        if kept[i] != i or kept[j] != j or events[i].row.municipality == events[j].row.municipality:
            continue
        if other_regions(events[i], events[j]):
            continue
        if may_mean(events[i], events[j], cfg):
            (fitting if fits(events[i], events[j], cfg) else others)[j].append(i)
    attached: dict[int, int] = {}
    for j in sorted(fitting, key=lambda j: (-len(events[j].words), j)):
        meant = {i for i in (*fitting[j], *others[j]) if i not in attached}
        if len(meant) == 1 and meant <= set(fitting[j]):
            attached[j] = meant.pop()
    return attached
