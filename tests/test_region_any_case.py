"""A title names its region in any case («в Энском крае», «по Энской Республике», «в Республике
Энсия»): the region is read by the lemmas of its kind (`region_kinds` of
contracts/municipalities.yaml) and of the adjective agreeing with it, and named in the nominative
(interpret/title.py `_lemma_region`). A file loaded with no region read says so in the summary."""

from __future__ import annotations

import pytest

from muniflow.interpret.title import parse_region, region_source


@pytest.mark.parametrize(
    ("title", "expected", "reason"),
    [
        ("Сведения о встречах в Энском крае за III квартал 2031 г.", "Энский край", "prepositional"),
        ("Отчёт по Кленовской области за 2 квартал", "Кленовская область", "dative, same as genitive"),
        ("Отчёт по Энскому краю за 2 квартал", "Энский край", "dative"),
        ("Отчёт, подписанный Энским краем", "Энский край", "instrumental"),
        ("Сведения о встречах в Энской Республике", "Энская Республика", "an adjective republic"),
        ("Обмен делегациями в Республике Алтай за 1 квартал", "Республика Алтай", "a republic's own name"),
        ("ОБМЕН ДЕЛЕГАЦИЯМИ В РЕСПУБЛИКЕ АЛТАЙ ЗА 1 КВАРТАЛ", "Республика Алтай", "capitals, «за» no name"),
        ("Обмен делегациями по Республике Коми", "Республика Коми", "an indeclinable name"),
        ("Визиты в Энском автономном округе", "Энский автономный округ", "a two-word kind"),
        ("Визиты в Энской автономной области", "Энская автономная область", "a two-word feminine kind"),
        ("ВИЗИТЫ В ЭНСКОМ КРАЕ", "Энский край", "capitals"),
        ("Визиты в Республике Беларусь", None, "a foreign state is no region"),
        ("Визиты в Кленовском районе", None, "a district is no region's kind"),
        ("Визиты в Энской Народной Республике", "Энская Народная Республика", "two adjectives"),
        ("Визиты в Китайской Народной Республике", None, "a state named with two adjectives"),
        ("Визит делегации Китайской Народной Республики", None, "the same in the genitive"),
        ("Визиты в крае", None, "a kind with no name"),
    ],
)
def test_a_region_named_in_any_case(title, expected, reason):
    assert parse_region(title) == expected, reason


def test_the_words_it_was_read_from_are_shown():
    """`inspect` prints the words the region came from: the prepositional ones too."""
    assert region_source("Сведения о встречах в Энском крае за 2031 год") == "Энском крае"
    assert region_source("Обмен делегациями в Республике Алтай") == "Республике Алтай"


def test_the_kinds_are_the_contract_s(monkeypatch):
    """No kind is written in code: without `region_kinds` a prepositional region is not read."""
    from muniflow.interpret import title as title_module

    monkeypatch.setattr(title_module, "_region_kinds", lambda: ())
    assert parse_region("Сведения о встречах в Энском крае") is None


def test_a_loaded_file_with_no_region_says_so(capsys):
    """The summary tells the analyst a loaded file's region was not read and how to give it."""
    from muniflow.ingest_summary import print_summary

    line = {"rows_extracted": 3, "rows_loaded": 3, "rows_quarantined": 0, "seen_before": False}
    files = [
        {**line, "file": "a.docx", "status": "loaded", "reason": None, "message": "", "region": None},
        {
            **line,
            "file": "b.docx",
            "status": "loaded",
            "reason": None,
            "message": "",
            "region": "Энский край",
        },
    ]
    print_summary({"run_id": "r1", "files": files, "report": None})
    out = capsys.readouterr().out.splitlines()
    at = next(i for i, text in enumerate(out) if text.endswith("a.docx"))
    assert "region not read" in out[at + 1] and "--region" in out[at + 1]
    assert sum("region not read" in text for text in out) == 1
