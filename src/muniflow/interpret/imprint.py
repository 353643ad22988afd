"""A cover page's imprint: the line at its foot naming where and when the document was issued
(«г. Энск, 2025», «город Энск – 2025 год»). It names the town that printed the report, not whose
report it is: a regional office's cover over one municipality's report, a district's report
printed in its centre town. A title or letter is asked for its municipality without its imprint
lines first (interpret/nil.py `municipality_in_text`)."""

from __future__ import annotations

import re

# The settlement's kind, one or two capitalised words of its name, a year, nothing else on the line.
_IMPRINT = re.compile(
    r"^[ \t]*(?:г\.|гор\.|город)[ \t]*[А-ЯЁ][А-ЯЁа-яё-]*(?:[ \t]+[А-ЯЁ][А-ЯЁа-яё-]*)?"
    r"[ \t]*[,–—-]?[ \t]*(?:19|20)\d{2}[ \t]*(?:г\.?|год[а]?)?[ \t]*$",
    re.MULTILINE,
)


def without_imprint(text: str) -> str:
    """The text with its imprint lines left blank (the lines kept, so line numbers hold)."""
    return _IMPRINT.sub("", text)
