"""`muniflow status`: who has reported a quarter — reported, nil, quarantined, missing (first)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from muniflow.commands import Handler


def register(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from muniflow.cli import warehouse_arg

    p = sub.add_parser(
        "status",
        help="who has reported a quarter: reported, nil, quarantined, missing (missing first)",
        description="The reporting_status view: each expected or reporting municipality of a region's "
        "quarter with its status ('reported', 'nil' = «мероприятия не проводились», 'quarantined', "
        "'missing'), its report and when it arrived. Expected reporters: contracts/reporting.yaml.",
    )
    p.add_argument("--period", help="the quarter, e.g. 2025Q3 (default: every quarter, newest first)")
    p.add_argument("--region", help="one region, as reports name it (e.g. «Смоленская область»)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    warehouse_arg(p)
    return {"status": cmd_status}


def cmd_status(args: argparse.Namespace) -> int:
    from muniflow.cli import warehouse_of
    from muniflow.model import Period
    from muniflow.reporting.contract import load_reporting
    from muniflow.warehouse import db, readonly, reporting

    period = None
    if args.period:
        try:
            period = Period.parse(args.period).label
        except ValueError as err:
            print(f"muniflow status: {err}", file=sys.stderr)
            return 2
    path = warehouse_of(args)
    if not Path(path).exists():
        print(f"muniflow status: no warehouse at {path}: run `muniflow ingest PATH` first", file=sys.stderr)
        return 2
    try:
        with db.connect(path) as con:
            reporting.sync_expected(con, load_reporting().expected_pairs())
            columns, rows = reporting.status_rows(con, period, args.region)
            if period is not None and not rows:  # a quarter no report has arrived for yet
                rows = _all_missing(columns, period, args.region, load_reporting().expected_pairs())
            known = [] if rows or not args.region else reporting.status_rows(con, period, None)[1]
    except db.WarehouseBusy as err:
        print(f"muniflow status: {err}", file=sys.stderr)
        return 1
    result = readonly.QueryResult(tuple(columns), tuple(rows))
    print(readonly.format_result(result, args.format), end="" if args.format == "csv" else "\n")
    if args.format == "table" and not rows:
        print("(no reports and no expected municipalities for this selection)", file=sys.stderr)
    if not rows and known:
        index = columns.index("region") if "region" in columns else None
        regions = sorted({str(r[index]) for r in known if index is not None and r[index]})
        if regions:
            print(f"regions as the reports name them: {'; '.join(regions)}", file=sys.stderr)
    return 0


def _all_missing(
    columns: list[str], period: str, region: str | None, expected: list[tuple[str, str]]
) -> list[tuple[object, ...]]:
    """The rows of a quarter no report of the region has arrived for: every expected municipality
    (contracts/reporting.yaml) missing, as `reporting_status` lists a quarter that has reports."""
    values = {"period": period, "status": "missing", "expected": True}
    return [
        tuple({**values, "region": r, "municipality": m}.get(c) for c in columns)
        for r, m in expected
        if region is None or r == region
    ]
