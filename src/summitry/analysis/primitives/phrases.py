"""Readable labels: candidate noun phrases of a text and the most distinctive of a group.

A candidate is a run of two or three adjacent content words ("environmental monitoring",
"confidence-building measures"), or a single content word as a last resort. Phrases are keyed
by their stems, so plural and singular forms count together, and shown in their most common
surface form. A group's label is the phrase that many of its speakers use and other groups
rarely do (a class-based tf-idf).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from summitry.text.stems import stem
from summitry.text.words import is_content

# a one-word phrase scores about half a longer one, so labels prefer "error correction" to "error"
# (a guess, not measured)
LENGTH_BONUS = {1: 0.55, 2: 1.0, 3: 1.0}

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]+")


def candidates(text: str, exclude: set[str] | None = None) -> list[tuple[tuple[str, ...], str]]:
    """(stem key, surface form) of each 1-, 2- and 3-word content run in a text."""
    exclude = exclude or set()
    runs: list[list[str]] = [[]]
    for raw in _TOKEN.findall(text):
        word = raw.lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        word = word.strip("'-")
        if word and word[0].isalpha() and is_content(word) and word not in exclude:
            runs[-1].append(word)
        else:
            runs.append([])
        if word.endswith("'s") or raw.endswith(("'s", "’s")):
            runs.append([])
    out: list[tuple[tuple[str, ...], str]] = []
    for run in runs:
        for size in (1, 2, 3):
            for start in range(len(run) - size + 1):
                gram = run[start : start + size]
                out.append((tuple(stem(w) for w in gram), " ".join(gram)))
    return out


@dataclass
class PhraseStats:
    """Counts of each phrase per group: occurrences, distinct speakers, surface forms."""

    count: dict[int, Counter[tuple[str, ...]]] = field(default_factory=dict)
    speakers: dict[int, dict[tuple[str, ...], set[str]]] = field(default_factory=dict)
    surface: dict[tuple[str, ...], Counter[str]] = field(default_factory=dict)
    topic: set[str] = field(default_factory=set)  # stems too common to name anything

    def add(self, group: int, speaker: str, text: str, exclude: set[str]) -> None:
        self.add_phrases(group, speaker, candidates(text, exclude))

    def add_phrases(
        self, group: int, speaker: str, found: list[tuple[tuple[str, ...], str]]
    ) -> None:
        for key, form in found:
            self.count.setdefault(group, Counter())[key] += 1
            self.speakers.setdefault(group, {}).setdefault(key, set()).add(speaker)
            self.surface.setdefault(key, Counter())[form] += 1

    def groups_with(self, key: tuple[str, ...]) -> int:
        return sum(1 for c in self.count.values() if key in c)

    def form(self, key: tuple[str, ...]) -> str:
        return self.surface[key].most_common(1)[0][0]

    def score(self, group: int, key: tuple[str, ...]) -> float:
        """Distinctiveness of a phrase for a group: (uses + speakers) x inverse group frequency."""
        uses = self.count.get(group, Counter()).get(key, 0)
        if not uses:
            return 0.0
        speakers = len(self.speakers[group][key])
        idf = math.log(1.0 + len(self.count) / self.groups_with(key))
        length_bonus = LENGTH_BONUS[len(key)]
        return (math.log1p(uses) + speakers) * idf * length_bonus

    def top(
        self, group: int, n: int = 5, within: Iterable[tuple[str, ...]] | None = None
    ) -> list[str]:
        """The group's n most distinctive phrases, no phrase repeating another's words."""
        keys = list(within) if within is not None else list(self.count.get(group, {}))
        ranked = sorted(keys, key=lambda k: (-round(self.score(group, k), 9), -len(k), k))
        chosen: list[tuple[str, ...]] = []
        for key in ranked:
            if self.score(group, key) <= 0:
                break
            if any(
                part in self.topic or any(p in self.topic for p in part.split("-")) for part in key
            ):
                continue
            if any(set(key) & set(c) for c in chosen):
                continue
            chosen.append(key)
            if len(chosen) == n:
                break
        return [self.form(k) for k in chosen]


def phrase_stats(groups: Sequence[tuple[int, str, str]], exclude: set[str]) -> PhraseStats:
    """Phrase counts over (group, speaker, text) triples."""
    stats = PhraseStats()
    for group, speaker, text in groups:
        stats.add(group, speaker, text, exclude)
    return stats

