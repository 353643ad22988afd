"""The duplicate_event rule: one event reported twice in a period, found by blocking and fuzzy titles.

A pair of rows is one event when their date ranges overlap, their places do not name different
settlements, and their normalized titles (titles.py) score above the contract's threshold. Pairs
join into groups (single link); each group keeps one row — the one whose municipality hosts the
event, then the first by key — and flags the others. A generic title («Фестиваль») left alone is
then a copy of the one kept row it fits, if only one (judge_generic, _attach_generic). Every
decision is a function of the pair (or of the generic title and the kept rows) alone, so the
result does not depend on row order, and rerunning on the kept rows finds nothing. Which pairs
are compared at all is blocking.py's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any, NamedTuple, Protocol, TypeVar, cast

from rapidfuzz import fuzz

from muniflow.contracts import contract_file, parse_yaml
from muniflow.model import Flag, Row
from muniflow.rules import blocking, parting, places, titles

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
    place_rules: places.PlaceRules
    subset_weight: float
    subset_min_tokens: int
    subset_min_share: float
    threshold_place_compatible: float
    threshold_place_unknown: float
    quoted_names_threshold: float
    word_match: float
    same_name_ratio: float
    same_name_threshold: float
    same_name_min_words: int
    min_common_words: float
    numbers_must_agree: bool
    countries_must_agree: bool
    slots_must_agree: bool
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
    adjectives): in titles, «делегация КНР» and «китайская делегация» name one country. A form
    with a word cut short by a hyphen («о-в Рождества») is left to its full form («Остров
    Рождества»): titles drop such a word, and «Рождество» alone would name the island."""
    from muniflow.enrich.world import countries

    return [
        (c.key, tuple(n for n in (*c.names, *c.adjectives) if not _CUT_WORD.search(n))) for c in countries()
    ]


_CUT_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,2}-[^\W\d_]{1,2}(?![^\W\d_])")  # о-в, о-ва


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
        ),
        subset_weight=float(match["subset_weight"]),
        subset_min_tokens=int(match["subset_min_tokens"]),
        subset_min_share=float(match["subset_min_share"]),
        threshold_place_compatible=float(match["threshold_place_compatible"]),
        threshold_place_unknown=float(match["threshold_place_unknown"]),
        quoted_names_threshold=float(match["quoted_names_threshold"]),
        word_match=float(match["word_match"]),
        same_name_ratio=float(match["same_name_ratio"]),
        same_name_threshold=float(match["same_name_threshold"]),
        same_name_min_words=int(match.get("same_name_min_words", 2)),
        min_common_words=float(match["min_common_words"]),
        numbers_must_agree=bool(match.get("numbers_must_agree", False)),
        countries_must_agree=bool(match.get("countries_must_agree", False)),
        slots_must_agree=bool(match.get("slots_must_agree", False)),
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


@lru_cache(maxsize=100_000)
def _place_and_host(
    place: str, municipality: str, rules: places.PlaceRules
) -> tuple[frozenset[str], frozenset[str], bool, bool, frozenset[str]]:
    """A place's settlement stems, the municipality's, whether it hosts the place (names the same
    one), whether the place may lie inside it: it names no town, no district and no country
    («д. Ивановка», not «г. Лесногорск» or «Озёрский район»), a town or district of its own being
    hosted already; and the stems of the settlements it names after a type word («г. Лесногорск»)."""
    stems = places.settlement_stems(place, rules)
    area = places.settlement_stems(municipality, rules, keep_quoted=True)
    local = not places.names_town_or_district(place, rules) and not places.names_country(place, rules)
    towns = places.settlement_stems(place, rules, typed_only=True)
    return stems, area, places.compatible(stems, area) is True, local, towns


def _prepare(row: Row, cfg: DedupConfig, region: str = "") -> Event | None:
    """Normalize one row; None when it has no date or no title words to judge."""
    first = row.start_date or row.end_date
    last = row.end_date or row.start_date
    if first is None or last is None:
        return None
    title = titles.normalize_title(row.title, cfg.title_rules)
    if not title.tokens:
        return None
    place, area, hosted, local, towns = _place_and_host(row.place, row.municipality, cfg.place_rules)
    start, end = sorted((first.toordinal(), last.toordinal()))
    numbers = title.numbers
    venue = place or places.settlement_stems(row.place, cfg.place_rules, keep_quoted=True)
    remote = not place and places.says_remote(row.place, cfg.place_rules)
    if not venue and local and any(ch.isalpha() for ch in row.place):
        # a venue with no name of a town or of its own («районный Дом культуры», «ДК»): the
        # municipality's own, as its clerk means it; «онлайн» too, unless the titles say which
        # event it attended from afar (_same_place)
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
    )


def matched_words(a: frozenset[str], b: frozenset[str], cutoff: float) -> int:
    """Words of the smaller set found in the other: equal lemmas, or spellings within `cutoff`."""
    small, large = (a - b, b - a) if len(a - b) <= len(b - a) else (b - a, a - b)
    near = sum(1 for word in small if any(fuzz.ratio(word, o, score_cutoff=cutoff) for o in large))
    return len(a & b) + near


def title_score(a: Event, b: Event, cfg: DedupConfig, named: bool = False) -> float:
    """0..100: the share of lemmas two titles have in common (Dice), or a discounted subset score.

    Word-level, not character-level: «турнир по волейболу» and «турнир по баскетболу» differ
    in the one word that names the event, which a character ratio of the strings hides.
    `named`: the titles share the event's name (named_subset), so a short title («Фестиваль
    «Три границы»») may be a subset of a long one whatever their lengths.
    """
    short, long_ = sorted((len(a.words), len(b.words)))
    subset_allowed = short >= cfg.subset_min_tokens and (named or short >= cfg.subset_min_share * long_)
    lowest = min(cfg.threshold_place_compatible, cfg.same_name_threshold)
    if not subset_allowed and 200 * short / (short + long_) < lowest:
        return 0.0  # even all words matched could not reach the lowest threshold
    matched = matched_words(a.words, b.words, cfg.word_match)
    score = 200 * matched / (short + long_)
    if subset_allowed:
        score = max(score, cfg.subset_weight * 100 * matched / short)
    return score


def judge(a: Event, b: Event, cfg: DedupConfig) -> float | None:
    """The title score when the two rows are one event, None when they are two."""
    judged = judge_pair(a, b, cfg)
    return None if judged is None else judged[0]


def judge_pair(a: Event, b: Event, cfg: DedupConfig) -> tuple[float, bool] | None:
    """The title score and whether the match is weak when the two rows are one event, None when
    they are two. Weak: only a shared name let the short title be a subset of a long one
    (named_subset), as a guest's «Участие в фестивале «X»» fits the host's festival and the
    host's own «Мастер-класс для гостей фестиваля «X»» alike; _attach_weak decides those."""
    if a.start > b.end or b.start > a.end:
        return None  # different days: another edition or another meeting
    if _other_regions(a, b):
        return None  # each region's reports hold its own municipalities' part in an event
    a, b = _as_compared(a, b)
    if 200 * len(a.words & b.words) < cfg.min_common_words * (len(a.words) + len(b.words)) and not _named(
        a, b
    ):
        # a cheap bound first: most blocked pairs share only a generic word or two; a shared name
        # passes (a guest's long title around it, «Участие хора «Лад» в фестивале «Звоны»»)
        return None
    if parting.numbers_part(a, b, cfg) or parting.countries_part(a, b, cfg):
        return None  # «… юношей 2010 г. р.», «… юношей 2012 г. р.»: two events in one frame
    if a.title.who != b.title.who and a.row.municipality == b.row.municipality:
        return None  # one report's two participants of one event («Участие хора …», «Участие ансамбля …»)
    same_place = _same_place(a, b)
    if same_place is False:
        return None  # both name settlements, and different ones
    threshold = cfg.threshold_place_compatible if same_place else cfg.threshold_place_unknown
    if a.names_text and b.names_text:
        names = fuzz.token_set_ratio(a.names_text, b.names_text)
        if names < cfg.quoted_names_threshold:
            return None  # different proper names in one frame («Концерт «A»», «Концерт «B»»)
        if _own_name(a, b, cfg) and _own_name(b, a, cfg):
            return None  # «Концерт «A» фестиваля «X»», «Концерт «B» фестиваля «X»»: one frame, two names
        if same_place and _one_name(a, b, cfg):
            # One proper name, one place, one day: the rest of the title may be worded freely.
            threshold = min(threshold, cfg.same_name_threshold)
    if same_place is True:
        a, b = _without_place_words(a, b, cfg), _without_place_words(b, a, cfg)
    score, weak = title_score(a, b, cfg), False
    if score < threshold and named_subset(a, b, cfg, same_place):
        score, weak = title_score(a, b, cfg, named=True), True
    if score < threshold or parting.substituted(a, b, cfg):
        return None  # the noun in one slot last: it reads the titles' grammar, the few pairs left
    return score, weak


def _pair_score(a: Event, b: Event, cfg: DedupConfig) -> float:
    """The title score judge() gives two rows, for the message of a copy and its kept row."""
    a, b = _as_compared(a, b)
    same_place = _same_place(a, b)
    if same_place is True:
        a, b = _without_place_words(a, b, cfg), _without_place_words(b, a, cfg)
    return title_score(a, b, cfg, named_subset(a, b, cfg, same_place))


def _without_place_words(a: Event, b: Event, cfg: DedupConfig) -> Event:
    """`a` without the words of its title that `b`'s lacks and that only name the town where both
    rows were held («Шишкинские чтения в Елабуге» beside the host's «Международная научная
    конференция «Шишкинские чтения»» at «г. Елабуга»): the places are compared already. Words in
    quotes stay (a name), and so do `subset_min_tokens` words («Концерт в Ельне» is no «Концерт»)."""
    where = a.towns | b.towns  # named after «г.», «с.»: no venue's adjective («Морской вокзал»)
    if not where:
        return a
    parts = where | {part for stem in where if "-" in stem for part in stem.split("-") if part}
    dropped = {
        w
        for w in a.words - b.words
        if w not in a.title.names and any(places.stems_match(places.stem(w), s) for s in parts)
    }
    if dropped:
        dropped &= titles.where_words(a.row.title, cfg.title_rules)  # «в Елабуге», not «Ельни»
    if not dropped or len(a.words) - len(dropped) < cfg.subset_min_tokens:
        return a
    return a._replace(words=a.words - dropped)


def _named(a: Event, b: Event) -> bool:
    """Whether the two titles share a name: a quoted name of one is all in the other's words,
    quoted there or not («Фестиваль «Сабантуй»», «Праздник Сабантуй»). Set tests only: it is
    asked of every blocked pair the word-overlap bound rejects."""
    for name in a.title.name_words:
        if name <= b.words:
            return True
    for name in b.title.name_words:  # noqa: SIM110 - loops: any() of a generator costs more, asked this often
        if name <= a.words:
            return True
    return False


def named_subset(a: Event, b: Event, cfg: DedupConfig, same_place: bool | None) -> bool:
    """Whether a short title may be a subset of a long one whatever their lengths: the two share
    the event's name, at one place, from two municipalities (one report listing «Фестиваль «X»» and
    «Мастер-класс на фестивале «X»» means two lines, two events)."""
    return same_place is True and a.row.municipality != b.row.municipality and _named(a, b)


def _as_compared(a: Event, b: Event) -> tuple[Event, Event]:
    """The two rows with the words their titles are compared by: abbreviations read as the other
    title's words (_unabbreviated); and who took part among them when both titles say it (a
    guest's «Участие ветеранов района в турнире по волейболу» and another's «Участие юношей
    района …» may be two tournaments: the host's title, naming no participants, tells)."""
    a, b = _unabbreviated(a, b)
    if a.title.who and b.title.who:
        return a._replace(words=a.words | a.title.who), b._replace(words=b.words | b.title.who)
    return a, b


def _unabbreviated(a: Event, b: Event) -> tuple[Event, Event]:
    """The two rows with each title's abbreviations («Межд.») read as the other title's words they
    begin («Международный»); most titles have none."""
    if not a.title.abbreviations and not b.title.abbreviations:
        return a, b
    return (
        a._replace(words=titles.expand_abbreviations(a.words, a.title.abbreviations, b.words)),
        b._replace(words=titles.expand_abbreviations(b.words, b.title.abbreviations, a.words)),
    )


def _identities_part(a: Event, b: Event, cfg: DedupConfig) -> bool:
    """Whether a word that identifies an event differs (parting.py): a number, a partner country,
    a noun in one slot («по волейболу», «по баскетболу»)."""
    return (
        parting.numbers_part(a, b, cfg) or parting.countries_part(a, b, cfg) or parting.substituted(a, b, cfg)
    )


def _one_name(a: Event, b: Event, cfg: DedupConfig) -> bool:
    """Whether a quoted name of one title is a quoted name of the other: whole names, not a part,
    an edition's year aside («Технопром», «Технопром-2025»), each of `same_name_min_words` words
    or more. Names are compared one by one: a guest also names its own group in quotes
    («Выступление хора «Лад» на фестивале «Звоны»» beside «Фестиваль «Звоны»»)."""
    return any(
        min(len(mine), len(theirs)) >= cfg.same_name_min_words
        and fuzz.ratio(" ".join(mine), " ".join(theirs)) >= cfg.same_name_ratio
        for mine in map(_lettered, a.title.name_groups)
        for theirs in map(_lettered, b.title.name_groups)
    )


def _lettered(name: str) -> list[str]:
    """A quoted name's distinct lemmas (sorted) without the numbers among them."""
    return [w for w in name.split() if not w.isdigit()]


def _other_regions(a: Event, b: Event) -> bool:
    """Whether the two rows' reports name two regions."""
    return bool(a.region and b.region and a.region != b.region)


def _same_place(a: Event, b: Event) -> bool | None:
    """True: the places name a common settlement, or one was attended from afar and the titles
    share the event's name or partner country (an online guest takes part wherever it is held);
    False: different ones; None: one is unknown."""
    if (a.remote or b.remote) and (_named(a, b) or not a.countries.isdisjoint(b.countries)):
        return True  # without either, «онлайн» is the municipality's own («Концерт ко Дню России»)
    same_place = places.compatible(a.place, b.place)
    if same_place and places.compatible(a.towns, b.towns) is False:
        # Both name their towns, and different ones: what they share is a venue's adjective
        # («Краеведческий музей, г. Ельня», «Краеведческий музей, г. Демидов»), not a district.
        same_place = False
    if same_place is False and (names_host(a, b) or names_host(b, a)):
        same_place = True  # «Озёрский район» from a guest, «д. Ивановка» from the Озёрский host
    if same_place and (_district_beside_town(a, b) or _district_beside_town(b, a)):
        same_place = False  # «Салаватский район» from that district, «г. Салават» from the town
    if same_place is None and not a.place and not b.place:
        # Both places name only venues in quotes: their names may still tell two towns apart
        # («МБУК «Озёрный РДК»», «МБУК «Лесной РДК»»: one action held in two districts).
        same_place = False if places.compatible(a.venue, b.venue) is False else None
    return same_place


def _district_beside_town(district: Event, town: Event) -> bool:
    """Whether a district's row names only the district (its own name, no town: «Лесногорский
    район») and the other row, of another municipality, names its own town after «г.» («г.
    Лесногорск» from «город Лесногорск»): the town is a municipality of its own, so the district
    named after it is the land around it, and the district's own row means somewhere there, not
    the town. A guest naming the town (the district's seat, maybe) is no such evidence."""
    return (
        not district.towns
        and bool(town.towns)
        and town.hosted
        and town.row.municipality != district.row.municipality
        and places.names_only(district.place, district.area)
    )


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
    common settlement, no number of each is missing from the other, and every word of the short
    title is in the long one."""
    return (
        not long_.remote  # a generic title says too little to tell one online event from another
        and not short.remote
        and _same_place(long_, short) is True
        and not _identities_part(long_, short, cfg)
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
    # «г. Тверь, филармония» and «г. Тверь, ДК «Заря»»: a town has many stages; a venue on one side
    # only («г. Тверь») may be any of them.
    return not _venues_differ(long_.row.place, short.row.place, cfg)


def _venues_differ(a: str, b: str, cfg: DedupConfig) -> bool:
    """Whether both places name a venue besides where it is, and the two share no word (read as
    title words are: «ДК» is «Дом культуры»; a settlement's name or adjective, «Тверская
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
        cfg.subset_weight * 100 * matched_words(short.words, long_.words, cfg.word_match) / len(short.words)
    )


def names_host(guest: Event, host: Event) -> bool:
    """Whether the guest's place names the host row's municipality (its district, okrug or town)
    and nothing narrower, while the host's place may lie inside it (a village of its own, not a
    town, another district or a place abroad): then the two places are one."""
    return host.local and places.names_only(guest.place, host.area)


def _own_name(a: Event, b: Event, cfg: DedupConfig) -> bool:
    """Whether `a` holds a quoted name that none of `b`'s names comes near."""
    return any(
        all(fuzz.token_set_ratio(mine, theirs) < cfg.quoted_names_threshold for theirs in b.title.name_groups)
        for mine in a.title.name_groups
    )


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _attach_generic(events: list[Event], kept: list[int], cfg: DedupConfig) -> dict[int, int]:
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
        if _other_regions(events[i], events[j]):
            continue
        if may_mean(events[i], events[j], cfg):
            (fitting if fits(events[i], events[j], cfg) else others)[j].append(i)
    attached: dict[int, int] = {}
    for j in sorted(fitting, key=lambda j: (-len(events[j].words), j)):
        meant = {i for i in (*fitting[j], *others[j]) if i not in attached}
        if len(meant) == 1 and meant <= set(fitting[j]):
            attached[j] = meant.pop()
    return attached


def _union(parent: list[int], i: int, j: int) -> None:
    """Join two rows' groups under the smaller root."""
    ri, rj = _find(parent, i), _find(parent, j)
    if ri != rj:
        parent[max(ri, rj)] = min(ri, rj)


def _groups(events: list[Event], cfg: DedupConfig) -> tuple[list[list[int]], list[tuple[int, int]]]:
    """Indices of the rows that are one event, by blocked pairwise judgement (single link), and
    the weak matches (judge_pair), left to _attach_weak."""
    parent = list(range(len(events)))
    weak: list[tuple[int, int]] = []
    threshold = cfg.min_common_words
    for i, found in enumerate(blocking.candidates(events, cfg)):
        event = events[i]
        words, size = event.words, len(event.words)
        for j in found:
            other = events[j]
            # The cheap bound of judge() inlined: most candidates share only generic words (an
            # abbreviation may be one of them, which judge() reads first; a shared name passes it,
            # which judge() tells).
            if (
                200 * len(words & other.words) < threshold * (size + len(other.words))
                and not (event.title.abbreviations or other.title.abbreviations)
                and not _named(event, other)
            ):
                continue
            judged = judge_pair(event, other, cfg)
            if judged is None:
                continue
            if judged[1]:
                weak.append((i, j))
            else:
                _union(parent, i, j)
    grouped: dict[int, list[int]] = defaultdict(list)
    for i in range(len(events)):
        grouped[_find(parent, i)].append(i)
    return [members for members in grouped.values() if len(members) > 1], weak


def _attach_weak(events: list[Event], kept: list[int], weak: list[tuple[int, int]]) -> list[int]:
    """Each row's kept copy after joining the weak matches between kept rows: a short title with
    the event's name and a long one of another municipality («Праздник «X»», «Выступление
    ансамбля «Лад» на празднике «X»»).

    Judged between kept rows only, as _attach_generic is, so a rerun on the kept rows decides as
    this run did; and a weak match is left alone when either row weakly matches another row of
    the other's municipality: which one it meant is unknown (the host's festival and the host's
    master class at it, a guest's «Участие в фестивале «X»» fitting both). The joined rows keep
    the host's row, as groups do.
    """
    pairs = [(i, j) for i, j in weak if kept[i] == i and kept[j] == j]
    if not pairs:
        return kept
    partners: dict[int, list[int]] = defaultdict(list)
    for i, j in pairs:
        partners[i].append(j)
        partners[j].append(i)

    def alone(i: int, j: int) -> bool:
        """Whether `j` is the one weak partner of `i` from `j`'s municipality."""
        town = events[j].row.municipality
        return sum(events[p].row.municipality == town for p in partners[i]) == 1

    parent = list(range(len(events)))
    for i, j in pairs:
        if alone(i, j) and alone(j, i):
            _union(parent, i, j)
    joined: dict[int, list[int]] = defaultdict(list)
    for i in sorted(partners):
        joined[_find(parent, i)].append(i)
    now = {k: _kept_row(members, events) for members in joined.values() if len(members) > 1 for k in members}
    return [now.get(k, k) for k in kept]


def _kept_row(members: list[int], events: list[Event]) -> int:
    """The copy of one event that stays: the one whose municipality hosts it, naming the place
    exactly before a district named after it («город Брянск» hosts «г. Брянск», not «Брянский
    район», брян-), then the first by key (indices follow key order)."""
    hosts = _hosts(members, events)
    return min(members, key=lambda i: (i not in hosts, not events[i].exact_host, i))


def _hosts(members: list[int], events: list[Event]) -> set[int]:
    """The members whose municipality hosts the event: it names their own place, or another
    member's place names it (the host writes its village, a guest the host's district)."""
    return {
        i
        for i in members
        if events[i].hosted or any(names_host(events[j], events[i]) for j in members if j != i)
    }


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
    cfg = config or load_config()
    where = regions or {}
    prepared = [
        (key, _prepare(row, cfg, where.get(key) or "")) for key, row in sorted(rows, key=lambda kr: kr[0])
    ]
    keys = [key for key, event in prepared if event is not None]
    events = [event for _, event in prepared if event is not None]
    kept = list(range(len(events)))
    groups, weak = _groups(events, cfg)
    for members in groups:
        first = _kept_row(members, events)
        for i in members:
            kept[i] = first
    kept = _attach_weak(events, kept, weak)
    attached = _attach_generic(events, kept, cfg)
    copies = [(i, attached.get(k, k)) for i, k in enumerate(kept) if attached.get(k, k) != i]
    flags: list[tuple[K, Flag]] = []
    for i, k in copies:
        score = max(_pair_score(events[i], events[k], cfg), generic_score(events[i], events[k], cfg))
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
