"""Nil reports: «Международные мероприятия не проводились» as a heading row, as the only table row,
or as a letter with no table. The phrasing is data (contracts/reporting.yaml), matched by lemmas.

A nil statement records its municipality as reported with zero events (`Report.nil_municipalities`);
it is never an event row, so no rule fires on it and the file is not quarantined for it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from muniflow.interpret.municipality import canonical_municipality
from muniflow.interpret.title import parse_period, parse_region
from muniflow.model import Period, RawDocument, RawRow, RawTable, Report
from muniflow.morph import analyzer
from muniflow.normalize.text import fold, seq_number
from muniflow.reporting.contract import ReportingContract, load_reporting

_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+")
# A cell that says nothing: dashes, dots, "нет", "-/-".
_PLACEHOLDER = re.compile(r"^[\s\-–—./\\_*]*(?:нет)?[\s\-–—./\\_*]*$", re.IGNORECASE)
# «Администрация муниципального образования «Велижский район»», «… округа «Город Х»».
_QUOTED = re.compile(
    r"(?:муниципальн\w*\s+образовани\w*|муниципальн\w*\s+(?:район\w*|округ\w*)|городск\w*\s+округ\w*"
    r"|поселени\w*)\s*[«\"“„]([^»\"”“]+)[»\"”“]",
    re.IGNORECASE,
)
# «Администрация Велижского района», «… Велижского муниципального округа».
_ADJ_KIND = re.compile(
    r"\b([А-ЯЁ][а-яё-]+(?:ого|его))\s+(района|муниципального\s+округа|городского\s+округа|округа)\b"
)
# «Администрация города Смоленска»
_CITY = re.compile(r"\bгород(?:а|е)?\s+([А-ЯЁ][а-яё-]+)")
_KIND_NOMN = {
    "района": "район",
    "муниципального округа": "муниципальный округ",
    "городского округа": "городской округ",
    "округа": "округ",
}


def is_placeholder(text: str) -> bool:
    """A cell that says nothing: dashes, dots, «нет» («—», «-/-», «…»)."""
    return _PLACEHOLDER.match(fold(text)) is not None


def lemmas(text: str) -> tuple[str, ...]:
    """The normal form of each word, lower case (ё as е): what nil phrases are matched on."""
    morph = analyzer()
    return tuple(morph.parse(w)[0].normal_form.replace("ё", "е") for w in _WORD.findall(text.lower()))


@lru_cache(maxsize=8)
def _phrase_lemmas(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(p for p in (lemmas(text) for text in phrases) if p)


def _contains(seq: Sequence[str], part: Sequence[str]) -> bool:
    n = len(part)
    return any(tuple(seq[i : i + n]) == tuple(part) for i in range(len(seq) - n + 1))


def says_nil(text: str, contract: ReportingContract | None = None, *, any_length: bool = False) -> bool:
    """True when a text states that nothing was held (a nil phrase, and short unless `any_length`)."""
    contract = contract or load_reporting()
    words = lemmas(text)
    if not words or (not any_length and len(words) > contract.max_words):
        return False
    return any(_contains(words, phrase) for phrase in _phrase_lemmas(contract.nil_phrases))


def nil_row(raw: RawRow, mapping: Mapping[str, int], contract: ReportingContract | None = None) -> str | None:
    """If a table row is a nil statement, the municipality it names ('' when none); else None.

    A nil row has at least one cell that says nil and nothing else but placeholders (dashes,
    its №) and, in a table with a municipality column, that column's name.
    """
    muni_col = mapping.get("municipality")
    municipality = ""
    said = False
    for i, cell in enumerate(raw.cells):
        text = fold(cell or "")
        if not text or _PLACEHOLDER.match(text) or (seq_number(text) is not None and len(text) <= 4):
            continue
        if i == muni_col:
            municipality = text
            continue
        if not says_nil(text, contract):
            return None
        said = True
    if not said:
        return None
    return municipality or _named_in(raw)


def _named_in(raw: RawRow) -> str:
    """A municipality the nil statement itself names («Велижский район: мероприятия не проводились»)."""
    for cell in raw.cells:
        name = municipality_in_text(fold(cell or ""))
        if name:
            return name
    return ""


def municipality_in_text(text: str) -> str:
    """The first municipality a title or letter names, canonical; '' when it names none."""
    flat = re.sub(r"\s+", " ", text)
    found: list[tuple[int, str]] = []
    m = _QUOTED.search(flat)
    if m:
        found.append((m.start(), canonical_municipality(m.group(1))))
    m = _ADJ_KIND.search(flat)
    if m:
        found.append((m.start(), f"{_nominative(m.group(1))} {_KIND_NOMN[' '.join(m.group(2).split())]}"))
    m = _CITY.search(flat)
    if m:
        found.append((m.start(), f"город {_nominative(m.group(1), title=True)}"))
    return min(found)[1] if found else ""


def _nominative(word: str, title: bool = False) -> str:
    """A genitive adjective or name in the nominative singular («Велижского» -> «Велижский»)."""
    morph = analyzer()
    parse = morph.parse(word)[0]
    # Left as written when already nominative or unknown to the dictionary (a guess may mangle it).
    if "gent" not in parse.tag or not (morph.word_is_known(word.lower()) or "ADJF" in parse.tag):
        return word
    form = parse.inflect({"nomn", "sing"} | ({"masc"} if "ADJF" in parse.tag else set()))
    out = form.word if form is not None else word
    return out[:1].upper() + out[1:] if (title or word[:1].isupper()) else out


def nil_sections(found: Sequence[tuple[str, RawTable]], doc: RawDocument) -> tuple[str, ...]:
    """Canonical municipalities of the nil statements found (municipality as read, its table).

    One read without a municipality takes the one the table's caption or the title names.
    """
    names = []
    for raw_name, table in found:
        name = canonical_municipality(fold(raw_name)) if raw_name else ""
        name = name or municipality_in_text(table.caption) or municipality_in_text(doc.title)
        if name and name not in names:
            names.append(name)
    return tuple(names)


def says_nil_letter(text: str, contract: ReportingContract | None = None) -> bool:
    """A letter with no table is a nil report when a sentence of it says nil and names the subject.

    Sentences end at their punctuation or a blank line, not at a line break: a PDF's text breaks
    a long sentence at each line end, parting the subject from the statement."""
    contract = contract or load_reporting()
    subjects = {lemma for s in contract.letter_subjects for lemma in lemmas(s)}
    for sentence in re.split(r"(?<=[.!?;])\s+|\n\s*\n", text):
        if says_nil(sentence, contract, any_length=True) and (
            not subjects or subjects & set(lemmas(sentence))
        ):
            return True
    return False


def nil_letter(doc: RawDocument, period_override: Period | None = None) -> Report | None:
    """A document without tables whose text says nil, as a report of its municipality; else None."""
    if doc.tables or not says_nil_letter(doc.title):
        return None
    name = municipality_in_text(doc.title)
    if not name:
        return None
    return Report(
        source_file=doc.source_file,
        format=doc.format,
        region=parse_region(doc.title),
        period=period_override or parse_period(doc.title),
        rows=(),
        pages=doc.pages,
        nil_municipalities=(name,),
    )
