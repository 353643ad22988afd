"""Flow-run heartbeats of `muniflow ingest`: sent where someone asked for them.

A flow-run heartbeat tells a Prefect server that the run's process still lives, so that an
automation can mark a run whose process died as crashed. Prefect sends one every 180 s by default,
and its synchronous engine joins the heartbeat thread when the run ends; that thread sleeps in
one-second steps, so every run waits up to 1 s more (0.5 s on average) for it, measured at the
end of each `muniflow ingest`. The command is run by someone at a shell, who sees its crash, so
its flow run sends heartbeats only when a heartbeat frequency is set in Prefect's settings (the
environment, the active profile or a settings file: PREFECT_FLOWS_HEARTBEAT_FREQUENCY), and never
on the temporary API the command started itself (it stops with the command: nobody could read
them). Runs of `muniflow serve`'s deployment are started by Prefect, not here: unchanged.
"""

from __future__ import annotations

import contextlib


def ingest_settings(own_api: bool) -> contextlib.AbstractContextManager[object]:
    """Prefect settings for the flow run of one `muniflow ingest`: no heartbeats unless a
    frequency is set (and never on `own_api`, the temporary API this process started)."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, get_current_settings, temporary_settings

    asked = "heartbeat_frequency" in get_current_settings().flows.model_fields_set
    if asked and not own_api:
        return contextlib.nullcontext()
    return temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})
