"""A corrected date the calendar lacks is refused with the value as written, so the reviewer sees
which cell to mend («31.02.2025»), not Python's words alone."""

from __future__ import annotations

import pytest

from muniflow.review.decisions import parse_date


@pytest.mark.parametrize("written", ["31.02.2025", "2025-02-31"])
def test_a_day_the_calendar_lacks_is_named_as_written(written: str) -> None:
    with pytest.raises(ValueError, match=f"no such day: '{written}'"):
        parse_date(written)
