"""Checks a generated turn must pass, and the score that ranks the candidates that pass.

A candidate must: stay in its speaker's identity, name whom the plan addresses, repeat no
sentence and echo no phrase already said in the session, be no near-duplicate of an
earlier turn, and stay within length. Passing candidates are ranked by how well they
cover the plan's talking point and how much they sound like their own delegation rather
than another (embedding similarity).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from summitry.embed import Embedder
from summitry.identity import identity_confusions
from summitry.measures.echoes import echoed_phrase
from summitry.measures.near_duplicates import is_semantic_duplicate, nearest_earlier
from summitry.plan import Move, TurnPlan
from summitry.scenario.model import Scenario
from summitry.text.sentences import normalize_sentence, sentences
from summitry.text.words import tokens, words
from summitry.turns import Turn

MIN_WORDS = 10
MAX_WORDS = 110
MIN_COVERAGE = 0.15

_MARKUP = re.compile(r"\*\*|\[[^\]]*\]|#+ |</?[A-Za-z][^>]*>|&[a-z]+;|(?:^|\s)\d+[.)]\s|https?://")
MIN_OWN_WORDS = 8  # the model must add at least this much to the opening words it was given


@dataclass(frozen=True)
class Verdict:
    """Whether a candidate passed, why not, and how good it is."""

    text: str
    problems: tuple[str, ...]
    score: float = 0.0
    details: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def clean_candidate(raw: str, lead: str) -> str:
    """The lead plus the generated words, cut at the turn's closing quote and at the last full sentence."""
    body = raw.split('"')[0].split("\n\n")[0].split("\n**")[0]
    text = f"{lead} {body}".strip() if lead else body.strip()
    text = " ".join(text.split())
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s|$)", text)]
    if ends:
        text = text[: ends[-1]]
    return text


class TurnChecker:
    """Judges candidates against the session so far, with an embedder for meaning."""

    def __init__(self, scenario: Scenario, embedder: Embedder) -> None:
        self.scenario = scenario
        self.embedder = embedder
        self.names = [d.name for d in scenario.delegations]
        self._personas = self._persona_vectors()
        self._vocabulary = {w.lower() for w in tokens(scenario.model_dump_json())}

    def _persona_vectors(self) -> dict[str, np.ndarray]:
        texts = {
            d.name: " ".join([d.summary, *(u.text for u in d.material())]) for d in self.scenario.delegations
        }
        matrix = self.embedder.embed(list(texts.values()))
        return dict(zip(texts, matrix, strict=True))

    def judge(self, text: str, lead: str, plan: TurnPlan, turns: tuple[Turn, ...]) -> Verdict:
        problems = self._surface_problems(text, lead, plan, turns)
        if problems:
            return Verdict(text, tuple(problems))
        return self._meaning(text, plan, turns)

    def _surface_problems(self, text: str, lead: str, plan: TurnPlan, turns: tuple[Turn, ...]) -> list[str]:
        problems: list[str] = []
        count, own = len(words(text)), len(words(text[len(lead) :]))
        if count < MIN_WORDS or count > MAX_WORDS or own < MIN_OWN_WORDS:
            problems.append(f"length {count} words ({own} generated)")
        if plan.move in (Move.NAIVE_QUESTION, Move.SMART_QUESTION) and "?" not in text:
            problems.append("asks no question")
        if _MARKUP.search(text):
            problems.append("markup")
        invented = self._invented(text[len(lead) :], turns)
        if invented:
            problems.append(f"invents '{invented}'")
        confusions = identity_confusions(text, plan.speaker, self.names)
        if confusions:
            problems.append(f"identity: {confusions[0]}")
        if len(plan.addressees) == 1 and plan.addressees[0] in self.names and plan.addressees[0] not in text:
            problems.append(f"does not name {plan.addressees[0]}")
        said = {normalize_sentence(s) for t in turns for s in sentences(t.text)}
        if any(normalize_sentence(s) in said for s in sentences(text)):
            problems.append("repeats a sentence")
        echo = echoed_phrase(text[len(lead) :], (t.text for t in turns))
        if echo:
            problems.append(f"echoes '{echo}'")
        return problems

    def _invented(self, text: str, turns: tuple[Turn, ...]) -> str | None:
        """A figure or a proper name that neither the scenario nor the session ever mentioned."""
        known = self._vocabulary | {w.lower() for t in turns for w in tokens(t.text)}
        for sentence in sentences(text):
            for position, token in enumerate(tokens(sentence)):
                novel = token.lower() not in known and not _demonym_of_known(token, known)
                if novel and (token[0].isdigit() or (position > 0 and token[0].isupper() and token != "I")):
                    return str(token)
        return None

    def _meaning(self, text: str, plan: TurnPlan, turns: tuple[Turn, ...]) -> Verdict:
        vector = self.embedder.embed([text])[0]
        earlier = [t.text for t in turns]
        nearest = nearest_earlier(vector, self.embedder.embed(earlier)) if earlier else 0.0
        point = self.embedder.embed([plan.talking_point.text])[0] @ vector if plan.talking_point else 0.3
        margin = self._persona_margin(plan.speaker, vector)
        details = {"nearest": nearest, "coverage": float(point), "persona_margin": margin}
        problems = []
        if is_semantic_duplicate(nearest):
            problems.append(f"near-duplicate ({nearest:.2f})")
        if plan.talking_point and point < MIN_COVERAGE:
            problems.append(f"misses the point ({point:.2f})")
        score = float(point) + margin - 0.5 * nearest
        return Verdict(text, tuple(problems), score, details)

    def _persona_margin(self, speaker: str, vector: np.ndarray) -> float:
        if speaker not in self._personas:
            return 0.0
        own = float(self._personas[speaker] @ vector)
        others = [float(v @ vector) for name, v in self._personas.items() if name != speaker]
        return own - max(others, default=0.0)


_DEMONYM = re.compile(r"^([A-Za-z]{4,}?)(?:ese|ian|ean|an|i|ish|ic)$")


def _demonym_of_known(token: str, known: set[str]) -> bool:
    """'Chinese', 'Iranian', 'Israeli': adjectives of names the session already knows."""
    found = _DEMONYM.match(token.lower())
    return found is not None and any(word.startswith(found.group(1)[:4]) for word in known if len(word) >= 4)

