"""The words around a municipality's name as reports write it, taken off (`peeled`): a numbering
(«1.», «IV.», a bullet), a label («Наименование МО:»), the region before or after it, «Администрация»,
«МО», a preposition (and the case it governs), a remark in brackets or after a spaced dash, a
city's honorary title in its kind («города-героя»); and a name's text made one line (`flatten`)
with Latin look-alikes and capitals put right.
"""

from __future__ import annotations

import re
from functools import lru_cache

from muniflow.interpret.muni_morph import proper_case, rejoined_lines, split_run_together
from muniflow.interpret.muni_vocabulary import vocabulary
from muniflow.interpret.muni_words import is_adjective
from muniflow.interpret.region import REGION, REGION_SUFFIX
from muniflow.morph import analyzer
from muniflow.normalize.text import closed_up

# A numbering before a heading: «1.», «2)», «1.2.», «IV.», «№ 3»; a list's bullet («• », as a PDF
# or Word's own list shows it).
_NUMBERING = re.compile(
    r"^(?:раздел\s+)?(?:№\s*)?(?:\d+(?:\.\d+)*\.?\)?|[IVXLC]+[.)]|[•·▪])\s+", re.IGNORECASE
)
# A label before the name («Наименование МО: …», «Муниципальное образование: …»).
_LABEL = re.compile(
    r"^(?:наименование\s+)?(?:муниципальн\w+\s+образовани\w+|мо|муниципалитет|район|округ|территория)\s*:\s*",
    re.IGNORECASE,
)
# The region after a name in the nominative or abbreviated («Смоленская область», «Смоленской обл.»).
_REGION_AFTER = re.compile(
    r"(?:,\s*|\s+)(?:[А-ЯЁ][а-яё-]+(?:ская|цкая|ная)\s+область|[А-ЯЁ][а-яё-]+(?:ский|цкий|ной)\s+край"
    r"|[А-ЯЁ][а-яё-]+(?:ской|цкой|ной|ая)\s+обл\.?|Республика\s+[А-ЯЁ][а-яё-]+(?:\s+[А-ЯЁ][а-яё]+)?)\s*$",
    re.IGNORECASE,
)
# The region between a kind and the quoted name it goes with («городской округ Энской области
# «Энск»», as a region's charter names its municipalities).
_REGION_BEFORE_QUOTE = re.compile(r"\s+(?:" + REGION + r")\s*(?=[«\"“„])")
# The region before a name, with a comma («Нижегородская область, Арзамасский муниципальный округ»).
_REGION_BEFORE = re.compile(r"^[^,«\"]*(?:област|кра[йя]|республик|автономн)[^,«\"]*,\s*", re.IGNORECASE)
# «МО» only as a word of its own: «Мостовский район» keeps its «Мо».
_PREFIX = re.compile(
    r"^(?:(?P<preposition>в|во|по|для)\s+)?(?P<sender>администраци[яийю]\s+)?"
    r"(?P<formation>(?:муниципальн\w+\s+образовани\w+|мо|м\.\s?о\.)(?=[\s«\"“„:]|$))?\s*",
    re.IGNORECASE,
)
# A preposition of `case_prepositions` that `_PREFIX` does not take off, before a name (a capital
# letter and a small one, a quote) or an abbreviated kind («из г. Энска»): «Из них» keeps its «Из».
_OTHER_PREPOSITION = re.compile(r"^([А-ЯЁа-яё]{1,3})\s+(?=[А-ЯЁ][а-яё]|[«\"“„]|[а-яё]{1,3}\.)")
PARENTHESES = re.compile(r"\s*\([^()]*\)\s*$")
# A remark after a spaced dash («Озёрный район – 2 мероприятия»), like one in brackets.
_DASH_REMARK = re.compile(r"\s+[–—-]\s+\S.*$")
_SPACE = re.compile(r"\s+")
_EDGES = " .,;:–—-_*"
_LATIN_LOOKALIKES = str.maketrans("AaBCcEeHKMOoPpTXxy", "АаВСсЕеНКМОоРрТХху")


def flatten(name: str) -> str:
    """One line: spaces folded, soft hyphens dropped, a name broken over lines put together
    (a narrow column cuts words: «МОНА\nСТЫР\nЩИНС\nКИЙ РАЙО\nН»), words run into their kind
    split («Кленовскийрайон»)."""
    text = closed_up(name.replace("\xa0", " ").replace("\u00ad", "").replace("\r", "\n"))
    words = vocabulary()
    text = without_honorary_titles(text)
    return split_run_in_kinds(rejoined_lines(text, words.kind_words, words.kind_nouns | words.region_nouns))


_HYPHENATED = re.compile(r"\b([А-ЯЁа-яё]+)-([А-ЯЁа-яё]+)\b")


def without_honorary_titles(text: str) -> str:
    """The text with a city's honorary title in its kind taken off in any case: «города-курорта
    Кисловодска» is «города Кисловодска», «в городе-герое …» is «в городе …» (the title is a
    hyphenated kind of `kind_words`, «город-курорт», whose first part is a kind noun)."""
    words = vocabulary()

    def plain(match: re.Match[str]) -> str:
        first, second = (_lemma(w) for w in match.groups())
        honorary = first in words.kind_nouns and f"{first}-{second}" in words.kind_words
        return match.group(1) if honorary else match.group()

    return _HYPHENATED.sub(plain, text)


@lru_cache(maxsize=4096)
def _lemma(word: str) -> str:
    return analyzer().parse(word.lower())[0].normal_form.replace("ё", "е")


def split_run_in_kinds(text: str) -> str:
    """The text with words run into the kind after them split («Энскогорайона»), which a PDF
    line join makes where the dictionary does not know the name; spaces folded."""
    kinds = vocabulary().run_together_kinds
    return " ".join(split_run_together(w, kinds) for w in text.split())


def strip_edges(text: str) -> str:
    return text.strip(_EDGES)


def strip_wrapping(text: str) -> str:
    """Numbering, prefixes, the region after the name, trailing punctuation: peeled until none is left."""
    return peeled(text)[0]


def peeled(text: str) -> tuple[str, str | None]:
    """`strip_wrapping`'s text, and the case a preposition taken off right before the name governs
    («По г. Энску»: datv), None where there is none or other words stood between («по
    администрации города …»: the kind noun there shows the name's case)."""
    case = None
    previous = None
    while previous != text:
        previous = text
        if (inner := vocabulary().inner_city_prefix) is not None:  # before a dash's remark goes
            text = inner.sub("", text)
        text = strip_edges(_NUMBERING.sub("", text))
        text = strip_edges(_LABEL.sub("", _kind_label_joined(text)))
        text = PARENTHESES.sub("", text)
        text = _without_dash_remark(text)
        text = strip_edges(_REGION_AFTER.sub("", text))
        text, governed = _without_preposition(text)
        case = case or governed
        text = strip_edges(REGION_SUFFIX.sub("", text))
        text = re.sub(r",\s*[^,]*(?:област|кра[йя]|республик|автономн)[^,]*$", "", text, flags=re.IGNORECASE)
        text = _REGION_BEFORE.sub("", text)
        text = _REGION_BEFORE_QUOTE.sub(" ", text)
    return text, case


def _kind_label_joined(text: str) -> str:
    """A kind before a colon as a label of the name after it («Муниципальный район: Энский»,
    «Городской округ: город Энск», «Район: Энский»): the kind and the name, as one name writes them
    (adjectives agreeing with the kind go before it: «Энский район»). A bare kind before a name
    with a kind of its own («Район: город Энск») stays a label, taken off by `_LABEL`."""
    head, colon, rest = text.partition(":")
    words = tuple(head.lower().split())
    name = rest.strip()
    if not colon or not name:
        return text
    kinds = vocabulary()
    own_kind = any(w.lower().replace("ё", "е") in kinds.kind_nouns for w in name.split())
    if words in kinds.kinds_after_name and not own_kind and _agrees_with(name, words[-1]):
        return f"{name} {head.strip()}"
    if words in kinds.kinds_before_name and len(words) > 1:
        return f"{head.strip()} {name}"
    return text


# A full adjective's endings in the nominative singular, by the gender of the noun it goes with.
_GENDER_ENDINGS = {"masc": ("ий", "ый", "ой"), "neut": ("ое", "ее"), "femn": ("ая", "яя")}


def _agrees_with(name: str, noun: str) -> bool:
    """Whether a name is adjectives agreeing with a kind's noun in gender («Энский» with «район»,
    «Энское» with «поселение»), so the name goes before the kind."""
    parses = analyzer().parse(noun)
    genders = {str(p.tag.gender) for p in parses if p.tag.POS == "NOUN" and p.tag.case == "nomn"}
    endings = tuple(e for g in sorted(genders) for e in _GENDER_ENDINGS.get(g, ()))
    return bool(endings) and all(is_adjective(w) and w.lower().endswith(endings) for w in name.split())


def _without_preposition(text: str) -> tuple[str, str | None]:
    """The text with `_PREFIX` (or another preposition of `case_prepositions`) taken off, and the
    case the preposition governs when the name follows it directly."""
    cases = dict(vocabulary().case_prepositions)
    prefix = _PREFIX.match(text)
    if prefix is not None and prefix.group():
        word = prefix.group("preposition")
        direct = word is not None and not prefix.group("sender") and not prefix.group("formation")
        return strip_edges(text[prefix.end() :]), cases.get(word.lower()) if direct and word else None
    other = _OTHER_PREPOSITION.match(text)
    if other is not None and other.group(1).lower() in cases:
        return strip_edges(text[other.end() :]), cases[other.group(1).lower()]
    return text, None


def _without_dash_remark(text: str) -> str:
    """The name before a spaced dash when it is a name already («Озёрный район – 2 мероприятия»);
    a kind alone before the dash is followed by its name («городской округ – город Череповец»)."""
    remark = _DASH_REMARK.search(text)
    if remark is None:
        return text
    head = text[: remark.start()]
    kinds = vocabulary().kind_words
    if all(w.lower() in kinds for w in _SPACE.split(head.strip())):
        return text
    return head


def latin_fixed(text: str) -> str:
    """Latin letters that look Cyrillic inside a Cyrillic word («Мoсальск» typed with a Latin o)."""
    return re.sub(r"\b\w*[А-ЯЁа-яё]\w*\b", lambda m: m.group().translate(_LATIN_LOOKALIKES), text)


def capitals_fixed(text: str) -> str:
    return re.sub(r"[А-ЯЁ][А-ЯЁ-]+(?![а-яё])", lambda m: proper_case(m.group()), text)
