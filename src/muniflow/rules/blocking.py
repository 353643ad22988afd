"""Blocking for the duplicate_event rule: which pairs of rows are compared at all, never all pairs.

Rows are filed under keys (pairs of top lemmas, ranked with quoted names first and by length
alone; whole quoted names) and looked up by start day; generic titles, which share no key with
the long titles they shorten, are filed by their days.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import chain, combinations
from typing import TYPE_CHECKING

from muniflow.morph import analyzer
from muniflow.rules.spelling import known

if TYPE_CHECKING:
    from muniflow.rules.duplicates import DedupConfig, Event


def word_keys(event: Event, cfg: DedupConfig, common: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """Pairs of a row's most distinctive lemmas: quoted names first, then the longest words.

    A duplicate shares most of its words, so it shares a pair of the top ones; a pair of words
    makes blocks small even where single words (фестиваль, международный) are everywhere.
    """
    ranked = event.title.ranked[: cfg.tokens_per_row]
    # Each whole quoted name is a key too: a guest's long title («Участие творческих коллективов
    # … в фестивале «Венок»») shares no pair of top words with the host's «Фестиваль «Венок»».
    names = [(name, _NAME_KEY) for name in event.title.name_groups]
    # A title writing the event's coined name without quotes («Участие в выставке Иннопром-2025»)
    # is filed under it as a quoted name is, so it meets the title quoting it («… в промышленной
    # выставке «Иннопром»»), whose top words may all be others.
    unquoted = [] if names else [(word, _NAME_KEY) for word in event.title.tokens if coined(word)]
    if len(ranked) == 1:
        return [(ranked[0], ""), *names, *unquoted]
    # Pairs of the longest words too, quotes aside: the other report may write the name without
    # quotes («Узоры: фестиваль …» for «Фестиваль «Узоры»»), and its words then rank by length.
    # Not a pair of two `common` words (международный, фестиваль, where many rows are): a quoted
    # title filed there too would swell the largest blocks for the rare pair that needs it.
    longest = [
        (a, b)
        for a, b in combinations(event.title.longest[: cfg.tokens_per_row], 2)
        if a not in common or b not in common
    ]
    # An unquoted title is filed under its first two words too: a name written without quotes
    # opens the title («Озёрная весна – межд. турнир …» for «Турнир … «Озёрная весна»»), where
    # the guest's own words («воспитанниц спортивной школы») may be longer than the name's.
    tokens = event.title.tokens
    opening = (
        [(tokens[0], tokens[1])]
        if not names and len(tokens) > 1 and (tokens[0] not in common or tokens[1] not in common)
        else []
    )
    # Each pair in alphabetical order: two rankings may put its words either way round.
    pairs = {(a, b) if a < b else (b, a) for a, b in (*combinations(ranked, 2), *longest, *opening) if a != b}
    return [*sorted(pairs), *names, *unquoted]


_NAME_KEY = "«»"  # the second half of a whole quoted name's key: no lemma is written so
_PART_KEY = "«-»"  # the second half of a key of a quoted name less one of its words

# A coined name is a word this long at least: shorter unknown words are abbreviations and typos.
_COINED_MIN_LETTERS = 5


@lru_cache(maxsize=100_000)
def coined(word: str) -> bool:
    """Whether a title's lemma is a coined name: letters only, unknown to the dictionary (pymorphy3)
    in every reading («иннопром», «технопром»), as no common word is."""
    return (
        len(word) >= _COINED_MIN_LETTERS
        and word.isalpha()
        and not any(parse.is_known for parse in analyzer().parse(word))
    )


# The second half of an initialism's key: no lemma is written so.
_INITIALS_KEY = "^"


def _add_initial_keys(events: list[Event], keys: list[list[tuple[str, str]]]) -> None:
    """File each row whose title holds an initialism («МНПК») under its letters, and each row
    whose title holds a run of words spelling one of the batch's initialisms («Международная
    научно-практическая конференция») under them too: those titles may share no other key. Only
    runs spelling an initialism some row writes are filed (most batches hold none)."""
    letters = {initials for event in events for _, initials in event.title.initialisms}
    if not letters:
        return
    lengths = {len(initials) for initials in letters}
    for event, own in zip(events, keys, strict=True):
        found = {initials for _, initials in event.title.initialisms}
        tokens = event.title.tokens
        for n in lengths:
            found.update(
                spelt
                for i in range(len(tokens) - n + 1)
                if (spelt := "".join(w[0] for w in tokens[i : i + n])) in letters
            )
        own.extend((initials, _INITIALS_KEY) for initials in sorted(found))


def name_parts(event: Event) -> tuple[tuple[str, str], ...]:
    """Keys of a row's names of several words (_names), each less one of its words: a copy
    misspelling one word of a name («Славянский венк») shares the name's other words with the right
    one, where its other keys (the whole name, pairs of top words) may all hold the typo."""
    return _parts(_names(event))


def _names(event: Event) -> tuple[str, ...]:
    """A row's quoted names (lemmas sorted and joined), or, quoting none, its first two words: a
    name written without quotes opens the title («Славянский венок – межд. фестиваль»)."""
    title = event.title
    if title.name_groups or len(title.tokens) < 2:
        return title.name_groups
    return (" ".join(sorted(title.tokens[:2])),)


@lru_cache(maxsize=100_000)
def _parts(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """name_parts of one set of names (cached: a batch repeats its names)."""
    parts: list[tuple[str, str]] = []
    for name in names:
        words = name.split()
        if len(words) > 1:
            parts.extend((" ".join(words[:k] + words[k + 1 :]), _PART_KEY) for k in range(len(words)))
    return tuple(parts)


def misspelt_name(event: Event) -> bool:
    """Whether a name of the row (_names) holds a word the dictionary does not know: a typo, or a
    coined name, either of which may be another row's name misspelt (name_parts)."""
    return _misspelt(_names(event))


@lru_cache(maxsize=100_000)
def _misspelt(names: tuple[str, ...]) -> bool:
    """misspelt_name of one set of names (cached)."""
    return any(not word.isdigit() and not known(word) for name in names for word in name.split())


def _part_candidates(events: list[Event], cfg: DedupConfig, out: list[set[int]]) -> None:
    """Add to `out` the pairs of a row holding a word no dictionary knows in a name (a typo,
    misspelt_name) and a row sharing its name less one word (name_parts), on days that overlap. Every
    row is filed under its names' parts, but only the few rows with such a word look them up (the
    right spelling is in a dictionary, the typo is not), both ways in time: each pair goes to the
    row that starts first, as `candidates` gives it."""
    probing = [i for i, event in enumerate(events) if misspelt_name(event)]
    if not probing:
        return
    wanted = {key for i in probing for key in name_parts(events[i])}
    by_key: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)  # (start, row, last)
    for j, event in enumerate(events):
        for key in name_parts(event):
            if key in wanted:  # only the keys a misspelt row looks up are filed
                by_key[key].append((event.start, j, _days(event, cfg)[-1]))
    spans: dict[tuple[str, str], int] = {}  # the longest range of a key's rows: how far back to look
    for key, members in by_key.items():
        members.sort()
        spans[key] = max(last - start for start, _, last in members)
    for i in probing:
        event = events[i]
        mine = (event.start, i)
        last = _days(event, cfg)[-1]
        for key in name_parts(event):
            members = by_key[key]
            lo = bisect_right(members, (event.start - spans[key], -1))
            hi = bisect_right(members, (last, len(events)))
            for start, j, their_last in members[lo:hi]:
                if j != i and their_last >= event.start:  # the ranges overlap
                    if (start, j) < mine:
                        out[j].add(i)
                    else:
                        out[i].add(j)


def candidates(events: list[Event], cfg: DedupConfig) -> list[set[int]]:
    """For each row, the later-starting rows that share a word key and start within its range.

    Two ranges overlap exactly when one starts within the other, so each row looks up, per
    word key, the rows starting inside its own range (a bisect on start days): no overlapping
    pair is missed however long a range is, and each pair is found once, from the row that
    starts first (the smaller index on a tie).
    """
    # A row's place in (start, index) order as one integer, start * n + index: a list of ints
    # sorts and bisects at a fraction of the cost of (start, index) tuples.
    n = len(events)
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    common = _common_words(events, cfg)
    keys = [word_keys(event, cfg, common) for event in events]
    _add_initial_keys(events, keys)
    for i, event in enumerate(events):
        code = event.start * n + i
        for key in set(keys[i]):  # once each: a name quoted twice is one key
            by_key[key].append(code)
    # the last code a row's candidates may have: a row starting on its last day, any index
    lasts = [_days(event, cfg)[-1] * n + n - 1 for event in events]
    out: list[set[int]] = [set() for _ in events]
    for codes in by_key.values():
        if len(codes) < 2:
            continue  # a key one row holds pairs it with none
        codes.sort()
        ids = [code % n for code in codes]
        for at, i in enumerate(ids, start=1):
            # From just after this row in (start, index) order (a row starting the same day with
            # a smaller index has already found this one) to the last starting by its last day.
            end = bisect_right(codes, lasts[i], at)
            if end > at:
                out[i].update(ids[at:end])
    _part_candidates(events, cfg, out)
    return out


def _common_words(events: list[Event], cfg: DedupConfig) -> frozenset[str]:
    """Lemmas in more of the rows' titles than `common_word_rows` and that share of them
    (`common_word_share`): the words half the events have («международный», «фестиваль»); none in
    a quarter's few hundred rows."""
    counts = Counter(chain.from_iterable(event.title.words for event in events))
    floor = max(cfg.common_word_rows, cfg.common_word_share * len(events))
    return frozenset(word for word, n in counts.items() if n > floor)


def generic_pairs(events: list[Event], cfg: DedupConfig) -> list[tuple[int, int]]:
    """(long, short) pairs: a generic title (`generic_max_words` words or fewer) and a longer title
    that holds one of its words, on days that overlap, at places that may agree.

    The word keys miss them: a long title's top words are its longest ones, and «фестиваль» is
    rarely among them. Only the few generic rows are filed, under each day of their range, each
    of their words and each place key, so a row costs a look-up per day of its range and place key
    (most find nothing), not more keys per row; and a generic title meets only the rows of its days
    and place, not every festival of the day.
    """
    generic: dict[tuple[int, str], dict[str, list[int]]] = defaultdict(dict)
    for j, event in enumerate(events):
        if len(event.words) <= cfg.generic_max_words:
            for day in _days(event, cfg):
                for place in _place_keys(event):
                    for word in event.words:
                        generic[day, place].setdefault(word, []).append(j)
    if not generic:
        return []
    pairs: set[tuple[int, int]] = set()
    for i, event in enumerate(events):
        for day in _days(event, cfg):
            for place in _place_keys(event):
                by_word = generic.get((day, place))
                if by_word is None:
                    continue
                for word in event.words & by_word.keys():
                    pairs.update((i, j) for j in by_word[word] if len(events[j].words) < len(event.words))
    return sorted(pairs)


def _place_keys(event: Event) -> frozenset[str]:
    """Keys that two rows whose places may agree share: of the place's stems, and of the
    municipality's when the place may be a village of it (judging.names_host)."""
    return event.place_keys


def _days(event: Event, cfg: DedupConfig) -> range:
    """The days of a row's range, its first `max_days_per_row` only (a longer one is a data error)."""
    return range(event.start, min(event.end, event.start + cfg.max_days_per_row - 1) + 1)
