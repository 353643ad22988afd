"""A row the reader left out of its table: the text after the last table opening with the number
the table's next row would have («4. Участие в выставке …» after row 3). Read as a letter's closing,
it would vanish without a word; the report is noted instead, so the analyst looks at the file."""

from __future__ import annotations

from collections.abc import Sequence

from muniflow.model import Row
from muniflow.normalize.text import fold, seq_number


def left_out_row_note(rows: Sequence[Row], closing: str) -> tuple[str, ...]:
    """A note when the first line after the last table opens with the number after the last row's
    and holds words after it; none otherwise."""
    last = next((row.seq_no for row in reversed(rows) if row.seq_no is not None), None)
    line = next((fold(x) for x in closing.splitlines() if fold(x)), "")
    number, _, rest = line.partition(" ")
    if last is None or not rest or seq_number(number) != last + 1:
        return ()
    return (
        f"the text after the table opens like its row {last + 1} («{line[:60]}»), which was not read as "
        "a row: check the file's last page and add the event by hand if it is one",
    )
