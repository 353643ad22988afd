"""A column saying who held an event (an organiser, a responsible office, a partner) beside the
event's names is no title: not by a header word after its head («Организатор мероприятия»)."""

from __future__ import annotations

from muniflow.contracts import header_synonyms, load_contract
from muniflow.interpret.columns import map_columns


def test_a_topic_cell_keeps_the_title_from_an_organiser_cell_beside_it() -> None:
    # «Форма и тема мероприятия» matched «формат мероприятия» best, a fallback synonym dropped where
    # another cell names the title: by «тема мероприятия» it still does, and the organiser does not
    header = ["№", "Форма и тема мероприятия", "Место проведения, формат", "Организатор мероприятия"]
    combined = load_contract().threshold("combinedColumns", []) or []
    matches, unmapped = map_columns(header, header_synonyms(), combined)
    assert [m.index for m in matches if m.column == "title"] == [1]
    assert 3 in unmapped
