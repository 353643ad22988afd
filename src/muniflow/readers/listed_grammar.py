"""A letter's sentence read by the grammar of its words (pymorphy3; readers/listed.py): a verb in
the past telling that an event was held (contract `toldVerbs`, lemmas), an active verb and its
object, a noun naming who held the event, words that only link a sentence to the one before, and
someone taking part in an event (contract `takingPart`).
"""

from __future__ import annotations

from functools import lru_cache

from muniflow.morph import analyzer


def only_links(word: str) -> bool:
    """A word that only links a sentence to the one before («Также», «Кроме того», «Затем»)."""
    return any(
        p.tag.POS in {"ADVB", "CONJ", "PRCL", "PREP", "NPRO"} or "Apro" in p.tag
        for p in analyzer().parse(word)
    )


def told_in(text: str) -> bool:
    """The text tells of an event held: a verb of holding in the past in it (contract `toldVerbs`)."""
    return any(told_verb(w.strip(',;:«»"()')) for w in text.split())


def told_verb(word: str) -> bool:
    """A verb in the past (or its short participle) whose lemma tells that an event was held."""
    if not past_verb(word):
        return False
    return analyzer().parse(word.lower())[0].normal_form.replace("ё", "е") in told_verbs()


def told_verbs() -> frozenset[str]:
    from muniflow.contracts import load_contract

    return _lemma_set(tuple(str(w) for w in load_contract().threshold("toldVerbs", []) or []))


@lru_cache(maxsize=4)
def _lemma_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.replace("ё", "е") for w in words)


def unlinked(text: str) -> str:
    """The text without the words opening it that only link it to the sentence before («Также»,
    «Затем»: an adverb, a particle, a conjunction)."""
    words = text.split()
    k = 0
    while k < len(words) - 1 and analyzer().parse(words[k].strip(",").lower())[0].tag.POS in _LINK_POS:
        k += 1
    return " ".join(words[k:]) if k else text


_LINK_POS = frozenset({"ADVB", "PRCL", "CONJ"})


def opens_with_object(text: str) -> bool:
    """The text after a verb opens with its object: a noun or an adjective that may stand in the
    accusative («провела фестиваль «…»», «организовал встречу …»), not «в …», «успешно»."""
    first = text.split()[0].strip(',;:«»"()').lower() if text.split() else ""
    readings = analyzer().parse(first) if first.isalpha() else []
    return (
        bool(readings)
        and readings[0].tag.POS in {"NOUN", "ADJF"}
        and any(p.tag.POS in {"NOUN", "ADJF"} and p.tag.case == "accs" for p in readings)
    )


def names_who(before: str) -> bool:
    """The words name who did it: a noun that reads only as a nominative («… администрация района
    провела …»), not the case a preposition governs."""
    for word in before.split():
        readings = analyzer().parse(word.strip(',;:«»"()').lower())
        if readings and all(p.tag.POS == "NOUN" and p.tag.case == "nomn" for p in readings):
            return True
    return False


def transitive(verb: str) -> bool:
    """An active verb taking an object («провела встречу»): the event is its object, the words
    before it say who."""
    tag = analyzer().parse(verb.strip(',;:«»"()').lower())[0].tag
    return tag.POS == "VERB" and "tran" in tag


def taking_part(verb: str, following: str) -> str:
    """«Участие» where the verb and the word after it say someone took part (contract `takingPart`,
    lemmas: «приняла участие»); '' otherwise."""
    from muniflow.contracts import load_contract

    pair = (_lemma(verb.strip(',;:«»"()')), _lemma(following.strip(',;:«»"()')))
    for phrase in load_contract().threshold("takingPart", []) or []:
        verb_lemma, _, noun = str(phrase).partition(" ")
        if pair == (verb_lemma, noun):
            return noun[:1].upper() + noun[1:]
    return ""


def _lemma(word: str) -> str:
    return analyzer().parse(word.lower())[0].normal_form.replace("ё", "е") if word else ""


def past_verb_in(text: str) -> bool:
    return any(past_verb(w.strip(',;:«»"()')) for w in text.split())


def past_verb(word: str) -> bool:
    if not word.isalpha() or len(word) < 4:
        return False
    tag = analyzer().parse(word.lower())[0].tag
    return (tag.POS == "VERB" and "past" in tag) or tag.POS == "PRTS"


def tells_something(text: str) -> bool:
    """The text tells something: a verb or a participle in it."""
    return any(
        analyzer().parse(w.strip(',;:«»"()').lower())[0].tag.POS in {"VERB", "PRTS", "PRTF", "GRND"}
        for w in text.split()
        if w.strip(',;:«»"()').isalpha()
    )
