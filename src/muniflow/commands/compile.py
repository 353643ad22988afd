"""`muniflow compile`: the region's quarterly report in its official form, from the warehouse."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from muniflow.commands import Handler


def register(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    from muniflow.cli import warehouse_arg

    p = sub.add_parser(
        "compile",
        help="write the region's quarterly report (DOCX, optionally PDF) from the warehouse",
        description="Write the region's quarterly compilation in the form of contracts/compilation.yaml: "
        "a heading per municipality, rows numbered through, dates in words; only events of current "
        "reports, a co-reported event once under its host.",
    )
    p.add_argument("--period", required=True, help="the quarter, e.g. 2025Q2")
    p.add_argument("--region", help="the region (needed when the quarter holds several)")
    p.add_argument("--out", required=True, metavar="FILE.docx", help="the document to write")
    p.add_argument("--pdf", action="store_true", help="also write FILE.pdf through LibreOffice")
    p.add_argument("--annex", action="store_true", help="add a table of what is still open")
    warehouse_arg(p)
    return {"compile": run}


def run(args: argparse.Namespace) -> int:
    from muniflow.cli import warehouse_of
    from muniflow.model import Period
    from muniflow.publish.pdf import PdfUnavailable
    from muniflow.publish.quarterly import compile_quarter
    from muniflow.publish.template import TemplateError

    try:
        period = Period.parse(args.period)
    except ValueError as err:
        print(f"muniflow compile: {err}", file=sys.stderr)
        return 2
    out = Path(args.out)
    if out.suffix.lower() != ".docx":
        print(f"muniflow compile: --out must name a .docx file, got {out}", file=sys.stderr)
        return 2
    try:
        done = compile_quarter(warehouse_of(args), period, out, region=args.region, annex=args.annex)
    except FileNotFoundError as err:
        print(f"muniflow compile: {err}: run `muniflow ingest PATH` first", file=sys.stderr)
        return 2
    except (LookupError, TemplateError) as err:
        print(f"muniflow compile: {err.args[0]}", file=sys.stderr)
        return 2
    c = done.compilation
    print(
        f"{done.docx}: {c.event_count} events under {len(c.sections)} municipalities, "
        f"{done.region or 'region not known'}"
    )
    older_pdf = done.docx.with_suffix(".pdf")
    if args.pdf:
        from muniflow.publish.pdf import docx_to_pdf

        try:
            print(docx_to_pdf(done.docx))
        except PdfUnavailable as err:
            print(f"muniflow compile: {err}", file=sys.stderr)
            if older_pdf.is_file():
                print(_older_pdf_note(older_pdf), file=sys.stderr)
            return 1
    elif older_pdf.is_file():
        print(_older_pdf_note(older_pdf), file=sys.stderr)
    return 0


def _older_pdf_note(pdf: Path) -> str:
    """A PDF beside the new DOCX is an earlier compilation's: say so rather than leave it to be sent."""
    return (
        f"muniflow compile: note: {pdf} is an earlier compilation and does not show this one: "
        "rerun with --pdf to rewrite it, or delete it"
    )
