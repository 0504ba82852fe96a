"""Labels for findings: the phrase that best names what a pair of quotes has in common.

A common-ground finding is named after its theme, unless the pair's own quotes use a phrase
that is nearly as distinctive of the theme: then the pair's phrase is closer to what they said.
"""

from __future__ import annotations

from summitry.analysis.phrases import candidates
from summitry.analysis.themes import ThemeCluster, ThemeSet

OWN_PHRASE_SHARE = 0.5


def pair_label(themes: ThemeSet, theme: ThemeCluster, quotes: list[str]) -> str:
    """The label of a pair's common ground on a theme, from the quotes that carry it."""
    stats = themes.phrases
    if not stats.count:
        return theme.label
    keys = {key for text in quotes for key, _ in candidates(text) if len(key) > 1}
    scored = sorted(((stats.score(theme.id, k), k) for k in keys), reverse=True)
    label_score = max((stats.score(theme.id, k) for k in stats.count.get(theme.id, {})
                       if stats.form(k) == theme.label), default=0.0)
    if scored and scored[0][0] > 0 and scored[0][0] >= OWN_PHRASE_SHARE * label_score:
        return stats.form(scored[0][1])
    return theme.label
