"""Event titles reduced to what identifies an event: lemmas without quotes, numerals or filler.

Two reports word one event differently («Международный фестиваль …» and «Участие в
Международном фестивале …», «ХХI» typed in Cyrillic, «–» or «-»): normalization makes such
titles equal token for token, so a fuzzy ratio measures real differences only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import Prefix

from muniflow.morph import analyzer
from muniflow.rules.quotes import quoted_names
from muniflow.rules.title_abbreviations import abbreviations_in, initialisms_in
from muniflow.rules.title_words import (
    NUMERAL_HINT,
    compounds_joined,
    edition,
    lemma,
    name_word_form,
    noun_cases,
    word_form,
)

# Words inside quotes (rules/quotes.py) are the event's proper name.
_WORD = r"[^\W_]+"


@dataclass(frozen=True, eq=False)  # hashed by identity: a cache key on every title, built once
class TitleRules:
    """What normalization drops, read from contracts/duplicates.yaml."""

    strip_leading: tuple[tuple[str, ...], ...] = ()
    stopwords: frozenset[str] = frozenset()
    first_words: frozenset[str] = frozenset()  # of strip_leading: most titles need no more look
    # Phrases of one meaning as lemmas -> one word for it, longest first: a country's forms
    # («КНР», «Китайская Народная Республика», «китайский»), an abbreviation and its expansion.
    equivalents: tuple[tuple[tuple[str, ...], str], ...] = ()
    # The same, by first lemma: a title word looks up only the phrases it may open.
    equivalents_by_first: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)
    # A word this long or longer written with a full stop («Межд.») is an abbreviation; 0: none.
    abbreviation_min_letters: int = 0
    # A word of this many capitals or more («МНПК») is an initialism of another title's words; 0: none.
    initialism_min_letters: int = 0
    # Settlement types and street words as written («г», «пос», «ул»): with a full stop they
    # abbreviate no title word («пос. Лесной» is no «посвящённый»), and they open a town's name
    place_words: frozenset[str] = frozenset()
    # Prepositions before where an event was held, lower-case («в Лесногорске», «в г. Озёрске»)
    place_prepositions: frozenset[str] = frozenset()
    # A title opening with one of these lemmas («участие») names who took part up to the first of
    # `participation_prepositions` (lower-case words: в, во, на); those words are not the event's
    participation: frozenset[str] = frozenset()
    participation_prepositions: frozenset[str] = frozenset()
    # the first letters of the participation words, any case: most titles hold none, found at once
    participation_hint: re.Pattern[str] | None = None


class NormTitle(NamedTuple):
    """A title's content lemmas in order, its quoted-name lemmas, and views the rule compares.

    A NamedTuple rather than a frozen dataclass: one is built per distinct title, and at
    100 000 titles the dataclass's frozen __init__ costs a noticeable share of the run.
    """

    tokens: tuple[str, ...]
    names: tuple[str, ...]
    words: frozenset[str]  # the lemmas as a set: word order and repeats do not matter
    names_text: str  # quoted-name lemmas sorted and joined, for a fuzzy comparison of names
    name_groups: tuple[str, ...]  # each quoted name's lemmas sorted and joined («A» и «B»: two)
    name_words: tuple[frozenset[str], ...]  # each quoted name's lemmas, numbers aside
    ranked: tuple[str, ...]  # distinct lemmas, quoted names first, then the longest: for blocking
    longest: tuple[str, ...]  # distinct lemmas, the longest first, quotes aside: for blocking
    # (lemma, letters) of each word written with a full stop («Межд.»): it may stand for any word
    # of another title the letters begin (abbreviated)
    abbreviations: tuple[tuple[str, str], ...] = ()
    # (lemma, letters) of each word written in capitals («МНПК»): it may stand for the words of
    # another title whose first letters spell it
    initialisms: tuple[tuple[str, str], ...] = ()
    # the lemmas naming who took part («Участие народного ансамбля «Лад» в …»: ансамбль, лад,
    # народный), kept out of `words`
    who: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()  # the country words (COUNTRY_MARK + key) it names
    numbers: frozenset[str] = frozenset()  # the words written in digits
    # the Roman numerals outside quotes, in Latin letters: an edition's number («XV фестиваль»)
    editions: frozenset[str] = frozenset()


_NO_EDITIONS: frozenset[str] = frozenset()
# The `quoted` mark of a word naming who took part (participation), not the event.
_WHO = -1


def _content_lemmas(
    text: str,
    stopwords: frozenset[str],
    rules: TitleRules | None = None,
    tokens: list[str] | None = None,
    in_names: dict[int, list[str]] | None = None,
    editions: list[str] | None = None,
) -> tuple[list[str], list[int]]:
    """Lemmas of the words that name something, and for each the quoted name it stood in (0: none;
    _WHO: a word naming who took part, by `rules`). `tokens`, when given, gets each lemma's word;
    `in_names`, when given, gets the lemmas of the function words (and one-letter words) of each
    quoted name by its number: «Ты и я» is a name of such words only, which the name comparison
    needs and the title's words leave out. `editions`, when given, gets the Roman numerals outside
    quotes (Latin letters)."""
    forms: list[str] = []
    quoted: list[int] = []
    found = quoted_names(text, _WORD)
    who = _who(text, found, rules) if rules is not None and rules.participation_hint else None
    if who:
        found = [(token, _WHO if i in who else name) for i, (token, name) in enumerate(found)]
    for token, name in found:
        form = word_form(token)
        if form is not None and form not in stopwords:
            forms.append(form)
            quoted.append(name)
            if tokens is not None:
                tokens.append(token)
        elif form is None and in_names is not None and name > 0 and (small := name_word_form(token)):
            in_names.setdefault(name, []).append(small)
        elif form is None and editions is not None and name == 0 and (number := edition(token)):
            editions.append(number)
    return forms, quoted


# What may stand before a participation word that closes a title: «Ярмарка «…» – участие мастеров
# района», «Турнир … (участие воспитанниц спортшколы)».
_CLAUSE_OPENERS = frozenset("–—-,(:;")


def _who(text: str, found: list[tuple[str, int]], rules: TitleRules) -> range:
    """The words (indices of `found`) naming who took part: after an opening «Участие» up to the
    first participation preposition outside quotes («Участие мастеров района | в ярмарке …»), or
    from a participation word after a dash, comma or bracket to the end or the bracket's close
    («Ярмарка «Покровская» | – участие мастеров района»). None when the title names no event besides."""
    if not found or rules.participation_hint is None or not rules.participation_hint.search(text):
        return range(0)  # a cheap test first: most titles hold no form of the word
    if lemma(found[0][0].lower())[0] in rules.participation:
        prepositions = rules.participation_prepositions
        end = next(
            (k for k, (token, name) in enumerate(found) if not name and token.lower() in prepositions), 0
        )
        return range(end)
    spans = [m.span() for m in re.finditer(_WORD, text)]
    for k in range(1, len(found)):
        token, name = found[k]
        if name or lemma(token.lower())[0] not in rules.participation:
            continue
        before = text[: spans[k][0]].rstrip()
        if before and before[-1] in _CLAUSE_OPENERS:
            close = text.find(")", spans[k][1]) if before[-1] == "(" else -1
            end = next((i for i in range(k, len(found)) if close >= 0 and spans[i][0] > close), len(found))
            return range(k, end)
    return range(0)


def make_rules(
    strip_leading: Iterable[str],
    stopwords: Iterable[str],
    countries: Iterable[tuple[str, Iterable[str]]] = (),
    same_words: Iterable[Iterable[str]] = (),
    abbreviation_min_letters: int = 0,
    place_words: Iterable[str] = (),
    participation: Iterable[str] = (),
    participation_prepositions: Iterable[str] = (),
    place_prepositions: Iterable[str] = (),
    kinds: Iterable[str] = (),
    initialism_min_letters: int = 0,
) -> TitleRules:
    """Compile the contract's phrases through the title pipeline, so one entry covers every form.

    `countries` pairs a country's key with its name forms (names, abbreviations, adjectives);
    `same_words` are groups of phrases that mean one thing («ВОВ», «Великая Отечественная война»);
    `kinds` the phrases naming a municipality's kind («МО», «муниципальный район», «район»): all are
    one word, KIND_WORD, so one municipality named with two kinds («Озёрский муниципальный район»,
    «МО «Озёрский район»») is one name.
    """
    stop = frozenset(lemma(w.lower())[0] for w in stopwords)
    phrases = {tuple(_content_lemmas(p, stop)[0]) for p in strip_leading}
    ordered = sorted((p for p in phrases if p), key=lambda p: (-len(p), p))
    groups = [(COUNTRY_MARK + key.lower(), names) for key, names in countries]
    groups.append((KIND_WORD, tuple(kinds)))
    for number, group in enumerate(same_words, start=1):
        # Numbered, not named by a form: «=централизованный клубный система» and «…библиотечный…»
        # would pass for one word by the fuzzy word match.
        groups.append((f"{SAME_MARK}{number:02d}", group))
    equivalents: dict[tuple[str, ...], str] = {}
    for word, names in groups:
        for name in names:
            # The first group listing a form keeps it; a form of two groups would merge them.
            equivalents.setdefault(tuple(_content_lemmas(name, stop)[0]), word)
    by_length = sorted(((f, w) for f, w in equivalents.items() if f), key=lambda fw: (-len(fw[0]), fw[0]))
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, word in by_length:
        by_first.setdefault(phrase[0], []).append((phrase, word))
    return TitleRules(
        strip_leading=tuple(ordered),
        stopwords=stop,
        first_words=frozenset(p[0] for p in ordered),
        equivalents=tuple(by_length),
        equivalents_by_first={first: tuple(found) for first, found in by_first.items()},
        abbreviation_min_letters=abbreviation_min_letters,
        initialism_min_letters=initialism_min_letters,
        place_words=frozenset(w.lower().replace("ё", "е") for w in place_words),
        participation=frozenset(lemma(w.lower())[0] for w in participation),
        participation_hint=re.compile("|".join(re.escape(w[:4]) for w in participation), re.IGNORECASE)
        if participation
        else None,
        participation_prepositions=frozenset(w.lower() for w in participation_prepositions),
        place_prepositions=frozenset(w.lower() for w in place_prepositions),
    )


# The word that stands for a country or a group of same words in a normalized title: a mark no
# lemma carries, so no real word matches it fuzzily, and short enough (#by, #cn, =01) that two
# such words never reach the word-match ratio (tests/test_duplicates.py checks it).
COUNTRY_MARK = "#"
SAME_MARK = "="
# The word of a municipality's kind: the same-words group 0 (the contract's are numbered from 1).
KIND_WORD = f"{SAME_MARK}00"


def _equivalents_as_words(
    forms: list[str], quoted: list[int], rules: TitleRules
) -> tuple[list[str], list[int]]:
    """Each phrase of an equivalence group in a title's lemmas replaced by its group's one word;
    `quoted` (anything per word) follows, the phrase's first word's for the phrase."""
    by_first = rules.equivalents_by_first
    if by_first.keys().isdisjoint(forms):  # most titles name no country and no abbreviation
        return forms, quoted
    out_forms: list[str] = []
    out_quoted: list[int] = []
    i = 0
    while i < len(forms):
        for phrase, word in by_first.get(forms[i], ()):
            n = len(phrase)
            if tuple(forms[i : i + n]) == phrase:
                out_forms.append(word)
                out_quoted.append(quoted[i])
                i += n
                break
        else:
            out_forms.append(forms[i])
            out_quoted.append(quoted[i])
            i += 1
    return out_forms, out_quoted


def _strip_leading(forms: list[str], rules: TitleRules) -> list[str]:
    """Drop leading filler phrases («Участие в», «Организация и проведение») while any matches."""
    stripped = bool(forms) and forms[0] in rules.first_words
    while stripped:
        stripped = False
        for phrase in rules.strip_leading:
            n = len(phrase)
            # Keep at least one word: a title that is only the phrase still names something.
            if len(forms) > n and forms[0] == phrase[0] and tuple(forms[:n]) == phrase:
                forms = forms[n:]
                stripped = True
                break
    return forms


@lru_cache(maxsize=200_000)
def normalize_title(text: str, rules: TitleRules) -> NormTitle:
    """The content lemmas of a title with a leading «Участие в …»-like phrase stripped."""
    small: dict[int, list[str]] = {}  # a quoted name's function words, by its number
    editions: list[str] | None = [] if NUMERAL_HINT.search(text) else None  # most titles hold none
    found, found_quotes = _content_lemmas(text, rules.stopwords, rules, in_names=small, editions=editions)
    lemmas, in_quotes = _equivalents_as_words(found, found_quotes, rules)
    # most titles hold no phrase of an equivalence group: then no country either
    countries = frozenset(w for w in lemmas if w[0] == COUNTRY_MARK) if lemmas is not found else frozenset()
    who: frozenset[str] = frozenset()
    if _WHO in in_quotes:
        lemmas, in_quotes, who = _without_who(lemmas, in_quotes)
    forms = _strip_leading(lemmas, rules)
    skipped = len(lemmas) - len(forms)
    in_names = in_quotes[skipped:]
    names = tuple(f for f, q in zip(forms, in_names, strict=True) if q)
    quoted = frozenset(names)
    # a name's function words count where names are compared: «Ты и я» and «Дружина» are two
    names_text = " ".join(sorted(quoted.union(*small.values()) if small else quoted))
    groups: dict[int, set[str]] = {}
    if len(set(in_names) - {0} | small.keys()) > 1:  # «A» и «B»: each apart; most hold one or none
        for form, name in zip(forms, in_names, strict=True):
            if name:
                groups.setdefault(name, set()).add(form)
        whole = {name: group.union(small.get(name, ())) for name, group in groups.items()}
        whole.update((name, set(extra)) for name, extra in small.items() if name not in groups)
        name_groups = tuple(" ".join(sorted(g)) for g in whole.values())
    else:
        name_groups = (names_text,) if names_text else ()
    words = frozenset(forms)
    numbers = frozenset(filter(str.isdigit, words))
    # each quoted name's words, numbers aside (an edition's year: «Технопром-2025»)
    if len(groups) > 1:
        name_words = tuple(g - numbers for g in map(frozenset, groups.values()) if g - numbers)
    else:
        plain = quoted - numbers if numbers else quoted
        name_words = (plain,) if plain else ()
    # Longest first (rarer), alphabetical among equals: two stable C-level sorts; the quoted
    # words and the others apart in that order (ranked) are the longest ones filtered.
    longest = tuple(sorted(sorted(words), key=len, reverse=True))
    return NormTitle(
        tokens=tuple(forms),
        names=names,
        words=words,
        names_text=names_text,
        name_groups=name_groups,
        name_words=name_words,
        ranked=(*[w for w in longest if w in quoted], *[w for w in longest if w not in quoted])
        if quoted
        else longest,
        longest=longest,
        abbreviations=abbreviations_in(text, words, rules.abbreviation_min_letters, rules.place_words),
        initialisms=initialisms_in(text, words - quoted, rules.initialism_min_letters),
        who=who,
        countries=countries,
        numbers=numbers,
        editions=frozenset(editions) if editions else _NO_EDITIONS,
    )


def _without_who(forms: list[str], quoted: list[int]) -> tuple[list[str], list[int], frozenset[str]]:
    """The lemmas without those naming who took part, and those: a country named there stays a
    word of the title (a delegation's country identifies the meeting), a number goes (how many)."""
    kept = [
        (f, 0 if q == _WHO else q)
        for f, q in zip(forms, quoted, strict=True)
        if q != _WHO or f.startswith(COUNTRY_MARK)
    ]
    who = frozenset(
        f
        for f, q in zip(forms, quoted, strict=True)
        if q == _WHO and not f.startswith(COUNTRY_MARK) and not f.isdigit()
    )
    return [f for f, _ in kept], [q for _, q in kept], who


@lru_cache(maxsize=100_000)
def where_words(text: str, rules: TitleRules) -> frozenset[str]:
    """The lemmas of a title's words saying where it was held: a name after a place preposition,
    a settlement type between, in the locative, with the parts a hyphen joins («в Лесногорске», «в г.
    Озёрске», «в Гусь-Хрустальном»); not a name in another case («художников Ельни»: whose)."""
    found = [(m.group(), m.start(), m.end()) for m in re.finditer(_WORD, text)]
    out: set[str] = set()
    for k in range(len(found) - 1):
        if found[k][0].lower() not in rules.place_prepositions:
            continue
        first = k + 1
        while first < len(found) - 1 and found[first][0].lower() in rules.place_words:
            first += 1  # «в г. Озёрске»
        last = first
        while last + 1 < len(found) and text[found[last][2] : found[last + 1][1]] == "-":
            last += 1  # «в Гусь-Хрустальном»
        parses = analyzer().parse(found[last][0].lower())
        if any(p.tag.case == "loct" for p in parses):
            out.update(form for word, _, _ in found[first : last + 1] if (form := word_form(word)))
    return frozenset(out)


# (lemma, (the lemmas before and after it), its oblique cases): a noun of a title in its slot
Slot = tuple[str, tuple[str, str], frozenset[str]]


@lru_cache(maxsize=100_000)
def noun_slots(text: str, rules: TitleRules) -> tuple[Slot, ...]:
    """Each noun of a normalized title that depends on the word before it, with the words around
    it and its oblique cases («турнир по волейболу среди юношей»: волейбол between турнир and
    юноша, dative; "" after the last word): the slot the word fills. Asked only of the few pairs
    that are judged, so it is not part of normalize_title."""
    tokens: list[str] = []
    every, quoted = _content_lemmas(text, rules.stopwords, rules, tokens)
    forms = [f for f, q in zip(every, quoted, strict=True) if q != _WHO]
    tokens = [t for t, q in zip(tokens, quoted, strict=True) if q != _WHO]
    lemmas, at = _equivalents_as_words(forms, list(range(len(forms))), rules)
    kept = _strip_leading(lemmas, rules)
    skipped = len(lemmas) - len(kept)
    # «мини-футболу» is one word here: its noun stands beside the word before «мини»
    items = compounds_joined(kept, [at[skipped + i] for i in range(len(kept))], forms, tokens, text)
    out: list[Slot] = []
    for i in range(1, len(items)):
        form, source, compound = items[i]
        if (form != forms[source] and not compound) or form.isdigit():
            continue  # a country or an abbreviation's group stands for a phrase, in no case
        cases = noun_cases(tokens[source])
        if cases:
            out.append((form, (items[i - 1][0], items[i + 1][0] if i + 1 < len(items) else ""), cases))
    return tuple(out)


@lru_cache(maxsize=10_000)
def _adjective_or_noun(form: str) -> str:
    """ADJF or NOUN: a lemma's likeliest part of speech when it is one of those, else ""."""
    pos = analyzer().parse(form)[0].tag.POS
    return pos if pos in ("ADJF", "NOUN") else ""


def one_stem(a: str, b: str, min_letters: int, min_share: float) -> bool:
    """Whether two lemmas are an adjective and the noun it is made from («музыкальный», «музыка»;
    «спортивный», «спорт»): one of each, opening with the same `min_letters` letters or more, and
    with at least `min_share` of the shorter one's. Two nouns («историк», «история») or two
    adjectives are two words."""
    common = Prefix.similarity(a, b)
    if common < min_letters or common < min_share * min(len(a), len(b)):
        return False
    return {_adjective_or_noun(a), _adjective_or_noun(b)} == {"ADJF", "NOUN"}
