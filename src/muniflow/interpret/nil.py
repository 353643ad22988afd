"""Nil reports: «Международные мероприятия не проводились» as a heading row, as the only table row,
or as a letter with no table. The phrasing is data (contracts/reporting.yaml), matched by lemmas.

A nil statement records its municipality as reported with zero events (`Report.nil_municipalities`);
it is never an event row, so no rule fires on it and the file is not quarantined for it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from muniflow.interpret.imprint import without_imprint
from muniflow.interpret.muni_morph import WORD, place_name_nominative, proper_case
from muniflow.interpret.muni_vocabulary import vocabulary
from muniflow.interpret.muni_wrapping import without_honorary_titles
from muniflow.interpret.municipality import canonical_municipality, municipality_name
from muniflow.interpret.region import hyphen_wraps_joined
from muniflow.interpret.title import parse_period, parse_region
from muniflow.model import Period, RawDocument, RawRow, RawTable, Report
from muniflow.morph import analyzer
from muniflow.normalize.text import fold, seq_number
from muniflow.reporting.contract import ReportingContract, load_reporting

_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+")
# A cell that says nothing: dashes, dots, "нет", "-/-".
_PLACEHOLDER = re.compile(r"^[\s\-–—./\\_*]*(?:нет)?[\s\-–—./\\_*]*$", re.IGNORECASE)
# A name is looked for around a kind word or an abbreviated kind: this many words before it and after.
_BEFORE_KIND, _AFTER_KIND = 3, 5
_TOKEN = re.compile(r"\S+")
# A year before «г.» makes it «год» («за 2024 г. Смоленская область»), not a city.
_YEAR = re.compile(r"(?:\d{4}|\d{2})[,;:]?")
_EDGE_PUNCTUATION = ",;:()"


def is_placeholder(text: str) -> bool:
    """A cell that says nothing: dashes, dots, «нет» («—», «-/-», «…»), or a value the contract
    lists as saying nothing (`blankValues`: «н/д», a cross «х» striking a cell out)."""
    folded = fold(text)
    return _PLACEHOLDER.match(folded) is not None or _blank_key(folded) in _blank_values()


def _blank_key(text: str) -> str:
    return text.lower().replace("ё", "е").rstrip(".")


def _blank_values() -> frozenset[str]:
    from muniflow import contracts

    return _blank_values_of(contracts.contract_file(None, contracts.CONTRACT_FILE))


@lru_cache(maxsize=4)
def _blank_values_of(path: Path) -> frozenset[str]:
    from muniflow import contracts

    listed = contracts.load_contract(path).threshold("blankValues", []) or []
    return frozenset(_blank_key(fold(str(v))) for v in listed)


def lemmas(text: str) -> tuple[str, ...]:
    """The normal form of each word, lower case (ё as е): what nil phrases are matched on."""
    morph = analyzer()
    return tuple(morph.parse(w)[0].normal_form.replace("ё", "е") for w in _WORD.findall(text.lower()))


@lru_cache(maxsize=8)
def _phrase_lemmas(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(p for p in (lemmas(text) for text in phrases) if p)


def _contains(seq: Sequence[str], part: Sequence[str]) -> bool:
    """The phrase's words stand together in the text: in its order where it opens with «не» (it
    negates the word after it), else in any («мероприятий нет», «отчёт нулевой»)."""
    n = len(part)
    windows = [tuple(seq[i : i + n]) for i in range(len(seq) - n + 1)]
    if part[0] == "не":
        return tuple(part) in windows
    return any(sorted(w) == sorted(part) for w in windows)


@lru_cache(maxsize=8)
def _none_words(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(lemma for text in phrases for lemma in lemmas(text))


def _says_none(words: Sequence[str], contract: ReportingContract) -> bool:
    """«нет» with nothing else but what was not held and when: the letter's subjects, the period's
    words (`periodWords`), prepositions and particles («За отчётный период – нет», «Мероприятий нет»)."""
    if "нет" not in words:
        return False
    allowed = _none_words(contract.letter_subjects + contract.period_words)
    if not allowed & set(words):  # «нет» alone is a placeholder (`is_placeholder`)
        return False
    morph = analyzer()
    return all(
        w == "нет" or w in allowed or {"PREP", "CONJ", "PRCL"} & {str(p.tag.POS) for p in morph.parse(w)}
        for w in words
    )


def says_nil(text: str, contract: ReportingContract | None = None, *, any_length: bool = False) -> bool:
    """True when a text states that nothing was held (a nil phrase, and short unless `any_length`)."""
    contract = contract or load_reporting()
    # a long text is no nil statement: its words are counted before any is looked up
    if not any_length and len(_WORD.findall(text.lower())) > contract.max_words:
        return False
    words = lemmas(text)
    if not words:
        return False
    return _says_none(words, contract) or any(
        _contains(words, phrase) for phrase in _phrase_lemmas(contract.nil_phrases)
    )


def nil_row(raw: RawRow, mapping: Mapping[str, int], contract: ReportingContract | None = None) -> str | None:
    """If a table row is a nil statement, the municipality it names ('' when none); else None.

    A nil row has at least one cell that says nil and nothing else but placeholders (dashes,
    its №) and, in a table with a municipality column, that column's name.
    """
    muni_col = mapping.get("municipality")
    municipality = ""
    said = False
    contract = contract or load_reporting()  # once a row: it is looked for afresh on every call
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
    """The first municipality a title or letter names, canonical; '' when it names none. A cover
    page's imprint («г. Энск, 2025», interpret/imprint.py) is asked only when nothing else names one.
    """
    plain = without_imprint(text)
    return _municipality_in_text(plain) or (_municipality_in_text(text) if plain != text else "")


def _municipality_in_text(text: str) -> str:
    """The first municipality a title or letter names, canonical; '' when it names none.

    A name is found about each kind noun in the singular («района», «округе», «города») or
    abbreviated kind («г.», «МО», «р-н»): the longest run of words around it that reads as one
    municipality's name (`municipality_name`, in any case and written form: «Ярцевский район,
    II квартал», «в Ярцевском районе Смоленской области», «МО «Ярцевский район»»), its name
    written with a capital. Plural kinds («муниципальных районов») name no one municipality."""
    text = without_honorary_titles(text)  # «города-курорта Кисловодска»: a kind noun, then the name
    text = hyphen_wraps_joined(text)  # «Барун-» / «Хемчикского кожууна»: one name a line broke
    tokens = [(m.group(), text.count("\n", 0, m.start())) for m in _TOKEN.finditer(text)]
    words = [t for t, _ in tokens]
    for i, token in enumerate(words):
        if not _names_a_kind(token) or (i and _YEAR.fullmatch(words[i - 1]) and token.startswith("г")):
            continue
        if not _capitalised(words[max(0, i - _BEFORE_KIND) : i + 1 + _AFTER_KIND]):
            continue  # no name about it («в районе проведены встречи»): no run to try
        # Runs within the kind word's line first: a heading is a line of its own, and the next
        # line's first word would read as part of a name («город Белозорск» / «Информация о …»).
        # Then runs across lines, for a name a line end breaks («Администрация / Моркинского /
        # района»), so the name nearest the start is found whatever the lines.
        spans = sorted(
            (
                (s, e)
                for s in range(max(0, i - _BEFORE_KIND), i + 1)
                for e in range(i + 1, min(len(words), i + 1 + _AFTER_KIND) + 1)
            ),
            key=lambda se: (tokens[se[0]][1] != tokens[se[1] - 1][1], se[0] - se[1], se[0]),
        )
        for s, e in spans:
            run = words[s:e]
            run[-1] = run[-1].rstrip(_EDGE_PUNCTUATION)
            run[0] = run[0].lstrip(_EDGE_PUNCTUATION)
            name = municipality_name(" ".join(run))
            if name and _capitalised(run):
                return name
    return ""


def sender_municipality(text: str) -> str:
    """The city whose administration or head sends the letter, named with no kind word
    («Администрация Нижнего Тагила», «Мэр Сергиева Посада»), canonical («город Нижний
    Тагил»); '' when none is. A sender noun (municipalities.yaml `sender_nouns`, by lemma) is
    followed by a name of up to three capitalised words, each able to stand in the genitive, the last
    a place name by the dictionary (pymorphy3 Geox): «Администрация Президента» names no city."""
    senders = vocabulary().sender_nouns
    words = _TOKEN.findall(without_honorary_titles(text))
    for i, word in enumerate(words):
        if _lemma(word.strip(_EDGE_PUNCTUATION)) not in senders:
            continue
        for n in range(_CITY_WORDS, 0, -1):  # the longest name first: «Нижнего Тагила»
            run = words[i + 1 : i + 1 + n]
            if len(run) < n or any(w.endswith((",", ";", ":", ".")) for w in run[:-1]):
                continue
            run = [proper_case(w.rstrip(_EDGE_PUNCTUATION + ".")) for w in run]
            if not all(WORD.fullmatch(w) and w[:1].isupper() for w in run) or not _place_in_genitive(run[-1]):
                continue
            named = " ".join(run)
            nominative = place_name_nominative(named, "gent")
            name = municipality_name(f"город {nominative}") if nominative != named else None
            if name:
                return name
    return ""


# A city's own name runs to this many words («Нижнего Тагила», «Сергиева Посада»).
_CITY_WORDS = 3


def _lemma(word: str) -> str:
    return analyzer().parse(word.lower())[0].normal_form.replace("ё", "е") if word else ""


def _place_in_genitive(word: str) -> bool:
    """The word can be a place's name in the genitive singular (its last part, hyphenated)."""
    last = word.split("-")[-1].lower()
    return any({"Geox", "gent", "sing"} <= set(p.tag.grammemes) for p in analyzer().parse(last))


def _names_a_kind(token: str) -> bool:
    """A kind noun in the singular, or a kind abbreviated («г.», «МО», «р-н», «м.р.», «МР», «ЗАТО»)."""
    bare = token.strip(_EDGE_PUNCTUATION + '«»"“”„')
    word = bare.lower().replace("ё", "е")
    if not word:
        return False
    if word in ("г.", "гор.", "мо", "р-н", "зато") or re.fullmatch(r"[мсг][./][рпо]\.?", word):
        return True
    if any(pattern.fullmatch(bare) for pattern, _ in vocabulary().capital_abbreviations):
        return True
    kinds = vocabulary().kind_nouns
    # a kind noun ending a sentence keeps its stop («Энский район. Глава района – …»)
    noun = word.rstrip(".")
    return any(
        p.normal_form.replace("ё", "е") in kinds and "sing" in p.tag for p in analyzer().parse(noun)[:1]
    )


def _capitalised(words: Sequence[str]) -> bool:
    """Some word of the run that is not a kind is written with a capital: a name, not a phrase
    («городского округа» alone names no one; a sentence's «В» is no name)."""
    kinds = vocabulary().kind_words
    for w in words:
        bare = w.strip(_EDGE_PUNCTUATION + '«»"“”„.')
        if len(bare) > 2 and bare[:1].isupper() and bare.lower() not in kinds and not _names_a_kind(bare):
            return True
    return False


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


def says_covering(text: str, contract: ReportingContract | None = None) -> bool:
    """A letter's text sends something the file does not hold: a sentence with a sending verb and
    what it sends (`coveringLetter` of reporting.yaml: «Направляем Вам информацию …»), or a line
    opening with an attachment word («Приложение: на 2 л.»), not in the future tense («будет
    направлен позднее»: a report to come), in a text of `maxWords` at most (a
    longer one tells something itself). Asked of a document no events table or nil statement was
    read in: it is a covering letter alone."""
    contract = contract or load_reporting()
    if len(lemmas(text)) > contract.covering_max_words:
        return False
    verbs = {lemma for w in contract.covering_verbs for lemma in lemmas(w)}
    objects = {lemma for w in contract.covering_objects for lemma in lemmas(w)}
    marks = {lemma for w in contract.attachment_marks for lemma in lemmas(w)}
    if any((opening := lemmas(line)) and opening[0] in marks for line in text.splitlines()):
        return True
    for sentence in re.split(r"(?<=[.!?;])\s+|\n\s*\n", text):
        said = set(lemmas(sentence))
        if verbs & said and objects & said and not _of_future(sentence):
            return True
    return False


def _of_future(text: str) -> bool:
    """A sentence in the future tense («отчёт будет направлен позднее», «направим»): it announces a
    report to come, it sends none."""
    morph = analyzer()
    return any("futr" in morph.parse(w)[0].tag for w in _WORD.findall(text.lower()))


def says_nil_letter(text: str, contract: ReportingContract | None = None) -> bool:
    """A letter with no table is a nil report when a sentence of it says nil and names the subject.

    Sentences end at their punctuation or a blank line, not at a line break: a PDF's text breaks
    a long sentence at each line end, parting the subject from the statement."""
    contract = contract or load_reporting()
    subjects = {lemma for s in contract.letter_subjects for lemma in lemmas(s)}
    for sentence in re.split(r"(?<=[.!?;])\s+|\n\s*\n", text):
        if (
            says_nil(sentence, contract, any_length=True)
            and (not subjects or subjects & set(lemmas(sentence)))
            and not _of_others(lemmas(sentence), contract)
        ):
            return True
    return False


def _of_others(words: Sequence[str], contract: ReportingContract) -> bool:
    """The nil sentence is of the events other than those told («Иных мероприятий … не
    проводилось»): a word of `otherWords` not coordinated with another («международных и иных»)."""
    others = set(_none_words(contract.other_words))
    return any(w in others and not (k and words[k - 1] in _COORDINATING) for k, w in enumerate(words))


_COORDINATING = frozenset({"и", "или", "а", "также"})


# A table of a letter that has no events table holds at most this many rows: a letterhead or a
# signature laid out as a table («Глава района | подпись | И.О. Фамилия»), not a table of events.
LETTER_TABLE_ROWS_MAX = 4


def letter_sized(table: RawTable) -> bool:
    """Whether a table is small enough (header included) to be a letterhead's or a signature's."""
    return len(table.rows) + 1 <= LETTER_TABLE_ROWS_MAX


def letter_table_lines(table: RawTable) -> list[str]:
    """A letterhead's or signature's table as text, a line per row («Глава района  И.О. Фамилия»);
    none for a table of more than `LETTER_TABLE_ROWS_MAX` rows, which holds data."""
    if not letter_sized(table):
        return []
    rows = (table.header, *(row.cells for row in table.rows))
    return [line for row in rows if (line := "  ".join(c for c in row if c and fold(c)))]


def nil_letter(
    doc: RawDocument, period_override: Period | None = None, with_tables: bool = False
) -> Report | None:
    """A document without tables whose text says nil, as a report of its municipality; else None.
    `with_tables` (where no table is an events table): its tables may be a letterhead's or a
    signature's, of a few rows each; the nil sentence is in the letter's text, the municipality
    may be named in those tables."""
    if doc.tables and not with_tables:
        return None
    if not all(map(letter_sized, doc.tables)):
        return None
    prose = "\n".join(p for p in (doc.title, *(t.caption for t in doc.tables), doc.closing) if p)
    if not says_nil_letter(prose):
        return None
    text = "\n".join((prose, "  ".join(line for t in doc.tables for line in letter_table_lines(t))))
    name = municipality_in_text(text) or sender_municipality(text)
    if not name:
        return None
    return Report(
        source_file=doc.source_file,
        format=doc.format,
        region=parse_region(text),
        period=period_override or parse_period(prose),
        rows=(),
        pages=doc.pages,
        nil_municipalities=(name,),
    )
