"""Prefect flows of muniflow: thin wiring over the stages in `muniflow.stages`."""
