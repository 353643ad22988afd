"""A status or remark column saying an event was not held.

A report may say in a column of its own whether each event took place («Статус», «Отметка о
проведении», «Примечание»): a cell there saying it was cancelled or postponed makes the row one of
an event not held, as the date cell saying so does.
"""

from __future__ import annotations

import pytest
from rowfactory import make_row

from muniflow.contracts import header_synonyms, load_contract
from muniflow.interpret import interpret_document
from muniflow.model import Period, RawDocument, RawRow, RawTable, Report, Row
from muniflow.rules import check_report

Q3 = Period(2031, 3)


def _doc(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> RawDocument:
    body = tuple(RawRow(tuple(cells), f"table 1, row {i + 2}") for i, cells in enumerate(rows))
    title = "Отчет о международных мероприятиях за III квартал 2031 года"
    return RawDocument("энск.docx", "docx", title, (RawTable(header, body, "table 1"),))


def _rows(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> tuple[Row, ...]:
    return interpret_document(_doc(header, rows), header_synonyms(), Q3).rows


def _not_held(rows: tuple[Row, ...]) -> dict[int, str]:
    report = Report("энск.docx", "docx", None, Q3, rows)
    flags = check_report(report, load_contract())
    return {f.row_index: f.message for f in flags if f.rule == "not_held" and f.severity == "error"}


STATUS_HEADER = ("№", "Мероприятие", "Место проведения", "Дата проведения", "Отметка об исполнении")


def test_a_status_column_saying_cancelled_or_postponed_makes_the_row_not_held() -> None:
    rows = _rows(
        STATUS_HEADER,
        [
            ("1", "Фестиваль «Звёздный берег»", "г. Энск", "12.07.2031", "проведено"),
            ("2", "Турнир по шахматам «Белая ладья»", "г. Энск", "19.07.2031", "отменён организаторами"),
            ("3", "Выставка «Мосты»", "г. Энск", "02.08.2031", "перенесено на IV квартал"),
            ("4", "Концерт хора «Зарница»", "г. Энск", "09.08.2031", "мероприятие не состоялось"),
            ("5", "Круглый стол «Соседи»", "г. Энск", "16.08.2031", "прошло в штатном режиме"),
            ("6", "Ярмарка ремёсел", "г. Энск", "23.08.2031", ""),
        ],
    )
    assert [r.status_text for r in rows][:2] == ["проведено", "отменён организаторами"]
    found = _not_held(rows)
    assert sorted(found) == [1, 2, 3]
    # the message names the column the words stand in and quotes them
    assert "отметка о проведении" in found[1].lower() and "«отменён организаторами»" in found[1]


@pytest.mark.parametrize(
    ("status", "held", "why"),
    [
        ("проведено", True, "a cell saying it was held changes nothing"),
        ("состоялось", True, "nor does a cell saying it took place"),
        ("перенесено с 10.07.2031", True, "moved here from another day, it was held"),
        ("по приглашению партнёров", True, "a remark saying nothing of being held changes nothing"),
        ("", True, "an empty cell changes nothing"),
        ("отменено", False, "cancelled: not held"),
        ("отменён", False, "cancelled, written with ё (read as written: not the adjective «отменный»)"),
        ("не проводилось", False, "held, negated: not held"),
        ("перенесено на 2032 год", False, "postponed: not held"),
        ("запланировано", False, "only planned, nothing else named: not held"),
        ("мероприятие запланировано на ноябрь", False, "planned for a time ahead: not held"),
        ("запланирована ответная поездка", True, "a remark on another event planned: this one held"),
        ("плановая встреча", True, "a routine event, held"),
        ("намечены дальнейшие шаги", True, "next steps planned: this one held"),
        ("Отменен", False, "cancelled, written without ё: the participle, not the adjective «отменный»"),
        ("перенесен на 2032 год", False, "postponed, written without ё"),
        ("отмена в связи с погодными условиями", False, "the noun of cancelling"),
        ("перенос на IV квартал", False, "the noun of postponing, a time ahead after it"),
        ("перенос с 10.07.2031", True, "the noun of moving, from another day: held here"),
        ("состоится 15.10.2031", False, "will take place (a perfective verb's future): not held yet"),
        ("планируется", False, "only planned, nothing else named"),
        ("планируется подписание соглашения", True, "a remark on something else planned"),
    ],
)
def test_the_status_cell_is_judged_by_the_words_a_date_cell_is(status: str, held: bool, why: str) -> None:
    row = make_row(status_text=status)
    assert (not _not_held((row,))) == held, why


def test_a_date_cell_saying_cancelled_with_yo_is_not_held() -> None:
    row = make_row(date_text="12.04.2024 (отменён)")
    assert sorted(_not_held((row,))) == [0]


def test_a_remark_column_is_read_as_a_status_column() -> None:
    header = ("№", "Наименование мероприятия", "Место", "Сроки", "Примечания")
    rows = _rows(
        header,
        [
            ("1", "Форум «Речной путь»", "г. Энск", "05.09.2031", "совместно с побратимами"),
            ("2", "Слёт волонтёров «Тропа»", "г. Энск", "12.09.2031", "отменено из-за погоды"),
        ],
    )
    assert sorted(_not_held(rows)) == [1]
