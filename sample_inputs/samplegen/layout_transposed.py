"""A report's events drawn transposed (`layouts --transposed`): the labels down the first column
and one column per event, as some offices turn a table too narrow for its columns.

Each municipality's events are a table of their own under its heading paragraph. Two forms, by
report index: one table per municipality, as wide as its events; and tables of at most `BLOCK`
events, a municipality with more continued under itself, its labels repeated. Values merged down
over several rows in the row form are written in each event's column. The gold rows stay as they
are.
"""

from __future__ import annotations

from dataclasses import replace

from .layout_cards import column_labels, filled_body
from .variants import Plan, TablePlan

FORMS = ("per_section", "blocks")
BLOCK = 3  # events side by side in the "blocks" form
AVAILABLE_CM = {False: 16.5, True: 25.2}  # text width, portrait / landscape (as layout_plan)
LABEL_CM = 4.0


def as_transposed(plan: Plan, index: int) -> Plan:
    """The plan with its events tables drawn transposed (negatives are returned as they are)."""
    if plan.expect:
        return plan
    form = FORMS[index % len(FORMS)]
    lead = 1 if plan.axes.get("lead_table", "none") != "none" else 0
    tables = list(plan.tables[:lead])
    for table in plan.tables[lead:]:
        tables += _transposed(table, form, plan.axes.get("number_row") == "yes", AVAILABLE_CM[True])
    return replace(plan, tables=tables, landscape=True, axes={**plan.axes, "transposed": form})


def _transposed(table: TablePlan, form: str, number_row: bool, available: float) -> list[TablePlan]:
    labels = column_labels(table)
    sections: list[tuple[list[str], list[list[str]]]] = [(list(table.caption), [])]
    for kind, content in filled_body(table, number_row):
        if kind == "span":
            assert isinstance(content, str)
            if sections[-1][1]:
                sections.append(([], []))
            sections[-1][0].append(content)  # a heading above the next table
        else:
            assert isinstance(content, list)
            sections[-1][1].append(content)
    out: list[TablePlan] = []
    for caption, events in sections:
        if not events:
            continue
        chunks = (
            [events]
            if form == "per_section"
            else [events[i : i + BLOCK] for i in range(0, len(events), BLOCK)]
        )
        width = max(len(chunk) for chunk in chunks)
        widths = [LABEL_CM] + [round((available - LABEL_CM) / width, 2)] * width
        first, *rest = [_lines(labels, chunk, width) for chunk in chunks]
        body = [line for block in [first[1:], *rest] for line in block]
        out.append(
            TablePlan(
                caption,
                [first[0]],
                body=[("cells", line) for line in body],
                widths=widths,
                repeat_header=False,
                borders=table.borders,
            )
        )
    return out


def _lines(labels: list[str], events: list[list[str]], width: int) -> list[list[str]]:
    """One line per label: the label, then each event's value ("" beyond the events)."""
    return [[label] + [e[i] for e in events] + [""] * (width - len(events)) for i, label in enumerate(labels)]
