"""Grammar for the composer: the scenario's phrases made to fit the sentence around them.

Topics, points (``on``), options and other delegations' words come from scenario files written by
hand; the composer places them into short connecting phrases. Lists, number words and ordinals come
from ``inflect`` (the topic mid-sentence is :mod:`summitry.realize.topic`); what stays
here is only where a phrase goes in a sentence: how a person is addressed, how a clause continues
after a colon or a conjunction. Another delegation's point is named by its ``on``, never rewritten
in the third person.
"""

from __future__ import annotations

import re
from collections import Counter

import inflect

from summitry.text.casing import lower_first
from summitry.text.lexicon import is_plural_noun

_ENGINE = inflect.engine()
TITLES = ("Dr.", "Dr", "Professor", "Prof.", "Mr.", "Ms.", "Mrs.", "Ambassador", "Judge", "Minister", "Sir", "Dame")


def address(name: str) -> str:
    """How one person addresses another: 'Professor Amina Diallo' -> 'Professor Diallo'."""
    parts = name.split()
    if len(parts) >= 3 and parts[0] in TITLES:
        return f"{parts[0]} {parts[-1]}"
    return name


def join(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return _ENGINE.join(items, final_sep="") if items else ""


def number_words(n: int) -> str:
    return str(_ENGINE.number_to_words(n))


def ordinal_words(n: int) -> str:
    """1 -> 'first'."""
    return str(_ENGINE.number_to_words(_ENGINE.ordinal(n)))


def continuing(sentence: str, proper: frozenset[str] = frozenset()) -> str:
    """A sentence as it continues after a colon or a conjunction: first letter lowered unless a
    name ('proper': words the scenario capitalises inside its sentences) or 'I' begins it."""
    head = sentence.split()[:2]
    first = head[0].strip("'\"(") if head else ""
    pair = " ".join([first, *head[1:]]).rstrip(",;:.'s")
    if first == "I" or first.startswith("I'") or first.rstrip(",;:'s") in proper or pair in proper:
        return sentence
    return lower_first(sentence)


_INSIDE_CAPITAL = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]+)")
_NAME_PAIR = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]+) ([A-Z][a-z]+)")


def proper_words(corpus: str) -> frozenset[str]:
    """Words a corpus capitalises in the middle of a sentence: the names it uses ('Egypt'), and
    two-word names as pairs ('Lake Victoria'); a capitalised word the corpus also writes in lower
    case on its own is a common word, a name only inside its pair ('The' of 'The Hague' does not
    keep 'The mandate' capitalised)."""
    lowered = set(re.findall(r"\b[a-z][a-z]+\b", corpus))
    single = {w for w in _INSIDE_CAPITAL.findall(corpus) if w.lower() not in lowered}
    return frozenset(single | {" ".join(pair) for pair in _NAME_PAIR.findall(corpus)})


def first_clause(text: str) -> str:
    """The first sentence of a text, cut at a semicolon: the claim before its support."""
    sentence = re.split(r"(?<=[.!?])\s+", text.strip())[0]
    return sentence.split(";")[0].strip().rstrip(".,") + "."


def quoted(text: str) -> str:
    """A phrase quoted inside a turn (single quotes: a turn is itself in double quotes)."""
    return f"'{text.strip().rstrip('.')}'"



DEFINITE = frozenset({"the", "this", "that", "its", "our", "their", "his", "her"})
INDEFINITE = frozenset({"a", "an"})
# After a label used as a whole noun phrase comes punctuation, a conjunction or a verb; a label
# followed by another word is part of a longer phrase ("a hydropower dam") and says nothing of its article.
NOUN_PHRASE_ENDS = (
    r"(?=\s*(?:[.,;:!?)'\"]|$)|\s+(?:and|or|but|is|are|was|were|has|have|had|will|would|should|can|could"
    r"|must|may|might|that|which|because|so|than|if|when|while|as)\b)"
)


def point_phrase(label: str, corpus: str) -> str | None:
    """A point's label (a unit's ``on``) as it reads after "on": with the article the scenario's own
    sentences give it ("on a binding agreement", "on the vaccine reserve"), bare where they use it
    bare or its head noun is plural ("on space traffic", "on anti-satellite tests"); None when the
    scenario never uses a singular label, so that a phrase naming it is left out."""
    label = label.strip()
    if not label:
        return None
    pattern = rf"\b([A-Za-z]+)\s+(?:([A-Za-z]+ly)\s+)?({re.escape(label)}){NOUN_PHRASE_ENDS}"
    found = re.findall(pattern, corpus, flags=re.IGNORECASE)
    before = [w.lower() for w, _, _ in found]
    definite = sum(w in DEFINITE for w in before)
    indefinite = sum(w in INDEFINITE for w in before)
    bare = len(before) - definite - indefinite
    if found:  # the scenario's own casing ('the Authority')
        label = Counter(written for _, _, written in found).most_common(1)[0][0]
    if found and max(definite, indefinite) > bare:
        return f"the {label}" if definite >= indefinite else str(_ENGINE.a(label))
    if bare or is_plural_noun(label.split()[-1]) or label[:1].isupper():
        return label
    return None
