"""Questions put to delegations in sessions: answered, declined, dodged or passed over.

    python bench/answers.py                       # composer sessions of the evaluation set, seeds 0-2
    python bench/answers.py --logs DIR [DIR ...]  # session logs already written (any version)
    python bench/answers.py --relevance           # every question with its addressee's most relevant units

A question is put to a delegation by another delegation (an ``ask`` move whose question unit has
``to``), by the mediator's probe, or by the mediator's hard case (put to all). The addressee's reply
is its first later turn that responds to the asking turn (for a hard case: every delegation turn of
that phase). The reply

- *answers* when one of its units answers the question (linked to it, or relevant to it:
  :func:`summitry.scenario.answers.answering_units`, the same test the engine uses);
- *declines* when its move is ``decline`` (it says plainly it will not answer);
- *dodges* otherwise: it says something else without saying that it does not answer;

and a question with no reply is *passed over*. A hard case counts once: answered when one reply
answers it, dodged when replies came and none answers, passed over when nobody replied, and
*not put* when the engine left it out because nobody could answer it. Reading logs of an older
version works too: the classes are found from the plans' units, not from the newer ``engages``.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from pathlib import Path

from summitry import run_session
from summitry.plan import Move, TurnPlan
from summitry.scenario import load_scenario
from summitry.scenario.answers import (
    Asked,
    answering_units,
    asked_in,
    edge_case_asked,
    probe_asked,
    relevance,
    unit_asked,
)
from summitry.scenario.bundled import bundled_names, bundled_path
from summitry.scenario.index import material_of, unit_index
from summitry.scenario.model import EdgeCase, Scenario
from summitry.session.log import read_state

EVALUATION = Path(__file__).parent.parent / "tests" / "data" / "scenarios"
SCENARIOS = ("orbital-debris", "deep-sea-mining", "pandemic-agreement")
KINDS = ("question", "probe", "hard case")
CLASSES = ("answered", "declined", "dodged", "passed over", "not put")


def classify(scenario: Scenario, plans: list[TurnPlan]) -> Counter[tuple[str, str]]:
    """(kind of question, class) for every question put in one session, and every hard case of the agenda."""
    names = [d.name for d in scenario.delegations]
    units = unit_index(scenario)
    found: Counter[tuple[str, str]] = Counter()

    def answers(reply: TurnPlan, asked: Asked) -> bool:
        answering = answering_units(material_of(scenario, reply.speaker), asked, names)
        return bool(set(reply.units) & {u.id for u in answering})

    def judge(reply: TurnPlan | None, asked: Asked) -> str:
        if reply is None:
            return "passed over"
        return "declined" if reply.move is Move.DECLINE else "answered" if answers(reply, asked) else "dodged"

    put_cases = set()
    for plan in plans:
        later = plans[plan.index :]
        if plan.move is Move.ASK and not plan.is_moderator and plan.units and plan.units[0] in units:
            question = units[plan.units[0]]
            if question.kind == "question" and question.to in names:
                asked = unit_asked(question)
                reply = next((p for p in later if p.speaker == question.to and
                              (p.responds_to == plan.index or asked.id in p.engages)), None)
                found["question", judge(reply, asked)] += 1
        elif plan.is_moderator and plan.phase == "probe" and plan.move is Move.QUESTION:
            asked = probe_asked(scenario, scenario.agenda[plan.phase_index], plan.phase_index)  # type: ignore[arg-type]
            reply = next((p for p in later if p.phase_index == plan.phase_index and p.speaker == asked.to), None)
            found["probe", judge(reply, asked)] += 1
        elif plan.move is Move.EDGE_CASE:
            put_cases.add(plan.phase_index)
            asked = edge_case_asked(scenario, scenario.agenda[plan.phase_index], plan.phase_index)  # type: ignore[arg-type]
            replies = [p for p in later if p.phase_index == plan.phase_index and not p.is_moderator]
            verdicts = {judge(r, asked) for r in replies}
            verdict = "answered" if "answered" in verdicts else "dodged" if replies else "passed over"
            found["hard case", verdict] += 1
            for r in replies:
                found["hard-case reply", judge(r, asked)] += 1
    for i, item in enumerate(scenario.agenda):
        if isinstance(item, EdgeCase) and i not in put_cases:
            found["hard case", "not put"] += 1
    return found


def composer_sessions(seeds: range) -> list[tuple[str, Scenario, list[TurnPlan]]]:
    out = []
    with tempfile.TemporaryDirectory() as folder:
        for name in SCENARIOS:
            scenario = load_scenario(str(EVALUATION / f"{name}.yaml"))
            for seed in seeds:
                state = run_session(scenario, Path(folder) / f"{name}-{seed}.jsonl", seed=seed, sync=False).state
                out.append((f"{name} {seed}", scenario, list(state.plans)))
    return out


def logged_sessions(folders: list[str]) -> list[tuple[str, Scenario, list[TurnPlan]]]:
    out = []
    for folder in folders:
        state = read_state(folder)
        out.append((Path(folder).name, state.scenario, list(state.plans)))
    return out


def report(sessions: list[tuple[str, Scenario, list[TurnPlan]]]) -> None:
    total: Counter[tuple[str, str]] = Counter()
    for _, scenario, plans in sessions:
        total += classify(scenario, plans)
    print(f"{len(sessions)} sessions")
    print(f"{'':<16}" + "".join(f"{c:>13}" for c in CLASSES))
    for kind in (*KINDS, "hard-case reply"):
        print(f"{kind:<16}" + "".join(f"{total[kind, c]:>13}" for c in CLASSES))


def relevance_listing() -> None:
    """Every question of the bundled and evaluation scenarios, with its addressee's best unit."""
    paths = [str(bundled_path(n)) for n in bundled_names()] + [str(EVALUATION / f"{n}.yaml") for n in SCENARIOS]
    for path in paths:
        scenario = load_scenario(path)
        names = [d.name for d in scenario.delegations]
        print(f"===== {Path(path).stem}")
        for asked in asked_in(scenario):
            print(f"{asked.id} ({asked.asker} -> {asked.to or 'all'}): {asked.text}")
            for name in [asked.to] if asked.to else names:
                pool = [u for u in material_of(scenario, name) if u.kind != "question"]
                best = max(pool, key=lambda u: relevance(u, asked.text, names), default=None)
                if best is not None:
                    print(f"   {relevance(best, asked.text, names):.2f} {name} {best.id}: {best.text[:100]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--logs", nargs="*", help="session folders or logs to read instead of running sessions")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--relevance", action="store_true")
    args = parser.parse_args()
    if args.relevance:
        relevance_listing()
    elif args.logs:
        report(logged_sessions(args.logs))
    else:
        report(composer_sessions(range(args.seeds)))


if __name__ == "__main__":
    main()
