"""The collector held back for a process's imports, then its defaults given back."""

from __future__ import annotations

import gc

from muniflow import import_gc


def test_held_for_imports_then_frozen_and_given_back(monkeypatch) -> None:
    defaults = gc.get_threshold()
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))  # the test process's heap stays as it is
    try:
        import_gc.hold()
        assert gc.get_threshold() == import_gc.IMPORT_THRESHOLDS and import_gc.held()
        import_gc.hold()  # a second hold keeps the first one's defaults to give back
        import_gc.release()
        assert gc.get_threshold() == defaults and not import_gc.held() and frozen == [True]
        import_gc.release()  # not held: nothing to do
        assert frozen == [True] and gc.get_threshold() == defaults
    finally:
        gc.set_threshold(*defaults)
        monkeypatch.setattr(import_gc, "_defaults", None)
