"""Subcommands beyond the core five, one module each (`inspect.py`, `review.py`, …).

Each module defines `register(sub) -> dict[str, Callable[[argparse.Namespace], int]]`: it adds
its parser(s) to the `argparse` sub-parsers and returns the handler of each command it added.
A new command is one new module and one line in `MODULES`.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

Handler = Callable[[argparse.Namespace], int]

MODULES: tuple[str, ...] = (
    "compile",
    "inspect",
    "municipalities",
    "reprocess",
    "review",
    "server",
    "status",
)


def register_all(sub: argparse._SubParsersAction) -> dict[str, Handler]:
    """Add every extra command's parser to `sub`; returns the handlers by command name."""
    handlers: dict[str, Handler] = {}
    for name in MODULES:
        handlers.update(importlib.import_module(f"muniflow.commands.{name}").register(sub))
    return handlers
