"""The error a document raises when it cannot be interpreted as a report."""

from muniflow.model import ReaderError


class InterpretError(ReaderError):
    """A readable document that is not a report we understand (`unknown_layout`, `period_unknown`).

    `reading` holds what was decided before giving up (the tables seen), for `inspect`.
    """

    def __init__(self, reason: str, message: str, reading: object = None):
        super().__init__(reason, message)
        self.reading = reading
