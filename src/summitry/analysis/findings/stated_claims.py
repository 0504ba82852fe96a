"""The moderator's statements of common ground: which sentences state one, about whom and what.

A moderator summing up says things like "Iran and Israel found common ground on environmental
monitoring" or "Russia and Ukraine discovered shared interests in international law". Such a
sentence is a *statement*: a pair of known delegations and a topic phrase. A small set of
phrasings is recognised (:data:`PHRASINGS`); a question, a negation, a hedge ("I hope", "if")
or a list of more than two delegations is not a statement. Whether a statement holds is
:mod:`.stated`'s question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from summitry.analysis.primitives.corpus import Corpus
from summitry.text.names import Mention, NameMatcher
from summitry.text.words import is_content, words

__all__ = [
    "MAX_TOPIC_WORDS",
    "PHRASINGS",
    "StatedClaim",
    "Statement",
    "clean_topic",
    "find_stated_claims",
    "moderator_statements",
]

MAX_TOPIC_WORDS = 12  # a longer "topic" is a clause, not a topic (a guess)

_ADVERBS = (
    r"have|has|had|both|also|each|all|clearly|really|actually|genuinely|finally|already|"
    r"surprisingly|unexpectedly|indeed|ultimately|today|now|even"
)
_FILL = rf"(?:(?:{_ADVERBS})\s+){{0,3}}"
_QUALIFIERS = r"(?:(?:some|real|genuine|unexpected|surprising|clear|solid|strong|a|an|the|new|important)\s+)*"
_ON = (
    r"(?:on|in|over|around|about|regarding|concerning|upon|with respect to|when it comes to|"
    r"through|of|from)"
)

PHRASINGS: dict[str, str] = {
    "common ground": rf"{_FILL}(?:found|find|reached|discovered|share|shared|have|identified|established|built)\s+"
    rf"{_QUALIFIERS}(?:common|shared) ground\s+{_ON}",
    "shared interests": rf"{_FILL}(?:discovered|found|identified|share|shared|have|recognized|recognised|see|saw|"
    rf"uncovered)\s+{_QUALIFIERS}(?:shared|common|mutual) interests?\s+{_ON}",
    "mutual benefits": rf"{_FILL}(?:discovered|found|identified|see|saw|recognized|recognised|share|shared)\s+"
    rf"{_QUALIFIERS}(?:mutual|shared|common) benefits?\s+{_ON}",
    "agreement": rf"{_FILL}(?:agreed|agree|converged|converge|came together|come together|"
    rf"(?:found|reached) (?:agreement|consensus)|see eye to eye|saw eye to eye)\s+"
    rf"(?:on|upon|about|over|around|regarding)",
    "both support": rf"{_FILL}both\s+(?:(?:{_ADVERBS})\s+)?(?:support|supported|back|backed|endorse|endorsed|"
    r"favou?r|favou?red|value|valued|want|wanted|welcome|welcomed|champion|championed|see value in|"
    r"saw value in|stand for|stood for)",
}
_AFTER_PAIR = {kind: re.compile(rf"^\s+{body}\s+(?P<topic>.+)$", re.IGNORECASE) for kind, body in PHRASINGS.items()}
_BETWEEN = re.compile(
    r"(?:common ground|shared interests?|mutual benefits?|agreement|consensus|convergence)\s+between\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BETWEEN_TOPIC = re.compile(rf"^\s+{_ON}\s+(?P<topic>.+)$", re.IGNORECASE)
_JOINED = re.compile(r"\s*(?:and|&)\s+(?:the\s+)?", re.IGNORECASE)
_LISTED = re.compile(r"\s*(?:,|,?\s*and|&)\s*(?:the\s+)?", re.IGNORECASE)
_HEDGE = re.compile(
    r"\b(?:if|whether|unless|hope|hoped|hoping|wish|until|perhaps|maybe|suppose|imagine|could|would|"
    r"might|should|cannot|can't|not|never)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not|never|no|neither|nor|failed|fail)\b|n't\b", re.IGNORECASE)
_TOPIC_END = re.compile(
    r"\s*(?:[;:!?(]|\s[-—–]\s|,\s*(?:and|but|while|which|who|where|even|despite|as|because|though|although|"
    r"whereas|yet|so|since)\b|\s(?:while|whereas|although|though|because|despite|even though|even if|but)\b)",
    re.IGNORECASE,
)
_TOPIC_TAIL = re.compile(r"(?:\s+(?:too|as well|today|here|again|together|now))+$|[\s,.]+$", re.IGNORECASE)
_TOPIC_HEAD = re.compile(r"^(?:(?:the|a|an|their|its|some)\s+)+", re.IGNORECASE)
_TRAILING_JOIN = re.compile(r"(?:\s*(?:,|\band\b|\bthe\b))+\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class StatedClaim:
    """Two delegations and the topic a sentence says they found common ground on."""

    pair: tuple[str, str]
    topic: str
    phrasing: str  # a key of PHRASINGS, or "between"


@dataclass(frozen=True)
class Statement:
    """A stated claim with the sentence and turn that state it."""

    claim: StatedClaim
    turn: int
    speaker: str
    quote: str


def find_stated_claims(sentence: str, names: NameMatcher) -> list[StatedClaim]:
    """The claims one sentence states, in order: "A and B <phrasing> <topic>" or "<common
    ground> between A and B on <topic>", over the names the matcher knows. A question, a
    negated or hedged sentence, or a list of three or more names states nothing."""
    if sentence.rstrip("\"'”’ ").endswith("?"):
        return []
    mentions = names.mentions(sentence)
    out: list[StatedClaim] = []
    for k, (first, second) in enumerate(zip(mentions, mentions[1:], strict=False)):
        if first.name == second.name or first.possessive or second.possessive:
            continue
        if not _JOINED.fullmatch(sentence[first.end : second.start]):
            continue
        if _listed(sentence, mentions, k) or _hedged(sentence, mentions, k):
            continue
        found = _after_pair(sentence[second.end :]) or _between(sentence, first, second)
        if found is None:
            continue
        phrasing, raw = found
        topic = clean_topic(raw, names)
        if topic and (first.name, second.name) not in [c.pair for c in out]:
            out.append(StatedClaim((first.name, second.name), topic, phrasing))
    return out


def _listed(sentence: str, mentions: list[Mention], k: int) -> bool:
    """Whether the pair continues a list ("A, B and C"): then it is not a pair."""
    return k > 0 and bool(_LISTED.fullmatch(sentence[mentions[k - 1].end : mentions[k].start]))


def _hedged(sentence: str, mentions: list[Mention], k: int) -> bool:
    """Whether what comes before the pair makes it a wish, a condition or a denial."""
    return bool(_HEDGE.search(sentence[: mentions[k].start]))


def _after_pair(rest: str) -> tuple[str, str] | None:
    for kind, pattern in _AFTER_PAIR.items():
        match = pattern.match(rest)
        if match and not _NEGATION.search(rest[: match.start("topic")]):
            return kind, match.group("topic")
    return None


def _between(sentence: str, first: Mention, second: Mention) -> tuple[str, str] | None:
    before = sentence[: first.start]
    if not _BETWEEN.search(before) or _NEGATION.search(before):
        return None
    match = _BETWEEN_TOPIC.match(sentence[second.end :])
    return ("between", match.group("topic")) if match else None


def clean_topic(raw: str, names: NameMatcher) -> str | None:
    """The topic phrase: up to the end of its clause, before any further delegation named,
    without leading articles and trailing fillers; None when it names nothing."""
    text = raw
    end = _TOPIC_END.search(text)
    if end:
        text = text[: end.start()]
    named = names.mentions(text)
    if named:
        text = _TRAILING_JOIN.sub("", text[: named[0].start])
    text = _TOPIC_TAIL.sub("", text.strip().rstrip("."))
    text = _TOPIC_HEAD.sub("", text).strip(" ,.\"'”’")
    found = words(text)
    if not any(is_content(w) for w in found) or len(found) > MAX_TOPIC_WORDS:
        return None
    return text


def moderator_statements(corpus: Corpus, names: Iterable[str] | None = None) -> list[Statement]:
    """Every claim of common ground the moderator states, sentence by sentence, in order.
    ``names`` are the delegations the statements may name (the corpus's by default)."""
    known = list(dict.fromkeys([*(names or []), *corpus.delegations]))
    matcher = NameMatcher(known)
    out: list[Statement] = []
    for s in corpus.sentences:
        if s.speaker in corpus.moderators and not s.is_quoted:
            out.extend(Statement(c, s.turn, s.speaker, s.text) for c in find_stated_claims(s.text, matcher))
    return out
