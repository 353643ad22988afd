"""A combined «Место и дата проведения» cell whose date carries a time written with a dot and an hour
word, or a weekday closing it (interpret/combined.py). Names invented."""

from __future__ import annotations

import pytest

from muniflow.interpret.combined import split_date_place


@pytest.mark.parametrize(
    ("cell", "date", "place", "reason"),
    [
        (
            "в режиме видеоконференцсвязи, 28.07.2025 в 16.00 ч.",
            "28.07.2025 в 16.00 ч.",
            "в режиме видеоконференцсвязи",
            "«16.00» is a time (minutes no month can be) and «ч.» says so: the date closes the cell",
        ),
        ("с. Верхние Луки, 11.08.2025 в 14.30 часов", "11.08.2025 в 14.30 часов", "с. Верхние Луки", "часов"),
        (
            "17.09.2025 (среда)\nг. Заозёрск",
            "17.09.2025 (среда)",
            "г. Заозёрск",
            "a weekday closing the date is no dangling lead word left to the place",
        ),
    ],
)
def test_a_time_or_a_weekday_stays_with_the_date_of_a_combined_cell(cell, date, place, reason):
    assert split_date_place(cell, None) == (date, place), reason
