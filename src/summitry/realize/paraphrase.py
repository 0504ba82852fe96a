"""Rewording one sentence of a composed turn with a small language model.

The local model is given what it does well: saying one sentence of the scenario's material again
in other words, after a few examples (``data/paraphrase.yaml``). The composer writes the turn; one
sentence that the scenario wrote is offered for rewording; a rewording that passes the fidelity
checks (:mod:`summitry.realize.fidelity`) takes that sentence's place, and the turn's spans say
which words the model wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field

from summitry.realize.grammar import continuing
from summitry.text.casing import end_sentence
from summitry.text.sentences import sentences
from summitry.text.words import words

MIN_WORDS, MAX_WORDS = 8, 28  # sentences worth rewording: long enough to say something, short enough for 40 tokens


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sentence: str
    reworded: str


class ParaphraseDocument(BaseModel):
    """The instruction and the worked examples the model continues."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    instruction: str
    examples: list[Example] = Field(min_length=1)

    def prompt(self, sentence: str) -> str:
        shots = "".join(f"Sentence: {e.sentence}\nReworded: {e.reworded}\n\n" for e in self.examples)
        return f"{self.instruction}\n\n{shots}Sentence: {sentence}\nReworded:"


@lru_cache(maxsize=1)
def paraphrase_document() -> ParaphraseDocument:
    text = resources.files("summitry.realize").joinpath("data", "paraphrase.yaml").read_text(encoding="utf-8")
    return ParaphraseDocument.model_validate(yaml.safe_load(text))


@dataclass(frozen=True)
class Target:
    """A sentence of a turn's spans that the model may reword, and where it sits."""

    span: int
    start: int
    sentence: str


def find_target(spans: tuple[tuple[str, str], ...]) -> Target | None:
    """The first sentence the scenario wrote, of a length worth rewording, that is not a question."""
    for index, (text, source) in enumerate(spans):
        if source != "scenario":
            continue
        for sentence in sentences(text):
            if MIN_WORDS <= len(words(sentence)) <= MAX_WORDS and not sentence.endswith("?"):
                return Target(index, text.index(sentence), sentence)
    return None


def fitted(candidate: str, original: str, proper: frozenset[str]) -> str:
    """A model's rewording shaped like the sentence it replaces: one line, the same kind of first
    letter (a sentence that runs on after a colon starts in lower case), a full stop at the end."""
    text = " ".join(candidate.split("\n")[0].split()).strip(' "')
    if not text:
        return ""
    text = end_sentence(text)
    return continuing(text, proper) if original[:1].islower() else text[:1].upper() + text[1:]


def spliced(spans: tuple[tuple[str, str], ...], target: Target, reworded: str) -> tuple[tuple[str, str], ...]:
    """The spans with the target sentence replaced by the model's words."""
    text, source = spans[target.span]
    before, after = text[: target.start], text[target.start + len(target.sentence) :]
    pieces = [(before, source), (reworded, "model"), (after, source)]
    return (*spans[: target.span], *[p for p in pieces if p[0]], *spans[target.span + 1 :])
