"""A scan's municipality headings OCR misread, put right from the names the report writes
elsewhere and the dictionary's places (`interpret.ocr_names`), and a garbled line across the
table still taken as the next municipality's heading. Invented names, but for the dictionary's
own places (the rule is general)."""

from __future__ import annotations

from muniflow.interpret import interpret_document
from muniflow.interpret.ocr_names import document_places, fixed_heading
from muniflow.interpret.sections import names_a_place
from muniflow.model import RawDocument, RawRow, RawTable

SYNONYMS = {
    "seq_no": ["№ п/п", "№"],
    "title": ["наименование мероприятия"],
    "place": ["место проведения"],
    "date_text": ["сроки проведения"],
}
HEADER = ("№ п/п", "Наименование мероприятия", "Место проведения", "Сроки проведения")
TITLE = "Отчет о международных мероприятиях Энской области во II квартале 2024 года"


def _doc(rows: list[tuple[str | None, ...]], scanned: bool = True) -> RawDocument:
    body = tuple(RawRow(cells, f"page 1, row {i + 2}") for i, cells in enumerate(rows))
    confidence = tuple((r.locator, (90.0,) * len(r.cells)) for r in body) if scanned else ()
    kind = "jpeg" if scanned else "docx"
    return RawDocument("x." + kind, kind, TITLE, (RawTable(HEADER, body, "page 1, table 1"),), 1, confidence)


def _heading(text: str) -> tuple[str | None, ...]:
    return (text, None, None, None)  # one cell merged across the row


def _event(n: int, title: str, place: str) -> tuple[str | None, ...]:
    return (str(n), title, place, "10.05.2024")


ROWS = [
    _heading("Городской округ город Заречанск"),
    _event(1, "Фестиваль «Дружба»", "г. Заречанск"),
    _heading("Городской округ город Энскомарск"),  # «Энскамарск» misread
    _event(2, "Турнир по шахматам", "г. Энскамарск, Дворец спорта"),
    _event(3, "Выставка ремесел", "г. Энскамарск"),
]


def _munis(doc: RawDocument) -> list[str]:
    return [r.municipality for r in interpret_document(doc, SYNONYMS).rows]


def test_a_misread_heading_takes_the_name_its_events_places_write():
    assert _munis(_doc(ROWS)) == ["город Заречанск", "город Энскамарск", "город Энскамарск"]


def test_a_typed_document_keeps_its_heading_as_written():
    assert _munis(_doc(ROWS, scanned=False))[1:] == ["город Энскомарск", "город Энскомарск"]


def test_a_name_the_dictionary_knows_one_letter_off():
    # «Кострома» misread «Костроэа», written nowhere else in the report
    assert fixed_heading("город Костроэа", frozenset()) == "город Кострома"


def test_a_name_split_and_in_lower_case_after_its_kind():
    places = document_places(["г. Энскамарск"])
    assert fixed_heading("Городской округ город энс камарск", places) == "Городской округ город Энскамарск"


def test_a_kind_run_into_the_name_and_written_twice():
    assert fixed_heading("город ГородЭнскамарск", frozenset()) == "Город Энскамарск"
    assert fixed_heading("Городской округ городЗаречанск", frozenset()) == "Городской округ город Заречанск"


def test_a_mark_inside_the_name():
    places = document_places(["г. Энскамарск"])
    assert fixed_heading("город Энска›марск", places) == "город Энскамарск"


def test_two_places_as_near_leave_it_as_read():
    places = document_places(["г. Энскабарск", "г. Энскамарск"])
    assert fixed_heading("город Энскаварск", places) == "город Энскаварск"


def test_a_name_written_elsewhere_in_another_case_is_right():
    places = document_places(["в г. Заречанске"])
    assert fixed_heading("город Заречанск", places) == "город Заречанск"


def test_a_word_the_dictionary_knows_is_never_changed():
    places = document_places(["г. Энскамарск"])
    assert fixed_heading("Культурные мероприятия", places) == "Культурные мероприятия"


def test_a_garbled_line_across_the_table_heads_its_rows():
    # the name beyond repair (no place near it): the rows are still not the heading's above
    rows = [
        _heading("Городской округ город Заречанск"),
        _event(1, "Фестиваль «Дружба»", "г. Заречанск"),
        _heading("Городской округ город к›ъ ыщ"),
        _event(2, "Турнир по шахматам", "онлайн"),
    ]
    munis = _munis(_doc(rows))
    assert munis[0] == "город Заречанск"
    assert munis[1] != "город Заречанск"


def test_what_names_a_place_across_the_table():
    assert names_a_place("Городской округ город к›ъ ыщ")
    assert names_a_place("Заречанский муниципальный район")
    assert names_a_place("Кострома")
    assert names_a_place("Заречанский 5 мцнпальный округ"), "a kind noun among garbled words"
    assert names_a_place("Кострома гпдкой окрг"), "opening with a place the dictionary knows"
    assert not names_a_place("Культура"), "a theme"
    assert not names_a_place("Приложение 1")
    assert not names_a_place("Итого проведено 5 мероприятий")
    assert not names_a_place("Информация о мероприятиях")
    assert not names_a_place("Энская область")


def test_a_mark_read_for_a_letter_of_a_kind_word():
    assert fixed_heading("Городской ок›уг город Заречанск", frozenset()) == "Городской округ город Заречанск"


def test_a_heading_cut_by_a_column_line_with_a_mark_for_a_letter():
    rows = [
        _heading("Городской округ город Заречанск"),
        _event(1, "Фестиваль «Дружба»", "г. Заречанск"),
        ("Городской ок", None, "›уг город Энскамарск", None),  # cut in two by a column's line
        _event(2, "Турнир по шахматам", "г. Энскамарск"),
    ]
    assert _munis(_doc(rows)) == ["город Заречанск", "город Энскамарск"]


def test_a_garbled_first_line_leaves_its_rows_under_no_municipality():
    # no heading above to hand them to: rows under no municipality are flagged as such, which a
    # garbled name taken as their municipality would hide
    rows = [_heading("Городской округ город к›ъ ыщ"), _event(1, "Турнир по шахматам", "онлайн")]
    assert _munis(_doc(rows)) == [""]


def test_an_abbreviation_s_dot_is_no_mark():
    assert fixed_heading("с.п. Заречанское", frozenset()) == "с.п. Заречанское"
    assert fixed_heading("с/п Заречанское", frozenset()) == "с/п Заречанское"


def test_a_district_named_after_its_town_stays_an_adjective():
    places = document_places(["г. Энскамарск"])
    assert fixed_heading("Энскомарский район", places) == "Энскомарский район"
    assert fixed_heading("Энскамарскии муниципальный район", places) == "Энскамарскии муниципальный район"


def test_a_misread_kind_word():
    assert fixed_heading("Заречанский мунипипальный округ", frozenset()) == "Заречанский муниципальный округ"
    assert fixed_heading("ЗАРЕЧАНСКИЙ МУНИНИПАЛЬНЫЙ РАЙОН", frozenset()) == "ЗАРЕЧАНСКИЙ МУНИЦИПАЛЬНЫЙ РАЙОН"
    assert fixed_heading("Заречанское сельское поселенне", frozenset()) == "Заречанское сельское поселение"
    assert fixed_heading("Спортивные соревнования", frozenset()) == "Спортивные соревнования"


def test_rows_under_a_heading_whose_kind_word_was_misread():
    rows = [
        _heading("Городской округ город Заречанск"),
        _event(1, "Фестиваль «Дружба»", "г. Заречанск"),
        _heading("Энский мунинипальный район"),
        _event(2, "Турнир по шахматам", "с. Энское"),
    ]
    assert _munis(_doc(rows)) == ["город Заречанск", "Энский район"]
