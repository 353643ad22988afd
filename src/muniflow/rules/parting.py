"""What parts two titles of one frame: the words that identify an event, differing.

A long title differs from another event's in one or two words: a year of birth, a stage's number,
the partner country, the sport or the field («Турнир по волейболу среди юношей …», «Турнир по
баскетболу среди юношей …»). Word overlap scores such a pair high; these tests find the word
that makes it two events, whatever the score.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from muniflow.rules import kinds, titles
from muniflow.rules.spelling import same_word

if TYPE_CHECKING:
    from muniflow.rules.duplicates import DedupConfig, Event

_YEAR_DIGITS = 4


def numbers_part(a: Event, b: Event, cfg: DedupConfig) -> bool:
    """Whether each title holds a number the other lacks («… 2010 года рождения», «Турнир 2012»),
    a year against a year and any other number against another: an edition's ordinal and year
    («40-е чтения», «Чтения – 2024») do not part them."""
    if not cfg.numbers_must_agree or not a.numbers or not b.numbers:
        return False
    a_years, b_years = _years(a.numbers), _years(b.numbers)
    return any(
        bool(mine - theirs) and bool(theirs - mine)
        for mine, theirs in ((a_years, b_years), (a.numbers - a_years, b.numbers - b_years))
    )


def editions_part(a: Event, b: Event, cfg: DedupConfig) -> bool:
    """Whether each title numbers its edition in Roman numerals and the numbers differ («XIV
    фестиваль …», «XV фестиваль …»): two editions. A numeral on one side only parts nothing: a
    guest drops the host's edition number as often as not."""
    mine, theirs = a.title.editions, b.title.editions
    return (
        cfg.numbers_must_agree and bool(mine) and bool(theirs) and bool(mine - theirs) and bool(theirs - mine)
    )


def _years(numbers: frozenset[str]) -> frozenset[str]:
    """The numbers of four digits: years («2024», «2010 г. р.»)."""
    return frozenset(n for n in numbers if len(n) == _YEAR_DIGITS)


def countries_part(a: Event, b: Event, cfg: DedupConfig) -> bool:
    """Whether each title names a foreign country the other does not («… делегации Республики
    Армения», «… делегации Республики Грузия»): the partner identifies a meeting as a year
    does. One side naming a country the other omits parts nothing, nor does the home country
    («Россия – Беларусь» beside «Беларусь»)."""
    if not cfg.countries_must_agree or not a.countries or not b.countries:
        return False
    return bool(a.countries - b.countries) and bool(b.countries - a.countries)


def kinds_part(a: Event, b: Event, cfg: DedupConfig) -> bool:
    """Whether both titles name a kind of event and the kinds share no family (kinds.py):
    «Турнир по мини-футболу «X»» and «Фестиваль хоровой музыки «X»» are two events."""
    return cfg.kinds_must_agree and kinds.part(a.kinds, b.kinds)


def kinds_differ_afar(a: Event, b: Event, cfg: DedupConfig) -> bool:
    """Whether a row attended from afar («онлайн») and the other name their kinds by no common noun
    («Областной форум «X»», «Круглый стол «X»» online): nouns of one family are one event's only
    where the places name one settlement (judging._one_kind); a remote place says nothing of it."""
    return (
        cfg.kinds_must_agree
        and (a.remote or b.remote)
        and bool(a.kind_words)
        and bool(b.kind_words)
        and a.kind_words.isdisjoint(b.kind_words)
    )


def substituted(a: Event, b: Event, cfg: DedupConfig) -> bool:
    """Whether a noun of each title fills one slot with different words: between the same two words,
    in one oblique case («турнир по волейболу среди юношей», «турнир по баскетболу среди юношей»;
    «в сфере образования» and «в сфере туризма» before one word). Those nouns say which event of the
    frame it is. A spelling of one word (a typo, `word_match`) is no other word, nor is a compound
    of it («мини-футбол», «футбол»); a word on one side only parts nothing, nor does a noun beside
    other words («матч турнира «Кубок …»», «матч команды … района»: the guest's own part)."""
    if not cfg.slots_must_agree or a.words <= b.words or b.words <= a.words:
        return False  # a word of each side must differ
    mine, theirs_all = (titles.noun_slots(e.row.title, cfg.title_rules) for e in (a, b))
    if not mine or not theirs_all:
        return False
    # a word written with a full stop («худ.») stands for another word; it is no word of a slot
    shortened = {
        form
        for form, _ in (
            *a.title.abbreviations,
            *b.title.abbreviations,
            *a.title.initialisms,
            *b.title.initialisms,
        )
    }
    return any(
        around == theirs_around
        and word not in b.words
        and theirs not in a.words
        and word not in shortened
        and theirs not in shortened
        and not cases.isdisjoint(theirs_cases)
        and not same_word(word, theirs, cfg.word_match, cfg.typo_min_letters)
        and not _compound_of(word, theirs)
        and not (word in a.kind_words and theirs in b.kind_words)  # kinds are kinds_part's
        for word, around, cases in mine
        for theirs, theirs_around, theirs_cases in theirs_all
    )


def _compound_of(a: str, b: str) -> bool:
    """Whether one word is a hyphenated compound of the other («мини-футбол», «футбол»)."""
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short + "-") or long_.endswith("-" + short)
