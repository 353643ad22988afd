"""The unexpected_municipality rule: a municipality that reports events but is not on its region's
list of expected reporters (contracts/reporting.yaml) — a typo in a heading, or a new reporter."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from muniflow.contracts import CONTRACT_FILE, Contract, contract_file
from muniflow.model import Flag, Report
from muniflow.reporting.contract import REPORTING_FILE, ReportingContract, load_reporting

RULE = "unexpected_municipality"


def unexpected_flags(
    report: Report, contract: Contract, reporting: ReportingContract | None = None
) -> list[Flag]:
    """One flag on the first row of each municipality missing from the report's region's list
    (`municipality_flags` on the report's rows)."""
    rows = [(row.row_index, row.municipality, row.municipality_raw) for row in report.rows]
    return municipality_flags(report.region, rows, contract, reporting)


def lists_beside(contract: Contract) -> ReportingContract | None:
    """The reporting contract that goes with the event contract, if any: the one in use
    ($MUNIFLOW_CONTRACTS_DIR file by file, as `muniflow status` reads it) for the contract in use,
    else the one beside a contract given by its path. A folder overriding only reporting.yaml (its
    `expected:` lists) leaves the event contract the project's own; the lists are still its own."""
    if contract.path == contract_file(None, CONTRACT_FILE):
        beside = contract_file(None, REPORTING_FILE)
    else:
        beside = contract.path.parent / REPORTING_FILE
    return load_reporting(beside) if beside.is_file() else None


def municipality_flags(
    region: str | None,
    rows: Sequence[tuple[int, str | None, str | None]],
    contract: Contract,
    reporting: ReportingContract | None = None,
) -> list[Flag]:
    """One flag on the first of one report's rows (row_index, municipality, as written) of each
    municipality missing from its region's list.

    The lists are those of reporting.yaml beside the event contract. A region without a list is
    not checked; a report whose title names no region is checked against every list (a name on
    none of them is unexpected anywhere). It runs on the warehouse's current rows after the load
    (`warehouse.expected`), not in the cached extraction: editing the list re-reads no file.
    """
    if not any(r.rule == RULE for r in contract.row_rules):
        return []
    if reporting is None:
        reporting = lists_beside(contract)
    if reporting is None or not reporting.expected:
        return []
    if region is not None:
        if region not in reporting.expected:
            return []
        allowed = set(reporting.expected[region])
        where = f"списке ожидаемых отчётов ({region})"
    else:
        allowed = {name for names in reporting.expected.values() for name in names}
        where = "списках ожидаемых отчётов ни одного региона"
    severity = contract.severity(RULE)
    rows_of = Counter(name for _, name, _ in rows)
    flags = []
    flagged: set[str] = set()
    for row_index, name, raw in sorted(rows, key=lambda r: r[0]):
        if not name or name in allowed or name in flagged:
            continue
        flagged.add(name)
        message = (
            f"Муниципального образования «{name}» нет в {where}: опечатка в заголовке или новое "
            f"муниципальное образование (строк: {rows_of[name]}); проверьте contracts/reporting.yaml."
        )
        flags.append(Flag(row_index, RULE, severity, message, "municipality", raw or name))
    return flags
