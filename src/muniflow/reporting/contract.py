"""contracts/reporting.yaml loaded once: nil-report phrases, expected reporters, reporting window."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from muniflow.contracts import ContractError, contract_file, held, read_yaml

REPORTING_FILE = "reporting.yaml"


@dataclass(frozen=True)
class Window:
    """The days after a quarter's end when its reports arrive, and the hour the deployment runs."""

    first_day: int = 1
    last_day: int = 20
    hour: int = 6
    timezone: str = "Europe/Moscow"


@dataclass(frozen=True)
class ReportingContract:
    """What the code reads from reporting.yaml."""

    path: Path
    nil_phrases: tuple[str, ...]
    max_words: int
    letter_subjects: tuple[str, ...]
    period_words: tuple[str, ...] = ()  # words naming the period a bare «нет» may stand with
    other_words: tuple[str, ...] = ()  # «иных», «других»: a nil sentence of the events not told
    expected: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    window: Window = field(default_factory=Window)
    correction_marks: tuple[str, ...] = ()  # word stems a corrected report's file name holds
    copy_marks: tuple[str, ...] = ()  # words a later copy's file name adds («копия»)
    covering_verbs: tuple[str, ...] = ()  # a covering letter's sentence sends («направляем») …
    covering_objects: tuple[str, ...] = ()  # … what («информацию», «отчёт»)
    attachment_marks: tuple[str, ...] = ()  # a line opening with one lists the attachment («Приложение:»)
    covering_max_words: int = 120  # a longer letter tells something itself: not a covering letter alone
    addendum_words: tuple[str, ...] = ()  # «Дополнение», «Дополнительная информация» … (lemmas)
    addendum_objects: tuple[str, ...] = ()  # … «к отчёту», «к информации»: what it adds to (lemmas)
    addendum_preposition: str = "к"

    def expected_pairs(self) -> list[tuple[str, str]]:
        """(region, municipality) of every expected reporter, sorted."""
        return sorted((region, name) for region, names in self.expected.items() for name in names)


def load_reporting(path: Path | None = None) -> ReportingContract:
    """The reporting contract at `path` (the file or a folder holding it), default contracts/."""
    return held(("reporting", path), lambda: _load_reporting(path))


def _load_reporting(path: Path | None) -> ReportingContract:
    found = contract_file(path, REPORTING_FILE)
    if not found.is_file():
        raise ContractError(f"reporting contract not found: {found}")
    return _load(found, found.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _load(path: Path, _mtime: int) -> ReportingContract:
    doc = read_yaml(path)
    nil = doc.get("nilReport") or {}
    covering = doc.get("coveringLetter") or {}
    addendum = doc.get("addendum") or {}
    phrases = tuple(str(p) for p in nil.get("phrases") or ())
    if not phrases:
        raise ContractError(f"{path}: nilReport.phrases is empty")
    return ReportingContract(
        path=path,
        nil_phrases=phrases,
        max_words=int(nil.get("maxWords", 16)),
        letter_subjects=tuple(str(s) for s in nil.get("letterSubjects") or ()),
        period_words=tuple(str(s) for s in nil.get("periodWords") or ()),
        other_words=tuple(str(s) for s in nil.get("otherWords") or ()),
        expected=_expected(doc.get("expected") or {}, path),
        window=_window(doc.get("window") or {}, path),
        correction_marks=tuple(str(m).lower().replace("ё", "е") for m in doc.get("correctionMarks") or ()),
        copy_marks=tuple(str(m).lower() for m in doc.get("copyMarks") or ()),
        covering_verbs=tuple(str(w) for w in covering.get("verbs") or ()),
        covering_objects=tuple(str(w) for w in covering.get("objects") or ()),
        attachment_marks=tuple(str(w) for w in covering.get("attachment") or ()),
        covering_max_words=int(covering.get("maxWords", 120)),
        addendum_words=tuple(str(w).lower().replace("ё", "е") for w in addendum.get("words") or ()),
        addendum_objects=tuple(str(w).lower().replace("ё", "е") for w in addendum.get("objects") or ()),
        addendum_preposition=str(addendum.get("preposition", "к")).lower(),
    )


def _expected(node: Any, path: Path) -> dict[str, tuple[str, ...]]:
    if not isinstance(node, dict):
        raise ContractError(f"{path}: expected must map each region to a list of municipalities")
    out: dict[str, tuple[str, ...]] = {}
    for region, names in node.items():
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise ContractError(f"{path}: expected[{region!r}] must be a list of municipality names")
        if len(set(names)) != len(names):
            raise ContractError(f"{path}: expected[{region!r}] names a municipality twice")
        out[str(region)] = tuple(n.strip() for n in names)
    return out


def _window(node: Mapping[str, Any], path: Path) -> Window:
    window = Window(
        first_day=int(node.get("firstDay", 1)),
        last_day=int(node.get("lastDay", 20)),
        hour=int(node.get("hour", 6)),
        timezone=str(node.get("timezone", "Europe/Moscow")),
    )
    if not 1 <= window.first_day <= window.last_day <= 28 or not 0 <= window.hour <= 23:
        raise ContractError(f"{path}: window needs 1 <= firstDay <= lastDay <= 28 and 0 <= hour <= 23")
    return window
