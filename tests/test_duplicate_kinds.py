"""duplicate_event, kinds of event: a shared name with kinds of no common family is two events;
a guest's other noun of the host's kind is one (contracts/duplicates.yaml `kinds`)."""

from __future__ import annotations

import pytest
from rowfactory import dated_row

from muniflow.rules import kinds, titles
from muniflow.rules.duplicates import find_duplicates, load_config

CFG = load_config()
HOST = "Муниципальное образование «Озёрский район»"
GUEST = "Сосновский муниципальный округ"
THIRD = "Муниципальное образование «Полевой район»"


def flagged(*rows: tuple) -> list[tuple[int, tuple[str, int] | None]]:
    """(index of the copy, its kept row's key) of each flag; rows: title, place, start, end, municipality."""
    keyed = [(("r", i), dated_row(t, p, s, e, m, i)) for i, (t, p, s, e, m) in enumerate(rows)]
    return [(key[1], flag.related_row) for key, flag in find_duplicates(keyed, CFG)]


ONE_KIND = [
    (
        "a guest's «праздник» for the host's festival",
        (
            "Международный фестиваль хоровой музыки «Струны сердца»",
            "г. Озёрск",
            "2025-09-21",
            "2025-09-24",
            HOST,
        ),
        ("Праздник «Струны сердца»", "г. Озёрск", "2025-09-22", None, GUEST),
    ),
    (
        "the host's «праздник», the guest's «фестиваль»",
        ("Праздник народного творчества «Отчий край»", "г. Озёрск", "2025-08-10", "2025-08-12", HOST),
        ("Участие в Международном фестивале «Отчий край»", "г. Озёрск", "2025-08-11", "2025-08-13", GUEST),
    ),
    (
        "a forum for a conference",
        (
            "Международная научно-практическая конференция «Медовый край»",
            "г. Озёрск",
            "2025-07-15",
            "2025-07-16",
            HOST,
        ),
        ("Участие в форуме «Медовый край»", "г. Озёрск", "2025-07-15", None, GUEST),
    ),
    (
        "a compound of two nouns of one family for another of it",
        ("Международный семинар-совещание «Звонница»", "г. Озёрск", "2025-08-05", "2025-08-07", HOST),
        ("Участие в международной конференции «Звонница»", "г. Озёрск", "2025-08-06", None, GUEST),
    ),
    (
        "an adjective says the kind: a sport festival is a sport event",
        ("Спортивный праздник «Пламя спорта»", "г. Озёрск", "2025-07-12", None, HOST),
        ("Участие команды округа в соревнованиях «Пламя спорта»", "г. Озёрск", "2025-07-12", None, GUEST),
    ),
]

TWO_KINDS = [
    (
        "a youth rally and a forum of one name at one place",
        ("Молодёжный слёт «Северный ветер»", "г. Озёрск", "2025-06-14", None, HOST),
        ("Форум молодёжи «Северный ветер»", "г. Озёрск", "2025-06-14", None, GUEST),
    ),
    (
        "painters' plein-air and a festival of one name at one place",
        ("Межрегиональный пленэр художников «Озёрные дали»", "г. Озёрск", "2025-07-01", "2025-07-05", HOST),
        ("Межрегиональный фестиваль художников «Озёрные дали»", "г. Озёрск", "2025-07-02", None, GUEST),
    ),
    (
        "a concert and a fair of one name in one village, the fair's days inside the concert's",
        ("Концерт «Соседи и друзья»", "с. Ивановское, парк «Берёзки»", "2025-12-05", "2025-12-11", HOST),
        (
            "Выставка-ярмарка народных промыслов «Соседи и друзья»",
            "с. Ивановское, парк «Ручьи»",
            "2025-12-05",
            "2025-12-08",
            GUEST,
        ),
    ),
    (
        "a competition and a festival of one name at one place on one day",
        ("Соревнования по гребле «Вечный огонь памяти»", "г. Озёрск", "2025-08-16", None, HOST),
        ("Фестиваль «Вечный огонь памяти»", "г. Озёрск", "2025-08-16", None, GUEST),
    ),
    (
        "a football tournament and a film festival attended online, its days inside the festival's",
        (
            "Открытый международный турнир по мини-футболу «Берега дружбы»",
            "г. Озёрск",
            "2025-09-22",
            None,
            HOST,
        ),
        ("Международный кинофестиваль «Берега дружбы»", "онлайн-формат", "2025-09-21", "2025-09-24", GUEST),
    ),
]


@pytest.mark.parametrize(("reason", "a", "b"), ONE_KIND, ids=[c[0] for c in ONE_KIND])
def test_another_noun_of_one_kind_is_one_event(reason: str, a: tuple, b: tuple) -> None:
    assert len(flagged(a, b)) == 1, reason
    assert len(flagged(b, a)) == 1, reason


@pytest.mark.parametrize(("reason", "a", "b"), TWO_KINDS, ids=[c[0] for c in TWO_KINDS])
def test_kinds_of_no_common_family_are_two_events(reason: str, a: tuple, b: tuple) -> None:
    assert flagged(a, b) == [], reason


def test_a_tournament_never_joins_a_festival_through_a_third_row_of_its_name() -> None:
    """A film festival attended online shares the name with both: the tournament stays an event."""
    tournament = (
        "Открытый международный турнир по мини-футболу «Берега дружбы»",
        "г. Озёрск",
        "2025-09-22",
        None,
        HOST,
    )
    festival = ("Фестиваль хоровой музыки «Берега дружбы»", "г. Сосновка", "2025-09-21", "2025-09-24", GUEST)
    online = (
        "Международный кинофестиваль «Берега дружбы»",
        "онлайн-формат",
        "2025-09-20",
        "2025-09-23",
        THIRD,
    )
    found = flagged(tournament, festival, online)
    assert all(copy != 0 and kept != ("r", 0) for copy, kept in found)


@pytest.mark.parametrize(
    ("title", "families", "reason"),
    [
        ("Международный кинофестиваль «Лес»", {"festival"}, "a compound ending with a listed noun"),
        ("Турнир «Праздник двора»", {"sport"}, "a noun in quotes names the event, not its kind"),
        ("Выставка-ярмарка «Лес»", {"display"}, "two nouns of one family, and a hyphen"),
        ("Конкурс-концерт «Лес»", {"festival"}, "a contest is judged performances: the festival family only"),
        ("Встреча «Лес»", {"sport", "visit"}, "a noun of two families"),
        ("Мастер-класс «Лес»", set(), "a title naming no kind"),
        ("Спортивно-массовое мероприятие «Лес»", {"sport"}, "an adjective saying the kind, no noun"),
        ("Физкультурно-спортивный фестиваль «Лес»", {"sport"}, "an adjective says which kind the noun is"),
    ],
)
def test_a_titles_kinds(title: str, families: set[str], reason: str) -> None:
    norm = titles.normalize_title(title, CFG.title_rules)
    assert kinds.title_kinds(norm, kinds.kind_words(norm, CFG.kind_rules), CFG.kind_rules) == families, reason


NAMED_TOURNAMENT = ("Турнир «Лесные напевы»", "г. Озёрск", "2024-09-22", None, HOST)
NAMED_FESTIVAL = ("Фестиваль «Лесные напевы»", "г. Озёрск", "2024-09-22", None, GUEST)


@pytest.mark.parametrize("name", ["«Лесные напевы»", "Лесные напевы – 2024"])
def test_a_title_naming_no_kind_links_no_two_kinds(name: str) -> None:
    """The name alone fits a tournament and a festival of it: which one is unknown, and it never
    makes the two one event; beside the festival alone it is the festival's copy."""
    alone = (name, "г. Озёрск", "2024-09-22", None, THIRD)
    assert flagged(NAMED_TOURNAMENT, NAMED_FESTIVAL, alone) == []
    assert flagged(NAMED_FESTIVAL, alone) == [(1, ("r", 0))]


def test_a_weak_match_beside_a_row_of_another_kind_is_left_alone() -> None:
    """A short name matches long titles only weakly; matching a tournament's and a festival's, it
    joins neither, and the two stay two events."""
    tournament = (
        "Открытый международный турнир по мини-футболу «Лесные напевы»",
        "г. Озёрск",
        "2024-09-22",
        None,
        HOST,
    )
    festival = (
        "Международный фестиваль хоровой музыки «Лесные напевы»",
        "г. Озёрск",
        "2024-09-21",
        "2024-09-24",
        GUEST,
    )
    alone = ("«Лесные напевы»", "г. Озёрск", "2024-09-22", None, THIRD)
    assert flagged(tournament, festival, alone) == []


def test_two_nouns_of_one_kind_are_one_word_only_where_the_place_says_one_event() -> None:
    """A guest's «Праздник «X»» at the host's town is the host's festival; attended online, the
    place says nothing, and the titles alone are read strictly."""
    festival = (
        "Международный фестиваль народного творчества «Озёрные зори»",
        "г. Озёрск",
        "2025-07-03",
        "2025-07-05",
        HOST,
    )
    at_town = ("Праздник «Озёрные зори»", "г. Озёрск", "2025-07-03", None, GUEST)
    online = ("Праздник «Озёрные зори»", "онлайн-формат", "2025-07-03", None, GUEST)
    assert flagged(festival, at_town) == [(1, ("r", 0))]
    assert flagged(festival, online) == []


def test_a_word_saying_the_kind_makes_the_title_that_kind_only() -> None:
    """«Спортивный праздник» is a sport event: one with a guest's competitions of its name, not
    with a concert of it."""
    sport_festival = (
        "Межмуниципальный спортивный праздник «Сосновый бор»",
        "г. Озёрск",
        "2025-09-10",
        None,
        HOST,
    )
    competitions = ("Участие в соревнованиях «Сосновый бор»", "г. Озёрск", "2025-09-10", None, GUEST)
    concert = ("Концерт творческих коллективов «Сосновый бор»", "г. Озёрск", "2025-09-10", None, THIRD)
    assert flagged(sport_festival, competitions) == [(1, ("r", 0))]
    assert flagged(sport_festival, concert) == []


def test_an_online_row_naming_another_noun_of_the_kind_is_another_event() -> None:
    """Nouns of one family are one event's only where the places name one settlement: an online
    round table of a forum's name is not the forum, an online guest of the forum is."""
    forum = ("Форум молодых краеведов «Северный ветер»", "г. Озёрск", "2025-08-20", None, HOST)
    round_table = ("Круглый стол молодых краеведов «Северный ветер»", "онлайн", "2025-08-20", None, GUEST)
    guest = ("Участие в областном форуме «Северный ветер»", "онлайн-формат", "2025-08-20", None, GUEST)
    assert flagged(forum, round_table) == []
    assert flagged(forum, guest) == [(1, ("r", 0))]
