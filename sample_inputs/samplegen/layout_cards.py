"""A report's events drawn as cards (`layouts --cards`): a table of label and value rows per event
instead of one row per event, the labels being the report's own column headers.

Three forms, by report index: one small table per event, one long table of cards (headings kept
as rows across it), and one long table whose first column holds each card's №. Values merged down
over several rows in the row form are written in each card. The gold rows stay as they are, but a
card without a № cell has no № to read.
"""

from __future__ import annotations

from dataclasses import replace

from .variants import Plan, TablePlan

FORMS = ("per_event", "one_table", "numbered")
AVAILABLE_CM = {False: 16.5, True: 25.2}  # text width, portrait / landscape (as layout_plan)
LABEL_SHARE = 0.32  # of the width the label column takes


def as_cards(plan: Plan, index: int) -> Plan:
    """The plan with its events tables drawn as cards (negatives are returned as they are)."""
    if plan.expect:
        return plan
    form = FORMS[index % len(FORMS)]
    lead = 1 if plan.axes.get("lead_table", "none") != "none" else 0
    available = AVAILABLE_CM[plan.landscape]
    tables = list(plan.tables[:lead])
    for table in plan.tables[lead:]:
        tables += _cards(table, form, plan.axes.get("number_row") == "yes", available)
    return replace(plan, tables=tables, axes={**plan.axes, "cards": form})


def column_labels(table: TablePlan) -> list[str]:
    """Each grid column's label: its header, «group: sub-header» under a group header."""
    if len(table.header) == 1:
        return list(table.header[0])
    return [
        f"{top}: {sub}" if sub else top for top, sub in zip(table.header[0], table.header[1], strict=True)
    ]


def filled_body(table: TablePlan, number_row: bool) -> list[tuple[str, list[str] | str]]:
    """The body with merged-down cells written in every row they cover, the column-number row left out."""
    body = [(kind, list(c) if isinstance(c, list) else c) for kind, c in table.body[1 if number_row else 0 :]]
    shift = 1 if number_row else 0
    for col, r0, r1 in table.body_merges:
        value = table.body[r0][1][col]  # type: ignore[index]
        for r in range(r0 + 1, r1 + 1):
            row = body[r - shift][1]
            assert isinstance(row, list)
            row[col] = row[col] or value
    return body


def _cards(table: TablePlan, form: str, number_row: bool, available: float) -> list[TablePlan]:
    labels = column_labels(table)
    numbered = form == "numbered"
    widths = (
        [1.2, round((available - 1.2) * LABEL_SHARE, 2), round((available - 1.2) * (1 - LABEL_SHARE), 2)]
        if numbered
        else [round(available * LABEL_SHARE, 2), round(available * (1 - LABEL_SHARE), 2)]
    )
    out: list[TablePlan] = []
    caption = list(table.caption)
    current: TablePlan | None = None
    for kind, content in filled_body(table, number_row):
        if kind == "span":
            assert isinstance(content, str)
            if form == "per_event":
                caption.append(content)  # a heading above the next card
            else:
                current = current or _new(caption, widths, table)
                current.body.append(("span", content))
            continue
        assert isinstance(content, list)
        seq, pairs = content[0], [(labels[i], v) for i, v in enumerate(content) if i > 0 and v.strip()]
        if form == "per_event" or current is None:
            current = _new(caption, widths, table)
            caption = []
            out.append(current)
        for k, (label, value) in enumerate(pairs):
            current.body.append(
                ("cells", [seq if k == 0 else "", label, value] if numbered else [label, value])
            )
    if current is not None and all(current is not t for t in out):
        out.append(current)
    return out


def _new(caption: list[str], widths: list[float], like: TablePlan) -> TablePlan:
    return TablePlan(list(caption), [], widths=widths, repeat_header=False, borders=like.borders)
