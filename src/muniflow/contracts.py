"""The event contract (ODCS v3 YAML) loaded and validated once, with typed accessors for the rules."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

CONTRACT_FILE = "events.odcs.yaml"
# Every contract file the pipeline reads; all go through `load_yaml`, and into the code fingerprint.
CONTRACT_FILES = (
    CONTRACT_FILE,
    "enrichment.yaml",
    "countries.yaml",
    "duplicates.yaml",
    "dates.yaml",
    "intake.yaml",
    "periods.yaml",
    "reporting.yaml",
    "ocr.yaml",
    "municipalities.yaml",
)
# Contract files that shape no extraction (they are out of the code fingerprint): the published
# compilation's form, and the words a review file may write for a decision.
PUBLISHING_FILES = ("compilation.yaml", "review.yaml")
ENV_DIR = "MUNIFLOW_CONTRACTS_DIR"
SEVERITIES = ("error", "warning")
# Engines a quality rule may name: pandera compiles row rules, muniflow runs sequence rules in
# Python, greatExpectations runs dataset rules on the loaded warehouse.
ROW_ENGINES = ("pandera", "muniflow")
DATASET_ENGINE = "greatExpectations"
# Resolved once: enrichment asks for its contract hundreds of times per report.
_PROJECT_CONTRACTS = Path(__file__).resolve().parents[2] / "contracts"
# Contract files found so far, by (path as given, $MUNIFLOW_CONTRACTS_DIR, working folder where a
# relative path is resolved against it, file name).
_FOUND: dict[tuple[str | None, str | None, str, str], Path] = {}
# While one file is processed (`pinned`), the files found by (path as given, file name): the
# environment and the working folder cannot change meanwhile, and reading them is most of a
# lookup's cost (~1 µs, thousands of lookups a report).
_PINNED: ContextVar[dict[tuple[Any, ...], Any] | None] = ContextVar("_PINNED", default=None)
T = TypeVar("T")


@contextmanager
def pinned() -> Iterator[None]:
    """Within the block, each contract file is resolved once: for the work on one file, whose
    contracts do not change under it (a worker's file, one report's stages). Nested blocks share
    the outermost one's files."""
    if _PINNED.get() is not None:
        yield
        return
    token = _PINNED.set({})
    try:
        yield
    finally:
        _PINNED.reset(token)


class ContractError(ValueError):
    """The contract YAML does not say what the code needs (a missing key, an unknown severity)."""


@dataclass(frozen=True)
class RowRule:
    """One per-property quality rule: the public rule id, the check that implements it, its severity."""

    rule: str  # flagged_rows.rule, e.g. 'date_format'
    check: str  # the implementation key, e.g. 'date_readable'
    property: str  # the column it judges, reported as Flag.field
    severity: str
    engine: str
    description: str = ""


@dataclass(frozen=True)
class DatasetRule:
    """One schema-level quality rule: a Great Expectations expectation on a warehouse view."""

    name: str
    table: str
    expectation: str  # GX snake_case name, e.g. 'expect_column_values_to_be_unique'
    severity: str
    description: str = ""
    columns: tuple[str, ...] = ()  # one expectation per column, each with `kwargs` plus column=
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    derive: Mapping[str, str] = field(default_factory=dict)  # column -> pandas eval expression
    where: Mapping[str, Any] = field(default_factory=dict)  # column -> value the rows must have
    per: str | None = None  # one expectation per distinct value of this column (e.g. each period)


@dataclass(frozen=True)
class Contract:
    """What the code reads from the contract: properties, synonyms, row and dataset rules, thresholds."""

    path: Path
    version: str
    properties: tuple[str, ...]
    synonyms: Mapping[str, tuple[str, ...]]
    row_rules: tuple[RowRule, ...]
    dataset_rules: tuple[DatasetRule, ...]
    thresholds: Mapping[str, Any]

    def header_synonyms(self) -> dict[str, list[str]]:
        """Header texts that mean each canonical column, as the interpretation stage matches them."""
        return {name: list(words) for name, words in self.synonyms.items()}

    def rules_for(self, engine: str) -> tuple[RowRule, ...]:
        """The row rules one engine runs."""
        return tuple(r for r in self.row_rules if r.engine == engine)

    def severity(self, rule: str, check: str | None = None) -> str:
        """The severity of a rule (of one of its checks when a rule has several)."""
        found = [r for r in self.row_rules if r.rule == rule and (check is None or r.check == check)]
        if not found:
            raise ContractError(
                f"the contract has no rule {rule!r}" + (f" with check {check!r}" if check else "")
            )
        return "error" if any(r.severity == "error" for r in found) else "warning"

    def threshold(self, name: str, default: Any = None) -> Any:
        """A contract-level threshold (customProperties), or `default` when the contract omits it."""
        return self.thresholds.get(name, default)


def contracts_dir() -> Path:
    """The contracts folder: $MUNIFLOW_CONTRACTS_DIR, else `contracts/` at the project root."""
    env = os.environ.get(ENV_DIR)
    return Path(env) if env else _PROJECT_CONTRACTS


def held(key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """`compute()`, remembered under `key` within a `pinned` block (a contract read afresh when its
    file changes, `reporting.contract.load_reporting`, is then looked at once); computed on every
    call outside one."""
    memo = _PINNED.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]  # type: ignore[no-any-return]


def contract_file(path: Path | None, name: str) -> Path:
    """The resolved file `name` at `path` (the file itself or a folder holding it), default the
    contracts folder, where a file $MUNIFLOW_CONTRACTS_DIR does not override is the project's own;
    remembered once it exists, since resolving costs several system calls."""
    held = _PINNED.get()
    if held is not None:
        found = held.get((path, name))
        if found is None:
            found = held[(path, name)] = _contract_file(path, name)
        return found
    return _contract_file(path, name)


def _contract_file(path: Path | None, name: str) -> Path:
    given = None if path is None else str(path)
    env = os.environ.get(ENV_DIR)
    # the working folder is part of the key only where a relative path is resolved against it
    relative = (given is not None and not os.path.isabs(given)) or bool(env and not os.path.isabs(env))
    key = (given, env, os.getcwd() if relative else "", name)
    found = _FOUND.get(key)
    if found is None:
        where = Path(path) if path is not None else contracts_dir()
        if where.is_dir():
            where = where / name
        if path is None and not where.is_file():
            where = _PROJECT_CONTRACTS / name
        found = where.resolve()
        if found.is_file():  # a missing file is looked for again: it may be written later
            _FOUND[key] = found
    return found


def files_in_use() -> tuple[Path, ...]:
    """Every contract file the pipeline reads now (after $MUNIFLOW_CONTRACTS_DIR), in CONTRACT_FILES order."""
    return tuple(f for f in (contract_file(None, name) for name in CONTRACT_FILES) if f.is_file())


def load_yaml(name: str, path: Path | None = None, required: tuple[str, ...] = ()) -> Mapping[str, Any]:
    """The contract file `name` (at `path`, a file or folder; default the contracts folder), parsed
    once and checked to be a mapping holding the `required` top-level keys. Do not mutate it."""
    return parse_yaml(contract_file(path, name), required)


@lru_cache(maxsize=32)
def parse_yaml(path: Path, required: tuple[str, ...] = ()) -> Mapping[str, Any]:
    """Parse one contract file once; ContractError when it is missing, not YAML, or lacks a key."""
    return read_yaml(path, required)


def read_yaml(path: Path, required: tuple[str, ...] = ()) -> Mapping[str, Any]:
    """Parse one contract file now, uncached (for callers that cache by the file's time)."""
    if not path.is_file():
        raise ContractError(f"contract not found: {path}")
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ContractError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(doc, dict):
        raise ContractError(f"{path}: a contract file holds a mapping, got {type(doc).__name__}")
    missing = [key for key in required if key not in doc]
    if missing:
        raise ContractError(f"{path}: missing top-level key(s) {missing}")
    return doc


def load_contract(path: Path | None = None) -> Contract:
    """The event contract at `path` (a file or a folder holding events.odcs.yaml), parsed once."""
    return _load(contract_file(path, CONTRACT_FILE))


def header_synonyms(path: Path | None = None) -> dict[str, list[str]]:
    """Header synonyms by canonical column, from the contract."""
    return load_contract(path).header_synonyms()


@lru_cache(maxsize=8)
def _load(path: Path) -> Contract:
    doc = parse_yaml(path)
    if not doc.get("schema"):
        raise ContractError(f"{path}: not an ODCS contract (no schema)")
    schema = doc["schema"][0]
    props = schema.get("properties") or []
    names = tuple(_need(p, "name", path) for p in props)
    if len(set(names)) != len(names):
        raise ContractError(f"{path}: a property is declared twice")
    return Contract(
        path=path,
        version=str(doc.get("version", "")),
        properties=names,
        synonyms={p["name"]: tuple(_custom(p).get("headerSynonyms") or ()) for p in props},
        row_rules=tuple(rule for p in props for rule in _row_rules(p, path)),
        dataset_rules=tuple(_dataset_rule(q, path) for q in schema.get("quality") or []),
        thresholds=_custom(doc),
    )


def _custom(node: Mapping[str, Any]) -> dict[str, Any]:
    """ODCS customProperties as a plain mapping."""
    return {c["property"]: c.get("value") for c in node.get("customProperties") or []}


def _need(node: Mapping[str, Any], key: str, path: Path) -> Any:
    if node.get(key) in (None, ""):
        raise ContractError(f"{path}: {key!r} missing in {dict(node)!r:.200}")
    return node[key]


def _severity(node: Mapping[str, Any], path: Path) -> str:
    severity = _need(node, "severity", path)
    if severity not in SEVERITIES:
        raise ContractError(f"{path}: severity must be one of {SEVERITIES}, got {severity!r}")
    return str(severity)


def _row_rules(prop: Mapping[str, Any], path: Path) -> list[RowRule]:
    rules = []
    for q in prop.get("quality") or []:
        engine = _need(q, "engine", path)
        if engine not in ROW_ENGINES:
            raise ContractError(
                f"{path}: property quality engine must be one of {ROW_ENGINES}, got {engine!r}"
            )
        rules.append(
            RowRule(
                rule=str(_need(q, "name", path)),
                check=str(_need(q, "implementation", path)),
                property=str(prop["name"]),
                severity=_severity(q, path),
                engine=str(engine),
                description=str(q.get("description", "")),
            )
        )
    return rules


def _dataset_rule(q: Mapping[str, Any], path: Path) -> DatasetRule:
    if q.get("engine") != DATASET_ENGINE:
        raise ContractError(f"{path}: schema-level quality must use engine {DATASET_ENGINE}")
    impl = _need(q, "implementation", path)
    if not isinstance(impl, dict):
        raise ContractError(f"{path}: implementation of {q.get('name')!r} must be a mapping")
    return DatasetRule(
        name=str(_need(q, "name", path)),
        table=str(_need(impl, "table", path)),
        expectation=str(_need(impl, "expectation", path)),
        severity=_severity(q, path),
        description=str(q.get("description", "")),
        columns=tuple(impl.get("columns") or ()),
        kwargs=dict(impl.get("kwargs") or {}),
        derive=dict(impl.get("derive") or {}),
        where=dict(impl.get("where") or {}),
        per=str(impl["per"]) if impl.get("per") else None,
    )
