"""duplicate_event, kinds: what kind of event a title names, by its head nouns.

A shared quoted name says little when the kinds differ: «Турнир по мини-футболу «X»» and
«Фестиваль хоровой музыки «X»» are two events whatever else agrees. And the reverse: a guest
names the host's event with another noun of the same kind («Праздник «X»», «Участие в фестивале
«X»», «Международный форум-фестиваль «X»»). The contract (duplicates.yaml `kinds`) groups head
nouns into families (sport competitions, festivals and performances, forums and conferences,
exhibitions and fairs, official visits); a noun may be of several. Words in quotes name the event,
not its kind, and are not read here; a compound ending with a noun of the list («кинофестиваль»,
«фотовыставка») is of that noun's families; a word of `kind_modifiers` says which kind the noun
is («спортивный праздник», «праздник спорта»: sport only).

A noun written with a hyphen is one word here («мастер-класс», «квест-игра», «пресс-тур»), not its
parts («класс» is no kind): the contract may list such a compound, and a title naming no listed kind
whose head noun is a compound none of whose parts is listed is of a kind of its own, that compound
(«Мастер-класс «X»» is no copy of «Конкурс «X»»). It parts from no title holding the compound
beside its own kind («Мини-футбол «X»», «Турнир по мини-футболу «X»»).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from muniflow.morph import analyzer
from muniflow.rules.quotes import quoted_words

if TYPE_CHECKING:
    from muniflow.rules.titles import NormTitle

# The one word two titles' kind nouns become when their families meet (no lemma starts with it).
KIND_MARK = "§kind"
# Marks of a title's families made of its hyphenated compounds: OWN its head compound, its kind;
# HELD another compound of a title naming a kind, which only keeps a title of that OWN kind near.
OWN = "~"
HELD = "+"
# A word, or words a hyphen joins into one («мастер-класс»; not a dash between spaces).
_WORD_OR_COMPOUND = r"[^\W_]+(?:-[^\W_]+)+|[^\W_]+"


@dataclass(frozen=True, eq=False)  # hashed by identity: a cache key, built once
class KindRules:
    """The contract's kind nouns (lemmas), each with the families it belongs to."""

    families: Mapping[str, frozenset[str]] = field(default_factory=dict)
    compound_min_letters: int = 0  # a compound's last noun has this many letters or more; 0: no compounds
    modifiers: Mapping[str, frozenset[str]] = field(default_factory=dict)  # «спортивный»: its families
    # lemmas of nouns that open a title before its head (участие, организация): not its head
    not_heads: frozenset[str] = frozenset()


def make_rules(
    families: Mapping[str, Iterable[str]],
    compound_min_letters: int = 0,
    modifiers: Mapping[str, Iterable[str]] | None = None,
    not_heads: Iterable[str] = (),
) -> KindRules:
    """Rules from the contract's families (name -> nouns written as ordinary text, lemmatized here;
    a hyphenated compound as one word), the words saying which family a noun is (name -> adjectives
    and nouns), and the words a title may open with before its head noun (phrases; their nouns)."""
    from muniflow.rules.title_words import word_form

    skip = frozenset(f for phrase in not_heads for w in str(phrase).lower().split() if (f := word_form(w)))
    return KindRules(_by_word(families), compound_min_letters, _by_word(modifiers or {}), skip)


def _by_word(families: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    from muniflow.rules.title_words import word_form

    by_word: dict[str, set[str]] = {}
    for family, words in (families or {}).items():
        for word in words:
            text = str(word).lower()
            form = compound_form(text) if "-" in text else word_form(text)
            if form:
                by_word.setdefault(form, set()).add(str(family))
    return {w: frozenset(f) for w, f in by_word.items()}


def kind_words(title: NormTitle, rules: KindRules) -> frozenset[str]:
    """The title's lemmas outside quotes that name a kind of event."""
    if not rules.families:
        return frozenset()
    names = title.names
    return frozenset([w for w in title.words if w not in names and _families(w, rules)])


def title_kinds(title: NormTitle, words: frozenset[str], rules: KindRules, text: str = "") -> frozenset[str]:
    """The families of a title's kind nouns `words` and of its listed compounds, or of its
    `modifiers` outside quotes when it holds one: «спортивный праздник», «праздник спорта» are sport
    events only. A title naming none is of its head compound's own kind (OWN), if it has one; a
    title naming one holds its other compounds (HELD)."""
    if rules.modifiers:
        quoted = frozenset(title.names)
        said = [rules.modifiers[w] for w in title.words if w in rules.modifiers and w not in quoted]
        if said:
            return frozenset().union(*said)
    listed, own, held = _compounds(text, title.who, rules) if "-" in text else (frozenset(), "", ())
    found = families(words, rules) | listed
    if found:
        return found | {HELD + c for c in held} if held else found
    return frozenset({OWN + own, *(HELD + c for c in held if c != own)}) if own else found


def compound_form(word: str) -> str | None:
    """The lemma of a word a hyphen joins: its first parts as written, its last as a lemma
    («мастер-классе»: мастер-класс), as title_words.compounds_joined writes it."""
    from muniflow.rules.title_words import word_form

    *first, last = word.lower().replace("ё", "е").split("-")
    form = word_form(last)
    return "-".join([*first, form]) if form and all(first) else None


@lru_cache(maxsize=50_000)
def _compounds(
    text: str, who: frozenset[str], rules: KindRules
) -> tuple[frozenset[str], str, tuple[str, ...]]:
    """A title's hyphenated nouns outside quotes: the families of those the contract lists, the
    one that is its head noun (its first noun, `not_heads` and words naming who took part aside:
    «Участие в мастер-классе «X»»), and the others none of whose parts is listed."""
    from muniflow.rules.title_words import word_form

    listed: set[str] = set()
    head = ""
    held: list[str] = []
    seen_head = False
    for token, quoted in quoted_words(text, _WORD_OR_COMPOUND):
        if quoted:
            continue
        lower = token.lower()
        if "-" not in lower:
            if not seen_head and _is_noun(lower) and word_form(lower) not in rules.not_heads | who:
                seen_head = True  # a plain noun heads the title: no compound does
            continue
        form = compound_form(lower)
        if form is None or not _is_noun(lower.rsplit("-", 1)[1]):
            continue  # «Гусь-Хрустальный», «Дружина-2025»: no noun
        if form in rules.families:
            listed |= rules.families[form]
        elif not any(_families(f, rules) for part in lower.split("-") if (f := word_form(part))):
            if not seen_head:
                head = form
            held.append(form)
        seen_head = True
    return frozenset(listed), head, tuple(held)


@lru_cache(maxsize=50_000)
def _is_noun(word: str) -> bool:
    """Whether a word's likeliest reading is a noun the dictionary knows («межд.» is no head);
    remembered per word: each hyphenated title asks it of every word outside quotes."""
    return analyzer().parse(word)[0].tag.POS == "NOUN" and analyzer().word_is_known(word)


def families(words: Iterable[str], rules: KindRules) -> frozenset[str]:
    """The families the kind nouns `words` belong to, together."""
    found: set[str] = set()
    for word in words:
        found |= _families(word, rules)
    return frozenset(found)


@lru_cache(maxsize=50_000)
def _families(word: str, rules: KindRules) -> frozenset[str]:
    """A lemma's families: its own, or those of the listed noun a compound of it ends with
    («кинофестиваль»: фестиваль), the rest being two letters or more."""
    found = rules.families.get(word)
    if found is not None:
        return found
    n = rules.compound_min_letters
    if n <= 0 or len(word) < n + 2:
        return frozenset()
    for cut in range(2, len(word) - n + 1):
        found = rules.families.get(word[cut:])
        if found is not None:
            return found
    return frozenset()


@lru_cache(maxsize=10_000)
def part(a_kinds: frozenset[str], b_kinds: frozenset[str]) -> bool:
    """Whether two titles name kinds of event of no common family (both name one); a title of a
    compound's own kind parts from none holding that compound beside its kind («Мини-футбол «X»»,
    «Турнир по мини-футболу «X»»). Remembered: asked of every pair judged, of a few kinds."""
    a_named, b_named = named(a_kinds), named(b_kinds)
    if not a_named or not b_named or not a_named.isdisjoint(b_named):
        return False
    pairs = ((a_named, b_kinds), (b_named, a_kinds))
    return not any(k[:1] == OWN and HELD + k[1:] in other for one, other in pairs for k in one)


@lru_cache(maxsize=10_000)
def named(found: frozenset[str]) -> frozenset[str]:
    """The families a title's kinds name, the compounds it only holds (HELD) aside."""
    return found if not any(k[:1] == HELD for k in found) else frozenset(k for k in found if k[:1] != HELD)


def as_one(words: frozenset[str], kinds_here: frozenset[str]) -> frozenset[str]:
    """A title's words with its kind nouns read as one word (KIND_MARK), for a title whose kinds
    meet the other's: «Праздник «X»» and «Фестиваль хоровой музыки «X»» share it."""
    return (words - kinds_here) | {KIND_MARK}
