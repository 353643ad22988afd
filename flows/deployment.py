"""The quarterly deployment: `muniflow serve` serves it; prefect.yaml declares the same for a work pool."""

from __future__ import annotations

import os

from prefect.schedules import Cron

from flows.ingest import ingest_reports

DEFAULT_TIMEZONE = "Europe/Moscow"


def serve_quarterly(inbox: str, cron: str, name: str = "quarterly", warehouse: str | None = None) -> None:
    """Serve the ingestion flow on a cron schedule (needs a Prefect server: `prefect server start`)."""
    timezone = os.environ.get("MUNIFLOW_TIMEZONE", DEFAULT_TIMEZONE)
    ingest_reports.serve(
        name=name,
        schedule=Cron(cron, timezone=timezone),
        parameters={"paths": [inbox], "warehouse": warehouse},
        description="Ingest the inbox of municipal reports at the start of each quarter.",
        tags=["muniflow", "quarterly"],
    )
