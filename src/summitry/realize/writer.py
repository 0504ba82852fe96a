"""A writer that fills templates without ever repeating a sentence of the session.

The composer asks it for "one of these, filled in like so"; it tries the variants in a
seeded order and returns the first whose sentences have not been said yet, remembering
them so later turns cannot say them again.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from summitry.realize.grammar import continuing
from summitry.text.casing import tidy, upper_first
from summitry.text.sentences import normalize_sentence, sentence_keys, sentences
from summitry.turns import Turn


class Writer:
    """Fills templates for one turn, avoiding every sentence already said in the session."""

    def __init__(self, turns: Iterable[Turn], rng: random.Random, proper: frozenset[str] = frozenset()) -> None:
        self.rng = rng
        self.proper = proper  # words that keep their capital inside a sentence (names)
        self.said: set[str] = set()
        self.history: list[str] = []
        self._said_text: str | None = None
        self._history_text: str | None = None
        for turn in turns:
            self.remember(turn.text)
        self.spoken = len(self.history)  # turns of the session before this one
        self.parts: list[str] = []
        self.sources: list[str] = []

    def remember(self, text: str) -> None:
        self.history.append(text)
        self._history_text = None
        self._said_text = None
        self.said |= sentence_keys(text)

    @property
    def said_text(self) -> str:
        if self._said_text is None:
            self._said_text = " | ".join(sorted(self.said))
        return self._said_text

    def is_new(self, text: str) -> bool:
        """New if no sentence was said before, and no long sentence appears inside an earlier one."""
        for sentence in sentences(text):
            key = normalize_sentence(sentence)
            if key in self.said or (key.count(" ") >= MIN_PHRASE_WORDS and key in self.said_text):
                return False
        return True

    def uses(self, template: str) -> int:
        """How often the session has already used this template, whatever filled it."""
        anchor = _anchor(template)
        if not anchor:
            return 0
        if self._history_text is None:
            self._history_text = "\n".join(self.history)
        return self._history_text.count(anchor)

    def follows(self, templates: Sequence[str]) -> bool:
        """Whether the turn before this one opened with one of these templates, whatever filled it."""
        if not self.spoken:
            return False
        opening = next(iter(sentences(self.history[self.spoken - 1])), "")[:OPENING_CHARS]
        return any(anchor in opening for anchor in map(_anchor, templates) if anchor)

    def choose(self, templates: Sequence[str], **values: str) -> str | None:
        """The least used template, ties in seeded order, that fills to something not said before."""
        order = list(templates)
        self.rng.shuffle(order)
        order.sort(key=self.uses)
        for template in order:
            text = fill(template, **values)
            if text and self.is_new(text):
                return text
        return None

    def add(self, text: str | None, source: str = "template") -> bool:
        """Append a piece to the turn if it is new; report whether it was added. A piece after one
        that does not end a sentence runs on into it, so its first letter is lowered unless it is a name."""
        if text and self.parts and not self.parts[-1].rstrip().endswith((".", "!", "?")):
            text = continuing(text.strip(), self.proper)
        else:
            text = tidy(text) if text else text
        if not text or not self.is_new(text):
            return False
        self.parts.append(text)
        self.sources.append(source)
        self.remember(text)
        return True

    def add_choice(self, templates: Sequence[str], **values: str) -> bool:
        return self.add(self.choose(templates, **values))

    def text(self) -> str:
        return "".join(text for text, _ in self.spans())

    def spans(self) -> list[tuple[str, str]]:
        """The turn as (text, source) pieces that join to exactly its text: a piece carries the
        space before it; pieces from the same source next to each other are merged."""
        spans: list[tuple[str, str]] = []
        for part, source in zip(self.parts, self.sources, strict=True):
            part = part.strip()
            if not part:
                continue
            piece = f" {part}" if spans else part
            if spans and spans[-1][1] == source:
                spans[-1] = (spans[-1][0] + piece, source)
            else:
                spans.append((piece, source))
        return spans


MIN_PHRASE_WORDS = 4
OPENING_CHARS = 120  # how far into a turn's first sentence its opening phrase may end (a named point is long)


@lru_cache(maxsize=1024)
def _anchor(template: str) -> str:
    """The template's longest fixed stretch of text: where it appears, the template was used."""
    literal = max(re.split(r"\{[A-Za-z0-9_]+\}", template), key=len).strip()
    return literal if len(literal) >= 10 else ""


_VOCATIVE = re.compile(r"(^|[.!?]\s+)\{([A-Z]\w*)\},")


def fill(template: str, **values: str) -> str:
    """Format a template; a capitalised placeholder ({Concept}) gets a capitalised value. One that
    opens a sentence and is followed by a comma is someone addressed, named without an article
    ("United States, would you start?", not "The United States, …")."""
    capitalised = {k[:1].upper() + k[1:]: upper_first(v) for k, v in values.items()}
    vocative = {f"{k}_addressed": upper_first(re.sub(r"^the\s+", "", v, flags=re.IGNORECASE))
                for k, v in capitalised.items()}
    template = _VOCATIVE.sub(lambda m: f"{m.group(1)}{{{m.group(2)}_addressed}},", template)
    try:
        return template.format(**values, **capitalised, **vocative)
    except (KeyError, IndexError):
        return ""
