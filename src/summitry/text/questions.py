"""A lesson question named by its subject: the question turned into a clause that follows "on".

A turn that takes up a lesson question names it by what it asks, not by its place in the lesson
("on who should coordinate traffic in orbit", never "on the first question"). A scenario may give
the subject itself (a lesson question's ``about``); otherwise :func:`question_subject` derives it
from the question's text, as English reports a question inside a sentence:

- a wh-question whose wh-word is its subject keeps its order: "Who should pay?" → "who should pay";
- one that inverts its subject and auxiliary is put back in order: "How should the benefits be
  shared?" → "how the benefits should be shared"; "What does the basin need?" → "what the basin
  needs" (the verb takes the tense that "does" or "did" carried);
- a wh-phrase after a preposition becomes a noun phrase: "On what terms should countries share
  data?" → "the terms on which countries should share data";
- a yes/no question becomes a "whether" clause: "Should mining begin?" → "whether mining should begin".

Which word is a verb is looked up in the English lexicon (:mod:`summitry.text.lexicon`); a question
whose verb cannot be found, or a text that is no question at all, has no derived subject (``None``), and
``summitry scenarios lint`` asks for an ``about``.
"""

from __future__ import annotations

from summitry.text.casing import lower_first
from summitry.text.lexicon import inflected, is_verb

__all__ = ["question_subject"]

WH_WORDS = frozenset({"who", "whom", "whose", "what", "which", "how", "when", "where", "why"})
SUBJECT_WH = frozenset({"who", "what", "which"})  # the wh-words that can be a question's subject
MODALS = frozenset({"should", "would", "could", "can", "will", "must", "may", "might", "shall"})
DO_TENSES = {"do": "VB", "does": "VBZ", "did": "VBD"}
BE_FORMS = frozenset({"is", "are", "was", "were"})
HAVE_FORMS = frozenset({"has", "have", "had"})
AUXILIARIES = MODALS | DO_TENSES.keys() | BE_FORMS | HAVE_FORMS
# Words after which a verb-looking word is part of a noun phrase ("the clean energy", "to share").
NOT_BEFORE_VERB = frozenset({
    "the", "a", "an", "each", "every", "its", "their", "our", "his", "her", "this", "that", "these",
    "those", "any", "all", "some", "no", "to", "of", "on", "in", "for", "by", "with", "from", "at",
    "under", "into", "and", "or",
})
PREPOSITIONS = frozenset({
    "on", "in", "to", "for", "by", "under", "from", "with", "at", "of", "about", "into", "through",
    "over", "between", "among", "against",
})
# Words that open a trailing clause of time or condition, left out of a question's name once it has
# MIN_SUBJECT_WORDS words ("… as the ice retreats", "… when a pandemic begins").
TRAILING_CLAUSES = frozenset({"as", "when", "while", "if", "once", "because", "since", "until", "unless", "after",
                              "before"})
MIN_SUBJECT_WORDS = 5
WH_PHRASE_WORDS = 3  # "what institution", "how much money": words a wh-phrase may take before its auxiliary


def question_subject(text: str) -> str | None:
    """The question as a clause or noun phrase that reads after "on", or None when it cannot be derived.
    A trailing clause of time or condition is left out: "what cooperation should put first as the
    ice retreats" is named "what cooperation should put first"."""
    subject = _subject(text)
    if subject is None:
        return None
    kept = subject.split()
    cut = next((i for i, w in enumerate(kept) if i >= MIN_SUBJECT_WORDS and w.lower() in TRAILING_CLAUSES), None)
    return " ".join(kept[:cut]).rstrip(",")


def _subject(text: str) -> str | None:
    tokens = text.strip().rstrip("?.!").split()
    if len(tokens) < 2:
        return None
    first = tokens[0].lower()
    if first in AUXILIARIES:
        clause = _uninverted(first, tokens[1:], subject_first=False)
        return f"whether {' '.join(clause)}" if clause else None
    if first in PREPOSITIONS and tokens[1].lower() in ("what", "which") and len(tokens) > 3:
        return _preposed(first, tokens[2:])
    if first in WH_WORDS:
        return _wh_clause(tokens)
    return None


def _wh_clause(tokens: list[str]) -> str | None:
    """'How should X be done' -> 'how X should be done'; 'Who should pay' stays."""
    aux_at = next((i for i, t in enumerate(tokens[1 : 1 + WH_PHRASE_WORDS + 1], start=1)
                   if t.lower() in AUXILIARIES), None)
    if aux_at is None or aux_at == len(tokens) - 1:
        return None
    wh, aux, rest = [lower_first(tokens[0]), *tokens[1:aux_at]], tokens[aux_at].lower(), tokens[aux_at + 1 :]
    if aux_at == 1 and wh[0] in SUBJECT_WH and _opens_verb_phrase(aux, rest[0]):
        return " ".join([*wh, aux, *rest])  # the wh-word is the subject: no inversion to undo
    clause = _uninverted(aux, rest, subject_first=True)
    return " ".join([*wh, *clause]) if clause else None


def _preposed(preposition: str, tokens: list[str]) -> str | None:
    """'on what terms should countries share data' -> 'the terms on which countries should share data'."""
    aux_at = next((i for i, t in enumerate(tokens[:WH_PHRASE_WORDS + 1]) if t.lower() in AUXILIARIES), None)
    if not aux_at:
        return None
    clause = _uninverted(tokens[aux_at].lower(), tokens[aux_at + 1 :], subject_first=True)
    if not clause:
        return None
    return " ".join(["the", *tokens[:aux_at], preposition, "which", *clause])


def _opens_verb_phrase(aux: str, word: str) -> bool:
    """Whether the word right after the auxiliary begins its verb phrase ('should pay', 'is responsible')."""
    if aux in BE_FORMS:
        return word.lower() not in NOT_BEFORE_VERB and not word[:1].isupper()
    return _is_verb(word, "base")


def _uninverted(aux: str, rest: list[str], subject_first: bool) -> list[str] | None:
    """The words after an inverted auxiliary, with the auxiliary put back after the subject."""
    verb_at = next((i for i in range(1, len(rest)) if _verb_here(rest, i, _form(aux))), None)
    if verb_at is None:
        if aux in BE_FORMS and subject_first:  # 'what is the role of X' -> 'what the role of X is'
            return [*rest, aux]
        return None
    subject, verb, tail = rest[:verb_at], rest[verb_at], rest[verb_at + 1 :]
    if aux in DO_TENSES:
        return [*subject, inflected(verb, DO_TENSES[aux]), *tail]
    return [*subject, aux, verb, *tail]


def _verb_here(words: list[str], i: int, form: str) -> bool:
    """Whether the subject ends before word ``i``, the verb: a verb-looking word after an article or a
    preposition is part of a noun phrase, and so is one followed by another verb ('a small state protect')."""
    if words[i - 1].lower() in NOT_BEFORE_VERB or not _is_verb(words[i], form):
        return False
    auxiliary = words[i].lower() in AUXILIARIES or words[i].lower() == "be"
    return auxiliary or i + 1 >= len(words) or not _is_verb(words[i + 1], form)


def _form(aux: str) -> str:
    """The form of the verb an auxiliary takes: 'should pay', 'has paid', 'is paid' / 'is paying'."""
    if aux in HAVE_FORMS:
        return "participle"
    if aux in BE_FORMS:
        return "participle or gerund"
    return "base"


def _is_verb(word: str, form: str) -> bool:
    """Whether the lexicon knows the word as a verb in this form."""
    if form == "base":
        return is_verb(word)
    return is_verb(word, ("VBN", "VBG") if "gerund" in form else ("VBN",))
