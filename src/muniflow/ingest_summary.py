"""What `muniflow ingest` prints when it is done: each file's fate, the totals, where the report is,
each region's completeness, and what the analyst may do next."""

from __future__ import annotations

from pathlib import Path


def say_superseded(files: list[Path], warehouse: str) -> None:
    """Name the files held only as earlier versions: ingesting one again does not make it current."""
    from muniflow.warehouse.lookups import superseded_files

    for path, by in superseded_files(files, warehouse):
        print(
            f"  {path} is an earlier version, superseded by {by}; to make it current again, save it as a "
            "new file (its content changed or re-saved) and ingest that: a new file is a new version"
        )


def hint_reprocess(warehouse: str) -> None:
    """Tell the user when reports in the warehouse were read by an older muniflow or contracts."""
    from muniflow.commands.reprocess import stale_hint
    from muniflow.warehouse import db

    with db.connect(warehouse) as con:
        hint = stale_hint(con)
    if hint:
        print(hint)


def print_summary(summary: dict) -> None:
    """What an analyst wants after an ingest: each file's fate, the totals, the report's path."""
    for f in summary["files"]:
        # A loaded file's message is a note on the whole report (its title's quarter fits no row).
        why = f"  [{f['reason'] or 'note'}] {f['message']}" if f["reason"] or f.get("message") else ""
        seen = " (seen before)" if f["seen_before"] else ""
        rows = (
            f"{f['rows_extracted']:>4} rows, {f['rows_loaded']:>4} clean, "
            f"{f['rows_quarantined']:>3} quarantined"
        )
        print(f"{f['status'] + seen:>25}  {rows}  {f['file']}{why}")
        if f["status"] == "loaded" and "region" in f and not f["region"]:
            print(
                f"{'':>27}region not read: its title names none muniflow reads (its rows count under no"
                ' region\'s completeness); re-run with --region "…" to name it'
            )
        for earlier in f.get("replaces") or ():
            if not earlier["still_loaded"]:  # no section of it current any more: a version of it
                print(f"{'':>27}replaces {earlier['file']}")
                continue
            names = ", ".join(earlier["municipalities"])
            rest = "(its other sections stay current)"
            print(f"{'':>27}replaces what {earlier['file']} reported for {names} {rest}")
    totals = ", ".join(f"{k} {v}" for k, v in summary.items() if isinstance(v, int))
    if summary.get("nothing_new"):
        print(f"nothing new: all {summary.get('files_seen', 0)} file(s) are in the warehouse as they are")
    else:
        print(f"run {summary['run_id']}: {totals}")
        if summary.get("report"):
            print(f"data-quality report: {summary['report']}")
        else:
            print(
                "data-quality report: none written: every file is in the warehouse as it is"
                " (`muniflow report` writes the latest run's report)"
            )
    unlisted: list[str] = []  # regions with no expected list: said once, after their lines
    for entry in summary.get("completeness") or ():
        missing = entry["missing_names"]
        names = f": {', '.join(missing[:10])}{' …' if len(missing) > 10 else ''}" if missing else ""
        listed = entry.get("listed", True)
        if not listed and entry["region"] not in unlisted:
            unlisted.append(entry["region"])
        print(
            f"{entry['period']} {entry['region']}: reported {entry['reported']}, nil {entry['nil']}, "
            f"quarantined {entry['quarantined']}, missing {entry['missing']}{names}"
            + ("" if listed else " (no expected list)")
        )
    if unlisted:
        which = unlisted[0] if len(unlisted) == 1 else f"{len(unlisted)} regions (marked above)"
        print(
            f"no expected list for {which}: completeness not checked there;"
            " draft one with `muniflow municipalities suggest`"
        )
    unplaced = [f["file"] for f in summary["files"] if f["status"] == "quarantined" and not f.get("period")]
    if unplaced and summary.get("completeness") is not None:
        shown = ", ".join(unplaced[:5]) + (" …" if len(unplaced) > 5 else "")
        print(
            f"{len(unplaced)} file(s) quarantined with no quarter read, counted under no quarter above"
            f" (see each one's reason above): {shown}"
        )
    closed = summary.get("quarter_close")
    if closed:
        print(f"quarter {closed['period']} closed: artifact {closed['artifact']}, report {closed['report']}")
