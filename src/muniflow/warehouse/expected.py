"""The unexpected_municipality rule on the warehouse's current rows, after the load.

What the rule says depends on the expected list (contracts/reporting.yaml), not on the file: it is
not part of the cached extraction, whose key would then change with every edit of the list and
send every file to be read again. A run re-evaluates it on the quarters it touched, and on every
quarter whose stored flags no longer follow the list (`stale_periods`: the list was edited since).
Looking for those quarters reads every current row, so it is done only when the list (or the code
and contracts that word the flags) differs from what the flags were last brought in line with
(`basis_changed`, one stored fingerprint); `mark_basis` records it once they are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import duckdb

from muniflow.contracts import load_contract
from muniflow.model import Flag
from muniflow.rules.expected import RULE, lists_beside, municipality_flags
from muniflow.warehouse.db import statement

Keyed = tuple[tuple[str, int], Flag]


def wanted_flags(
    con: duckdb.DuckDBPyConnection, periods: Sequence[str] | None = None
) -> dict[str, list[Keyed]]:
    """The rule's flags on the current rows of `periods` (None: every quarter), by quarter, keyed
    by (report_id, row_index): one per report and municipality missing from its region's list."""
    contract = load_contract()
    reporting = lists_beside(contract)  # read once for every report
    by_report: dict[tuple[str, str, str | None], list[tuple[int, str | None, str | None]]] = defaultdict(list)
    args = {"periods": list(periods) if periods is not None else None}
    found = con.execute(statement("period_rows_with_region"), args).fetchall()
    for period, report_id, row_index, name, raw, region in found:
        by_report[period, report_id, region].append((row_index, name, raw))
    out: dict[str, list[Keyed]] = {period: [] for period in periods or ()}
    for (period, report_id, region), rows in by_report.items():
        flags = municipality_flags(region, rows, contract, reporting)
        out.setdefault(period, []).extend(((report_id, f.row_index), f) for f in flags)
    return out


def basis() -> str:
    """A fingerprint of what the rule's flags follow: the expected lists beside the event contract,
    and the code and the other contracts (`code_version`: the rule's severity and wording)."""
    import hashlib
    import json

    from muniflow.codeversion import code_version

    reporting = lists_beside(load_contract())
    expected = reporting.expected if reporting is not None else {}
    lists = json.dumps({k: sorted(v) for k, v in expected.items()}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{code_version()}\n{lists}".encode()).hexdigest()[:16]


def basis_changed(con: duckdb.DuckDBPyConnection) -> str | None:
    """The fingerprint now (`basis`) when the stored flags were brought in line with another, else None."""
    now = basis()
    stored = con.execute("select fingerprint from core.expected_basis").fetchone()
    return None if stored is not None and stored[0] == now else now


def mark_basis(con: duckdb.DuckDBPyConnection, fingerprint: str) -> None:
    """Record that the rule's flags on every quarter follow `fingerprint`."""
    from muniflow.warehouse.db import transaction, utc_now

    with transaction(con):
        con.execute("delete from core.expected_basis")
        con.execute("insert into core.expected_basis values (?, ?)", [fingerprint, utc_now()])


def stale_periods(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The quarters whose stored flags of the rule differ from what the expected list says now."""
    wanted = {
        (period, key[0], key[1], f.severity, f.message, f.field, f.value)
        for period, keyed in wanted_flags(con).items()
        for key, f in keyed
    }
    stored = set(con.execute(statement("period_rule_flags"), {"periods": None, "rule": RULE}).fetchall())
    return {record[0] for record in wanted ^ stored}


def refresh(con: duckdb.DuckDBPyConnection, run_id: str, periods: Sequence[str]) -> int:
    """Make the rule's flags on the current rows of `periods` those the list says now; returns how
    many there are (a flag unchanged keeps its row and run)."""
    from muniflow.warehouse.cross_row_flags import replace_period_flags

    wanted = wanted_flags(con, sorted(periods))
    replace_period_flags(con, RULE, {period: wanted.get(period, []) for period in periods}, run_id)
    return sum(len(wanted.get(period, [])) for period in periods)
