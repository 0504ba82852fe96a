"""Names in text: finding delegations named (full names, initials, possessives, vocatives), and
writing names as they read in a sentence (lists, articles).

"Mexico's concerns are valid" names Mexico; "United States, would you start?" addresses the
United States by vocative; "the US" is matched through the initials of a multi-word name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["ADDRESS_WINDOW_WORDS", "Mention", "NameMatcher", "join_names", "name_words", "refer"]

ADDRESS_WINDOW_WORDS = 6  # a name within this many words of the start is the subject (a guess)


def _aliases(name: str) -> list[str]:
    forms = [name]
    parts = [p for p in re.split(r"[\s-]+", name) if p]
    if len(parts) > 1:
        initials = "".join(p[0] for p in parts if p[0].isupper())
        if len(initials) > 1:
            forms += [initials, ".".join(initials) + "."]
    return forms


@dataclass(frozen=True)
class Mention:
    name: str
    start: int
    end: int
    possessive: bool
    vocative: bool


class NameMatcher:
    """Finds which of a fixed set of names a text mentions, and how."""

    def __init__(self, names: list[str], aliases: Mapping[str, Sequence[str]] | None = None) -> None:
        """``aliases`` gives other forms of some names ("Russian Federation": ["Russia", "Moscow"])."""
        self.names = list(dict.fromkeys(n for n in names if n.strip()))
        self._alias: dict[str, str] = {}
        for name in self.names:
            for alias in _aliases(name):
                self._alias.setdefault(alias, name)
        for name, forms in (aliases or {}).items():
            for alias in forms:
                if name in self.names:
                    self._alias.setdefault(alias, name)
        ordered = sorted(self._alias, key=len, reverse=True)  # longer names win overlaps
        self._pattern = (
            re.compile(
                r"(?<![\w.])(?P<alias>" + "|".join(re.escape(a) for a in ordered) + r")(?![\w])"
                r"(?P<poss>['’]s)?"
            )
            if ordered
            else None
        )

    def mentions(self, text: str) -> list[Mention]:
        """Every mention of a known name, in order of position."""
        if self._pattern is None:
            return []
        found: list[Mention] = []
        for m in self._pattern.finditer(text):
            before = text[: m.start()].rstrip()
            vocative = (not before or before[-1] in '.!?:"“') and text[m.end() :].startswith(",")
            found.append(
                Mention(
                    self._alias[m.group("alias")],
                    m.start(),
                    m.end(),
                    bool(m.group("poss")),
                    vocative,
                )
            )
        return found

    def addressed(self, sentence: str, exclude: set[str] | None = None) -> list[str]:
        """Names a sentence answers: its subject near the start (with names joined to it by
        "and"), a possessive, or a vocative; a name further on is only talked about."""
        exclude = exclude or set()
        out: list[str] = []
        previous_end: int | None = None
        for mention in self.mentions(sentence):
            if mention.name in exclude:
                continue
            joined = previous_end is not None and re.fullmatch(
                r"\s*(?:and|,|, and)\s*", sentence[previous_end : mention.start]
            )
            words_before = len(sentence[: mention.start].split())
            subject = not out and words_before < ADDRESS_WINDOW_WORDS
            if (
                mention.possessive or mention.vocative or subject or joined
            ) and mention.name not in out:
                out.append(mention.name)
            previous_end = mention.end if mention.name in out else None
        return out

    def vocatives(self, text: str) -> list[str]:
        """Names spoken to directly ("China, when you mention …"): who is being invited."""
        return list(dict.fromkeys(m.name for m in self.mentions(text) if m.vocative))

    def credited(self, text: str) -> list[str]:
        """Names mentioned but not invited ("Mexico raises an excellent point")."""
        invited = set(self.vocatives(text))
        return list(dict.fromkeys(m.name for m in self.mentions(text) if m.name not in invited))

    def mask(self, text: str) -> str:
        """The text with every known name replaced by a pronoun, so that vectors follow what
        is said rather than who is named."""
        out, last = [], 0
        for mention in self.mentions(text):
            out.append(text[last : mention.start])
            out.append("their" if mention.possessive else "they")
            last = mention.end
        out.append(text[last:])
        return "".join(out)


def name_words(names: Iterable[str]) -> set[str]:
    """Lower-cased words of speaker names."""
    out: set[str] = set()
    for name in names:
        out.update(w.lower() for w in re.findall(r"[A-Za-z]+", name))
    return out


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


_ARTICLE_FIRST = ("United ", "Republic ", "Kingdom ", "Federation ", "European ", "Holy ")
_ARTICLE_LAST = (
    " States",
    " Kingdom",
    " Republic",
    " Islands",
    " Emirates",
    " Federation",
    " Union",
    "Netherlands",
    "Philippines",
    "Bahamas",
    "Gambia",
    "Maldives",
    " Coast",
    " Council",
)


def refer(name: str) -> str:
    """A name as it reads mid-sentence: 'the United States', 'the Netherlands', 'China'."""
    if name.startswith(_ARTICLE_FIRST) or name.endswith(_ARTICLE_LAST):
        return f"the {name}"
    return name
