"""Rows of a table drawn without row rules whose first column holds labels and each other column
one event (a transposed table: «Наименование мероприятия | event 1 | event 2», «Дата проведения |
date 1 | date 2»; interpret/transposed.py turns it into rows).

Such a table numbers no rows (its numbers run across its first line, one per event), so the rows
of an unruled table, opened by a row number in its first column, are not found: the table was
left unread, or read a visual line a row, each label cut into its lines. Here a line of the table
opens a row when its first column starts a label:
- the table's first line, and each line repeating the first one's label (a table too wide for its
  page continued under itself, its labels repeated: a block of its own);
- otherwise a label opening in lower case (a bracket or a sign before its first letter aside), or
  no label, goes on the one above («Дата / проведения», «Формат / (очно или онлайн)»);
- a label opening with a capital or a digit opens a row when it holds a word of the header
  vocabulary (the contract's header synonyms), with the lines going on with it («Праздничные /
  мероприятия»), when a column of the events takes text up again after a line it left blank (a
  cell's text wraps on without a gap: an event's text that stopped and starts again is the next
  row's), or when it stands beside a value under a label line that left no word hanging (labels
  of one line each the contract does not know: «Начато» under «Площадка»). A line holding none of
  these goes on the label above (a label wrapped before a name: «Участники от / Энции»).
The lines read so are a table of labels when its labels, mapped together by the contract's header
synonyms (`map_columns`, as interpret/transposed.py maps them), name the event and at least
MIN_LABELS columns in all (under a first line numbering the events, MIN_NUMBERED_LABELS columns of
any kind: a table the page end cut short), and most of its rows hold a value beside their label:
a letterhead («Администрация … муниципального округа», «№ …») or a table of rows without numbers
names no such column of labels, nor does prose set in columns (its "labels" are paragraphs, longer
than MAX_LABEL_WORDS words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Protocol

from muniflow.contracts import header_synonyms
from muniflow.interpret.columns import map_columns
from muniflow.morph import analyzer
from muniflow.readers.headerwords import lemma, one_word_synonyms, vocabulary
from muniflow.readers.rownumber import SEQ_NUMBER

# Labels of a table of labels the header synonyms map, at the least: the event's name, its dates
# and one more (as interpret/transposed.MIN_LABELS asks of the labels it turns into a header).
MIN_LABELS = 3
# ... and where its first line numbers the events («№ п/п | 1 | 2 | 3»), the labels of a table the
# page end cut short, the event's name perhaps on the next page: one, whichever it is.
MIN_NUMBERED_LABELS = 1
# ... and the last labels of a card the page end cut (see label_starts' `overleaf`).
MIN_OVERLEAF_LABELS = 2
# The column its labels must name: without the event's name it is something else.
NEEDED = "title"
# Words of a label at the most (the contract's longest synonyms have six, a label's note in brackets
# a few more): most labels of a table of labels are no longer; a paragraph of prose set in
# columns, opening with a word of the header vocabulary, runs on for tens of words.
MAX_LABEL_WORDS = 8
_TOKEN = re.compile(r"[^\W\d_]{2,}|№")
_FUNCTION_POS = frozenset({"CONJ", "PREP", "PRCL", "INTJ"})
# Signs a label's line ends on where its words go on the next line.
_JOINING = ("-", "–", ",", "(", "/", "«")

Span = tuple[float, float]


class LabelLine(Protocol):
    """What the row finder needs of a visual line: its runs of words and its first run's text."""

    @property
    def spans(self) -> tuple[Span, ...]: ...

    @property
    def label(self) -> str: ...

    @property
    def text(self) -> str: ...  # the texts of its runs, a space between (none within a run)


def label_starts(
    lines: Sequence[LabelLine],
    xs: Sequence[float],
    going_on: bool = False,
    overleaf: bool = False,
    cut: bool = False,
) -> list[int] | None:
    """The lines opening a row of a table of labels on the columns `xs` (left edges, then the
    right edge); None when the lines are no table of labels. `going_on`: the lines are the rest of
    a table from the page before, whose labels were judged there (the rows are found alike).
    `overleaf`: the lines may be the last labels of a card the page end cut (its event's name
    above): MIN_OVERLEAF_LABELS labels the synonyms know are enough, whichever they are. `cut`: the
    lines end the page, a card the page end may cut before its event's name: its labels need not
    name the event, MIN_OVERLEAF_LABELS labels the synonyms know are enough."""
    if len(xs) < 3 or not lines:
        return None
    labels = [_label(line, xs) for line in lines]
    if not labels[0] and len(lines[0].spans) == 1 and len(lines) > 1:  # a heading over the labels
        under = label_starts(lines[1:], xs, going_on, overleaf, cut)
        return None if under is None else [0, *(k + 1 for k in under)]
    columns = [frozenset(_column_of(a, xs) for a, _ in line.spans) for line in lines]
    starts = [0]
    written = set(columns[0])  # the columns the current row wrote into
    for i in range(1, len(lines)):
        label = labels[i]
        resumed = any(k and k in written and k not in columns[i - 1] for k in columns[i])
        # a label beside its value, under a label that ended (no word left hanging)
        beside = any(columns[i]) and not _hangs(labels[i - 1])
        opens = bool(label) and (
            label == labels[0]
            or (not is_lower(label) and (resumed or beside or holds_header_word(_whole(labels, i))))
        )
        if opens:
            starts.append(i)
            written = set(columns[i])
        else:
            written |= columns[i]
    if going_on:
        return starts
    rows = list(pairwise([*starts, len(lines)]))
    texts = [" ".join(t for t in labels[a:b] if t) for a, b in rows]
    least = MIN_NUMBERED_LABELS if _numbers_across(lines[0]) else MIN_LABELS
    least = MIN_OVERLEAF_LABELS if overleaf or cut else least
    if len(texts) < max(least, 2) or not all(texts):  # a line of numbers has a label under it
        return None
    valued = sum(any(k for i in range(a, b) for k in columns[i]) for a, b in rows)
    short = sum(len(text.split()) <= MAX_LABEL_WORDS for text in texts)
    if valued * 2 <= len(rows) or short * 2 <= len(texts):
        return None
    matches, _ = map_columns(texts, header_synonyms())
    relaxed = cut or least in (MIN_NUMBERED_LABELS, MIN_OVERLEAF_LABELS)
    named = relaxed or NEEDED in {m.column for m in matches}
    if not named or len({m.index for m in matches}) < least:
        return None
    return starts


def holds_header_word(text: str) -> bool:
    """Whether a label's line holds a word of the header vocabulary other than a conjunction,
    preposition or particle (those join the words of any line), unless that word is a synonym
    by itself («Когда проводилось»)."""
    words, whole = vocabulary(), one_word_synonyms()
    for token in _TOKEN.findall(text):
        found = lemma(token)
        if found in whole or (
            found in words and analyzer().parse(token.lower())[0].tag.POS not in _FUNCTION_POS
        ):
            return True
    return False


def _hangs(label: str) -> bool:
    """Whether a label's line ends where its words go on: on a preposition, a conjunction or a
    particle («Участники от» / «Энции»: a name the label wrapped before), or on a sign joining
    words (a hyphen, a comma, an opening bracket, a slash)."""
    text = label.rstrip()
    if text.endswith(_JOINING):
        return True
    tokens = _TOKEN.findall(text)
    return bool(tokens) and analyzer().parse(tokens[-1].lower())[0].tag.POS in _FUNCTION_POS


def _whole(labels: Sequence[str], i: int) -> str:
    """The label opening at line `i` with the lines going on with it (lower case, or no label)."""
    out = [labels[i]]
    for label in labels[i + 1 :]:
        if label and not is_lower(label):
            break
        out.append(label)
    return " ".join(t for t in out if t)


def _numbers_across(line: LabelLine) -> bool:
    """Whether a line holds a label and then row numbers alone, one per event."""
    runs = line.text.split(" ")[1:] if len(line.spans) > 1 else []
    return bool(runs) and all(SEQ_NUMBER.match(run) for run in runs)


def is_lower(label: str) -> bool:
    """Whether a label's line opens in lower case, signs before its first letter aside
    («(очно или онлайн)»); a number or «№» opens none."""
    first = next((c for c in label if c.isalnum() or c == "№"), "")
    return first.islower()


def _label(line: LabelLine, xs: Sequence[float]) -> str:
    """The line's text in the first column: its first run, when that starts there."""
    return line.label.strip() if line.spans and line.spans[0][0] < xs[1] else ""


def _column_of(x: float, xs: Sequence[float]) -> int:
    return max((k for k, edge in enumerate(xs[:-1]) if edge <= x), default=0)
