"""Score what muniflow read from generated layout variants against their gold, and sum it up
per axis value, per pool half and per format.

Rows are matched as `/work/shared/tools/evaluate.py` matches them (same № first, then the most
similar title, similarity > 0.6); cells compare with whitespace folded.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

CELLS = ("title", "place", "goal", "participants")


def fold(text: object) -> str:
    return re.sub(r"\s+", " ", str(text or "").replace("\xa0", " ")).strip()


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, fold(a), fold(b)).ratio()


def match_rows(
    gold: list[dict[str, Any]], got: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Pair each gold row with an extracted row (or None)."""
    used: set[int] = set()
    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for g in gold:
        exact = [
            (i, r) for i, r in enumerate(got) if i not in used and fold(r.get("title")) == fold(g["title"])
        ]
        if exact:
            same_seq = [ir for ir in exact if str(ir[1].get("seq_no")) == str(g["seq"])]
            used.add((same_seq or exact)[0][0])
            pairs.append((g, (same_seq or exact)[0][1]))
            continue
        # No exact title: the most similar title, a same № breaking near-ties (№ may restart).
        cands = [(i, r) for i, r in enumerate(got) if i not in used]
        best = max(
            cands,
            key=lambda ir: (
                _ratio(g["title"], ir[1].get("title", ""))
                + 0.05 * (str(ir[1].get("seq_no")) == str(g["seq"]))
            ),
            default=None,
        )
        if best is not None and _ratio(g["title"], best[1].get("title", "")) > 0.6:
            used.add(best[0])
            pairs.append((g, best[1]))
        else:
            pairs.append((g, None))
    return pairs


def score_report(
    entry: Mapping[str, Any], gold: Mapping[str, Any], outcome: Mapping[str, Any]
) -> dict[str, Any]:
    """One report in one format: what was loaded and how exactly."""
    s: dict[str, Any] = {"stem": entry["stem"], "format": outcome["format"], "reason": outcome["reason"]}
    s["message"] = outcome.get("message")
    if entry.get("expect"):
        got_events = 0 if outcome["reason"] else len(outcome["rows"])
        s["negative"] = entry["negative"]
        s["no_events"] = got_events == 0
        s["reason_ok"] = entry["expect"] == "no_events" or outcome["reason"] == entry["expect"]
        return s
    want_period = gold["period_label"]
    # A quarantined report loads nothing: its rows count as not found.
    got = outcome["rows"] if outcome["reason"] is None else []
    pairs = match_rows(gold["events"], got)
    s["loaded"] = outcome["reason"] is None
    s["period_ok"] = outcome["period"] == want_period
    s["rows_total"] = len(gold["events"])
    s["rows_found"] = sum(1 for _, r in pairs if r)
    s["rows_extra"] = max(0, len(got) - s["rows_found"])
    s["cells_total"] = sum(1 for g, _ in pairs for f in CELLS if g.get(f))
    s["cells_ok"] = sum(1 for g, r in pairs if r for f in CELLS if g.get(f) and fold(g[f]) == fold(r.get(f)))
    s["dates_total"] = sum(1 for g, _ in pairs if g["start_date"])
    s["dates_ok"] = sum(
        1
        for g, r in pairs
        if r and g["start_date"] and (r["start_date"], r["end_date"]) == (g["start_date"], g["end_date"])
    )
    s["muni_exact"] = sum(1 for g, r in pairs if r and r.get("municipality") == g["municipality"])
    s["seq_ok"] = sum(1 for g, r in pairs if r and str(r.get("seq_no")) == str(g["seq"]))
    s["muni_names"] = sorted({(g["municipality"], r.get("municipality", "")) for g, r in pairs if r})
    s["numbering_flags"] = sum(1 for r in got if "numbering" in r.get("rules", ()))
    bad = [
        (g["seq"], f, fold(g[f])[:50], fold(r.get(f))[:50])
        for g, r in pairs
        if r
        for f in CELLS
        if g.get(f) and fold(g[f]) != fold(r.get(f))
    ]
    s["bad_cells"] = bad[:4]
    paired = {id(r) for _, r in pairs if r}
    # Rows read that match no gold row, and found rows with another №: what precision loses.
    s["extra_rows"] = [(r.get("seq_no"), fold(r.get("title"))[:60]) for r in got if id(r) not in paired][:8]
    s["seq_wrong"] = [
        (g["seq"], r.get("seq_no"), fold(g["title"])[:40])
        for g, r in pairs
        if r and str(r.get("seq_no")) != str(g["seq"])
    ][:8]
    return s


def _pct(ok: int, total: int) -> str:
    return f"{100.0 * ok / total:6.1f}" if total else "     -"


def _sum(scores: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    tot: Counter[str] = Counter()
    for s in scores:
        if "negative" in s:
            continue
        tot["reports"] += 1
        tot["loaded"] += s["loaded"]
        tot["period_ok"] += s["period_ok"]
        for key in (
            "rows_total",
            "rows_found",
            "rows_extra",
            "cells_total",
            "cells_ok",
            "dates_total",
            "dates_ok",
            "muni_exact",
            "numbering_flags",
            "seq_ok",
        ):
            tot[key] += s.get(key, 0)
    return dict(tot)


HEAD = (
    f"{'group':34} {'n':>4} {'loaded':>6} {'period':>6} {'rows':>6} {'cells':>6} {'dates':>6} {'muni':>6} "
    f"{'extra':>5} {'№flag':>5} {'№':>6}"
)


def line(name: str, scores: Sequence[Mapping[str, Any]]) -> str:
    t: Counter[str] = Counter(_sum(scores))
    n = t["reports"]
    rows, cells = _pct(t["rows_found"], t["rows_total"]), _pct(t["cells_ok"], t["cells_total"])
    dates, muni = _pct(t["dates_ok"], t["dates_total"]), _pct(t["muni_exact"], t["rows_found"])
    loaded, period = _pct(t["loaded"], n), _pct(t["period_ok"], n)
    return (
        f"{name[:34]:34} {n:>4} {loaded} {period} {rows} {cells} {dates} {muni} "
        f"{t['rows_extra']:>5} {t['numbering_flags']:>5} {_pct(t['seq_ok'], t['rows_found'])}"
    )


def canonical_names(scores: Iterable[Mapping[str, Any]]) -> tuple[int, int, dict[str, set[str]]]:
    """Municipalities read under exactly one name across the corpus, out of all seen."""
    names: dict[str, set[str]] = defaultdict(set)
    for s in scores:
        for gold_name, got in s.get("muni_names", ()):
            names[gold_name].add(got)
    one = sum(1 for v in names.values() if len(v) == 1)
    return one, len(names), names


def summary(manifest: Sequence[Mapping[str, Any]], scores: Sequence[Mapping[str, Any]]) -> list[str]:
    """The printed report: totals per format and half, per axis value, negatives, names."""
    axes_of = {e["stem"]: e for e in manifest}
    out = [HEAD]
    formats = sorted({s["format"] for s in scores})
    for fmt in formats:
        out.append(line(f"ALL {fmt}", [s for s in scores if s["format"] == fmt]))
        for half in ("dev", "heldout"):
            out.append(
                line(
                    f"  pool {half} {fmt}",
                    [s for s in scores if s["format"] == fmt and axes_of[s["stem"]]["half"] == half],
                )
            )
    axes = sorted({a for e in manifest for a in e["axes"]})
    for axis in axes:
        values = sorted({e["axes"][axis] for e in manifest if axis in e["axes"]})
        for value in values:
            for fmt in formats:
                chosen = [
                    s for s in scores if s["format"] == fmt and axes_of[s["stem"]]["axes"].get(axis) == value
                ]
                out.append(line(f"{axis}={value} {fmt}", chosen))
    neg = [s for s in scores if "negative" in s]
    if neg:
        out.append("negatives (no events / expected reason):")
        for kind in sorted({s["negative"] for s in neg}):
            for fmt in formats:
                chosen = [s for s in neg if s["negative"] == kind and s["format"] == fmt]
                reasons = dict(Counter(str(s["reason"]) for s in chosen))
                empty, right = sum(s["no_events"] for s in chosen), sum(s["reason_ok"] for s in chosen)
                out.append(
                    f"  {kind} {fmt}: {empty}/{len(chosen)} no events, "
                    f"{right}/{len(chosen)} expected reason; reasons {reasons}"
                )
    for fmt in formats:
        one, total, _ = canonical_names(s for s in scores if s["format"] == fmt)
        out.append(f"one canonical name per municipality {fmt}: {one}/{total}")
    reasons = Counter(f"{s['format']}:{s['reason']}" for s in scores if "negative" not in s)
    out.append(f"positive reports by format:reason: {dict(sorted(reasons.items()))}")
    return out
