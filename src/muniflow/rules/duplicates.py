"""The duplicate_event rule: one event reported twice in a period, found by blocking and fuzzy titles.

This module reads the contract, prepares each row once (Event) and flags the copies; the pair's
judgement is judging.py's (overlapping dates, places that do not differ, titles scoring above the
contract's threshold, no identifying word that differs: parting.py), which pairs are compared at
all is blocking.py's, the groups and the copy each keeps (the one whose municipality hosts the
event, then the first by key) grouping.py's, and a generic title («Фестиваль») left alone joins
the one kept row it fits, if only one (generic.py). Every decision is a function of the pair (or
of a title and the kept rows) alone, so the result does not depend on row order, and rerunning on
the kept rows finds nothing.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any, NamedTuple, Protocol, TypeVar, cast

from muniflow.contracts import contract_file, parse_yaml
from muniflow.model import Flag, Row
from muniflow.rules import generic, grouping, guests, judging, kinds, places, titles

RULE = "duplicate_event"
CONTRACT_FILE = "duplicates.yaml"


class _Key(Hashable, Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


K = TypeVar("K", bound=_Key)


@dataclass(frozen=True)
class DedupConfig:
    """The contract's thresholds and word lists, compiled."""

    severity: str
    title_rules: titles.TitleRules
    guest_rules: guests.GuestRules
    kind_rules: kinds.KindRules
    place_rules: places.PlaceRules
    subset_weight: float
    subset_min_tokens: int
    subset_min_share: float
    threshold_place_compatible: float
    threshold_place_unknown: float
    quoted_names_threshold: float
    word_match: float
    typo_min_letters: int  # one edit is a typo in a word this long (spelling.py); 0: by ratio only
    stem_min_letters: int  # an adjective and its noun («музыкальный», «музыка»): 0, never
    stem_min_share: float
    same_name_ratio: float
    same_name_threshold: float
    same_name_min_words: int
    min_common_words: float
    numbers_must_agree: bool
    countries_must_agree: bool
    slots_must_agree: bool
    kinds_must_agree: bool
    home_country: str  # the country word (titles.COUNTRY_MARK + key) no partner is
    generic_max_words: int
    tokens_per_row: int
    max_days_per_row: int
    common_word_rows: int
    common_word_share: float


def load_config(path: Path | None = None) -> DedupConfig:
    """contracts/duplicates.yaml (in $MUNIFLOW_CONTRACTS_DIR if set, or at `path`), read once."""
    return _config(contract_file(path, CONTRACT_FILE))


def _country_words() -> list[str]:
    """One-word country names of the one list of countries (enrich/world.py): a country alone
    names no settlement, «Беларусь» is not another town than «г. Минск»."""
    from muniflow.enrich.world import countries

    return [name for c in countries() for name in c.names if " " not in name]


def _country_forms() -> list[tuple[str, tuple[str, ...]]]:
    """Each country of the one list with every form that names it (names, abbreviations,
    adjectives, the first halves of compound adjectives): in titles, «делегация КНР» and «китайская
    делегация» name one country, «российско-китайский форум» two. A form with a word cut short by
    a hyphen («о-в Рождества») is left to its full form («Остров Рождества»): titles drop such a
    word, and «Рождество» alone would name the island."""
    from muniflow.enrich.world import countries

    return [
        (
            c.key,
            tuple(
                n
                for n in (*c.names, *c.adjectives, *map(_compound_half, c.adjectives), *c.compounds)
                if n and not _CUT_WORD.search(n)
            ),
        )
        for c in countries()
    ]


# The endings of an adjective whose compound half ends in «-о» instead: российский, российско-.
_HALF_FROM = ("ский", "цкий")


def _compound_half(adjective: str) -> str:
    """The first half of a compound adjective a country adjective gives («российский»: «российско»,
    as in «российско-китайский»; a title's hyphen parts the two words), "" for none."""
    return adjective[:-2] + "о" if adjective.endswith(_HALF_FROM) else ""


_CUT_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,2}-[^\W\d_]{1,2}(?![^\W\d_])")  # о-в, о-ва


MUNICIPALITIES_FILE = "municipalities.yaml"


def _municipality_kinds(extra: list[str]) -> list[str]:
    """The phrases naming a municipality's kind in a title (titles.make_rules `kinds`): from the
    vocabulary of municipality names (municipalities.yaml) those a name may end with («район»,
    «муниципальный округ»), the phrases of several words a name may open with («городской округ»)
    and the abbreviations («МР»), and `extra`. A word a name opens with stays a word of its own:
    «город», «село» name a settlement, which a municipality of another kind may hold."""
    keys = ("kinds_after_name", "kinds_before_name", "capital_abbreviations")
    data = parse_yaml(contract_file(None, MUNICIPALITIES_FILE), keys)
    abbreviations = data["capital_abbreviations"] or {}
    before = [str(k) for k in data["kinds_before_name"] if " " in str(k) or str(k).isupper()]
    phrases = [*extra, *map(str, abbreviations), *map(str, abbreviations.values())]
    return list(dict.fromkeys([*phrases, *map(str, data["kinds_after_name"]), *before]))


def _settlement_nouns() -> list[str]:
    """The kind nouns after which a settlement's name follows (municipalities.yaml
    `settlement_nouns`: «город», «поселок»): a municipality named so is one settlement."""
    data = parse_yaml(contract_file(None, MUNICIPALITIES_FILE), ("settlement_nouns",))
    return [str(w) for w in data["settlement_nouns"] or []]


def _home_country() -> str:
    """The key of the reports' own country (enrichment.yaml `home_country`): no partner."""
    from muniflow.enrich import contract

    return contract.load().home_country


@lru_cache(maxsize=4)
def _config(path: Path) -> DedupConfig:
    data = parse_yaml(path, ("title", "match", "blocking", "places"))
    title, match, block, place = data["title"], data["match"], data["blocking"], data["places"]
    return DedupConfig(
        severity=data.get("severity", "error"),
        title_rules=titles.make_rules(
            title["strip_leading"],
            title["stopwords"],
            _country_forms(),
            title.get("same_words", []),
            int(title.get("abbreviation_min_letters", 0)),
            # a settlement type with a full stop («пос. Лесной», «дер.») abbreviates no title word
            [*place["settlement_types"], *place.get("not_a_settlement_after", [])],
            title.get("participation", []),
            title.get("participation_prepositions", []),
            title.get("place_prepositions", []),
            _municipality_kinds(title.get("municipality_kinds", [])),
            int(title.get("initialism_min_letters", 0)),
        ),
        guest_rules=guests.make_rules(
            (title.get("guest_copy") or {}).get("nouns", []),
            (title.get("guest_copy") or {}).get("verbs", []),
            (title.get("guest_copy") or {}).get("not_after", []),
        ),
        kind_rules=kinds.make_rules(
            title.get("kinds") or {},
            int(title.get("kind_compound_min_letters", 0)),
            title.get("kind_modifiers") or {},
            # the words a title opens with before its head noun («Участие в …», «Организация …»)
            [*title["strip_leading"], *title.get("participation", []), *title["stopwords"]],
        ),
        place_rules=places.make_rules(
            place["settlement_types"],
            place["ignored"],
            place["regions"],
            place["republics"],
            _country_words(),
            place.get("not_a_settlement_after", []),
            place.get("town_or_district_types", []),
            place.get("remote", []),
            place.get("district_types", []),
            place.get("not_district", []),
            _settlement_nouns(),
        ),
        subset_weight=float(match["subset_weight"]),
        subset_min_tokens=int(match["subset_min_tokens"]),
        subset_min_share=float(match["subset_min_share"]),
        threshold_place_compatible=float(match["threshold_place_compatible"]),
        threshold_place_unknown=float(match["threshold_place_unknown"]),
        quoted_names_threshold=float(match["quoted_names_threshold"]),
        word_match=float(match["word_match"]),
        typo_min_letters=int(match.get("typo_min_letters", 0)),
        stem_min_letters=int(match.get("stem_min_letters", 0)),
        stem_min_share=float(match.get("stem_min_share", 1.0)),
        same_name_ratio=float(match["same_name_ratio"]),
        same_name_threshold=float(match["same_name_threshold"]),
        same_name_min_words=int(match.get("same_name_min_words", 2)),
        min_common_words=float(match["min_common_words"]),
        numbers_must_agree=bool(match.get("numbers_must_agree", False)),
        countries_must_agree=bool(match.get("countries_must_agree", False)),
        slots_must_agree=bool(match.get("slots_must_agree", False)),
        kinds_must_agree=bool(match.get("kinds_must_agree", False)),
        home_country=titles.COUNTRY_MARK + _home_country().lower(),
        generic_max_words=int(match.get("generic_max_words", 0)),
        tokens_per_row=int(block["tokens_per_row"]),
        max_days_per_row=int(block["max_days_per_row"]),
        common_word_rows=int(block.get("common_word_rows", 1000)),
        common_word_share=float(block.get("common_word_share", 0.005)),
    )


class Event(NamedTuple):
    """What the rule needs of one row, computed once (a NamedTuple: cheap to build 100 000)."""

    row: Row
    start: int  # ordinal days
    end: int
    title: titles.NormTitle
    words: frozenset[str]  # the title's lemmas, numbers in digits aside (`numbers`)
    names_text: str
    place: frozenset[str]
    area: frozenset[str]  # stems of the row's municipality (its section heading)
    hosted: bool  # the row's municipality names the place's settlement or district
    local: bool  # the place names no town, district or country: maybe a village of its municipality
    numbers: frozenset[str]  # the title's numbers written in digits
    venue: frozenset[str]  # stems of the place with quoted names kept («МБУК «Озёрный РДК»»)
    towns: frozenset[str]  # stems of the settlements the place names after a type word («г. Ельня»)
    region: str  # the region of the row's report, "" when its report names none
    # the place names the municipality's own settlement exactly («г. Брянск» for «город Брянск»),
    # not only one its stem begins («Брянский район» for «г. Брянск»): the surer host
    exact_host: bool = False
    countries: frozenset[str] = frozenset()  # the foreign countries the title names (#by, #kz)
    remote: bool = False  # the place says only that it was attended from afar («онлайн»)
    # keys any row whose place may agree shares (places.block_keys of the place, and of the
    # municipality when the place may be a village of it): a set test before places_match
    place_keys: frozenset[str] = frozenset()
    # stems of the districts the place names by adjective and district word («Озёрского района»)
    within: frozenset[str] = frozenset()
    guest: bool = False  # the title says the municipality took part in another's event (guests.py)
    kind_words: frozenset[str] = frozenset()  # the lemmas naming its kind of event (kinds.py)
    kinds: frozenset[str] = frozenset()  # the families of those (contract `kinds`)


@lru_cache(maxsize=100_000)
def _place_and_host(
    place: str, municipality: str, rules: places.PlaceRules
) -> tuple[frozenset[str], frozenset[str], bool, bool, frozenset[str], frozenset[str]]:
    """A place's settlement stems, the municipality's, whether it hosts the place (names the same
    one), whether the place may lie inside it: it names no town, no district and no country
    («д. Ивановка», not «г. Лесногорск» or «Озёрский район»), a town or district of its own being
    hosted already; the stems of the settlements it names after a type word («г. Лесногорск»); and
    of the districts it names (places.district_stems). A town's municipality («город Озёрск») does
    not host a district named after it («Озёрский район»): that is another municipality."""
    stems = places.settlement_stems(place, rules)
    area = places.settlement_stems(municipality, rules, keep_quoted=True)
    local = not places.names_town_or_district(place, rules) and not places.names_country(place, rules)
    towns = places.settlement_stems(place, rules, typed_only=True)
    within = places.district_stems(place, rules) & stems
    own = stems - within if within and places.is_town_municipality(municipality, rules) else stems
    return stems, area, places.compatible(own, area) is True, local, towns, within


def _prepare(row: Row, cfg: DedupConfig, region: str = "") -> Event | None:
    """Normalize one row; None when it has no date or no title words to judge."""
    first = row.start_date or row.end_date
    last = row.end_date or row.start_date
    if first is None or last is None:
        return None
    title = titles.normalize_title(row.title, cfg.title_rules)
    if not title.tokens:
        return None
    place, area, hosted, local, towns, within = _place_and_host(row.place, row.municipality, cfg.place_rules)
    start, end = sorted((first.toordinal(), last.toordinal()))
    kind_words = kinds.kind_words(title, cfg.kind_rules)
    numbers = title.numbers
    venue = place or places.settlement_stems(row.place, cfg.place_rules, keep_quoted=True)
    remote = not place and places.says_remote(row.place, cfg.place_rules)
    if not venue and local and any(ch.isalpha() for ch in row.place):
        # a venue with no name of a town or of its own («районный Дом культуры», «ДК»): the
        # municipality's own, as its clerk means it; «онлайн» too, unless the titles say which
        # event it attended from afar (judging.places_match)
        place = venue = area
    return Event(
        row,
        start,
        end,
        title,
        title.words - numbers if numbers else title.words,  # a number one side only parts nothing
        title.names_text,
        place,
        area,
        hosted,
        local,
        numbers,
        venue,
        towns,
        region,
        hosted and not place.isdisjoint(area),
        title.countries - {cfg.home_country} if title.countries else title.countries,
        remote,
        _place_keys(place, area, local),
        within,
        guests.says_guest(row.title, cfg.guest_rules),
        kind_words,
        kinds.title_kinds(title, kind_words, cfg.kind_rules, row.title),
    )


@lru_cache(maxsize=100_000)
def _place_keys(place: frozenset[str], area: frozenset[str], local: bool) -> frozenset[str]:
    """places.block_keys of a place, and of its municipality when the place may be a village of
    it: the keys two rows whose places may agree share (Event.place_keys)."""
    return frozenset(places.block_keys(place | area if local else place))


def _message(kept: Row, copy: Row, score: float) -> str:
    """Russian text naming the kept copy, for the data-quality report: its number as the report
    writes it («2.» without the full stop), its municipality, and its file when it is another one."""
    number = kept.seq_text.strip().rstrip(".") or (str(kept.seq_no) if kept.seq_no is not None else "?")
    where = kept.municipality
    if kept.source_file != copy.source_file:
        where = f"{where}, файл «{PurePath(kept.source_file).name}»"
    return f"Повтор мероприятия: оставлена запись № {number} ({where}), сходство названий {score:.0f}%"


def find_duplicates(
    rows: Sequence[tuple[K, Row]],
    config: DedupConfig | None = None,
    regions: Mapping[K, str | None] | None = None,
) -> list[tuple[K, Flag]]:
    """Flag every copy but one of each event reported more than once, sorted by key. `regions`:
    the region of each row's report; rows of two regions named are never one event's copies (a
    guest district of another region reports its part to its own government)."""
    with _no_cycle_collection():
        return _find_duplicates(rows, config or load_config(), regions or {})


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector paused while the rule runs: it builds an Event, a normalized
    title and their sets per row and none of them in a cycle, yet each full collection walks every
    object alive (the caller's rows too), a third of the run at 100 000 rows; reference counting
    still frees what the rule drops. Resumed after if it ran before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _find_duplicates(
    rows: Sequence[tuple[K, Row]], cfg: DedupConfig, where: Mapping[K, str | None]
) -> list[tuple[K, Flag]]:
    prepared = [
        (key, _prepare(row, cfg, where.get(key) or "")) for key, row in sorted(rows, key=lambda kr: kr[0])
    ]
    keys = [key for key, event in prepared if event is not None]
    events = [event for _, event in prepared if event is not None]
    kept = list(range(len(events)))
    found, weak = grouping.groups(events, cfg)
    for members in found:
        first = grouping.kept_row(members, events)
        for i in members:
            kept[i] = first
    kept = grouping.attach_weak(events, kept, weak, cfg)
    attached = generic.attach_generic(events, kept, cfg)
    copies = [(i, attached.get(k, k)) for i, k in enumerate(kept) if attached.get(k, k) != i]
    flags: list[tuple[K, Flag]] = []
    for i, k in copies:
        score = max(
            judging.pair_score(events[i], events[k], cfg), generic.generic_score(events[i], events[k], cfg)
        )
        flag = Flag(
            row_index=events[i].row.row_index,
            rule=RULE,
            severity=cfg.severity,
            message=_message(events[k].row, events[i].row, score),
            field="title",
            value=events[i].row.title,
            related_row=cast("tuple[str, int]", keys[k]),
        )
        flags.append((keys[i], flag))
    return sorted(flags, key=lambda kf: kf[0])
