"""The pool of variety the layout generator draws from: header wordings per canonical column,
two-level group headers, municipality heading forms, month headings and period phrasings.

The pool was written by hand from how Russian official reports word these things, NOT copied
from the contract's `headerSynonyms` (tests/test_samplegen_layouts.py checks that no header
wording equals a synonym), so a corpus drawn from it measures matching by meaning.

It is committed in two halves, split by `split_items` (each list sorted by the SHA-1 of its
category and item, then dealt alternately): `pool_dev.yaml` for developing and tuning, and
`pool_heldout.yaml`, which developers must never read to tune matching; the benchmark scores
the two halves separately.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
HALVES = ("dev", "heldout")


def pool_path(half: str) -> Path:
    """The YAML file that holds one half of the pool."""
    if half not in HALVES:
        raise ValueError(f"unknown pool half {half!r}; expected one of {HALVES}")
    return HERE / f"pool_{half}.yaml"


@cache
def load_pool(half: str) -> dict[str, Any]:
    """One half of the pool, as written in its YAML file."""
    data: dict[str, Any] = yaml.safe_load(pool_path(half).read_text(encoding="utf-8"))
    return data


def _key(category: str, item: object) -> str:
    text = json.dumps(item, ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(f"{category}|{text}".encode()).hexdigest()


def split_items(category: str, items: Sequence[object]) -> tuple[list[object], list[object]]:
    """Deal a category's items into (dev, heldout): sorted by hash, alternately, so both halves
    get half of every category and the split does not depend on the order items were written."""
    ordered = sorted(items, key=lambda item: _key(category, item))
    return list(ordered[0::2]), list(ordered[1::2])


def split_tree(tree: Any, category: str = "") -> tuple[Any, Any]:
    """Split every list of a nested pool (dicts of lists) into its two halves."""
    if isinstance(tree, dict):
        dev: dict[str, Any] = {}
        held: dict[str, Any] = {}
        for name, sub in tree.items():
            dev[name], held[name] = split_tree(sub, f"{category}/{name}")
        return dev, held
    return split_items(category, tree)


def merged_pool() -> dict[str, Any]:
    """Both halves joined back (used to re-check the split, never to draw a corpus)."""

    def join(a: Any, b: Any) -> Any:
        if isinstance(a, dict):
            return {k: join(a[k], b[k]) for k in a}
        return [*a, *b]

    return join(load_pool("dev"), load_pool("heldout"))


def write_halves(tree: dict[str, Any]) -> None:
    """Write the two pool files from a full pool (how the committed halves were made)."""
    dev, held = split_tree(tree)
    for half, data in zip(HALVES, (dev, held), strict=True):
        note = "Developers may read and tune on it."
        if half == "heldout":
            note = "HELD OUT: never read it to tune matching."
        head = f"# samplegen pool, {half} half (see pool.py). {note}\n"
        body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
        pool_path(half).write_text(head + body, encoding="utf-8")
