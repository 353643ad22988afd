"""The contract's dataset rules as Great Expectations suites, run as checkpoints on the warehouse views."""

from __future__ import annotations

import operator
import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from functools import reduce
from pathlib import Path
from typing import Any

import pandas as pd

from muniflow.contracts import Contract, DatasetRule, load_contract
from muniflow.quality.gx_import import great_expectations
from muniflow.quality.result import ExpectationOutcome, QualityResult

DOCS_SITE = "muniflow"


def expectation_class_name(snake: str) -> str:
    """GX's class name for a snake_case expectation ('expect_column_values_to_be_unique')."""
    return "".join(part.capitalize() for part in snake.split("_"))


def expectation_kwargs(rule: DatasetRule) -> list[dict[str, Any]]:
    """The keyword arguments of each expectation a rule stands for (one per listed column)."""
    common = dict(rule.kwargs)
    if rule.where:
        common["row_condition"] = _row_condition(rule.where)
    if not rule.columns:
        return [common]
    return [{**common, "column": column} for column in rule.columns]


def _row_condition(where: Mapping[str, Any]) -> Any:
    """GX's row condition for "every column equals its value"."""
    great_expectations()
    from great_expectations.expectations.row_conditions import Column

    conditions = [Column(name) == value for name, value in where.items()]
    return reduce(operator.and_, conditions)


def per_value(rule: DatasetRule, frame: pd.DataFrame) -> list[DatasetRule]:
    """A rule with `per` as one rule per distinct value of that column (named `rule@value`)."""
    if not rule.per:
        return [rule]
    if rule.per not in frame.columns:
        return []
    values = sorted({str(v) for v in frame[rule.per].dropna()})
    return [
        replace(
            rule,
            name=f"{rule.name}@{value}",
            description=f"{rule.description} ({value})" if rule.description else value,
            where={**rule.where, rule.per: value},
            per=None,
        )
        for value in values
    ]


def derived(frame: pd.DataFrame, rule_set: list[DatasetRule]) -> pd.DataFrame:
    """The view with the columns the rules derive (pandas eval expressions) added; the input is kept."""
    extra = {name: expr for rule in rule_set for name, expr in rule.derive.items()}
    if not extra:
        return frame
    return frame.assign(
        **{
            name: frame.eval(expr) if len(frame) else pd.Series(dtype="float64")
            for name, expr in extra.items()
        }
    )


def run_checkpoint(
    frames: Mapping[str, pd.DataFrame],
    docs_dir: Path | None = None,
    contract: Contract | None = None,
) -> QualityResult:
    """Validate the warehouse views against the contract's dataset rules; write Data Docs to docs_dir.

    Without `docs_dir` the suites are validated in this process's one GX context, built once (a
    fraction of a second per run), or, for the project's contract, in the command's checkpoint
    process where one was started (`quality.worker`); with it, a context of its own runs them as
    checkpoints that render the Data Docs site (seconds: `muniflow report` pays for that, not every ingest).

    Args:
        frames: the views (`events`, `flagged_rows`, `reports`, ...) read from DuckDB.
        docs_dir: where GX builds its Data Docs site (index.html); None builds none.
        contract: the contract to compile (default: the project's).
    """
    if docs_dir is None and contract is None:
        from muniflow.contracts import CONTRACT_FILE, contract_file
        from muniflow.quality import worker

        done = worker.run(frames, contract_file(None, CONTRACT_FILE))  # the command's process for it
        if done is not None:
            return done
    contract = contract or load_contract()
    by_table = _rules_by_table(contract)
    missing = tuple(sorted(t for t in by_table if t not in frames))
    if docs_dir is None:
        checker = _checker(contract)
        outcomes = [
            outcome
            for table, rule_set in sorted(by_table.items())
            if table in frames
            for outcome in checker.validate(table, derived(frames[table], rule_set))
        ]
        return QualityResult(
            success=all(o.success for o in outcomes) and not missing,
            outcomes=tuple(outcomes),
            missing_tables=missing,
        )
    return _with_data_docs(frames, Path(docs_dir).resolve(), by_table, missing)


def _rules_by_table(contract: Contract) -> dict[str, list[DatasetRule]]:
    by_table: dict[str, list[DatasetRule]] = {}
    for rule in contract.dataset_rules:
        by_table.setdefault(rule.table, []).append(rule)
    return by_table


def _quiet_context() -> Any:
    """An ephemeral GX context without progress bars (they would interleave with the CLI's output)."""
    gx = great_expectations()
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return context


def _suite(table: str, rule_set: list[DatasetRule], frame: pd.DataFrame | None = None) -> Any:
    """The GX suite of one view's rules (each expectation carries its rule's name and severity);
    with `frame`, a rule with `per` becomes one rule per value of its column in that frame."""
    gx = great_expectations()

    suite = gx.ExpectationSuite(name=f"muniflow_{table}" + ("" if frame is None else "_per_run"))
    for rule in rule_set:
        cls = getattr(gx.expectations, expectation_class_name(rule.expectation))
        for one in per_value(rule, frame) if frame is not None else [rule]:
            for kwargs in expectation_kwargs(one):
                meta = {"rule": one.name, "severity": one.severity, "description": one.description}
                suite.add_expectation(cls(**kwargs, meta=meta, description=one.description or None))
    return suite


class _Checker:
    """One GX context with each view's data asset and suite, built once and validated many times."""

    def __init__(self, contract: Contract) -> None:
        self.context = _quiet_context()
        source = self.context.data_sources.add_pandas(name="warehouse")
        self.batches: dict[str, Any] = {}
        self.suites: dict[str, Any] = {}
        self.per_rules: dict[str, list[DatasetRule]] = {}
        for table, rule_set in sorted(_rules_by_table(contract).items()):
            asset = source.add_dataframe_asset(name=table)
            self.batches[table] = asset.add_batch_definition_whole_dataframe(f"{table}_whole")
            fixed = [r for r in rule_set if not r.per]
            if fixed:
                self.suites[table] = self.context.suites.add(_suite(table, fixed))
            self.per_rules[table] = [r for r in rule_set if r.per]

    def validate(self, table: str, frame: pd.DataFrame) -> list[ExpectationOutcome]:
        """The view's rules on `frame`: the suite built once, plus the rules run once per value of a
        column (`per`), whose expectations depend on the values the frame holds."""
        batch = self.batches[table].get_batch(batch_parameters={"dataframe": frame})
        results = []
        if table in self.suites:
            results += batch.validate(self.suites[table], result_format="SUMMARY").results
        apart = [r for r in self.per_rules[table] if not splits_per_value(r)]
        if apart:
            suite = _suite(table, apart, frame)
            results += batch.validate(suite, result_format="SUMMARY").results
        outcomes = [_outcome(table, r) for r in results]
        for rule in self.per_rules[table]:
            if splits_per_value(rule):
                outcomes += _per_value_at_once(table, rule, frame, batch)
        return outcomes


# Expectations on each row's value (GX's column map expectations) list the rows that break them: a
# rule of these run per value of a column, with no `mostly` (it holds where no row breaks it), is
# one expectation whose rows are told apart by that value afterwards. One expectation per value
# costs GX's overhead per expectation (~20 ms) for each: a second for a run touching fifty quarters.
_ROW_MAP = "expect_column_values_"


def splits_per_value(rule: DatasetRule) -> bool:
    """Whether a `per` rule's outcome per value can be read off one expectation's broken rows."""
    return (
        bool(rule.per)
        and rule.expectation.startswith(_ROW_MAP)
        and "mostly" not in rule.kwargs
        and len(expectation_kwargs(rule)) == 1
    )


def _per_value_at_once(
    table: str, rule: DatasetRule, frame: pd.DataFrame, batch: Any
) -> list[ExpectationOutcome]:
    """The outcomes `per_value` would give (`rule@value`, one per value of the column), from one
    expectation over the whole frame: the rows it finds broken, counted by their value."""
    assert rule.per is not None
    if rule.per not in frame.columns:
        return []
    values = sorted({str(v) for v in frame[rule.per].dropna()})
    if not values:
        return []
    whole = replace(rule, per=None)
    (result,) = batch.validate(_suite(table, [whole]), result_format="COMPLETE").results
    broken = (result.result or {}).get("unexpected_index_list") or []
    per = frame[rule.per]
    counts = Counter(str(per.loc[i]) for i in broken if pd.notna(per.loc[i]))
    base = _outcome(table, result)
    return [
        replace(
            base,
            rule=f"{rule.name}@{value}",
            description=f"{rule.description} ({value})" if rule.description else value,
            success=counts[value] == 0,
            unexpected_count=counts[value],
        )
        for value in values
    ]


_CHECKERS: dict[int, tuple[Contract, _Checker]] = {}
_LOCK = threading.Lock()


def _checker(contract: Contract) -> _Checker:
    """This process's checker of `contract` (one context per process, suites built once)."""
    with _LOCK:
        kept = _CHECKERS.get(id(contract))
        if kept is None or kept[0] is not contract:
            kept = (contract, _Checker(contract))
            _CHECKERS[id(contract)] = kept
        return kept[1]


def warm_up() -> threading.Thread | None:
    """Import Great Expectations in a background thread, so it overlaps extraction
    (`gx_import.warm_up`)."""
    from muniflow.quality import gx_import

    return gx_import.warm_up()


def _with_data_docs(
    frames: Mapping[str, pd.DataFrame],
    docs_dir: Path,
    by_table: dict[str, list[DatasetRule]],
    missing: tuple[str, ...],
) -> QualityResult:
    """The suites run as checkpoints in a context of their own whose action renders the Data Docs."""
    gx = great_expectations()
    from great_expectations.checkpoint import UpdateDataDocsAction

    context = _quiet_context()
    docs_dir.mkdir(parents=True, exist_ok=True)
    context.add_data_docs_site(
        site_name=DOCS_SITE,
        site_config={
            "class_name": "SiteBuilder",
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
        },
    )
    actions: list[Any] = [UpdateDataDocsAction(name="update_data_docs", site_names=[DOCS_SITE])]
    source = context.data_sources.add_pandas(name="warehouse")
    outcomes: list[ExpectationOutcome] = []
    for table, rule_set in sorted(by_table.items()):
        if table not in frames:
            continue
        batch = source.add_dataframe_asset(name=table).add_batch_definition_whole_dataframe(f"{table}_whole")
        suite = context.suites.add(_suite(table, rule_set, frames[table]))
        validation = context.validation_definitions.add(
            gx.ValidationDefinition(name=f"muniflow_{table}", data=batch, suite=suite)
        )
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(
                name=f"muniflow_{table}",
                validation_definitions=[validation],
                actions=actions,
                result_format={"result_format": "SUMMARY"},
            )
        )
        result = checkpoint.run(batch_parameters={"dataframe": derived(frames[table], rule_set)})
        for suite_result in result.run_results.values():
            outcomes.extend(_outcome(table, r) for r in suite_result.results)
    index = docs_dir / "index.html"
    return QualityResult(
        success=all(o.success for o in outcomes) and not missing,
        outcomes=tuple(outcomes),
        docs_index=str(index) if index.is_file() else None,
        missing_tables=missing,
    )


def _outcome(table: str, result: Any) -> ExpectationOutcome:
    """A GX ExpectationValidationResult reduced to what the report shows."""
    config = result.expectation_config
    kwargs = config.kwargs
    meta = config.meta or {}
    column = kwargs.get("column") or (
        f"{kwargs['column_A']}, {kwargs['column_B']}" if "column_A" in kwargs else None
    )
    count = (result.result or {}).get("unexpected_count")
    return ExpectationOutcome(
        rule=str(meta.get("rule", config.type)),
        table=table,
        expectation=str(config.type),
        column=column,
        success=bool(result.success),
        unexpected_count=int(count) if count is not None else None,
        severity=str(meta.get("severity", "error")),
        description=str(meta.get("description", "")),
    )
