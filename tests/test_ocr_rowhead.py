"""A scanned table without rules between its rows whose header is repeated on the next page over
the rest of a row the page break cut: the two read as one row (readers/ocr_rowhead). Names
invented."""

from __future__ import annotations

from muniflow.readers import ocr, ocr_rowhead
from muniflow.readers.ocr_cells import CellText


def _row(*texts: str) -> list[CellText]:
    return [CellText(t, 90.0) for t in texts]


HEADER = _row("№ п/п", "Название мероприятия", "Сроки проведения", "Место проведения", "Участники")


def test_a_header_repeated_over_a_cut_rows_rest_is_dropped_and_the_rest_glued() -> None:
    first = ocr.Page(
        [
            HEADER,
            _row("1", "Форум ремёсел", "5 июля 2031 года", "г. Энск", "Мастера из Республики Беларусь"),
            _row("2", "XII Международный", "с 18 по 21 июля", "г. Энск, МБУК", "Представители"),
        ],
        "Информация о международных мероприятиях за III квартал 2031 г.",
        ruled=False,
    )
    second = ocr.Page(
        [
            _row(
                "№ п/п",
                "Название мероприятия\nфестиваль песни\n«Заречье»",
                "Сроки проведения\n2031 года",
                "Место проведения\n«Дом культуры»",
                "Участники\nадминистрации округа",
            ),
            _row("3", "Выставка вышивки", "7 августа 2031 года", "с. Ольховка", "Гости из КНР"),
        ],
        "",
        ruled=False,
    )
    document, _ = ocr.to_document("t.pdf", "pdf", [first, second])
    rows = [row.cells for row in document.tables[0].rows]
    assert [cells[0] for cells in rows] == ["1", "2", "3"]
    assert rows[1][1] == "XII Международный\nфестиваль песни\n«Заречье»"
    assert rows[1][3] == "г. Энск, МБУК\n«Дом культуры»"


def test_a_row_whose_cells_do_not_all_open_with_the_labels_is_kept() -> None:
    limit = ocr.settings().repeated_header_similarity
    event = _row("4", "Название мероприятия\nконкурс", "8 июля 2031 года", "Место проведения", "Гости")
    assert ocr_rowhead.under_header(event, HEADER, limit) is None


def test_a_cut_rows_short_rest_under_the_header_is_glued_not_dropped() -> None:
    """The rest is one word under the title's label: the row reads so like the header that it was
    dropped as the header repeated, and the word lost with it."""
    first = ocr.Page(
        [HEADER, _row("1", "Молодёжный форум", "5 июля 2031 года", "г. Энск", "Гости из КНР")], ""
    )
    second = ocr.Page(
        [
            _row("№ п/п", "Название мероприятия\nсмена", "Сроки проведения", "Место проведения", "Участники"),
            _row("2", "Выставка вышивки", "7 августа 2031 года", "с. Ольховка", "Гости из КНР"),
        ],
        "",
        ruled=False,
    )
    document, _ = ocr.to_document("t.pdf", "pdf", [first, second])
    rows = [row.cells for row in document.tables[0].rows]
    assert [cells[0] for cells in rows] == ["1", "2"]
    assert rows[0][1] == "Молодёжный форум\nсмена"
