"""Validation rules from the contract: every row rule on one report, one flag per (row, rule).

The row rules (pandera, pandas) are imported when `check_report` first runs, so importing a
sibling module (`muniflow.rules.duplicates` for the duplicate rule) does not import pandera.
"""

from __future__ import annotations

from collections.abc import Iterable

from muniflow.contracts import Contract, load_contract
from muniflow.model import Flag, Report

__all__ = ["check_report", "merge_flags"]


def check_report(report: Report, contract: Contract | None = None) -> list[Flag]:
    """Every row rule of one report (date_format, quarter_consistency, required_field, numbering,
    mixed_script). unexpected_municipality is not among them: it depends on the expected list, not
    on the file, and runs on the loaded rows (`warehouse.expected`), so an edit of the list re-reads
    no file."""
    from muniflow.rules.numbering import numbering_flags
    from muniflow.rules.row_rules import row_flags

    contract = contract or load_contract()
    return merge_flags(
        [
            *row_flags(report, contract),
            *numbering_flags(report.rows, contract, report.numbered_nil, report.shared_numbers),
        ]
    )


def merge_flags(flags: Iterable[Flag]) -> list[Flag]:
    """One flag per (row, rule), as flagged_rows holds them: the worst severity, all fields named.

    A rule may fire on several fields of a row (required_field on title and place) or through
    several checks; a reviewer reads them as one finding.
    """
    groups: dict[tuple[int, str], list[Flag]] = {}
    for flag in flags:
        groups.setdefault((flag.row_index, flag.rule), []).append(flag)
    merged = []
    for (row_index, rule), group in sorted(groups.items()):
        severity = "error" if any(f.severity == "error" for f in group) else "warning"
        # The worst findings first, so the field and value shown lead with what quarantines the row.
        ordered = sorted(group, key=lambda f: f.severity != "error")
        merged.append(
            Flag(
                row_index=row_index,
                rule=rule,
                severity=severity,
                message=" ".join(_unique(f.message for f in ordered)),
                field=", ".join(_unique(f.field for f in ordered if f.field)) or None,
                value="; ".join(_unique(f.value for f in ordered if f.value)) or ordered[0].value,
                related_row=ordered[0].related_row,
            )
        )
    return merged


def _unique(items: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i is not None))
