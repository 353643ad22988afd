"""The error a document raises when it cannot be interpreted as a report."""

from muniflow.model import ReaderError


class InterpretError(ReaderError):
    """A readable document that is not a report we understand (`unknown_layout`, `period_unknown`)."""
