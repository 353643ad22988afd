"""`muniflow inspect FILE...`: how muniflow reads a file, without loading it.

Shows the tables found and which were chosen and why, the header rows, the column mapping with
its evidence, the region and period and the words they came from, the sections, the first rows
as records and the flags they would get. A ZIP archive or a saved e-mail is inspected by its
members, each under the name `ingest` gives it (`archive.zip!folder/report.docx`).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

# Rows shown as records per file.
FIRST_ROWS = 5


def register(sub: argparse._SubParsersAction) -> dict[str, Any]:
    """Add the `inspect` parser; returns its handler."""
    p = sub.add_parser(
        "inspect",
        help="show how files are read (tables, header, columns, sections, first rows) without loading",
        description=__doc__,
    )
    p.add_argument(
        "files",
        nargs="+",
        help="report files (DOCX, PDF, .doc, .rtf, .odt, HTML, .mht, Word 2003 XML, scans) or folders",
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    p.add_argument("--period", help="the quarter to assume, e.g. 2024Q2 (as `ingest --period`)")
    p.add_argument("--rows", type=int, default=FIRST_ROWS, help=f"rows shown per file (default {FIRST_ROWS})")
    return {"inspect": run}


def inspect_file(
    path: Path, period: str | None = None, rows: int = FIRST_ROWS, name: str | None = None
) -> dict[str, Any]:
    """What muniflow reads from one file, as a plain dict (JSON-ready); `name` is the name lineage
    gives it when it is not its path (an archive's member, read under it as `ingest` reads it)."""
    from muniflow import rules
    from muniflow.interpret import InterpretError
    from muniflow.model import Period, ReaderError
    from muniflow.report_period import interpreted
    from muniflow.rules.notes import report_note

    out: dict[str, Any] = {"file": name or str(path)}
    try:
        doc = _open(path)
    except ReaderError as err:
        return {**out, "reason": err.reason, "message": err.message}
    if name:
        doc = replace(doc, source_file=name)
    out["format"] = doc.format
    out["title"] = " ".join(doc.title.split())
    try:
        report = interpreted(doc, Period.parse(period) if period else None)  # as `ingest` reads it
    except InterpretError as err:
        reading = asdict(err.reading) if err.reading is not None else None  # type: ignore[call-overload]
        return {**out, "reason": err.reason, "message": err.message, "reading": reading}
    if report.reading is not None and report.reading.title:
        out["title"] = " ".join(report.reading.title.split())  # without a heading run into it
    out["region"] = report.region
    out["period"] = report.period.label if report.period else None
    out["reading"] = asdict(report.reading) if report.reading is not None else None
    out["rows_read"] = len(report.rows)
    flags = rules.check_report(report) if report.period is not None else []
    shown = report.rows[:rows]
    out["rows"] = [
        {
            **{
                k: (str(v) if v is not None else None) for k, v in asdict(r).items() if not k.endswith("_raw")
            },
            "flags": [f"{f.rule} ({f.severity}): {f.message}" for f in flags if f.row_index == r.row_index],
        }
        for r in shown
    ]
    out["flags_total"] = len(flags)
    note = report_note(report)
    if note is not None:  # what `ingest` stores in reports.message
        out["note"] = note
    return out


def _inspect_path(path: Path, work: Path, period: str | None, rows: int) -> list[dict[str, Any]]:
    """A file's reading; an archive's or a letter's, member by member (refused whole, why)."""
    from muniflow.intake.expand import expand
    from muniflow.intake.mail import looks_like_email

    if path.suffix.lower() != ".zip" and not looks_like_email(path):
        return [inspect_file(path, period, rows)]  # a document: no worker started to tell
    found = expand([path], work / f"{len(list(work.iterdir())):04d}")
    infos = [
        inspect_file(i.path, period, rows, i.name if i.name != str(i.path) else None) for i in found.inputs
    ]
    infos += [
        {"file": r.source_file, "reason": r.error.reason, "message": r.error.message} for r in found.refused
    ]
    return infos


def _open(path: Path) -> Any:
    """The document as `ingest` reads it: a scan or photo goes on to OCR, as it does there."""
    from muniflow.intake import open_report, run_sandboxed, scan
    from muniflow.model import ReaderError
    from muniflow.stages import ocr_limits

    try:
        return open_report(path)
    except ReaderError as err:
        if err.reason != scan.NEEDS_OCR:
            raise
        kind, pages = scan.parse_signal(err.message)
        print(f"{path.name}: {pages} page(s) to read by OCR ...", file=sys.stderr)
        return run_sandboxed(path, scan.read_scan, kind, limits=ocr_limits(pages))


def _text(info: dict[str, Any]) -> str:
    lines = [f"== {info['file']}"]
    if "title" in info:
        lines.append(f"title: {info['title'][:200]}")
    reading = info.get("reading") or {}
    if "region" in info:
        lines.append(f"region: {info['region']}  (from «{reading.get('region_text', '')}»)")
        lines.append(
            f"period: {info['period']}  (from «{reading.get('period_text', '')}», "
            f"kind {reading.get('period_kind') or '-'})"
        )
    for t in reading.get("tables", []):
        mark = "CHOSEN " if t["chosen"] else "skipped"
        lines.append(f"[{mark}] {t['locator']}: {t['reason']}")
        if t["municipality"]:
            lines.append(f"    caption municipality: {t['municipality']}")
        if t["chosen"]:
            none = "(continued)" if "continuation" in t["reason"] else "(none)"
            lines.append(f"    header rows: {', '.join(map(str, t['header_rows'])) or none}")
            for m in t["columns"]:
                header = " ".join(m["header"].split())
                lines.append(
                    f"    col {m['index'] + 1} «{header}» -> {m['column']}  "
                    f"[{m['evidence']}: «{m['matched']}», score {m['score']:.2f}]"
                )
            for u in t["unmapped"]:
                lines.append(f"    unmapped «{' '.join(u.split())}»")
        elif t["closest"]:
            lines.append(f"    header seen: [{t['closest']}]")
    for s in reading.get("sections", []):
        value = f" -> {s['value']}" if s["value"] else ""
        lines.append(f"section {s['kind']} at {s['locator']}: «{s['text']}»{value}")
    if "reason" in info:
        lines.append(f"REFUSED {info['reason']}: {info['message']}")
    if "note" in info:
        lines.append(f"NOTE {info['note']}")
    if "rows" in info:
        lines.append(f"rows read: {info['rows_read']}; flags on all rows: {info['flags_total']}")
        for r in info["rows"]:
            lines.append(
                f"  {r['source_locator']}: № {r['seq_text']} | {r['municipality']} | {r['title'][:60]} | "
                f"{r['place'][:40]} | {' '.join(r['date_text'].split())[:30]} "
                f"-> {r['start_date']}..{r['end_date']}"
            )
            for f in r["flags"]:
                lines.append(f"      flag {f}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the reading of every file; exit 0 (inspecting never fails on a file it cannot read)."""
    from muniflow.stages import discover

    infos: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="muniflow-inspect-") as work:
        for path in discover(args.files):
            infos += _inspect_path(path, Path(work), args.period, args.rows)
    if args.format == "json":
        print(json.dumps(infos, ensure_ascii=False, indent=2, default=str))
    else:
        print("\n\n".join(_text(i) for i in infos))
    return 0
