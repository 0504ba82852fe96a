"""A delegation's unit as the mediator passes it on: a quote of one complete clause, or a short
report of what the delegation offers, in the unit's own words.

A quote is never cut in the middle of a thought: it is the unit's first sentence, or, when that
is long, its leading clause up to a strong clause boundary (a semicolon, a colon, a dash, or before
"because", "so that", "but" …). A sentence that opens with a subordinate clause ("If …, …") is
quoted whole. A report turns "We propose X" or "We would X" into "[Name] proposes X" or
"[Name] would X", and only when nothing else in the sentence speaks in the first person, so the
words stay the delegation's own and no pronoun is rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summitry.text.sentences import sentences

__all__ = ["QUOTE_WORDS", "Report", "quotable", "report"]

QUOTE_WORDS = 20  # most words quoted in passing: a guess, about one spoken sentence
MIN_CLAUSE = 5  # fewest words a leading clause needs to stand as a thought of its own: a guess

_SUBORDINATE_START = re.compile(
    r"^(?:if|when|whenever|while|although|though|because|since|unless|once|as|after|before|until|where|"
    r"whether|even if|even though|given|without|with|for|by|in|on|to)\b",
    re.IGNORECASE,
)
# where a leading clause may end (a comma is not such a place: see quotable)
_STRONG_BREAK = re.compile(
    r"\s*[;:\u2014\u2013]\s+|\s+-\s+|\s+(?=(?:because|so that|but|whereas|although|though|while|unless|since|"
    r"until|even if|or else|rather than)\b)"
)
_FIRST_PERSON = re.compile(r"\b(?:we|us|our|ours|ourselves|I|me|my|mine)\b", re.IGNORECASE)
_MODALS = ("will", "would", "could", "can", "cannot", "must", "should", "shall", "might", "may")
_OFFER = re.compile(rf"^we\s+(propose|{'|'.join(_MODALS)})\b\s*(?:that\s+)?(.+)$", re.IGNORECASE)


def quotable(text: str) -> str:
    """The words of a unit the mediator may quote: a complete clause, without end punctuation."""
    said = sentences(text)
    sentence = (said[0] if said else text).strip().rstrip(".!?;:,")
    if len(sentence.split()) <= QUOTE_WORDS or _SUBORDINATE_START.match(sentence):
        return sentence
    # Only strong boundaries end a clause: a comma as often sits inside one ("oblige brands to take
    # back, by sea, the waste…"), and a cut there left a fragment in blind reading. A long sentence
    # with no strong boundary is quoted whole.
    heads = [sentence[: m.start()] for m in _STRONG_BREAK.finditer(sentence)]
    fitting = [h for h in heads if MIN_CLAUSE <= len(h.split()) <= QUOTE_WORDS]
    if fitting:
        return fitting[-1].rstrip(",;: ")
    return sentence


@dataclass(frozen=True)
class Report:
    """What a delegation offers, reportable in the third person: 'propose' or a modal, and the rest."""

    verb: str
    rest: str

    def said(self, *, past: bool = False) -> str:
        """'proposes a fund …' (or 'proposed' when ``past``), 'would join a pause …'."""
        if self.verb != "propose":
            return f"{self.verb} {self.rest}"
        return f"{'proposed' if past else 'proposes'} {self.rest}"


def report(text: str) -> Report | None:
    """The unit's offer as a report, or None when its quotable clause is not one ('We propose
    that …', 'We would …') or speaks in the first person again after its opening."""
    clause = quotable(text)
    match = _OFFER.match(clause)
    if match is None or _FIRST_PERSON.search(match.group(2)):
        return None
    verb = match.group(1).lower()
    rest = match.group(2).strip()
    if verb == "propose" and clause.lower().startswith("we propose that"):
        rest = f"that {rest}"
    return Report(verb, rest)
