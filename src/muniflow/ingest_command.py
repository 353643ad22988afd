"""`muniflow ingest`: scan the paths, skip what the warehouse holds as it is, start Prefect's API
(or hand the command to `muniflow server start`'s warm runner) and overlap its start with the
imports the flow needs, then run the ingestion flow and print its summary."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from muniflow import import_gc
from muniflow.cli import warehouse_of
from muniflow.ingest_summary import hint_reprocess, print_summary, say_superseded


def _prepare_flow(args: argparse.Namespace) -> int | None:
    """Hand the command to `muniflow server start`'s warm runner (its exit code), or else start
    Prefect's temporary API unless a server answers, so its start overlaps ours (None)."""
    from muniflow.warm.client import hand_off

    warm_code = hand_off(args)  # `muniflow server start`'s warm runner, when one answers and matches
    if warm_code is not None:
        return warm_code
    from flows import temporary_api
    from muniflow.commands.server import use_running_server

    if use_running_server() is None:  # no `muniflow server start`'s server answering
        temporary_api.start()
    return None


def run(args: argparse.Namespace) -> int:
    """`muniflow ingest`: the flow over the given files, started as early as it can be."""
    try:
        return _ingest(args)
    finally:  # its work is done once the flow has returned; a later flow here checks in its own
        _stop_checkpoint_process()


def _ingest(args: argparse.Namespace) -> int:
    if args.process_argv is not None:  # this process is the command: its imports come first
        import_gc.hold()  # released when the flow is about to run
    if args.period:
        from muniflow.model import Period

        try:
            Period.parse(args.period)
        except ValueError as err:
            print(f"muniflow ingest: {err}", file=sys.stderr)
            return 2
    flows_anyway = bool(args.force or args.period or args.region)
    if flows_anyway and all(Path(p).exists() for p in args.paths):
        # a flow runs whatever the warehouse holds: its API starts first, before even the scan
        warm_code = _prepare_flow(args)
        if warm_code is not None:
            return warm_code
    from muniflow.intake.inbox import scan  # the readers' package: ~0.1 s

    try:
        inbox = scan(args.paths)
    except FileNotFoundError as err:
        print(f"muniflow ingest: {err}", file=sys.stderr)
        return 2
    files = list(inbox.files)
    if not files:
        skipped = len(inbox.skipped)
        litter = f" (only {skipped} system file(s) such as lock files, skipped)" if skipped else ""
        print("muniflow ingest: no files in " + ", ".join(map(str, args.paths)) + litter, file=sys.stderr)
        return 2
    from flows import temporary_api
    from muniflow.warehouse.lookups import holds_all  # imports DuckDB

    stored = holds_all(files, warehouse_of(args))  # every file in the warehouse as it is
    if not flows_anyway and stored:
        print(
            f"nothing new: the warehouse already holds all {len(files)} file(s) as they are "
            "(--force runs the flow anyway)"
        )
        say_superseded(files, warehouse_of(args))
        hint_reprocess(warehouse_of(args))
        return 0
    if not flows_anyway:
        warm_code = _prepare_flow(args)
        if warm_code is not None:
            return warm_code
    reads = bool(not stored or args.period or args.region)  # else (--force) all from the cache
    if reads:
        from muniflow import prefetch, warmup
        from muniflow.quality import worker

        threads = prefetch.task_runner_name(args.task_runner) == "threads"  # tasks run in this process
        if args.pages or not threads:
            warmup.start()  # the intake worker starts on the other core while Prefect is imported
        else:  # the first files are read in the intake workers while Prefect starts
            prefetch.start(files, args.period)
        if threads:  # the checkpoint's task runs here: Great Expectations imported in a process of its own
            worker.start()
    from flows.ingest import ingest_reports, task_runner_from_env

    flow = ingest_reports.with_options(task_runner=task_runner_from_env(args.task_runner))
    if temporary_api.pending():  # meanwhile, what the flow would do first
        from muniflow import warmup

        if reads:
            from muniflow.quality.gx_import import warm_up

            warm_up()  # Great Expectations imports while this thread only waits for the API
            _create_warehouse(warehouse_of(args))
            warmup.preload(until=lambda: not temporary_api.pending())  # what the flow imports
        else:  # every file from the cache (`--force`): the flow imports only Prefect's engines
            warmup.preload(until=lambda: not temporary_api.pending(), modules=warmup.FLOW_MODULES)
    try:
        temporary_api.wait()
    except RuntimeError as err:
        print(
            f"muniflow ingest: {err}\n(Prefect's temporary API runs on PREFECT_HOME's database; "
            "`muniflow server start` or PREFECT_API_URL names a server to use instead)",
            file=sys.stderr,
        )
        return 1
    from flows.heartbeats import ingest_settings

    import_gc.release()  # the run's own objects collected as usual from here
    with ingest_settings(own_api=temporary_api.started()):
        summary = flow(
            paths=[str(p) for p in args.paths],
            warehouse=warehouse_of(args),
            period=args.period,
            report_dir=args.report_dir,
            region=args.region,
            force=args.force,
            pages=args.pages,
            stored=stored,  # looked up just above: the flow need not hash the files again
        )
    print_summary(summary)
    hint_reprocess(warehouse_of(args))
    return 0


def _stop_checkpoint_process() -> None:
    """End the checkpoint's process this command started, if any (`quality.worker`)."""
    worker = sys.modules.get("muniflow.quality.worker")
    if worker is not None:
        worker.stop()


def _create_warehouse(warehouse: str) -> None:
    """Create a warehouse that does not exist yet (its migrations and countries: ~0.5 s), while the
    command only waits; one that exists is left to the flow, which opens it when it loads."""
    from muniflow.warehouse import db

    if warehouse == ":memory:" or Path(warehouse).exists():
        return
    try:
        db.connect(warehouse).close()
    except db.WarehouseBusy:  # another process created it meanwhile: the flow waits its turn
        return
