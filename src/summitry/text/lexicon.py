"""The English lexicon: which words are verbs or plural nouns, and the forms a verb takes.

Read from ``lemminflect``'s inflection table only (lemma -> part of speech -> forms), loaded once
on first use: its lemma table would double the cost of a composer session's first turn. A form is
traced back to its lemma by taking a regular ending off ('shared' -> 'share', 'planned' -> 'plan',
'fisheries' -> 'fishery'), so an irregular participle ('made', 'kept') is not recognised: a
question built on one has no derived subject, and lint asks for an ``about``.
"""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllInflections, getInflection

__all__ = ["inflected", "is_plural_noun", "is_verb", "lemma_candidates"]

ENDINGS = (
    ("ies", "y"), ("ied", "y"), ("es", ""), ("ed", ""), ("ed", "e"), ("s", ""), ("ing", ""), ("ing", "e"),
    ("en", ""), ("en", "e"), ("n", ""),
)


def lemma_candidates(word: str) -> list[str]:
    """The word itself and what it may be an inflected form of, by a regular ending."""
    out = [word]
    for ending, back in ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            out.append(word[: -len(ending)] + back)
    for ending in ("ed", "ing"):  # a doubled consonant: 'planned' -> 'plan'
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    return out


@lru_cache(maxsize=4096)
def _forms(lemma: str, upos: str) -> dict[str, tuple[str, ...]]:
    return dict(getAllInflections(lemma, upos))


def is_verb(word: str, tags: tuple[str, ...] = ("VB",)) -> bool:
    """Whether the word is a verb in one of these forms (Penn tags: VB the base form, VBN the
    past participle, VBG the gerund)."""
    w = word.lower().strip(",;:")
    if tags == ("VB",):
        return bool(_forms(w, "VERB") or _forms(w, "AUX"))
    return any(w in _forms(lemma, upos).get(tag, ()) for lemma in lemma_candidates(w)
               for upos in ("VERB", "AUX") for tag in tags)


def is_plural_noun(word: str) -> bool:
    """Whether the word is the plural of a noun the lexicon knows ('tests', 'data', 'fisheries')."""
    w = word.lower()
    for lemma in lemma_candidates(w):
        forms = _forms(lemma, "NOUN")
        if w in forms.get("NNS", ()) and w not in forms.get("NN", ()):  # the table lists 'test' as NNS too
            return True
    return False


def inflected(verb: str, tag: str) -> str:
    """A verb in another form: ('need', 'VBZ') -> 'needs'; the verb itself when the lexicon has no such form."""
    forms = getInflection(verb.lower(), tag)
    return forms[0] if forms else verb
