"""Nil-report and small municipal report DOCX files built with tests/readers_fixtures.py's builder.

Municipality and event names are invented; only their shape is that of real reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
from readers_fixtures import HEADER, build_docx

QUARTER_TITLE = "о международных мероприятиях в III квартале 2025 года"


def municipal_title(municipality: str, region: str = "Северной области") -> tuple[str, ...]:
    """The title lines of a single municipality's report."""
    return (
        f"Администрация муниципального образования «{municipality}» {region}",
        f"Информация {QUARTER_TITLE}",
    )


def event_row(seq: int, title: str) -> list[str]:
    return [f"{seq}.", title, "г. Минск, Республика Беларусь", f"{seq + 3} сентября 2025 года", "Делегация"]


def single_report(path: Path, municipality: str, titles: Sequence[str]) -> Path:
    """One municipality's report: its name in the title, one table of events (no headings)."""
    rows = [list(HEADER), *(event_row(i + 1, t) for i, t in enumerate(titles))]
    return build_docx(path, rows, title=municipal_title(municipality))


def nil_only_row(path: Path, municipality: str, statement: str, merged: bool = False) -> Path:
    """One municipality's report whose table has one row: the nil statement (№ and dashes around it)."""
    row = ["1.", statement, "", "", ""] if merged else ["1.", statement, "-", "—", "-"]
    merges = [((1, 1), (1, 4))] if merged else []
    return build_docx(path, [list(HEADER), row], merges, title=municipal_title(municipality))


def regional_report(path: Path, sections: Sequence[tuple[str, Sequence[str] | str]]) -> Path:
    """A multi-municipality report: per section a merged heading row, then its events, or a merged
    row with the nil statement when the section is a string."""
    rows: list[list[str]] = [list(HEADER)]
    merges = []
    seq = 0
    width = len(HEADER)
    for heading, content in sections:
        merges.append(((len(rows), 0), (len(rows), width - 1)))
        rows.append([heading, *[""] * (width - 1)])
        if isinstance(content, str):
            merges.append(((len(rows), 0), (len(rows), width - 1)))
            rows.append([content, *[""] * (width - 1)])
            continue
        for title in content:
            seq += 1
            rows.append(event_row(seq, title))
    return build_docx(
        path,
        rows,
        merges,
        title=("Информация", f"{QUARTER_TITLE} муниципальными образованиями Северной области"),
    )


def nil_letter(path: Path, lines: Sequence[str]) -> Path:
    """A letter without any table."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def with_tables(path: Path, blocks: Sequence[str | Sequence[Sequence[str]]]) -> Path:
    """A document of paragraphs (a string) and tables (rows of cells) in order: a letterhead or a
    signature laid out as a table without borders, an empty form."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=len(block[0]))
        for r, row in enumerate(block):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    document.save(str(path))
    return path


SIGNATURE = [["Глава Озёрного муниципального района Северной области", "____________", "И.И. Иванов"]]
