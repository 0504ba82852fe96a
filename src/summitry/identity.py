"""Identity confusion: a delegation speaking as, or for, another.

Shared by the guided realizer (which rejects such candidates) and the analysis (which
counts them in any transcript), so the check that guards generation is the one measured.
Third-person self-reference ("China seeks win-win cooperation") is the seed's own style
and is allowed; claiming another's identity, or talking about oneself as an outsider
("we must work with Israel", said by Israel), is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_CLAIMS = r"(?:I am|I'm|we are|we're|speaking as|speaking for|on behalf of|here in|we in|we of|as the delegation of)"
_OUTSIDER = r"(?:with|to|against|toward|towards|from|about|on|for|trust|than|like|unlike|ask|urge|tell)"


@lru_cache(maxsize=4096)
def _patterns(speaker: str, others: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    found = []
    if others:
        names = "|".join(re.escape(o) for o in sorted(others, key=len, reverse=True))
        found.append(re.compile(rf"\b{_CLAIMS}\s+(?:the\s+)?(?:{names})\b", re.IGNORECASE))
        found.append(re.compile(rf"^\s*\**(?:{names})\**\s*:", re.MULTILINE))
        found.append(re.compile(rf"\bour\s+(?:own\s+)?(?:{names})\b"))
        found.append(re.compile(rf"\b(?i:as|for)\s+(?:the\s+)?(?:{names}),?\s+(?i:we|I|our)\b"))
    me = re.escape(speaker)
    found.append(re.compile(rf"\b(?i:we|I|us)\b[^.!?]{{0,40}}\b{_OUTSIDER}\s+(?:the\s+)?{me}\b"))
    found.append(re.compile(rf"\b{me}\s*,\s*(?:you|your)\b"))
    return tuple(found)


def identity_confusions(text: str, speaker: str, others: Iterable[str]) -> list[str]:
    """The phrases of ``text`` in which ``speaker`` speaks as another or of itself as an outsider."""
    names = tuple(o for o in others if o != speaker and o)
    hits: list[str] = []
    for pattern in _patterns(speaker, names):
        hits.extend(m.group(0).strip() for m in pattern.finditer(text))
    return hits
