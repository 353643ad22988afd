"""`muniflow review export|apply|list`: the analyst's decisions on flagged rows, through a spreadsheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from muniflow.commands import Handler

DECISIONS_HELP = (
    "Decisions: accept (a warning is fine; a duplicate_event copy is confirmed and stays out of "
    "events), release (an error row enters events, with the corrected_* values), reject (the row "
    "is kept out), distinct (a duplicate_event copy is a different event)."
)


def register(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from muniflow.cli import warehouse_arg

    p = sub.add_parser(
        "review",
        help="review flagged rows: export them, apply decisions (accept, release, reject, distinct), list",
        description="Review flagged rows: `export FILE`, fill in the column `decision` of each row "
        "you decide, `apply FILE`. " + DECISIONS_HELP,
    )
    actions = p.add_subparsers(dest="review_action", metavar="ACTION", required=True)
    e = actions.add_parser(
        "export", help="write the open flagged rows to FILE (.csv UTF-8 with BOM, or .xlsx)"
    )
    e.add_argument("file", metavar="FILE", help="the review file to write (.csv or .xlsx)")
    e.add_argument(
        "--all", action="store_true", help="include rows already decided, their decision filled in"
    )
    warehouse_arg(e)
    a = actions.add_parser(
        "apply",
        help="record the decisions of FILE (.csv with , or ; in UTF-8 or Windows-1251, or .xlsx); "
        "the whole file is checked first",
        description="Record the decisions of a review file as exported (`review export`): the whole "
        "file is checked first, and nothing is applied if a line is wrong. " + DECISIONS_HELP,
    )
    a.add_argument("file", metavar="FILE", help="a review file as exported, decisions filled in")
    a.add_argument("--by", metavar="NAME", help="who decided (default: the OS user name)")
    warehouse_arg(a)
    s = actions.add_parser("list", help="print the flagged rows to review on the terminal")
    which = s.add_mutually_exclusive_group()
    which.add_argument("--open", action="store_true", help="only rows with an open flag (the default)")
    which.add_argument("--all", action="store_true", help="also rows already decided")
    warehouse_arg(s)
    return {"review": cmd_review}


def cmd_review(args: argparse.Namespace) -> int:
    from muniflow.cli import warehouse_of
    from muniflow.warehouse import db

    path = warehouse_of(args)
    if not Path(path).exists():
        print(f"muniflow review: no warehouse at {path}: run `muniflow ingest PATH` first", file=sys.stderr)
        return 2
    with db.connect(path) as con:
        if args.review_action == "apply":
            return _apply(con, Path(args.file), args.by)
        from muniflow.warehouse.review import review_lines

        lines = review_lines(con, include_decided=args.all)
    if args.review_action == "export":
        from muniflow.review.export import write_review_file

        try:
            print(write_review_file(Path(args.file), lines))
        except ValueError as err:
            print(f"muniflow review export: {err}", file=sys.stderr)
            return 2
        print(f"{len(lines)} row(s) to review", file=sys.stderr)
        return 0
    from muniflow.review.export import format_lines

    print(format_lines(lines))
    return 0


def _apply(con, file: Path, by: str | None) -> int:  # type: ignore[no-untyped-def]
    from muniflow.review.apply import apply_review_file
    from muniflow.review.decisions import ReviewFileError
    from muniflow.sheets import SheetReadError

    if not file.is_file():
        print(f"muniflow review apply: no such file: {file}", file=sys.stderr)
        return 2
    try:
        result = apply_review_file(con, file, by)
    except ReviewFileError as err:
        print(f"muniflow review apply: {file}: nothing applied:", file=sys.stderr)
        for problem in err.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except SheetReadError as err:
        print(f"muniflow review apply: {err}", file=sys.stderr)
        return 2
    run = f" (run {result.run_id})" if result.run_id else ""
    print(f"{result.recorded} decision(s) recorded{run}, {result.unchanged} already in force")
    return 0
