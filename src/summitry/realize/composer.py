"""The composer: an offline realizer that writes each turn from its plan, instantly.

A delegation's turn is put together from what the plan says — whom it answers and with
what stance, the talking point it draws on, the lesson concept it cites — using that
delegation's own words and interests, never another's. Each delegation has a voice: the
registers its tone names (a cautious one hedges, an urgent one counts the months) and the
interests that set it apart from the others at the table, which it keeps coming back to.
Nothing is said twice in a session. The mediator's turns are written by
:mod:`summitry.realize.mediator`.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from summitry.phase import Phase
from summitry.plan import CommonGroundNote, Move, Stance, TurnPlan
from summitry.realize import phrases as P
from summitry.realize.base import Realization, SessionContext
from summitry.realize.mediator import compose_mediator
from summitry.realize.topic import topic_phrase
from summitry.realize.writer import Writer, fill
from summitry.scenario.model import Delegation, Scenario
from summitry.scenario.position import points
from summitry.text.casing import end_sentence, lower_first
from summitry.text.names import refer
from summitry.text.stems import content_stems
from summitry.text.words import words

TIE_SHARE = 0.25  # share of statements that also cite a lesson concept
INTEREST_BIAS = 3.0  # how strongly a delegation comes back to its most characteristic interests
REGISTER_BIAS = 2.0  # how strongly it speaks in the register its tone names first


class Composer:
    """Realizes turn plans with templates and the scenario's own material."""

    name = "composer"

    def realize(self, plan: TurnPlan, context: SessionContext) -> Realization:
        rng = random.Random(f"{context.seed}:{plan.index}:composer")
        writer = Writer(context.turns, rng)
        if plan.is_moderator:
            compose_mediator(plan, context, writer)
        elif plan.speaker not in _names(context):
            writer.add_choice(P.COLLECTIVE_THANKS, mod=context.scenario.moderator.name)
        else:
            _compose_delegation(plan, context, writer)
        text = writer.text()
        if not text:  # every variant was used up: say something short and new
            text = f"{plan.speaker} has nothing to add at turn {plan.index}."
        return Realization(text=text, realizer=self.name)


@dataclass(frozen=True)
class Voice:
    """How a delegation sounds: the registers its tone picks (see phrases.VOICES).

    A delegation is recognised less by any one sentence than by its habits: the cautious one
    keeps hedging, the urgent one keeps counting months. Registers come from the words of its
    tone, in the order the tone names them; a tone that names none leaves only the shared banks.
    """

    registers: tuple[str, ...]

    def banks(self, slot: str, rng: random.Random) -> list[tuple[str, ...]]:
        """The delegation's own sentences for a slot, a bank per register, in an order that
        favours the register its tone names first: the main note of a voice, and an undertone."""
        ordered = _weighted_order(list(self.registers), rng, REGISTER_BIAS)
        return [P.VOICES[r][slot] for r in ordered if slot in P.VOICES[r]]


def voice_of(delegation: Delegation) -> Voice:
    """The delegation's voice, read from its tone: each register whose cue begins a word of
    the tone ('Urgently practical' names urgent), in the order the tone names them."""
    tone = words(delegation.tone)
    found: list[tuple[int, str]] = []
    for register, cues in P.REGISTER_CUES.items():
        position = next((i for i, word in enumerate(tone) if word.startswith(cues)), None)
        if position is not None:
            found.append((position, register))
    return Voice(registers=tuple(register for _, register in sorted(found)))


def _say(w: Writer, me: Delegation, slot: str, shared: Sequence[str], **values: str) -> bool:
    """A sentence in the delegation's own voice if one is left unsaid, else one of the shared bank."""
    return w.add(_in_voice(w, me, slot, **values)) or w.add_choice(shared, **values)


def _in_voice(w: Writer, me: Delegation, slot: str, **values: str) -> str | None:
    """The delegation's unsaid sentence for a slot, from the register the turn leans on."""
    for bank in voice_of(me).banks(slot, w.rng):
        text = w.choose(bank, **values)
        if text:
            return text
    return None


def _names(context: SessionContext) -> list[str]:
    return [d.name for d in context.scenario.delegations]


def _compose_delegation(plan: TurnPlan, context: SessionContext, writer: Writer) -> None:
    me = context.scenario.delegation(plan.speaker)
    values = _values(plan, context, me, writer.rng)
    compose = {
        Move.NAIVE_QUESTION: _naive_question,
        Move.SMART_QUESTION: _smart_question,
        Move.PROPOSE: _proposal,
        Move.REFLECT: _reflection,
    }.get(plan.move, _statement)
    compose(plan, context, me, writer, values)


def _values(plan: TurnPlan, context: SessionContext, me: Delegation, rng: random.Random) -> dict[str, str]:
    concept = next((c for c in context.scenario.lesson.concepts if c.id == plan.concept_id), None)
    interests = [spoken(i) for i in _weighted_order(characteristic_interests(me, context.scenario), rng)]
    addressee = plan.addressees[0] if plan.addressees else ""
    return {
        "speaker": refer(me.name),
        "mod": context.scenario.moderator.name,
        "topic": topic_phrase(context.scenario),
        "a": refer(addressee),
        "theme": _theme_of(plan, context),
        "concept": concept.name if concept else interests[-1],
        "interest": interests[0],
        "interest2": interests[1 % len(interests)],
        "interest3": interests[2 % len(interests)],
    }


def _aside(v: dict[str, str]) -> dict[str, str]:
    """Values for the sentences around the stake: another of the speaker's interests, so that
    one turn does not name the same interest three times."""
    return {**v, "interest": v["interest2"], "interest2": v["interest3"]}


def characteristic_interests(me: Delegation, scenario: Scenario) -> list[str]:
    """The delegation's interests, the most its own first: an interest ranks by its place in
    the scenario (the first ones are its core) and by how few others at the table speak of
    the same matter, so that a delegation returns to what sets it apart, not to what all share."""
    others = [d for d in scenario.delegations if d.name != me.name]
    held = [content_stems(" ".join(d.interests + points(d.material()))) for d in others]

    def commonness(interest: str) -> int:
        return max((sum(stem in theirs for theirs in held) for stem in content_stems(interest)), default=0)

    by_rarity = sorted(me.interests, key=commonness)
    rank = {interest: place + by_rarity.index(interest) for place, interest in enumerate(me.interests)}
    return sorted(me.interests, key=rank.__getitem__)


_ITS = re.compile(r"\bits\b")
_NAME_AND = re.compile(r"\b[A-Z][a-z]+ and $")
_IT_MODAL = re.compile(r"\bit (?=(?:cannot|can|could|will|would|must|should|may|might)\b)")


def spoken(interest: str) -> str:
    """An interest as the delegation itself says it: the scenario describes it from outside
    ('electricity for its people', 'data it cannot collect'), the speaker says 'electricity for
    our people', 'data we cannot collect'. An 'its' that follows a name ('Lake Victoria and its
    catchment') belongs to the name and stays."""
    ours = _ITS.sub(lambda m: m.group(0) if _NAME_AND.search(interest[: m.start()]) else "our", interest)
    return _IT_MODAL.sub("we ", ours)


def _weighted_order(items: list[str], rng: random.Random, bias: float = INTEREST_BIAS) -> list[str]:
    """Items in a random order that favours the first ones: a delegation's first interests
    are its core, and coming back to them is what makes its voice recognisable. The k-th of
    n items leads with a weight of (n - k) ** bias."""
    keyed = [(rng.random() ** (1.0 / (len(items) - k) ** bias), item) for k, item in enumerate(items)]
    return [item for _, item in sorted(keyed, reverse=True)]


def _theme_of(plan: TurnPlan, context: SessionContext) -> str:
    """The matter the addressed turn raised: its talking point's theme, else its prompt."""
    if plan.responds_to is None:
        return topic_phrase(context.scenario)
    answered = context.plans[plan.responds_to - 1]
    if answered.talking_point:
        return answered.talking_point.theme
    if answered.speaker in _names(context):
        return context.scenario.delegation(answered.speaker).interests[0]
    return topic_phrase(context.scenario)


def _statement(plan: TurnPlan, context: SessionContext, me: Delegation, w: Writer, v: dict[str, str]) -> None:
    """Opening reports, answers, rebuttals and agreements: lead, choice, point, stake, tie-in.
    An opening also says who is speaking, in the scenario's own portrait of the delegation."""
    _lead(plan, context, w, _aside(v))
    if plan.phase == Phase.OPENING:
        _choices(context, me, w, v)
    _point(plan, w, v)
    if plan.phase == Phase.OPENING:
        _portrait(me, w)
    _stake(me, w, v)
    if w.rng.random() < TIE_SHARE:
        _tie(w, _aside(v))


def _portrait(me: Delegation, w: Writer) -> None:
    """The delegation's summary as it would introduce itself: its first clause, after 'We speak
    as' when it is a description ('A nation of …'), as it stands when it is a sentence."""
    portrait = end_sentence(me.summary.split(";")[0].strip())
    first = portrait.split()[0] if portrait.split() else ""
    if first in ("A", "An", "The"):
        w.add_choice(P.PORTRAITS, portrait=lower_first(portrait.rstrip(".")))
    elif me.name in portrait:
        w.add(portrait)


def _lead(plan: TurnPlan, context: SessionContext, w: Writer, v: dict[str, str]) -> None:
    answered = context.turn(plan.responds_to) if plan.responds_to else None
    if answered is None:
        return
    if answered.is_moderator:
        me = context.scenario.delegation(plan.speaker)
        if plan.phase == Phase.OPENING:
            w.add_choice(P.THANKS, **v)
        elif plan.phase == Phase.EDGE_CASE:
            _say(w, me, "answer", P.SCENARIO_REACTIONS, **v)
        else:
            _say(w, me, "answer", P.ANSWER_MODERATOR, **v)
        return
    stance = plan.stance if plan.stance in P.LEADS else Stance.QUALIFY
    rivals = (
        context.scenario.relation(plan.speaker, answered.speaker) < -0.3
        if answered.speaker in _names(context)
        else False
    )
    if stance is Stance.SUPPORT and rivals and w.add_choice(P.RIVAL_AGREEMENT, **v):
        return
    if not w.add_choice(P.LEADS[stance], **v):
        w.add_choice(P.LEADS[Stance.NEUTRAL], **v)


ORDINALS = ("first", "second", "third", "fourth", "fifth")


def _choices(context: SessionContext, me: Delegation, w: Writer, v: dict[str, str]) -> None:
    """The options the delegation chose, briefly: every delegation answers the same questions."""
    for nth, question in zip(ORDINALS, context.scenario.lesson.questions[:2], strict=False):
        option_id = me.answers.get(question.id)
        option = next((o for o in question.options if o.id == option_id), None)
        if option is not None:
            w.add_choice(P.CHOICES, **v, nth=nth, opt=lower_first(option.text))


def _point(plan: TurnPlan, w: Writer, v: dict[str, str]) -> None:
    if plan.talking_point and w.add(end_sentence(plan.talking_point.text)):
        return
    if not w.add_choice(P.IMPROVISED, **v):
        w.add_choice(P.IMPROVISED, **{**v, "interest": v["interest2"]})


def _stake(me: Delegation, w: Writer, v: dict[str, str]) -> None:
    """A sentence on the speaker's own interests, in its own voice: what keeps a delegation
    recognisably itself."""
    if not _say(w, me, "stake", P.STAKES, **v):
        _say(w, me, "stake", P.STAKES, **{**v, "interest": v["interest2"], "interest2": v["interest"]})


def _tie(w: Writer, v: dict[str, str]) -> None:
    w.add_choice(P.TIES, **v)


def _naive_question(plan: TurnPlan, context: SessionContext, me: Delegation, w: Writer, v: dict[str, str]) -> None:
    question = me.naive_question or _naive_from_facts(context, w)
    intro = _in_voice(w, me, "ask", **v) or w.choose(P.NAIVE_INTROS, **v) or "Mine:"
    w.add(f"{intro} '{question}'")
    _stake(me, w, _aside(v))


def _naive_from_facts(context: SessionContext, w: Writer) -> str:
    for fact in context.scenario.lesson.facts:
        question = f"Is it true that {lower_first(fact.claim.rstrip('.?!'))}?"
        if w.is_new(question):
            return question
    return f"Could {topic_phrase(context.scenario)} simply solve our disagreements for us?"


def _smart_question(plan: TurnPlan, context: SessionContext, me: Delegation, w: Writer, v: dict[str, str]) -> None:
    intro = _in_voice(w, me, "ask", **v) or w.choose(P.SMART_INTROS, **v) or ""
    if not (me.smartest_question and w.add(f"{intro} {me.smartest_question}".strip())):
        w.add_choice(P.SMART_QUESTIONS, **v)
    _stake(me, w, _aside(v))


def _proposal(plan: TurnPlan, context: SessionContext, me: Delegation, w: Writer, v: dict[str, str]) -> None:
    w.add_choice(P.PROPOSALS, **{**v, "theme": _recent_theme(context) or v["topic"]})
    if plan.prompt:
        w.add_choice(P.FOCUS, **v, focus=lower_first(plan.prompt.rstrip(".?!")))
    _point(plan, w, v)
    w.add_choice(P.PROPOSAL_FOLLOWUPS, **v)


def _recent_theme(context: SessionContext) -> str | None:
    """The theme the last few turns kept to; among equals the earliest, so that a session
    reads the same whatever the interpreter's hash seed."""
    recent = [p.talking_point.theme for p in context.plans[-6:] if p.talking_point]
    return Counter(recent).most_common(1)[0][0] if recent else None


def _reflection(plan: TurnPlan, context: SessionContext, me: Delegation, w: Writer, v: dict[str, str]) -> None:
    """Synthesis and common ground: an opener that names whom it meets, then the delegation's
    own point and stake, so a reflection still sounds like the one who makes it."""
    note = _common_ground_note(context, me) if plan.phase == Phase.COMMON_GROUND and plan.addressees else None
    _reflection_opener(plan, context, me, w, v, note)
    _point(plan, w, v)
    _stake(me, w, v)


def _reflection_opener(
    plan: TurnPlan,
    context: SessionContext,
    me: Delegation,
    w: Writer,
    v: dict[str, str],
    note: CommonGroundNote | None,
) -> None:
    """Common ground: meet the partner the mediator named (``note``), or reply in general;
    elsewhere, open by reflecting on whom the turn answers."""
    if note is not None:
        partner = note.pair[1] if note.pair[0] == me.name else note.pair[0]
        w.add_choice(P.COMMON_GROUND_REPLIES, **{**v, "a": refer(partner), "theme": note.theme})
    elif plan.phase == Phase.COMMON_GROUND:
        w.add_choice(P.GENERAL_REPLIES, **v)
    else:
        _reflect_opener(plan, context, me, w, v)


def _common_ground_note(context: SessionContext, me: Delegation) -> CommonGroundNote | None:
    """The mediator's finding that names this delegation, if any."""
    return next((n for n in _notes(context) if me.name in n.pair), None)


def _reflect_opener(plan: TurnPlan, context: SessionContext, me: Delegation, w: Writer, v: dict[str, str]) -> None:
    if plan.addressees and plan.addressees[0] in _names(context):
        if w.add_choice(P.REFLECT_NAMED, **v):
            return
    _say(w, me, "reflect", P.REFLECT_OPENERS, **v)


def _notes(context: SessionContext) -> tuple[CommonGroundNote, ...]:  # the mediator's findings of this phase
    for plan in reversed(context.plans):
        if plan.common_ground:
            return plan.common_ground
    return ()


def compose_lead(plan: TurnPlan, context: SessionContext) -> str:
    """The opening words of a delegation's turn, for a language model to continue.

    They carry what the plan fixes and a small model would get wrong: whom the turn
    answers and how, the options the delegation chose, the partner named in common ground,
    and the delegation's own talking point; a connective ("This matters because") then asks
    the model to develop it in its own words rather than copy an earlier turn.
    """
    rng = random.Random(f"{context.seed}:{plan.index}:lead")
    w = Writer(context.turns, rng)
    me = context.scenario.delegation(plan.speaker)
    v = _values(plan, context, me, rng)
    if plan.move is Move.NAIVE_QUESTION:
        w.add(w.choose(P.NAIVE_INTROS, **v))
    elif plan.move is Move.PROPOSE:
        w.add_choice(P.PROPOSALS, **{**v, "theme": _recent_theme(context) or v["topic"]})
    elif plan.move is Move.REFLECT:
        note = _common_ground_note(context, me) if plan.phase == Phase.COMMON_GROUND else None
        _reflection_opener(plan, context, me, w, v, note)
    elif plan.move is not Move.SMART_QUESTION:
        _lead(plan, context, w, v)
        if plan.phase == Phase.OPENING:
            _choices(context, me, w, v)
    if plan.move in (Move.NAIVE_QUESTION, Move.SMART_QUESTION):
        return w.text()
    if plan.talking_point:
        w.add(end_sentence(plan.talking_point.text))
    names = _names(context)
    connectives = [c for c in P.CONNECTIVES if "{a}" not in c or (plan.addressees and plan.addressees[0] in names)]
    connectives.sort(key=w.uses)
    connectives = connectives[: max(3, len(connectives) // 2)]
    return f"{w.text()} {fill(rng.choice(connectives), **v)}".strip()
