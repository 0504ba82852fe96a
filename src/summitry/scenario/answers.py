"""Questions put to a delegation, and which of its units answer them.

Three kinds of question are put to a delegation in a session: another delegation's question unit
with ``to`` (``china.question.1``), the mediator's probe of it, and the mediator's hard case, put
to every delegation at once. Each has an id, which a turn that answers it names in its plan's
``engages``:

- a question unit: its own id;
- a probe or a hard case: the agenda item's ``id`` when the author gave one, else its phase and
  its place in the agenda, counted from 0 (``probe.3``, ``edge_case.5``).

A unit answers a question when its author says so (``answers:`` in the position paper: the
question unit's id, ``probe`` for any probe of the unit's own delegation, ``edge_case`` for any hard
case, or the agenda item's ``id``), or when it is *relevant*: it says enough of the question's own
content words (see :func:`relevance`). Linked units come first. Lint warns where nothing answers,
and the engine has the addressee decline rather than pretend.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from summitry.scenario.model import EdgeCase, Probe, Scenario
from summitry.scenario.position import Unit
from summitry.text.sentences import questions_in
from summitry.text.stems import content_stems

__all__ = [
    "ANY_EDGE_CASE",
    "ANY_PROBE",
    "MIN_RELEVANCE",
    "MIN_SHARED",
    "Asked",
    "answering_units",
    "asked_in",
    "edge_case_asked",
    "is_relevant",
    "strictly_answers",
    "takes_up",
    "links",
    "probe_asked",
    "relevance",
    "unit_asked",
]

ANY_PROBE = "probe"  # ``answers: [probe]``: any probe of the unit's own delegation
ANY_EDGE_CASE = "edge_case"  # ``answers: [edge_case]``: any hard case the mediator puts to the room

# A unit is relevant to a question when it says at least half of the content stems of the question's
# own question sentences (delegations' names left out) and at least two of them. Measured by reading
# the 56 delegation questions of the six scenarios at hand against their addressee's most relevant
# unit (`python bench/answers.py --relevance`): of the 25 at a half or more, 18 were answered by it,
# 6 in part and 1 not; of the 10 between a third (touch.MIN_SHARE) and a half, 1, 6 and 3, among
# them a unit on "answering calls" for a question on who answers under the Liability Convention.
MIN_RELEVANCE = 0.5
MIN_SHARED = 2
# A question must have at least MIN_SHARED content stems of its own to be answered by what a unit
# says: "What should the parties do?" has one ("parties"), and any unit that mentions parties would
# pass. Such a question is answered only by a unit its author linked to it. An earlier rule also let a
# unit answer a probe or a hard case by taking up its scene (one stem of its questions and three of the
# whole text); blind readers counted those replies as non sequiturs ("treaties that last are adopted
# by consensus" for a case about recyclers closing), so it was dropped.


@dataclass(frozen=True)
class Asked:
    """A question put to delegations: its id, its words, who asked, to whom (None: everyone), and
    the ids by which a unit may link to it (``answers:``)."""

    id: str
    text: str
    asker: str
    to: str | None
    phase_index: int | None = None
    link_ids: frozenset[str] = frozenset()

    def put_to(self, name: str) -> bool:
        """Whether the question is put to this delegation."""
        return self.to in (name, None) and name != self.asker


def probe_asked(scenario: Scenario, item: Probe, phase_index: int) -> Asked:
    """The mediator's probe at this place of the agenda, as a question put to its target."""
    qid = item.id or f"probe.{phase_index}"
    return Asked(qid, item.question, scenario.moderator.name, item.target, phase_index, frozenset({qid, ANY_PROBE}))


def edge_case_asked(scenario: Scenario, item: EdgeCase, phase_index: int) -> Asked:
    """The mediator's hard case at this place of the agenda, as a question put to every delegation."""
    qid = item.id or f"edge_case.{phase_index}"
    return Asked(qid, item.scenario, scenario.moderator.name, None, phase_index, frozenset({qid, ANY_EDGE_CASE}))


def unit_asked(question: Unit) -> Asked:
    """A delegation's question unit as a question put to the delegation it names (or the room)."""
    return Asked(question.id, question.text, question.owner, question.to, None, frozenset({question.id}))


def asked_in(scenario: Scenario) -> list[Asked]:
    """Every question the scenario puts to a named delegation or to all: question units with ``to``,
    probes and hard cases, in that order."""
    found = [unit_asked(u) for d in scenario.delegations for u in d.material() if u.kind == "question" and u.to]
    for i, item in enumerate(scenario.agenda):
        if isinstance(item, Probe):
            found.append(probe_asked(scenario, item, i))
        elif isinstance(item, EdgeCase):
            found.append(edge_case_asked(scenario, item, i))
    return found


def links(unit: Unit, asked: Asked) -> bool:
    """Whether the unit's author linked it to the question (``answers:``); ``probe`` links only to a
    probe of the unit's own delegation."""
    if not unit.answers or not asked.put_to(unit.owner):
        return False
    return bool(set(unit.answers) & asked.link_ids)


def relevance(unit: Unit, question: str, names: Iterable[str] = ()) -> float:
    """The share of the question's content stems the unit says (its point and its words), 0 … 1;
    0 unless at least :data:`MIN_SHARED` of them are said (so a question with fewer content stems is
    answered only by a link). Only the question sentences count when
    the text has any (a hard case's premise sets the scene; its questions are what must be
    answered), and delegations' names do not: they say who is asked, not what about."""
    named = _named(tuple(names))
    wanted = content_stems(questions_in(question)) - named
    if not wanted:
        return 0.0
    shared = len(wanted & _said(unit, named))
    return shared / len(wanted) if shared >= MIN_SHARED else 0.0


def is_relevant(unit: Unit, asked: Asked, names: Iterable[str] = ()) -> bool:
    """Whether the unit answers the question by what it says (see :data:`MIN_RELEVANCE`)."""
    return relevance(unit, asked.text, tuple(names)) >= MIN_RELEVANCE


def strictly_answers(unit: Unit, asked: Asked, names: Iterable[str] = ()) -> bool:
    """Whether the unit answers the question by its author's link or by the relevance test
    (:data:`MIN_RELEVANCE`): only then may a phrase call it the speaker's answer."""
    return links(unit, asked) or is_relevant(unit, asked, names)


def takes_up(text: str, question: str, names: Iterable[str] = ()) -> bool:
    """Whether a text takes up a question at least in part: it says :data:`MIN_SHARED` of the
    question's content stems, delegations' names left out (no share of them is asked, unlike
    :func:`relevance`)."""
    named = _named(tuple(names))
    return len((content_stems(question) - named) & content_stems(text)) >= MIN_SHARED


def _named(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for name in names for w in content_stems(name))


def _said(unit: Unit, named: frozenset[str]) -> frozenset[str]:
    return content_stems(f"{unit.on or ''} {unit.text}") - named


def answering_units(units: Iterable[Unit], asked: Asked, names: Iterable[str] = ()) -> list[Unit]:
    """The units that answer the question: those linked to it, in the order given, then those whose
    relevance reaches :data:`MIN_RELEVANCE`, the most relevant first. Questions never answer."""
    pool = [u for u in units if u.kind != "question"]
    linked = [u for u in pool if links(u, asked)]
    names = tuple(names)
    relevant = [u for u in pool if u not in linked and is_relevant(u, asked, names)]
    return linked + sorted(relevant, key=lambda u: -relevance(u, asked.text, names))
