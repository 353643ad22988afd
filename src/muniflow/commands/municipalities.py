"""`muniflow municipalities suggest`: draft a region's list of expected reporters from what arrived."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from muniflow.commands import Handler


def register(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from muniflow.cli import warehouse_arg

    p = sub.add_parser(
        "municipalities",
        help="the expected reporters: draft a region's list for contracts/reporting.yaml",
        description="Expected reporters per region live in contracts/reporting.yaml (`expected:`).",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    s = actions.add_parser(
        "suggest",
        help="print a YAML draft of a region's expected list from the municipalities seen in reports",
        description="Print `expected: {REGION: [...]}` with every municipality whose report (events or "
        "«мероприятия не проводились») the warehouse holds for the region, for the analyst to review "
        "and paste into contracts/reporting.yaml. Names are canonical, as the warehouse stores them.",
    )
    s.add_argument("--region", help="the region as reports name it (default: every region seen)")
    warehouse_arg(s)
    return {"municipalities": cmd_municipalities}


def cmd_municipalities(args: argparse.Namespace) -> int:
    from muniflow.cli import warehouse_of
    from muniflow.warehouse import db, reporting

    path = warehouse_of(args)
    if not Path(path).exists():
        print(
            f"muniflow municipalities: no warehouse at {path}: run `muniflow ingest PATH` first",
            file=sys.stderr,
        )
        return 2
    with db.connect(path) as con:
        known_regions = reporting.known_regions(con)
        regions = [args.region] if args.region else known_regions
        seen = {region: reporting.seen_municipalities(con, region) for region in regions}
    if not any(seen.values()):
        # the regions the warehouse holds, not the one asked for: what to give --region instead
        known = ", ".join(known_regions) or "none"
        which = args.region or "any region"
        print(f"muniflow municipalities: no reports for {which} (regions seen: {known})", file=sys.stderr)
        return 2
    draft = {"expected": {region: [name for name, _ in names] for region, names in seen.items() if names}}
    print("# Drafted by `muniflow municipalities suggest` from the reports received; review every name")
    print("# (a typo in a heading shows up here as a municipality of its own), then paste into")
    print("# contracts/reporting.yaml.")
    import yaml  # here: every command's parser imports this module, ~12 ms

    print(yaml.safe_dump(draft, allow_unicode=True, sort_keys=False, default_flow_style=False), end="")
    return 0
