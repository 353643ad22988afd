"""The key a municipality's report versions are kept under (interpret/muni_renamed.py)."""

from __future__ import annotations

import pytest

from muniflow.interpret.muni_renamed import version_key


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Энский район", "Энский муниципальный округ", True),  # a district turned into an okrug
        ("Энский муниципальный район", "Энский муниципальный округ", True),
        # a city okrug and the okrug or district around it, named after one city, exist at once
        ("Энский городской округ", "Энский муниципальный округ", False),
        ("Энский городской округ", "Энский район", False),
        ("Энский округ", "Энский муниципальный округ", False),  # a bare «округ» may be either
        ("Верхне-Энский район", "Верхне-Энский муниципальный округ", True),
        ("город Энск", "Энский район", False),  # the city is not the district around it
        ("Энский район", "Заэнский район", False),
        ("Энское сельское поселение", "Энский район", False),  # a settlement is no district
        ("Городской округ Энск", "Энский городской округ", False),  # a noun name is its own key
    ],
)
def test_a_municipality_whose_kind_changed_keeps_its_key(first: str, second: str, same: bool) -> None:
    assert (version_key(first) == version_key(second)) is same
