"""A one-line terminal progress bar for ingests of many files; silent when stderr is not a terminal."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    """Files done of total, with rows and flags so far, redrawn in place on a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool | None = None):
        self.total = total
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.done = self.rows = self.flags = 0

    def advance(self, rows: int = 0, flags: int = 0) -> None:
        """Count one more file done."""
        self.done += 1
        self.rows += rows
        self.flags += flags
        self._draw()

    def _draw(self) -> None:
        if not self.enabled or not self.total:
            return
        width = 30
        filled = width * self.done // self.total
        bar = "#" * filled + "." * (width - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} files, {self.rows} rows, {self.flags} flags")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()
