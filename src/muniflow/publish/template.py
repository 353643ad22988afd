"""The compilation's form (`contracts/compilation.yaml`) as a frozen record."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from muniflow.contracts import ContractError, contract_file, parse_yaml

TEMPLATE_FILE = "compilation.yaml"
# Fields a column may hold: an event's own fields, or its dates written in words.
EVENT_FIELDS = frozenset({"seq_no", "title", "place", "dates", "goal", "participants"})


@dataclass(frozen=True)
class Column:
    field: str
    title: str
    width_cm: float


@dataclass(frozen=True)
class Template:
    """Page, title lines, columns, heading order and annex wording of the compilation."""

    orientation: str
    margins_cm: dict[str, float]
    font: str
    size_pt: float
    title_size_pt: float
    title: tuple[str, ...]
    columns: tuple[Column, ...]
    municipality_order: tuple[str, ...]
    co_reported_line: str
    annex_title: str
    annex_columns: tuple[Column, ...]
    annex_texts: dict[str, str]


class TemplateError(ValueError):
    """The compilation form in contracts/ is not usable; the message says what to fix."""


def load_template(path: Path | None = None) -> Template:
    """The compilation form at `path` (a file or a folder holding compilation.yaml)."""
    return _load(contract_file(path, TEMPLATE_FILE))


@lru_cache(maxsize=4)
def _load(path: Path) -> Template:
    try:
        doc = parse_yaml(path, ("page", "title", "columns", "annex"))
    except ContractError as err:
        raise TemplateError(f"{err} (restore contracts/{TEMPLATE_FILE})") from err
    try:
        page, annex = doc["page"], doc["annex"]
        columns = tuple(Column(c["field"], c["title"], float(c["width_cm"])) for c in doc["columns"])
        template = Template(
            orientation=page["orientation"],
            margins_cm={k: float(v) for k, v in page["margins_cm"].items()},
            font=page["font"],
            size_pt=float(page["size_pt"]),
            title_size_pt=float(page["title_size_pt"]),
            title=tuple(doc["title"]),
            columns=columns,
            municipality_order=tuple(doc["municipality_order"]),
            co_reported_line=doc["co_reported_line"],
            annex_title=annex["title"],
            annex_columns=tuple(
                Column(c["field"], c["title"], float(c["width_cm"])) for c in annex["columns"]
            ),
            annex_texts={k: annex[k] for k in ("quarantined", "missing", "nil")},
        )
    except (KeyError, TypeError) as err:
        raise TemplateError(f"{path}: missing or malformed key {err}") from err
    unknown = {c.field for c in columns} - EVENT_FIELDS
    if unknown or template.orientation not in ("landscape", "portrait"):
        raise TemplateError(
            f"{path}: unknown column field(s) {sorted(unknown)} (use {sorted(EVENT_FIELDS)}) "
            "or orientation (use landscape or portrait)"
        )
    return template
