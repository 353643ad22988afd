"""The contract's dataset rules as Great Expectations suites, run as checkpoints on the warehouse views."""

from __future__ import annotations

import operator
from collections.abc import Mapping
from dataclasses import replace
from functools import reduce
from pathlib import Path
from typing import Any

import pandas as pd

from muniflow.contracts import Contract, DatasetRule, load_contract
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

    Args:
        frames: the views (`events`, `flagged_rows`, `reports`, ...) read from DuckDB.
        docs_dir: where GX builds its Data Docs site (index.html); None builds none.
        contract: the contract to compile (default: the project's).
    """
    # GX takes seconds to import: only the check stage pays for it.
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction
    from great_expectations.data_context.types.base import ProgressBarsConfig

    contract = contract or load_contract()
    by_table: dict[str, list[DatasetRule]] = {}
    for rule in contract.dataset_rules:
        by_table.setdefault(rule.table, []).append(rule)
    missing = tuple(sorted(t for t in by_table if t not in frames))

    context = gx.get_context(mode="ephemeral")
    # Progress bars would interleave with the CLI's own output.
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    actions: list[Any] = []
    if docs_dir is not None:
        docs_dir = Path(docs_dir).resolve()
        docs_dir.mkdir(parents=True, exist_ok=True)
        context.add_data_docs_site(
            site_name=DOCS_SITE,
            site_config={
                "class_name": "SiteBuilder",
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(docs_dir),
                },
            },
        )
        actions.append(UpdateDataDocsAction(name="update_data_docs", site_names=[DOCS_SITE]))
    source = context.data_sources.add_pandas(name="warehouse")

    outcomes: list[ExpectationOutcome] = []
    for table, rule_set in sorted(by_table.items()):
        if table not in frames:
            continue
        batch = source.add_dataframe_asset(name=table).add_batch_definition_whole_dataframe(f"{table}_whole")
        suite = context.suites.add(gx.ExpectationSuite(name=f"muniflow_{table}"))
        for rule in rule_set:
            cls = getattr(gx.expectations, expectation_class_name(rule.expectation))
            for one in per_value(rule, frames[table]):
                for kwargs in expectation_kwargs(one):
                    meta = {"rule": one.name, "severity": one.severity, "description": one.description}
                    suite.add_expectation(cls(**kwargs, meta=meta, description=one.description or None))
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

    index = docs_dir / "index.html" if docs_dir is not None else None
    return QualityResult(
        success=all(o.success for o in outcomes) and not missing,
        outcomes=tuple(outcomes),
        docs_index=str(index) if index is not None and index.is_file() else None,
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
