"""A cover page's imprint: the line at its foot naming where and when the document was issued
(«г. Энск, 2025», «город Энск – 2025 год»). It names the town that printed the report, not whose
report it is: a regional office's cover over one municipality's report, a district's report
printed in its centre town. A title or letter is asked for its municipality without its imprint
lines first (interpret/nil.py `municipality_in_text`)."""

from __future__ import annotations

import re

_NAME = r"(?:г\.|гор\.|город)[ \t]*[А-ЯЁ][А-ЯЁа-яё-]*(?:[ \t]+[А-ЯЁ][А-ЯЁа-яё-]*)?"
_YEAR = r"(?:19|20)\d{2}[ \t]*(?:г\.?|год[а]?)?[ \t]*$"
# The settlement's kind, one or two capitalised words of its name, a year, nothing else on the
# line; or the same closing a line, the year after a comma (a PDF's text layer runs the imprint
# into the line above it: «… за I квартал 2025 года г. Энск, 2025»).
_IMPRINT = re.compile(
    rf"^[ \t]*{_NAME}[ \t]*[,–—-]?[ \t]*{_YEAR}|(?<=[ \t]){_NAME}[ \t]*,[ \t]*{_YEAR}", re.MULTILINE
)


def without_imprint(text: str) -> str:
    """The text with its imprint lines (or a line's closing imprint) left blank, the lines kept."""
    return _IMPRINT.sub("", text)
