"""A small invented report that an intake worker runs through every pure stage while it starts.

A worker's first file otherwise pays for what only the first file needs: the morphology
dictionary, the contracts, the vocabularies, the compiled rule schemas and the modules the stages
import on first use (about 0.3-0.5 s). `warm_up` spends that while the worker starts, which the CLI
overlaps with Prefect's import (`muniflow.warmup`). The document names no real event; what it
leaves behind is only what every later file would have filled in anyway (caches of words,
contracts, schemas).
"""

from __future__ import annotations

from pathlib import Path

from muniflow.model import RawDocument, RawRow, RawTable

_HEADER = (
    "№ п/п",
    "Наименование мероприятия",
    "Место проведения мероприятия",
    "Сроки проведения мероприятия",
    "Цель, содержание и результат мероприятия",
    "Участники мероприятия",
)
_ROWS = (
    ("Городской округ", None, None, None, None, None),
    (
        "1.",
        "Онлайн-встреча «Обмен опытом»",
        "г. Минск",
        "15-16 апреля 2024 года",
        "Обсуждение сотрудничества, подписано соглашение о сотрудничестве",
        "Представители администраций, 12 человек",
    ),
    ("2.", "Выставка", "-", "мая 2024", "Нет", "Нет"),
)


def document() -> RawDocument:
    """The invented report: a quarter in the title, a heading row and two event rows."""
    return RawDocument(
        source_file="warm-up",
        format="docx",
        title="Отчет о мероприятиях в международной сфере во II квартале 2024 года",
        tables=(
            RawTable(
                header=_HEADER,
                rows=tuple(RawRow(cells, f"table 1, row {i + 2}") for i, cells in enumerate(_ROWS)),
                locator="table 1",
            ),
        ),
    )


def warm_up() -> None:
    """Run the invented report through interpretation, the row rules and enrichment; a failure
    here is only a slower first file, never an error (the real file reports its own)."""
    from muniflow import stages

    try:
        outcome = stages.interpret_file(Path("warm-up"), document(), None, "")
        stages.enrich_file(stages.validate_file(outcome))
    except Exception:  # best effort by design
        pass
