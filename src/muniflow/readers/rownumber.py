"""A row's number as a table's № column writes it, one pattern for every reader."""

from __future__ import annotations

import re

# «7», «7.», «7)», «7 .», or a section's number and the row's within it («2.1», «2.1.»; neither an
# item's nor a section's number has a leading zero, where a date without its year has one, «12.07»).
SEQ_NUMBER = re.compile(r"^\s*(?:\d{1,4}\s*[.)]?|[1-9]\d{0,2}\.[1-9]\d{0,3}\.?)\s*$")
