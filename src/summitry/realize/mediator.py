"""The mediator's turns, composed from the plan: welcome, probes, edge cases, explanations, closings.

The mediator speaks about what actually happened: it names the last speaker's theme, the
misconceptions the naive questions revealed (from the lesson's facts) and the common
ground the analysis found, never a finding written in advance.
"""

from __future__ import annotations

import re

from summitry.phase import Phase
from summitry.plan import CommonGroundNote, Explanation, Move, TurnPlan
from summitry.realize.base import SessionContext
from summitry.realize.topic import topic_phrase
from summitry.realize.writer import Writer
from summitry.text.casing import end_sentence, lower_first, upper_first
from summitry.text.names import join_names, refer

WELCOME = (
    "Welcome to this diplomatic learning session on {topic}. I know tensions between some of you "
    "run high, but today we are here as learners first, nations second. We will explore how {topic} "
    "might either deepen or help resolve the challenges between you. Let's begin with how each of you "
    "answered the lesson's core questions. {first}, would you start?"
)

AFTER_OPENING = (
    "Thank you all for such candid opening perspectives.",
    "Thank you for those opening statements; each of you heard the same lesson differently.",
)

ON_LAST = (
    "{last} raises crucial questions about {theme}.",
    "{last} brings us to {theme}, and that deserves a closer look.",
    "I'm hearing {theme} come up again and again.",
    "{last}'s point about {theme} connects to the heart of the lesson.",
    "Let's stay with {theme} a moment longer.",
)

EDGE_OPENERS = (
    "Let me push you all with an edge case: imagine {scenario}",
    "But let me challenge you with another edge case: what if {scenario}",
    "Here is a harder case: suppose {scenario}",
    "One more test of your positions: imagine {scenario}",
)

EDGE_CLOSERS = (
    "How would that change your calculations?",
    "How does that change your approach?",
    "What would you do first, and with whom?",
)

TAKE_UP = (
    "{by} raises an excellent reframing. Let's explore this.",
    "{by} offers a useful shift of focus. Let's take it seriously.",
)

NAIVE_INVITE = "Before we continue, I want to hear the most naive question any of you might ask about {topic}."
SMART_INVITE = (
    "Now for the crucial question. Given everything we've discussed, what's the smartest question "
    "we should all be asking ourselves about {topic}?"
)


def compose_mediator(plan: TurnPlan, context: SessionContext, w: Writer) -> None:
    """Write the mediator's turn for this plan into the writer."""
    topic = topic_phrase(context.scenario)
    handlers = {
        Move.WELCOME: lambda: w.add(WELCOME.format(topic=topic, first=plan.next_speaker or "")),
        Move.QUESTION: lambda: _question(plan, context, w, topic),
        Move.EDGE_CASE: lambda: _edge_case(plan, context, w),
        Move.EXPLAIN: lambda: _explain(plan.explanations, w),
        Move.SUMMARIZE: lambda: _summarize(plan, context, w, topic),
        Move.CLOSE: lambda: _close(plan, context, w, topic),
    }
    handlers.get(plan.move, lambda: w.add(f"Thank you, {join_names(list(plan.addressees))}."))()


def _question(plan: TurnPlan, context: SessionContext, w: Writer, topic: str) -> None:
    if plan.phase == Phase.NAIVE_QUESTIONS:
        w.add(NAIVE_INVITE.format(topic=topic))
    elif plan.phase == Phase.SMARTEST_QUESTIONS:
        w.add(SMART_INVITE.format(topic=topic))
    elif plan.phase == Phase.SYNTHESIS:
        _deeper_question(plan, context, w)
    elif plan.phase == Phase.REFRAME:
        w.add_choice(TAKE_UP, by=refer(plan.addressees[0]) if plan.addressees else "")
        if plan.prompt:
            w.add(
                f"If we start from {lower_first(plan.prompt.rstrip('.?!'))}, how might that change "
                f"your approaches to {topic}?"
            )
    else:
        _comment_on_last(plan, context, w)
        w.add(_address(plan.addressees[0], plan.prompt or "") if plan.addressees else plan.prompt)


def _address(name: str, question: str) -> str:
    return f"{name}, {lower_first(question.strip())}"


def _comment_on_last(plan: TurnPlan, context: SessionContext, w: Writer) -> None:
    if not context.plans:
        return
    last_plan, last_turn = context.plans[-1], context.turns[-1]
    if last_plan.phase == Phase.OPENING:
        w.add_choice(AFTER_OPENING)
        return
    theme = last_plan.talking_point.theme if last_plan.talking_point else "what is at stake"
    w.add_choice(ON_LAST, last=refer(last_turn.speaker), theme=theme)


def _deeper_question(plan: TurnPlan, context: SessionContext, w: Writer) -> None:
    asked = sum(1 for p in context.plans if p.move is Move.SMART_QUESTION)
    if asked:
        w.add(
            f"Those are {asked} of the most important questions you could ask. But I want to suggest "
            "that they all point toward an even deeper question:"
        )
    w.add(end_sentence(plan.prompt or ""))


_SCENARIO_VERBS = re.compile(r"^(?:imagine|suppose|what if|picture this:?)\s+", re.IGNORECASE)


def _edge_case(plan: TurnPlan, context: SessionContext, w: Writer) -> None:
    """Pose the scenario as written, behind an opener; add a closing question if it has none."""
    scenario = _SCENARIO_VERBS.sub("", (plan.prompt or "").strip())
    first, _, rest = scenario.partition(". ") if "? " not in scenario else (scenario, "", "")
    first = lower_first(first.rstrip(".?!"))
    earlier = sum(1 for p in context.plans if p.move is Move.EDGE_CASE)
    opener = EDGE_OPENERS[min(earlier, len(EDGE_OPENERS) - 1)].format(scenario=first)
    if earlier == 0:
        w.add("I'm hearing different models emerging.")
    w.add(opener + ("?" if "what if" in opener else "."))
    if rest:
        w.add(rest)
    elif "?" not in scenario:
        w.add_choice(EDGE_CLOSERS)


def _explain(explanations: tuple[Explanation, ...], w: Writer) -> None:
    w.add("*(laughing)* Those are wonderfully absurd, and each hides a real wish.")
    for item in explanations:
        who = join_names(list(item.askers))
        w.add(f"{who}: the idea that {lower_first(item.claim.rstrip('.?!'))} is a misconception.")
        w.add(end_sentence(item.correction))
    w.add(
        "What is real in every question is the frustration behind it: a wish for a technical fix "
        "to problems that are political."
    )


def _summarize(plan: TurnPlan, context: SessionContext, w: Writer, topic: str) -> None:
    if plan.phase == Phase.COMMON_GROUND:
        _name_common_ground(plan.common_ground, w, topic)
        return
    w.add("You've all identified the central insight: the question has no national answer.")
    w.add(
        f"The problems that divide you on {topic} are the same ones that oblige you to cooperate, "
        "and none of you can solve them alone."
    )


def _name_common_ground(notes: tuple[CommonGroundNote, ...], w: Writer, topic: str) -> None:
    w.add(
        f"What's encouraging about our discussion is how {topic} served as a lens for your "
        "deepest concerns while revealing possibilities for cooperation."
    )
    if not notes:
        w.add(
            "I did not hear rivals converge today, and I will not pretend otherwise; that is work for our next session."
        )
        return
    for note in notes:
        w.add(end_sentence(note.sentence))


def _close(plan: TurnPlan, context: SessionContext, w: Writer, topic: str) -> None:
    closes = sum(1 for p in context.plans if p.move is Move.CLOSE and p.is_moderator)
    if closes == 0:
        w.add(
            f"As we conclude, remember that this conversation is the kind of dialogue that {topic} "
            "will require. You've shown that even delegations with serious tensions can engage "
            "constructively when they focus on shared challenges and mutual learning."
        )
    else:
        w.add(
            f"{upper_first(topic)} is not something that will simply happen to you; it is something "
            "you are all shaping right now. Keep engaging, keep learning, and keep finding ways to "
            "cooperate."
        )
