"""A cover page's imprint («г. Энск, 2031» at its foot: where the report was printed) names no
municipality while the title names one: the municipality named after it is the report's. With no
other name, the imprint's town still is."""

from __future__ import annotations

import pytest

from muniflow import contracts
from muniflow.interpret import interpret_document
from muniflow.interpret.nil import municipality_in_text
from muniflow.model import RawDocument, RawRow, RawTable

COVER = "АДМИНИСТРАЦИЯ ЭНСКОЙ ОБЛАСТИ\nОТЧЁТ\nо международной деятельности за IV квартал 2031 г.\n{imprint}\n"
TITLE = (
    "Информация о мероприятиях, проведённых на территории: Ольшанский муниципальный район за IV кв. 2031 г."
)


@pytest.mark.parametrize(
    "imprint",
    [
        "г. Заречинск, 2031",
        "город Заречинск – 2031 год",
        "г. Заречинск 2031 г.",
        "за IV квартал 2031 года г. Заречинск, 2031",  # a PDF's line runs into the one above
    ],
)
def test_the_title_names_the_report_s_municipality_not_the_imprint(imprint: str) -> None:
    title = COVER.format(imprint=imprint) + TITLE
    assert municipality_in_text(title) == "Ольшанский район"
    header = ("№", "Наименование мероприятия", "Сроки", "Место проведения", "Участники")
    rows = (RawRow(("1", "Форум «Мост»", "12.11.2031", "г. Энск", "20 чел."), "table 1, row 2"),)
    report = interpret_document(
        RawDocument("x.docx", "docx", title, (RawTable(header, rows, "table 1"),)),
        contracts.header_synonyms(),
    )
    assert [r.municipality for r in report.rows] == ["Ольшанский район"]
    assert municipality_in_text(COVER.format(imprint=imprint)) == "город Заречинск"  # the only name


def test_an_imprint_above_the_first_heading_is_no_part_of_it() -> None:
    from muniflow.interpret.sections import caption_municipality

    caption = COVER.format(imprint="г. Заречинск, 2031") + "Отчёт органов власти Энской области\n"
    assert caption_municipality(caption + "ЯСЕНЕВСКИЙ РАЙОН") == "ЯСЕНЕВСКИЙ РАЙОН"
