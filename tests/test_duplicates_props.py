"""duplicate_event properties: independent of row order, idempotent, blind to unrelated rows."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rowfactory import dated_row

from muniflow.model import Row
from muniflow.rules.duplicates import find_duplicates


def make_row(title: str, place: str, start: str, end: str, municipality: str, index: int) -> Row:
    """A normalized row with only what the rule reads filled in."""
    return dated_row(title, place, start, end, municipality, index)


# Variants of a few events: inflections, filler, quote styles. Drawn with places and days
# that collide often, they make groups, chains and near misses.
TITLES = [
    "Международный фестиваль «Славянский венок»",
    "Участие в Международном фестивале «Славянский венок»",
    'Международный фестиваль "Славянский венок", посвященный Дню России',
    "Турнир по шахматам «Белая ладья»",
    "Организация и проведение турнира по шахматам «Белая ладья»",
    "Международный турнир по волейболу",
    "Международный турнир по баскетболу",
    "Встреча с делегацией облисполкома",
    "Встреча с представителями университета",
    "ХХI Международный турнир по самбо",
    "XXI Международный турнир по самбо",
    # Generic titles (duplicates.judge_generic): they join a longer title only when it is the one
    # event they may mean, a decision on all the rows around them.
    "Фестиваль",
    "Международный фестиваль",
    "Турнир",
]
PLACES = ["г. Ельня", "Ельнинский район", "г. Демидов", "г. Гомель (Республика Беларусь)", ""]
MUNICIPALITIES = ["Ельнинский район", "Демидовский район", "Город Смоленск"]
DAYS = ["2024-05-10", "2024-05-11", "2024-05-12"]

row_specs = st.tuples(
    st.sampled_from(TITLES),
    st.sampled_from(PLACES),
    st.sampled_from(DAYS),
    st.integers(0, 1),  # extra days of the range
    st.sampled_from(MUNICIPALITIES),
)


def build(specs: list[tuple[str, str, str, int, str]]) -> list[tuple[tuple[str, int], Row]]:
    """Rows keyed (report, index), one report per municipality."""
    rows = []
    for i, (title, place, day, extra, municipality) in enumerate(specs):
        end = f"{day[:-2]}{int(day[-2:]) + extra:02d}"
        row = make_row(title, place, day, end, municipality, i)
        rows.append(((municipality, i), row))
    return rows


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(row_specs, min_size=2, max_size=14), st.randoms(use_true_random=False))
def test_row_order_does_not_matter(specs, rnd) -> None:
    rows = build(specs)
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    assert find_duplicates(shuffled) == find_duplicates(rows)


@SETTINGS
@given(st.lists(row_specs, min_size=2, max_size=14))
def test_idempotent_on_what_remains(specs) -> None:
    rows = build(specs)
    flags = find_duplicates(rows)
    flagged = {key for key, _ in flags}
    kept = [(key, row) for key, row in rows if key not in flagged]
    assert find_duplicates(kept) == []
    # Every flag points to a row that stays.
    assert {flag.related_row for _, flag in flags} <= {key for key, _ in kept}


@SETTINGS
@given(st.lists(row_specs, min_size=2, max_size=14), st.data())
def test_rerun_flags_the_same_set(specs, data) -> None:
    """Any order of the rows, and freshly built copies of them, give the same flags."""
    rows = build(specs)
    expected = find_duplicates(rows)
    assert find_duplicates(list(reversed(rows))) == expected
    assert find_duplicates(data.draw(st.permutations(rows))) == expected
    assert find_duplicates(build(specs)) == expected


@SETTINGS
@given(st.lists(row_specs, min_size=2, max_size=14), st.sampled_from(DAYS))
def test_an_unrelated_row_changes_nothing(specs, day) -> None:
    rows = build(specs)
    other = make_row("Конференция по цифровизации архивов", "г. Вязьма", day, day, "Вяземский район", 999)
    with_other = [*rows, (("Вяземский район", 999), other)]
    assert find_duplicates(with_other) == find_duplicates(rows)


def test_the_generators_make_duplicates() -> None:
    """The properties above would hold vacuously if no example ever had a duplicate."""
    first = (TITLES[0], PLACES[0], DAYS[0], 0, MUNICIPALITIES[0])
    second = (TITLES[1], PLACES[1], DAYS[0], 0, MUNICIPALITIES[1])
    rows = build([first, second])
    assert len(find_duplicates(rows)) == 1
