"""duplicate_event, one pair: whether two rows are one event, and the score of their titles.

Two rows are one event when their date ranges overlap, their regions and places do not differ,
no word that identifies an event differs (parting.py), and their titles' words score above the
contract's threshold (lower at one place, lower still for one quoted name). A match only a shared
name allows between a short title and a long one is weak (judge_pair): grouping.py joins those
after the groups. Every answer is a function of the two rows alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from muniflow.rules import kinds, parting, places, titles
from muniflow.rules.spelling import same_word
from muniflow.rules.title_abbreviations import expand_abbreviations, expand_initialisms

if TYPE_CHECKING:
    from muniflow.rules.duplicates import DedupConfig, Event


def matched_words(
    a: frozenset[str],
    b: frozenset[str],
    cutoff: float,
    stem_letters: int = 0,
    stem_share: float = 1.0,
    typo_letters: int = 0,
) -> int:
    """Words of the smaller set found in the other: equal lemmas, or one word spelled two ways
    (spelling.same_word: within `cutoff`, or one edit in a word of `typo_letters`), or
    (`stem_letters` > 0) an adjective and a noun of one stem (titles.one_stem)."""
    small, large = (a - b, b - a) if len(a - b) <= len(b - a) else (b - a, a - b)
    n = stem_letters
    near = sum(
        1
        for word in small
        if any(
            same_word(word, o, cutoff, typo_letters)
            or (n and word[:n] == o[:n] and titles.one_stem(word, o, n, stem_share))
            for o in large
        )
    )
    return len(a & b) + near


def title_score(a: Event, b: Event, cfg: DedupConfig, named: bool = False) -> float:
    """0..100: the share of lemmas two titles have in common (Dice), or a discounted subset score.

    Word-level, not character-level: «турнир по волейболу» and «турнир по баскетболу» differ
    in the one word that names the event, which a character ratio of the strings hides.
    `named`: the titles share the event's name (named_subset), so a short title («Фестиваль
    «Три реки»») may be a subset of a long one whatever their lengths.
    """
    short, long_ = sorted((len(a.words), len(b.words)))
    subset_allowed = short >= cfg.subset_min_tokens and (named or short >= cfg.subset_min_share * long_)
    lowest = min(cfg.threshold_place_compatible, cfg.same_name_threshold)
    if not subset_allowed and 200 * short / (short + long_) < lowest:
        return 0.0  # even all words matched could not reach the lowest threshold
    matched = matched_words(
        a.words, b.words, cfg.word_match, cfg.stem_min_letters, cfg.stem_min_share, cfg.typo_min_letters
    )
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
    host's own «Мастер-класс для гостей фестиваля «X»» alike; attach_weak decides those."""
    if a.start > b.end or b.start > a.end:
        return None  # different days: another edition or another meeting
    if other_regions(a, b):
        return None  # each region's reports hold its own municipalities' part in an event
    a, b = _as_compared(a, b)
    if 200 * len(a.words & b.words) < cfg.min_common_words * (
        len(a.words) + len(b.words)
    ) and not shares_name(a, b):
        # a cheap bound first: most blocked pairs share only a generic word or two; a shared name
        # passes (a guest's long title around it, «Участие хора «Лад» в фестивале «Звоны»»)
        return None
    if (
        parting.numbers_part(a, b, cfg)
        or parting.countries_part(a, b, cfg)
        or parting.editions_part(a, b, cfg)
    ):
        return None  # «… юношей 2010 г. р.», «… юношей 2012 г. р.»; «XIV …», «XV …»: two events in one frame
    if parting.kinds_part(a, b, cfg):
        return None  # «Турнир по мини-футболу «X»», «Фестиваль хоровой музыки «X»»: two kinds
    if a.title.who != b.title.who and a.row.municipality == b.row.municipality:
        return None  # one report's two participants of one event («Участие хора …», «Участие ансамбля …»)
    same_place = places_match(a, b)
    if same_place is False:
        return None  # both name settlements, and different ones
    if same_place and parting.kinds_differ_afar(a, b, cfg):
        return None  # an online «Круглый стол «X»» is no copy of a forum «X» held somewhere
    threshold = cfg.threshold_place_compatible if same_place else cfg.threshold_place_unknown
    if a.names_text and b.names_text:
        if names_differ(a, b, cfg):
            return None  # different proper names in one frame («Концерт «A»», «Концерт «B»»)
        if _own_name(a, b, cfg) and _own_name(b, a, cfg):
            return None  # «Концерт «A» фестиваля «X»», «Концерт «B» фестиваля «X»»: one frame, two names
        if same_place and _one_name(a, b, cfg):
            # One proper name, one place, one day: the rest of the title may be worded freely.
            threshold = min(threshold, cfg.same_name_threshold)
    if same_place is True:
        a, b = _at_one_place(a, b, cfg)
    score, weak = title_score(a, b, cfg), False
    if score < threshold and named_subset(a, b, cfg, same_place):
        score, weak = title_score(a, b, cfg, named=True), True
    if score < threshold or parting.substituted(a, b, cfg):
        return None  # the noun in one slot last: it reads the titles' grammar, the few pairs left
    return score, weak


def pair_score(a: Event, b: Event, cfg: DedupConfig) -> float:
    """The title score judge() gives two rows, for the message of a copy and its kept row."""
    a, b = _as_compared(a, b)
    same_place = places_match(a, b)
    if same_place is True:
        a, b = _at_one_place(a, b, cfg)
    return title_score(a, b, cfg, named_subset(a, b, cfg, same_place))


def _at_one_place(a: Event, b: Event, cfg: DedupConfig) -> tuple[Event, Event]:
    """Two rows whose places name one settlement, as their titles are compared: without the words
    only naming that town, and, neither attended from afar, their kind nouns as one (_one_kind)."""
    a, b = _without_place_words(a, b, cfg), _without_place_words(b, a, cfg)
    return (a, b) if a.remote or b.remote else _one_kind(a, b)


def _without_place_words(a: Event, b: Event, cfg: DedupConfig) -> Event:
    """`a` without the words of its title that `b`'s lacks and that only name the town where both
    rows were held («Гончаровские чтения в Лесногорске» beside the host's «Международная научная
    конференция «Гончаровские чтения»» at «г. Лесногорск»): the places are compared already. Words in
    quotes stay (a name), and so do `subset_min_tokens` words («Концерт в Ельне» is no «Концерт»)."""
    extra = a.words - b.words
    where = a.towns | b.towns  # named after «г.», «с.»: no venue's adjective («Морской вокзал»)
    if not extra or not where:
        return a
    parts = where | {part for stem in where if "-" in stem for part in stem.split("-") if part}
    # a stem matching a town's shares its first two letters at least (places.stems_match): a set test first
    openings = {stem[:2] for stem in parts}
    dropped = {
        w
        for w in extra
        if w[:2] in openings
        and w not in a.title.names
        and any(places.stems_match(places.stem(w), s) for s in parts)
    }
    if dropped:
        dropped &= titles.where_words(a.row.title, cfg.title_rules)  # «в Лесногорске», not «Ельни»
    if not dropped or len(a.words) - len(dropped) < cfg.subset_min_tokens:
        return a
    return a._replace(words=a.words - dropped)


def names_differ(a: Event, b: Event, cfg: DedupConfig) -> bool:
    """Whether both titles quote names and the names differ (token-set ratio of their lemmas, a
    name's function words among them, under `quoted_names_threshold`): «Пленэр «Ты и я»» and
    «Пленэр «Дружина»» are two events, whatever the words around."""
    return (
        bool(a.names_text and b.names_text)
        and fuzz.token_set_ratio(a.names_text, b.names_text) < cfg.quoted_names_threshold
        and not spelt_alike(a.names_text, b.names_text, cfg)
    )


def spelt_alike(mine: str, theirs: str, cfg: DedupConfig) -> bool:
    """Whether two names (lemmas joined by spaces) hold the same words, each of one a spelling of a
    word of the other (spelling.same_word: «Лесной ключ», «Лесмой ключ», whose guessed lemma
    «лесмыть» leaves the token-set ratio of the names low)."""
    a, b = mine.split(), theirs.split()
    return all(any(same_word(x, y, cfg.word_match, cfg.typo_min_letters) for y in b) for x in a) and all(
        any(same_word(y, x, cfg.word_match, cfg.typo_min_letters) for x in a) for y in b
    )


def shares_name(a: Event, b: Event) -> bool:
    """Whether the two titles share a name: a quoted name of one is all in the other's words,
    quoted there or not («Фестиваль «Покров»», «Праздник Покров»), or both quote one name of
    function words only («Ты и я»: no title words). Set tests only: it is asked of every blocked
    pair the word-overlap bound rejects."""
    for name in a.title.name_words:
        if name <= b.words:
            return True
    for name in b.title.name_words:  # loops: any() of a generator costs more, asked this often
        if name <= a.words:
            return True
    return bool(a.title.name_groups and b.title.name_groups) and not set(a.title.name_groups).isdisjoint(
        b.title.name_groups
    )


def named_subset(a: Event, b: Event, cfg: DedupConfig, same_place: bool | None) -> bool:
    """Whether a short title may be a subset of a long one whatever their lengths: the two share
    the event's name, at one place, from two municipalities (one report listing «Фестиваль «X»» and
    «Мастер-класс на фестивале «X»» means two lines, two events)."""
    return same_place is True and a.row.municipality != b.row.municipality and shares_name(a, b)


def _as_compared(a: Event, b: Event) -> tuple[Event, Event]:
    """The two rows with the words their titles are compared by: abbreviations read as the other
    title's words (_unabbreviated); who took part among them when both titles say it (a
    guest's «Участие ветеранов района в турнире по волейболу» and another's «Участие юношей
    района …» may be two tournaments: the host's title, naming no participants, tells). The nouns
    naming the kind of event are read as one word later, where the places agree (_one_kind)."""
    a, b = _unabbreviated(a, b)
    if a.title.who and b.title.who:
        a, b = a._replace(words=a.words | a.title.who), b._replace(words=b.words | b.title.who)
    return a, b


def _one_kind(a: Event, b: Event) -> tuple[Event, Event]:
    """The two rows with their nouns naming the kind of event read as one word when the kinds meet
    («Праздник «X»», «Фестиваль хоровой музыки «X»»; «Участие в форуме «X»», «… конференция «X»»).
    Asked only of rows whose places name one settlement, neither attended from afar: a looser
    reading of the titles wants the place to say it is one event (an online «Праздник дружбы
    народов «X»» is no guest's copy of a festival «X» held in some town)."""
    if (
        a.kind_words
        and b.kind_words
        and a.kind_words != b.kind_words
        and not kinds.named(a.kinds).isdisjoint(b.kinds)
    ):
        a = a._replace(words=kinds.as_one(a.words, a.kind_words))
        b = b._replace(words=kinds.as_one(b.words, b.kind_words))
    return a, b


def _unabbreviated(a: Event, b: Event) -> tuple[Event, Event]:
    """The two rows with each title's abbreviations («Межд.») read as the other title's words they
    begin («Международный»), and its initialisms («МНПК») as the other title's words they spell
    («Международная научно-практическая конференция»); most titles have none."""
    if not (a.title.abbreviations or b.title.abbreviations or a.title.initialisms or b.title.initialisms):
        return a, b
    a_words = expand_abbreviations(a.words, a.title.abbreviations, b.words)
    b_words = expand_abbreviations(b.words, b.title.abbreviations, a.words)
    return (
        a._replace(words=expand_initialisms(a_words, a.title.initialisms, b.title.tokens)),
        b._replace(words=expand_initialisms(b_words, b.title.initialisms, a.title.tokens)),
    )


def identities_part(a: Event, b: Event, cfg: DedupConfig) -> bool:
    """Whether a word that identifies an event differs (parting.py): a number, a partner country,
    a noun in one slot («по волейболу», «по баскетболу»)."""
    return (
        parting.numbers_part(a, b, cfg)
        or parting.editions_part(a, b, cfg)
        or parting.countries_part(a, b, cfg)
        or parting.kinds_part(a, b, cfg)
        or parting.substituted(a, b, cfg)
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


def other_regions(a: Event, b: Event) -> bool:
    """Whether the two rows' reports name two regions."""
    return bool(a.region and b.region and a.region != b.region)


def places_match(a: Event, b: Event) -> bool | None:
    """True: the places name a common settlement, or one was attended from afar and the titles
    share the event's name or partner country (an online guest takes part wherever it is held);
    False: different ones; None: one is unknown."""
    if (a.remote or b.remote) and (shares_name(a, b) or not a.countries.isdisjoint(b.countries)):
        return True  # without either, «онлайн» is the municipality's own («Концерт ко Дню России»)
    same_place = places.compatible(a.place, b.place)
    if same_place and places.compatible(a.towns, b.towns) is False:
        # Both name their towns, and different ones: what they share is a venue's adjective
        # («Краеведческий музей, г. Ельня», «Краеведческий музей, г. Демидов»), not a district.
        same_place = False
    if same_place is False and (names_host(a, b) or names_host(b, a)):
        same_place = True  # «Озёрский район» from a guest, «д. Ивановка» from the Озёрский host
    if same_place and (_district_beside_town(a, b) or _district_beside_town(b, a)):
        same_place = False  # «Лесногорский район» from that district, «г. Лесногорск» from the town
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


def names_host(guest: Event, host: Event) -> bool:
    """Whether the guest's place names the host row's municipality (its district, okrug or town)
    and nothing narrower, or a settlement of it the host's place names too («п. Свобода Озёрского
    района», «Озёрский район, п. Свобода» beside the Озёрский host's «п. Свобода»), while the host's
    place may lie inside it (a village of its own, not a town, another district or a place abroad):
    then the two places are one. Two rows of one municipality are no guest and host: its own
    «г. Озёрск» and «с. Луговое» are its seat and a village, two places."""
    if not host.local or guest.row.municipality == host.row.municipality:
        return False
    if places.names_only(guest.place, host.area):
        return True
    return (
        bool(guest.within)
        and places.names_only(guest.within, host.area)
        and places.compatible(guest.place - guest.within, host.place) is True
    )


def _own_name(a: Event, b: Event, cfg: DedupConfig) -> bool:
    """Whether `a` holds a quoted name that none of `b`'s names comes near: under the token-set
    ratio, or each of the two holding a word the other lacks («Звёздный путь», «Звёздная пристань»:
    one word shared, another substituted; the ratio of a long shared word is high). A name `b`
    holds too comes near (its ratio is 100, each word spells itself): not compared."""
    return any(
        mine not in b.title.name_groups
        and all(
            (
                fuzz.token_set_ratio(mine, theirs) < cfg.quoted_names_threshold
                and not spelt_alike(mine, theirs, cfg)
            )
            or (_own_word(mine, theirs, cfg) and _own_word(theirs, mine, cfg))
            for theirs in b.title.name_groups
        )
        for mine in a.title.name_groups
    )


def _own_word(name: str, other: str, cfg: DedupConfig) -> bool:
    """Whether a name's lemmas (name_groups: joined by spaces) hold a word, not a number, that no
    word of the other name spells (`word_match`: a typo, a lemma the dictionary guessed otherwise)."""
    theirs = other.split()
    return any(
        not word.isdigit()
        and word not in theirs
        and not any(same_word(word, their, cfg.word_match, cfg.typo_min_letters) for their in theirs)
        for word in name.split()
    )
