"""Pure normalization of cell texts: whitespace and artefacts, dates, mixed alphabets."""

from muniflow.normalize.dates import DateParse, parse_dates
from muniflow.normalize.script import fix_mixed_script, mixed_script_words
from muniflow.normalize.text import fold, seq_number

__all__ = ["DateParse", "fix_mixed_script", "fold", "mixed_script_words", "parse_dates", "seq_number"]
