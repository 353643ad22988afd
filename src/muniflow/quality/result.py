"""The outcome of the warehouse checkpoint, small and serialisable (no Great Expectations objects)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class ExpectationOutcome:
    """One expectation of the suite on one view: did it hold, and on how many rows not."""

    rule: str  # the contract's quality rule name
    table: str
    expectation: str
    column: str | None
    success: bool
    unexpected_count: int | None
    severity: str = "error"
    description: str = ""


@dataclass(frozen=True)
class QualityResult:
    """The checkpoint run: overall success, each expectation, and where the Data Docs were written."""

    success: bool
    outcomes: tuple[ExpectationOutcome, ...] = ()
    docs_index: str | None = None
    missing_tables: tuple[str, ...] = field(default_factory=tuple)

    @property
    def expectations(self) -> list[tuple[str, str | None, bool, int | None]]:
        """(expectation, column, success, unexpected_count) of every expectation run."""
        return [(o.expectation, o.column, o.success, o.unexpected_count) for o in self.outcomes]

    @property
    def failed(self) -> tuple[ExpectationOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.success)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)
