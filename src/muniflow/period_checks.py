"""The rules across a period's loaded rows, run once the files are loaded: the duplicate rule (and
unexpected_municipality, `warehouse.expected`) over each period's current rows, its modules and
vocabulary warmed up in a background thread while the files are read. Beside `stages`, whose
`load_file` loads the rows they compare."""

from __future__ import annotations

import threading


def warm_up_checks() -> threading.Thread:
    """Import the cross-row rules and build the duplicate rule's vocabulary (the lemmas of its
    words: together about 1 s of CPU on first use) in a background thread, so that this overlaps
    the extraction instead of lengthening the tail after it; the thread already started, if any."""
    from muniflow.warmup import in_background

    def work() -> None:
        from muniflow.rules.duplicates import load_config
        from muniflow.warehouse import expected, regions, review  # noqa: F401

        load_config()

    return in_background("muniflow-checks-warm-up", work)


def dedupe_periods(con, run_id: str, periods: set[str]) -> int:  # type: ignore[no-untyped-def]
    """Run the duplicate rule over the current rows of each period, with the corrections of review
    decisions in force; returns the flags written. The unexpected_municipality rule runs there too
    (`warehouse.expected`: it follows the expected list, not the files). First a loaded report of no
    region takes the one its municipalities' other reports name, those loaded after it included
    (`warehouse.regions`), so it versions with that region's reports before the rule compares rows."""
    from muniflow.warehouse import cross_row_flags, expected, regions, review

    regions.adopt_regions(con, sorted(periods))
    expected.refresh(con, run_id, sorted(periods))
    by_period = review.reviewed_rows_by_period(con, sorted(periods))
    report_regions = review.row_regions(con, [key for rows in by_period.values() for key, _ in rows])
    flags = {period: review.duplicate_flags(con, rows, report_regions) for period, rows in by_period.items()}
    cross_row_flags.replace_period_flags(con, "duplicate_event", flags, run_id)
    return sum(len(found) for found in flags.values())
