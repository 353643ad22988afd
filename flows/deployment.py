"""The scheduled deployment: `muniflow serve` serves it; prefect.yaml declares the same for a work pool.

It runs daily at 06:00 Moscow time during the reporting window (days 1-20 of the month after each
quarter, contracts/reporting.yaml): a day with nothing new reads nothing, the window's last day
closes the quarter.
"""

from __future__ import annotations

import os

from prefect.schedules import Cron

from flows.ingest import ingest_reports
from muniflow.reporting.contract import load_reporting
from muniflow.reporting.window import window_cron


def serve_quarterly(
    inbox: str, cron: str | None = None, name: str = "quarterly", warehouse: str | None = None
) -> None:
    """Serve the ingestion flow on a cron schedule (needs a Prefect server: `prefect server start`);
    the default schedule is the reporting window's, in its time zone ($MUNIFLOW_TIMEZONE overrides)."""
    timezone = os.environ.get("MUNIFLOW_TIMEZONE") or load_reporting().window.timezone
    cron = cron or window_cron()
    ingest_reports.serve(
        name=name,
        schedule=Cron(cron, timezone=timezone),
        parameters={"paths": [inbox], "warehouse": warehouse},
        description="Ingest the inbox of municipal reports daily during the reporting window; "
        "close the quarter on its last day.",
        tags=["muniflow", "quarterly"],
    )
