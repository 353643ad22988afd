"""A two-row header whose second row holds a group's sub-labels and, beside them, the rest of the
header cells merged down (a scan's rule under the group's labels parts the cells beside it): one
header, each column's label whole (interpret/header_rows.py). Names invented."""

from __future__ import annotations

from muniflow.contracts import header_synonyms
from muniflow.interpret.header_rows import find_header


def test_sub_labels_and_the_long_rest_of_merged_header_cells_are_one_header() -> None:
    """The rest of «Участники» is longer than any sub-label (SUBHEADER_MAX_CHARS): it still goes on."""
    grid = [
        [
            "№ п/п",
            "Мероприятие",
            "Место проведения",
            "Сроки проведения",
            "",
            "Краткое содержание,",
            "Участники",
        ],
        [
            "",
            "",
            "",
            "начало",
            "окончание",
            "итоги",
            "мероприятия (общее количество, другие дополнительные сведения об участниках)",
        ],
        [
            "1",
            "Фестиваль «Звонкие берега»",
            "г. Заозёрск",
            "22.09.2025",
            "23.09.2025",
            "Обмен опытом.",
            "307",
        ],
    ]
    found = find_header(grid, header_synonyms())
    assert found is not None
    assert (found.start, found.stop) == (0, 2)
    columns = {m.index: m.column for m in found.matches}
    assert [columns.get(i) for i in range(3, 6)] == ["date_text", "date_text", "goal"]
