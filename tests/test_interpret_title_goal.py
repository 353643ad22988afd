"""A column whose header names the event and its goal («Наименование и цель мероприятия»): the goal
is what follows its label in the cell («Фестиваль «…». Цель: обмен опытом»), not the title's."""

from __future__ import annotations

from muniflow.contracts import header_synonyms
from muniflow.interpret import interpret_document
from muniflow.interpret.combined import split_title_goal
from muniflow.model import Period, RawDocument, RawRow, RawTable, Row

Q3 = Period(2031, 3)


def _rows(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> tuple[Row, ...]:
    body = tuple(RawRow(tuple(cells), f"table 1, row {i + 2}") for i, cells in enumerate(rows))
    title = "Отчет о международных мероприятиях за III квартал 2031 года"
    doc = RawDocument("энск.docx", "docx", title, (RawTable(header, body, "table 1"),))
    return interpret_document(doc, header_synonyms(), Q3).rows


def test_the_goal_after_its_label_leaves_the_title() -> None:
    header = ("№", "Наименование и цель мероприятия", "Место", "Дата")
    rows = _rows(
        header,
        [
            ("1", "Фестиваль «Звёздный берег».\nЦель: обмен опытом между школами", "г. Энск", "12.07.2031"),
            ("2", "Турнир по шахматам «Белая ладья» Цели: развитие спорта", "г. Энск", "19.07.2031"),
            (
                "3",
                "Выставка «Мосты» у ул. Садовой, д. 5 г. Задачи мероприятия: дружба",
                "г. Энск",
                "20.07.2031",
            ),
            ("4", "Концерт хора «Зарница»", "г. Энск", "21.07.2031"),
            ("5", "Лекция «Наука: вчера и сегодня»", "г. Энск", "22.07.2031"),
        ],
    )
    assert [r.title for r in rows] == [
        "Фестиваль «Звёздный берег»",
        "Турнир по шахматам «Белая ладья»",  # a label after the closing quote
        "Выставка «Мосты» у ул. Садовой, д. 5 г.",  # an abbreviation's dot stays
        "Концерт хора «Зарница»",  # no label: the whole cell is the title
        "Лекция «Наука: вчера и сегодня»",  # a colon inside a quoted name opens no label
    ]
    goals = ["обмен опытом между школами", "развитие спорта", "дружба", "", ""]
    assert [r.goal for r in rows] == goals


def test_the_goal_joins_a_result_column_beside_it_with_its_label() -> None:
    header = ("№", "Наименование и цель мероприятия", "Место", "Дата", "Итоги")
    rows = _rows(
        header,
        [("1", "Форум «Речной путь». Цель: обмен опытом", "г. Энск", "12.07.2031", "Подписано соглашение")],
    )
    assert rows[0].title == "Форум «Речной путь»"
    assert rows[0].goal == "Цель: обмен опытом; Итоги: Подписано соглашение"


def test_a_title_column_alone_gives_a_goal_written_in_it_to_the_goal() -> None:
    # the header names no goal, the label does: what follows it is the goal, not the title
    rows = _rows(
        ("№", "Наименование мероприятия", "Место", "Дата"),
        [
            ("1", "Форум «Речной путь». Цель: обмен опытом", "г. Энск", "12.07.2031"),
            ("2", "Слёт «Тропа»\nЗадачи: дружба школ", "г. Энск", "13.07.2031"),
            ("3", "Лекция «Наука: вчера и сегодня»", "г. Энск", "14.07.2031"),
        ],
    )
    assert [r.title for r in rows] == [
        "Форум «Речной путь»",
        "Слёт «Тропа»",
        "Лекция «Наука: вчера и сегодня»",
    ]
    assert [r.goal for r in rows] == ["обмен опытом", "дружба школ", ""]


def test_a_goal_in_the_title_cell_goes_before_the_goal_column_with_its_label() -> None:
    rows = _rows(
        ("№", "Наименование мероприятия", "Место", "Дата", "Цель и результаты"),
        [
            ("1", "Форум «Речной путь». Цель: обмен опытом", "г. Энск", "12.07.2031", "Подписано соглашение"),
            ("2", "Форум «Речной путь». Цель: обмен опытом", "г. Энск", "13.07.2031", ""),
            ("3", "Слёт «Тропа». Место: г. Энск", "г. Энск", "14.07.2031", "Дружба"),
        ],
    )
    assert [r.title for r in rows] == [
        "Форум «Речной путь»",
        "Форум «Речной путь»",
        "Слёт «Тропа». Место: г. Энск",
    ]
    assert [r.goal for r in rows] == ["Цель: обмен опытом; Подписано соглашение", "обмен опытом", "Дружба"]


def test_only_a_label_the_header_synonyms_tie_to_the_goal_splits() -> None:
    synonyms = header_synonyms()
    assert split_title_goal("Слёт «Тропа». Место: г. Энск", synonyms) is None
    assert split_title_goal("Цель: обмен опытом", synonyms) is None  # no title before the label
    assert split_title_goal("Слёт «Тропа». Задачи: дружба", synonyms) == ("Слёт «Тропа»", "дружба", "Задачи")
