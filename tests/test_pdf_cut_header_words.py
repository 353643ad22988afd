"""A row the page end cut whose rest holds the header's words in the header's own columns
(«…о проведении ответного визита…» under «Цель проведения», «…всего 182 участников» under
«Участники») goes on in the row above: it is prose no header repeats, not the header drawn again
at the top of the page (readers/pdfstitch.py). Names invented."""

from __future__ import annotations

from pagefragments import fragment

from muniflow.readers import pdfglue, pdfstitch

GRID = (0.0, 40.0, 240.0, 340.0, 560.0, 700.0)
HEADER = (("№",), ("Мероприятие",), ("Сроки проведения",), ("Цель проведения, результат",), ("Участники",))
FIRST = (("1",), ("Ярмарка ремёсел",), ("3 марта 2031 г.",), ("Обмен опытом.",), ("40 чел.",))
CUT = (("2",), ("Турнир по городкам",), ("9.03.2031",), ("Развитие спорта. По итогам",), ("Спортсмены из",))
REST = (
    (),
    (),
    (),
    ("мероприятия достигнута договорённость о проведении ответного визита в 2032 году.",),
    ("Энсколандии, всего 182 участников",),
)
NEXT = (("3",), ("Слёт краеведов",), ("12 марта 2031 г.",), ("Знакомство с историей края.",), ("25 чел.",))


def test_the_rest_of_a_cut_row_holding_header_words_goes_on_in_the_row_above() -> None:
    first = fragment(GRID, 1, HEADER, FIRST, CUT)
    second = fragment(GRID, 2, REST, NEXT)
    [group] = pdfstitch.stitch_groups([first, second])
    rows: list[pdfglue.LineRow] = pdfstitch.merge_fragments(group)
    texts = [[" ".join(x.text for x in c) if c else "" for c in r.cells] for r in rows[1:]]
    assert [t[0] for t in texts] == ["1", "2", "3"]
    assert texts[1][3].endswith("ответного визита в 2032 году.")
    assert texts[1][4] == "Спортсмены из Энсколандии, всего 182 участников"
