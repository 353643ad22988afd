"""Tables of labels drawn without inner vertical rules (events as columns, labels down the first
column: readers/pdflabelrows.py): the rows open where a label starts, and a PDF of such a report
reads as its events whatever rules it draws."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest

from muniflow import contracts
from muniflow.interpret import interpret_document
from muniflow.readers.pdf import PdfReader
from muniflow.readers.pdflabelrows import label_starts
from sample_inputs.samplegen.layout_extras import BORDER_SIDES
from sample_inputs.samplegen.layouts_docx import draw_borders

# --- the rows of a table of labels, from its lines -------------------------------------------

XS = (50.0, 150.0, 300.0, 450.0)  # a label column and two events


@dataclass(frozen=True)
class Line:
    """A visual line: its runs of words, each (x0, x1, text)."""

    runs: tuple[tuple[float, float, str], ...]

    @property
    def spans(self) -> tuple[tuple[float, float], ...]:
        return tuple((a, b) for a, b, _ in self.runs)

    @property
    def label(self) -> str:
        return self.runs[0][2]

    @property
    def text(self) -> str:
        return " ".join(t.replace(" ", "") for _, _, t in self.runs)


def _line(*cells: str) -> Line:
    """A line with text in the columns whose cell is not empty (the label column first)."""
    return Line(tuple((XS[k] + 5, XS[k] + 60, text) for k, text in enumerate(cells) if text))


LINES = [
    _line("№ п/п", "1", "2"),
    _line("Наименование", "Слёт юных", "Ярмарка"),
    _line("мероприятия", "краеведов", "«Медовый"),
    _line("", "", "Спас»"),
    _line("Дата", "3 мая", "9 мая"),  # a label of a header word: a row of its own
    _line("Участники от", "Клуб", "Хор"),
    _line("Энции", "«Мост»", "ветеранов"),  # a name a label wrapped before: the label goes on
    _line("Итоги", "Обмен", "Концерт"),
    _line("", "опытом", ""),
    _line("Тривельд", "", "Песни"),  # an event's text taken up again after a blank line: a row
]


def test_rows_of_a_table_of_labels_open_where_a_label_starts() -> None:
    """A label opening in lower case goes on the one above; one opening with a capital opens a row
    when it holds a header word or an event's column takes text up again after a blank line, and
    goes on the label above otherwise (a name the label wrapped before)."""
    assert label_starts(LINES, XS) == [0, 1, 4, 5, 7, 9]


def test_the_first_label_repeated_opens_the_next_block() -> None:
    """A table too wide for its page goes on under itself, its labels repeated: «№ п/п» again opens
    a row, though it opens in lower case after the sign."""
    lines = [
        *LINES[:5],
        _line("№ п/п", "3", "4"),
        _line("Наименование", "Форум", "Регата"),
        _line("Дата", "1 июня", ""),
    ]
    assert label_starts(lines, XS) == [0, 1, 4, 5, 6, 7]


def test_a_label_whose_header_word_stands_on_its_next_line_opens_a_row() -> None:
    """«Праздничные» holds no header word, but with its line going on («мероприятия») it does: the
    label opens a row of its own, not the rest of «МО»."""
    lines = [
        _line("№ п/п", "1", "2"),
        _line("МО", "Энский район", "Тривельдский район"),
        _line("Праздничные", "Ярмарка", "Слёт"),
        _line("мероприятия", "ремёсел", "краеведов"),
        _line("Дата", "3 мая", "9 мая"),
    ]
    assert label_starts(lines, XS) == [0, 1, 2, 4]


def test_a_label_opening_with_a_synonym_of_one_word_opens_a_row() -> None:
    """«Когда» is a header synonym by itself, though a conjunction too: «Когда состоялось» opens a
    row where the event names above it run on beside it (no event's column stopped)."""
    lines = [
        _line("№ п/п", "1", "2"),
        _line("Наименование", "Слёт юных", "Ярмарка"),
        _line("мероприятия", "краеведов", "ремёсел"),
        _line("Когда состоялось", "«Тропа»", "«Лён»"),
        _line("", "5", "7"),
    ]
    assert label_starts(lines, XS) == [0, 1, 3]


@pytest.mark.parametrize(
    "label",
    [
        _line("Наименование", "Слёт юных краеведов", "Ярмарка"),
        _line("Дата", "3 мая", "9 мая"),  # the event's name on the next page
    ],
)
def test_a_table_of_labels_the_page_end_cut_after_its_first_labels(label: Line) -> None:
    """Under a line numbering the events, one label the header synonyms know is label enough (the
    rest of the table is on the next page); without that line, it is not."""
    assert label_starts([_line("№ п/п", "1", "2"), label], XS) == [0, 1]
    assert label_starts([_line("Итоги", "Обмен", "Концерт"), label], XS) is None


@pytest.mark.parametrize(
    "lines",
    [
        # a letterhead: the sender and the addressee, a date and a number under the sender
        [
            _line("Администрация", "Председателю"),
            _line("Тривельдского муниципального округа", "комитета"),
            _line("12.03.2025 № 14-07/88", ""),
            _line("На № ____ от ____", ""),
        ],
        # prose set in columns: paragraphs opening with header words, read as labels, run on
        [
            _line("Наименование мероприятия года", "Гости из", "Весной"),
            _line("выбирали жители посёлка на", "Вельтбурга", "прошли"),
            _line("сходе вместе с гостями", "осмотрели", "встречи"),
            _line("Место проведения праздника", "музей и", "с"),
            _line("определили по итогам опроса", "школу", "ветеранами"),
            _line("среди жителей и гостей", "ремёсел", "и"),
            _line("Дата проведения праздника", "вместе с", "школьниками"),
            _line("совпала с днём основания", "хозяевами", "района"),
            _line("посёлка в начале лета", "праздника", "Энска"),
        ],
        # a table of rows without numbers: its first column names events, not columns
        [
            _line("Слёт юных краеведов", "3 мая", "Энск"),
            _line("Ярмарка", "9 мая", "Тривельд"),
            _line("Регата", "1 июня", "Энск"),
        ],
    ],
)
def test_lines_whose_first_column_names_no_event_columns_are_no_table_of_labels(lines: list[Line]) -> None:
    assert label_starts(lines, XS) is None


# --- LibreOffice exports of a report of events as columns, drawn with each border style -------

TITLE = "Сведения о международных мероприятиях Тривельдского района Энской области за 2 квартал 2025 года"
LABELS = ("№ п/п", "Наименование мероприятия", "Дата проведения", "Место проведения", "Участники мероприятия")
SECTIONS = {
    "Озёрское сельское поселение": [
        (
            "1",
            "Слёт юных краеведов «Тропа»",
            "3 мая 2025 г.",
            "с. Озёрки, школа",
            "Школьники г. Вельтбург (12 человек)",
        ),
        (
            "2",
            "Ярмарка «Медовый Спас» с участием мастеров",
            "9–11 мая 2025 г.",
            "с. Озёрки, площадь",
            "Мастера из Энции",
        ),
        ("3", "Регата на озере Тихом", "14.06.2025", "оз. Тихое", "Гребцы клуба «Норд»"),
    ],
    "Тривельдское городское поселение": [
        ("4", "Форум молодёжи «Мосты»", "20.06.2025", "г. Тривельд, дом культуры", "Делегация г. Вельтбург"),
        ("5", "Концерт хора ветеранов", "25 июня 2025 г.", "г. Тривельд, парк", "Хор ветеранов из Энции"),
    ],
}


# Sections of one event each under short headings: each heading stands within the label column.
SHORT = {
    "Энский район": [SECTIONS["Озёрское сельское поселение"][0]],
    "Ольский район": [SECTIONS["Озёрское сельское поселение"][1]],
    "Ивский район": [SECTIONS["Тривельдское городское поселение"][0]],
}


def _columns(path: Path, style: str, sections: dict[str, list[tuple[str, ...]]] = SECTIONS) -> Path:
    """The report: under its title, each section's heading and its events as columns, labels down
    a narrow first column (they wrap), drawn with the borders of `style`."""
    import docx
    from docx.shared import Cm

    document = docx.Document()
    document.add_paragraph(TITLE)
    for heading, events in sections.items():
        document.add_paragraph(heading)
        table = document.add_table(rows=len(LABELS), cols=len(events) + 1)
        table.style = "Table Grid"
        table.autofit = False
        for r, label in enumerate(LABELS):
            cells = table.rows[r].cells
            cells[0].text = label
            cells[0].width = Cm(3.2)
            for c, event in enumerate(events, start=1):
                cells[c].text = event[r]
                cells[c].width = Cm(4.2)
        draw_borders(table, BORDER_SIDES[style])
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict[str, Path]:
    from readers_layouts import exported

    styles = ("none", "frame", "horizontal")
    layouts = {s: partial(_columns, style=s) for s in styles}
    layouts["short"] = partial(_columns, style="none", sections=SHORT)
    _, pdfs = exported(tmp_path_factory, "labels", layouts)
    return pdfs


@pytest.mark.parametrize("style", ["none", "frame", "horizontal"])
def test_events_as_columns_without_inner_rules_read_as_their_events(
    exports: dict[str, Path], style: str
) -> None:
    """Each event comes out once with its title, dates and place, under its section's heading: a
    label wrapped in its narrow column is one label, a section of fewer events one table."""
    doc = PdfReader().read(exports[style])
    report = interpret_document(doc, contracts.load_contract().header_synonyms())
    events = [e for section in SECTIONS.values() for e in section]
    assert [r.seq_no for r in report.rows] == [int(e[0]) for e in events]
    assert [" ".join(r.title.split()) for r in report.rows] == [e[1] for e in events]
    assert [r.date_text for r in report.rows] == [e[2] for e in events]
    assert [r.municipality for r in report.rows] == [m for m, section in SECTIONS.items() for _ in section]


def test_tables_of_one_event_without_rules_under_short_headings(exports: dict[str, Path]) -> None:
    """A table of one event (its labels and their values: two columns) is a table too, and each
    comes out under its own heading, which stands within the label column."""
    doc = PdfReader().read(exports["short"])
    report = interpret_document(doc, contracts.load_contract().header_synonyms())
    assert [(r.municipality, r.seq_no) for r in report.rows] == [
        (m, int(e[0])) for m, section in SHORT.items() for e in section
    ]


def _glyphs(rows: list[tuple[float, tuple[str, ...]]]) -> list:
    """Glyphs of lines of text, each (top, the texts of its columns at XS), 5 pt a letter, 3 pt a
    space."""
    from muniflow.readers.pdflines import Glyph

    out = []
    for top, cells in rows:
        for k, text in enumerate(cells):
            x = XS[k] + 5
            for char in text:
                if char != " ":
                    out.append(Glyph(char, x, x + 5, top, top + 10))
                x += 5 if char != " " else 3
    return out


def test_a_short_heading_right_above_the_first_label_repeated_ends_the_table_above() -> None:
    """Two tables of labels without rules, one under the other, a month between them standing
    within the label column: two tables, the month no label of the first."""
    from muniflow.readers.pdfunruled import text_only_tables

    block = [
        ("№ п/п", "1", "2"),
        ("Наименование", "Слёт", "Ярмарка"),
        ("Дата", "3 мая", "9 мая"),
        ("Место", "Энск", "Ивск"),
    ]
    lines = [*block, ("Июнь",), *block]
    glyphs = _glyphs([(100 + 13 * i, cells) for i, cells in enumerate(lines)])
    tables = text_only_tables(glyphs)
    assert len(tables) == 2
    assert tables[0].bbox[3] < 100 + 13 * 4 < tables[1].bbox[1]  # the month between them


def test_a_label_beside_its_value_under_a_label_that_ended_opens_a_row() -> None:
    """Labels of one line each, drawn without rules, some holding no header word («Открыто»,
    «Закрыто»): a label opening with a capital beside its value opens a row when the label above
    left no word hanging; under «Участники от» a name goes on the label."""
    lines = [
        _line("Наименование", "Слёт юных краеведов", ""),
        _line("Место", "г. Тривельд, парк", ""),
        _line("Открыто", "3 мая", ""),
        _line("Закрыто", "5 мая", ""),
        _line("Участники от", "Клуб", ""),
        _line("Энции", "«Мост»", ""),
    ]
    assert label_starts(lines, XS) == [0, 1, 2, 3, 4]


def test_a_heading_over_the_first_label_is_a_row_over_the_table_of_labels() -> None:
    """A month heading over the first card, inside the table's frame: a row of its own, the labels
    under it read as without it (the table had been no table of labels: its first row no label)."""
    lines = [
        _line("", "МАЙ", ""),
        _line("Наименование", "Слёт юных краеведов", ""),
        _line("Место", "г. Тривельд, парк", ""),
        _line("Дата", "3 мая", ""),
    ]
    assert label_starts(lines, XS) == [0, 1, 2, 3]


def test_labels_ending_the_page_need_not_name_the_event() -> None:
    """A card the page end cut before its event's name: its first labels, ending the page, are a
    table of labels when two of them are known («Место проведения», «Участники»); elsewhere the
    labels must name the event."""
    lines = [
        _line("Открыто", "3 мая", ""),
        _line("Место проведения", "г. Тривельд, парк", ""),
        _line("Участники", "Клуб «Мост»", ""),
    ]
    assert label_starts(lines, XS) is None
    assert label_starts(lines, XS, cut=True) == [0, 1, 2]
