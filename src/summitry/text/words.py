"""Words: the one tokenizer, the stopword list, content words and n-grams.

Plain English only, nothing about any topic or cast: the stopword list holds function words,
and :data:`GENERIC_WORDS` the verbs and fillers of spoken argument that never name a topic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["GENERIC_WORDS", "STOPWORDS", "is_content", "ngrams", "tokens", "word_count", "words"]

STOPWORDS: frozenset[str] = frozenset(
    """
    a about above after again against all almost also although always am among an and another any
    anyone anything are aren't around as at back be became because become becomes been before being
    below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
    done down during each either else enough even ever every everyone everything few for from
    further get gets getting give given go goes going gone got had hadn't has hasn't have haven't
    having he her here hers herself him himself his how however i i'm if in indeed instead into is
    isn't it it's its itself just know let let's like likely made make makes making many may maybe
    me might mine more most much must my myself need needs neither never no nor not nothing now of
    off often on once one only onto or other others otherwise our ours ourselves out over own per
    perhaps please quite rather really same say says see seem seems shall she should shouldn't since
    so some something still such than that that's the their theirs them themselves then there
    there's these they they're thing things this those though through thus to today too toward
    towards under unless until up upon us very via was wasn't we we're we've well were weren't what
    what's when where whether which while who whom whose why will with within without won't would
    wouldn't yes yet you you're your yours yourself yourselves
    """.split()
)

# Verbs and fillers of argument that carry no topic: never part of a theme label.
GENERIC_WORDS: frozenset[str] = frozenset(
    """
    able actually agree allow argue argues ask asked asking becomes believe bring call calls come
    comes concern concerns create creates current consider different does enable enables entire
    exactly find found great help helps hope important including interesting issue issues keep
    lead leads look mean means mention mentions new notice offer offers order part point points
    possible previous problem provide provides question questions raise raises real remain remains
    require requires reveal reveals right say seek seeks serve serves show shows speak speaks
    suggest suggests sure take takes talk tell true truly try understand use used uses using view
    want wants way ways whole work works yes
    """.split()
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*")


def words(text: str) -> list[str]:
    """Lower-cased words of a text, possessive endings and edge punctuation removed."""
    out = []
    for raw in _WORD.findall(text):
        w = raw.lower().strip("'-")
        if w.endswith("'s"):
            w = w[:-2]
        if w:
            out.append(w)
    return out


def tokens(text: str) -> list[str]:
    """Words and figures as written (case kept, digits included): what a text names or counts."""
    return _TOKEN.findall(text)


@lru_cache(maxsize=131072)
def is_content(word: str) -> bool:
    """Whether a word can carry a topic (not a function word, not a generic verb, not short)."""
    return (
        len(word) > 2
        and word not in STOPWORDS
        and word not in GENERIC_WORDS
        and word.replace("-", "").isalpha()
    )


def word_count(text: str) -> int:
    """How many words a text has."""
    return len(_WORD.findall(text))


def ngrams(items: Sequence[str], n: int) -> list[tuple[str, ...]]:
    """Every run of ``n`` consecutive items, in order (empty when there are fewer)."""
    return [tuple(items[i : i + n]) for i in range(len(items) - n + 1)]
