"""The `muniflow` command: ingest, query, export, report, serve."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import os
import sys
from pathlib import Path

from muniflow.commands import Handler, register_all
from muniflow.interrupt import as_keyboard_interrupt, as_termination

# The default schedule: daily at 06:00 (Moscow) on days 1-20 of the month after each quarter, the
# reporting window of contracts/reporting.yaml (`muniflow.reporting.window.window_cron`).
WINDOW_CRON_HELP = (
    "default: daily during the reporting window of contracts/reporting.yaml, '0 6 1-20 1,4,7,10 *'"
)


FILES_HELP = (
    "report files (DOCX, PDF; Excel .xlsx, .xls and .ods; .doc, .rtf, .odt, HTML, .mht, Word 2003 XML "
    "via LibreOffice; scans and photos via OCR; ZIP; saved e-mails .eml by their attachments) or folders"
)


def warehouse_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--warehouse",
        metavar="FILE",
        help="DuckDB file (default: $MUNIFLOW_WAREHOUSE or warehouse/muniflow.duckdb)",
    )


def warehouse_of(args: argparse.Namespace) -> str:
    from muniflow.warehouse.db import default_warehouse_path

    return str(args.warehouse or default_warehouse_path())


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command (the README and the tests read its help)."""
    parser = argparse.ArgumentParser(
        prog="muniflow",
        description="Quarterly municipal international-events reports (DOCX, PDF) -> validated "
        "facts in a DuckDB warehouse.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("ingest", help="ingest report files or folders (runs the Prefect flow)")
    p.add_argument("paths", nargs="+", metavar="PATH", help=FILES_HELP)
    warehouse_arg(p)
    p.add_argument("--period", help="the reports' quarter, e.g. 2024Q2, when titles do not say it")
    p.add_argument(
        "--region", help="the reports' region where titles do not name one (e.g. 'Смоленская область')"
    )
    p.add_argument("--report-dir", metavar="DIR", help="where to write the data-quality report")
    p.add_argument(
        "--force", action="store_true", help="run the flow even when every file is already loaded as it is"
    )
    p.add_argument(
        "--pages",
        action="store_true",
        help="the files are photos or scans of ONE report's pages, in order: read them as one report",
    )
    p.add_argument(
        "--task-runner",
        choices=("threads", "processes", "dask"),
        help="Prefect task runner for extraction (default: $MUNIFLOW_TASK_RUNNER or threads)",
    )

    p = sub.add_parser("query", help="run read-only SQL on the warehouse")
    p.add_argument("sql", nargs="?", help="the SQL (a SELECT); omit with --saved or --list")
    p.add_argument("--saved", metavar="NAME", help="run a saved query of warehouse/queries/")
    p.add_argument("--list", action="store_true", help="list the saved queries")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    warehouse_arg(p)

    p = sub.add_parser("export", help="write every view to files")
    p.add_argument("dir", metavar="DIR", help="output folder (created if missing)")
    p.add_argument(
        "--format",
        choices=("parquet", "csv", "xlsx"),
        default="parquet",
        help="parquet (raw text), csv (cells a spreadsheet would evaluate neutralized) or xlsx "
        "(one workbook muniflow.xlsx, one sheet per view)",
    )
    warehouse_arg(p)

    p = sub.add_parser("report", help="write the data-quality report of flagged rows")
    p.add_argument("--run", default="latest", metavar="latest|RUN_ID", help="which run (default latest)")
    p.add_argument("--out", metavar="DIR", help="output folder (default reports/RUN_ID)")
    p.add_argument(
        "--period",
        action="append",
        metavar="2025Q2",
        help="only this quarter (repeat for several; default every quarter in the warehouse, "
        "missing reports of the last ended quarter included)",
    )
    warehouse_arg(p)

    p = sub.add_parser(
        "serve",
        help="serve the scheduled ingestion deployment (daily during the reporting window)",
        description="Serve the ingestion flow on a schedule: daily at 06:00 Moscow time from the 1st to "
        "the 20th day of the month after each quarter (contracts/reporting.yaml, `window`). A run with "
        "nothing new in the inbox reads nothing; the run on the window's last day closes the quarter "
        "(its final data-quality and completeness report as a Prefect artifact).",
    )
    p.add_argument("--inbox", default="inbox", metavar="DIR", help="folder to ingest (default inbox/)")
    p.add_argument("--cron", help=f"schedule ({WINDOW_CRON_HELP})")
    p.add_argument("--name", default="quarterly", help="deployment name (default quarterly)")
    warehouse_arg(p)
    COMMANDS.update(register_all(sub))
    return parser


def cmd_ingest(args: argparse.Namespace) -> int:
    from muniflow.ingest_command import run

    return run(args)


def cmd_query(args: argparse.Namespace) -> int:
    from muniflow.warehouse import readonly, saved

    if args.list:
        for name, description in saved.list_saved():
            print(f"{name:<36} {description}")
        return 0
    if args.saved:
        try:
            sql = saved.saved_sql(args.saved)
        except KeyError as err:
            print(f"muniflow query: {err.args[0]}", file=sys.stderr)
            return 2
    elif args.sql:
        sql = args.sql
    else:
        print("muniflow query: give SQL, --saved NAME or --list", file=sys.stderr)
        return 2
    path = warehouse_of(args)
    if not Path(path).exists():
        print(f"muniflow query: no warehouse at {path}: run `muniflow ingest PATH` first", file=sys.stderr)
        return 2
    try:
        result = readonly.run_query(path, sql)
    except (readonly.QueryError, readonly.WarehouseBusy) as err:
        print(f"muniflow query: {err}", file=sys.stderr)
        return 1
    print(readonly.format_result(result, args.format))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from muniflow.warehouse.export import export_views

    try:
        paths = export_views(warehouse_of(args), Path(args.dir), args.format)
    except FileNotFoundError as err:
        print(f"muniflow export: {err}: run `muniflow ingest PATH` first", file=sys.stderr)
        return 2
    for path in paths:
        print(path)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from muniflow.model import Period
    from muniflow.quality_report import write_quality_report
    from muniflow.warehouse import db

    try:
        periods = sorted({Period.parse(p).label for p in args.period}) if args.period else None
    except ValueError as err:
        print(f"muniflow report: {err}", file=sys.stderr)
        return 2
    path = warehouse_of(args)
    if not Path(path).exists():
        print(f"muniflow report: no warehouse at {path}: run `muniflow ingest PATH` first", file=sys.stderr)
        return 2
    try:
        with db.connect(path) as con:
            html = write_quality_report(con, args.run, Path(args.out) if args.out else None, periods)
    except LookupError as err:
        print(f"muniflow report: {err.args[0]}", file=sys.stderr)
        return 2
    print(html)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from muniflow.commands.server import answers, use_running_server

    if not Path(args.inbox).is_dir():
        print(f"muniflow serve: inbox folder {args.inbox} does not exist", file=sys.stderr)
        return 2
    api = use_running_server()
    if api is None or not answers(api):
        where = f"the Prefect server at {api} does not answer" if api else "no Prefect server is running"
        print(
            f"muniflow serve: {where}, and a schedule needs one: start it with `muniflow server start` "
            "(or `prefect server start` and set PREFECT_API_URL), then run serve again",
            file=sys.stderr,
        )
        return 2
    from flows.deployment import serve_quarterly

    # no --cron: the reporting window's schedule (contracts/reporting.yaml)
    serve_quarterly(inbox=args.inbox, cron=args.cron, name=args.name, warehouse=warehouse_of(args))
    return 0


COMMANDS: dict[str, Handler] = {
    "ingest": cmd_ingest,
    "query": cmd_query,
    "export": cmd_export,
    "report": cmd_report,
    "serve": cmd_serve,
}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    # Prefect's temporary API gives up after 20 s by default; a busy 2-core machine needs more.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    if argv is None:  # this process is the command (not a caller's function call, e.g. a test)
        # Last at exit: freeze the cyclic garbage collector's view of every object, so the
        # interpreter's teardown does not walk the whole heap of Prefect, pandas and GX modules
        # (measured: seconds of wall, ~1-2 s of CPU after a cold ingest). Objects are still
        # released by reference counting and every other exit handler has already run.
        atexit.register(gc.freeze)
    args = build_parser().parse_args(argv)
    args.process_argv = sys.argv[1:] if argv is None else None  # what a warm runner would be given
    try:
        with as_termination(), as_keyboard_interrupt():
            return COMMANDS[args.command](args)
    except BrokenPipeError:
        if argv is not None:
            raise
        # the reader of our output left (`muniflow query … | head`): no traceback, as a tool killed
        # by SIGPIPE; stdout pointed at nothing so the interpreter's last flush cannot fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + 13  # SIGPIPE
    except RuntimeError as err:
        busy = _warehouse_busy(err)
        if busy is None:
            raise
        # another process holds the warehouse past the wait: one line naming it (query and status
        # said so already; review, export, compile, report, ingest… printed a traceback)
        print(f"muniflow {args.command}: {busy}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        if argv is not None:  # a caller's function call: the caller decides
            raise
        print("muniflow: interrupted", file=sys.stderr)
        _exit_now(130)  # as a shell reports a command stopped by Ctrl-C
        return 130


def _warehouse_busy(err: BaseException) -> BaseException | None:
    """The WarehouseBusy that `err` is or was raised from (a flow re-raising it), else None. The
    class is looked up only once its module is loaded: a command that never opened the warehouse
    cannot have raised it, and the parser stays import-light."""
    busy = getattr(sys.modules.get("muniflow.warehouse.db"), "WarehouseBusy", None)
    seen: BaseException | None = err
    visited: set[int] = set()
    while busy is not None and seen is not None and id(seen) not in visited:
        if isinstance(seen, busy):
            return seen
        visited.add(id(seen))
        seen = seen.__cause__ or seen.__context__
    return None


def _exit_now(status: int) -> None:
    """End the process at once, Prefect's temporary API stopped first: its exit handlers would
    otherwise wait on the event sender for minutes when the terminal's Ctrl-C killed that API (the
    process group gets the signal). Nothing of ours waits for exit: a load is one transaction, and
    the next run marks an interrupted run aborted."""
    own = sys.modules.get("flows.temporary_api")  # ours runs in a session of its own: stop it
    if own is not None:
        with contextlib.suppress(Exception):
            own.stop()
    server = sys.modules.get("prefect.server.api.server")
    for instance in list(getattr(getattr(server, "SubprocessASGIServer", None), "_instances", {}).values()):
        with contextlib.suppress(Exception):  # exiting anyway: a server that will not stop dies with us
            instance.stop()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    sys.exit(main())
