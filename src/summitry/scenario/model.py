"""The scenario file format: pydantic models with ``extra="forbid"``.

This format is a contract that users and other tools write by hand, so every model
forbids unknown fields and every cross-reference (an answer's option, a relation's
delegation, an agenda target) is checked with a message that says how to fix it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from summitry.phase import Phase
from summitry.scenario.position import PAPER_FIELDS, PositionPaper, Unit, UnitId, slug, units_of

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Identifier = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_\-]+$"
    ),
]

MIN_DELEGATIONS = 2
MAX_DELEGATIONS = 30


class LocatedValueError(ValueError):
    """A cross-reference check failed; ``loc`` is where, relative to the model that checked it.

    Pydantic reports a model validator's error at the model itself; the loader appends
    ``loc`` so the message can name the exact field and YAML line.
    """

    def __init__(self, message: str, loc: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.loc = loc


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Concept(_Strict):
    """An idea the lesson taught; delegations cite it by name."""

    id: Identifier
    name: Text
    summary: Text


class Option(_Strict):
    id: Identifier
    text: Text


class LessonQuestion(_Strict):
    """A question of the lesson, with the options a delegation chooses among."""

    id: Identifier
    text: Text
    about: Text | None = Field(
        default=None,
        description="what the question is about, as a short phrase that reads after 'on' ('space traffic'); "
        "derived from the question's text when absent",
    )
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _unique_options(self) -> LessonQuestion:
        _require_unique(
            [o.id for o in self.options], "option id", f"question '{self.id}'", ("options",)
        )
        return self


class Fact(_Strict):
    """A common misconception and its correction, used after the naive questions."""

    claim: Text
    correction: Text
    keywords: list[Text] = Field(default_factory=list, description="words that signal this claim")


class Lesson(_Strict):
    topic: Text
    summary: Text
    concepts: list[Concept] = Field(default_factory=list)
    questions: list[LessonQuestion] = Field(min_length=1)
    facts: list[Fact] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_ids(self) -> Lesson:
        _require_unique(
            [c.id for c in self.concepts], "concept id", "lesson.concepts", ("concepts",)
        )
        _require_unique(
            [q.id for q in self.questions], "question id", "lesson.questions", ("questions",)
        )
        return self


class Moderator(_Strict):
    name: Text
    role: Text = "Mediator and educator"


class TalkingPoint(_Strict):
    theme: Text
    text: Text


class Delegation(_Strict):
    """One nation at the table, with its voice, interests and rivalries."""

    name: Text
    tone: Text
    summary: Text
    interests: list[Text] = Field(min_length=1)
    answers: dict[str, str] = Field(default_factory=dict, description="question id -> option id")
    talking_points: list[TalkingPoint] = Field(default_factory=list)
    position: PositionPaper = Field(default_factory=PositionPaper, description="the delegation's position paper")
    relations: dict[str, Annotated[float, Field(ge=-1.0, le=1.0)]] = Field(default_factory=dict)
    naive_question: Text | None = None
    smartest_question: Text | None = None

    @model_validator(mode="after")
    def _has_material(self) -> Delegation:
        if not self.talking_points and self.position.is_empty():
            raise LocatedValueError(
                f"delegation '{self.name}' has nothing to argue from; give it a position paper "
                "(position: {arguments: [...], ...}) or at least one talking point",
                ("position",),
            )
        return self

    def material(self) -> list[Unit]:
        """Every unit this delegation can argue from: its position paper, then its talking
        points read as arguments (``egypt.point.3``), so older scenario files have material too."""
        points = [
            Unit(f"{slug(self.name)}.point.{i}", "argument", self.name, tp.text, on=tp.theme, claim=tp.text)
            for i, tp in enumerate(self.talking_points, start=1)
        ]
        return [*units_of(self.name, self.position), *points]


class Welcome(_Strict):
    phase: Literal[Phase.WELCOME]


class Opening(_Strict):
    phase: Literal[Phase.OPENING]


AGENDA_ID_HELP = "names the item for `answers:` links; needed only when the agenda has several of its kind"
class Probe(_Strict):
    phase: Literal[Phase.PROBE]
    id: UnitId | None = Field(default=None, description=AGENDA_ID_HELP)
    target: Text
    question: Text
    responses: int = Field(default=2, ge=0, le=30)


class Crosstalk(_Strict):
    phase: Literal[Phase.CROSSTALK]
    turns: int = Field(default=4, ge=1, le=200)


class EdgeCase(_Strict):
    phase: Literal[Phase.EDGE_CASE]
    id: UnitId | None = Field(default=None, description=AGENDA_ID_HELP)
    scenario: Text
    responses: int = Field(default=3, ge=1, le=30)


class Reframe(_Strict):
    phase: Literal[Phase.REFRAME]
    by: Text
    focus: Text | None = Field(default=None, description="the shift of focus proposed")
    responses: int = Field(default=3, ge=1, le=30)


class NaiveQuestions(_Strict):
    phase: Literal[Phase.NAIVE_QUESTIONS]


class SmartestQuestions(_Strict):
    phase: Literal[Phase.SMARTEST_QUESTIONS]


class Synthesis(_Strict):
    phase: Literal[Phase.SYNTHESIS]
    question: Text


class CommonGround(_Strict):
    phase: Literal[Phase.COMMON_GROUND]
    pairs: int = Field(
        default=3, ge=1, le=20, description="at most this many rival pairs are named"
    )


class Closing(_Strict):
    phase: Literal[Phase.CLOSING]


AgendaItem = Annotated[
    Welcome | Opening | Probe | Crosstalk | EdgeCase | Reframe | NaiveQuestions | SmartestQuestions | Synthesis
    | CommonGround | Closing,
    Field(discriminator="phase"),
]

class Epilogue(_Strict):
    narration: Text | None = None
    afterword: Text | None = None


class PhraseOverrides(_Strict):
    """Connecting phrases a scenario adds to the bundled phrase banks, slot by slot (or puts in their
    place, with ``replace``): another voice for the mediator, or another language."""

    replace: bool = Field(default=False, description="the scenario's phrases replace the bundled ones of a slot")
    delegation: dict[str, list[Text]] = Field(default_factory=dict, description="slot -> phrases")
    mediator: dict[str, list[Text]] = Field(default_factory=dict, description="slot -> phrases")


class Scenario(_Strict):
    """A whole diplomatic classroom: the lesson, the mediator, the delegations and the agenda."""

    title: Text
    premise: Text
    lesson: Lesson
    moderator: Moderator
    delegations: list[Delegation] = Field(min_length=MIN_DELEGATIONS, max_length=MAX_DELEGATIONS)
    agenda: list[AgendaItem] = Field(min_length=1)
    epilogue: Epilogue = Field(default_factory=Epilogue)
    phrases: PhraseOverrides = Field(default_factory=PhraseOverrides, description="phrases added to the banks")

    @model_validator(mode="after")
    def _cross_references(self) -> Scenario:
        names = [d.name for d in self.delegations]
        _require_unique(names, "delegation name", "delegations", ("delegations",), "name")
        if self.moderator.name in names:
            raise LocatedValueError(
                f"the moderator '{self.moderator.name}' is also a delegation; "
                "give them different names",
                ("moderator", "name"),
            )
        questions = {q.id: q for q in self.lesson.questions}
        for i, d in enumerate(self.delegations):
            _check_answers(d, questions, ("delegations", i, "answers"))
            _check_relations(d, names, ("delegations", i, "relations"))
        _check_material(self, names, questions)
        for i, item in enumerate(self.agenda):
            who = getattr(item, "target", None) or getattr(item, "by", None)
            if who is not None and who not in names:
                field = "target" if getattr(item, "target", None) else "by"
                raise LocatedValueError(
                    f"agenda[{i}] ({item.phase}) names '{who}', which is not a delegation; "
                    f"use one of: {', '.join(names)}",
                    ("agenda", i, field),
                )
        return self

    def delegation(self, name: str) -> Delegation:
        for d in self.delegations:
            if d.name == name:
                return d
        raise KeyError(name)

    def units(self) -> dict[str, Unit]:
        """Every delegation's material by unit id."""
        return {u.id: u for d in self.delegations for u in d.material()}

    def relation(self, a: str, b: str) -> float:
        """Relation of two delegations, -1 (rival) … +1 (ally); symmetric when one side says."""
        da, db = self.delegation(a), self.delegation(b)
        if b in da.relations and a in db.relations:
            return (da.relations[b] + db.relations[a]) / 2
        return da.relations.get(b, db.relations.get(a, 0.0))


def _require_unique(
    values: list[str], what: str, where: str, at: tuple[str | int, ...] = (), key: str = "id"
) -> None:
    seen: set[str] = set()
    for i, v in enumerate(values):
        if v in seen:
            raise LocatedValueError(
                f"duplicate {what} '{v}' in {where}; each must be unique", (*at, i, key)
            )
        seen.add(v)


def _check_answers(
    d: Delegation, questions: dict[str, LessonQuestion], at: tuple[str | int, ...] = ()
) -> None:
    for qid, oid in d.answers.items():
        if qid not in questions:
            raise LocatedValueError(
                f"delegation '{d.name}' answers question '{qid}', which the lesson does not ask; "
                f"use one of: {', '.join(questions)}",
                (*at, qid),
            )
        options = [o.id for o in questions[qid].options]
        if oid not in options:
            raise LocatedValueError(
                f"delegation '{d.name}' answers '{qid}' with '{oid}', which is not an option; "
                f"use one of: {', '.join(options)}",
                (*at, qid),
            )


def _check_relations(d: Delegation, names: list[str], at: tuple[str | int, ...] = ()) -> None:
    for other in d.relations:
        if other == d.name:
            raise LocatedValueError(
                f"delegation '{d.name}' lists a relation with itself; remove it", (*at, other)
            )
        if other not in names:
            raise LocatedValueError(
                f"delegation '{d.name}' has a relation with '{other}', which is not a delegation; "
                f"use one of: {', '.join(n for n in names if n != d.name)}",
                (*at, other),
            )


def _check_material(scenario: Scenario, names: list[str], questions: dict[str, LessonQuestion]) -> None:
    """Unit ids are unique, and every reference in a position paper points at something real."""
    seen: dict[str, str] = {}
    units = [(i, d, u) for i, d in enumerate(scenario.delegations) for u in d.material()]
    for i, d, unit in units:
        at = _unit_loc(i, d, unit)
        if unit.id in seen:
            raise LocatedValueError(
                f"unit id '{unit.id}' of '{d.name}' is already used by '{seen[unit.id]}'; "
                "unit ids must be unique in the scenario",
                (*at, "id"),
            )
        seen[unit.id] = d.name
    asked_by = {u.id: d.name for _, d, u in units if u.kind == "question"}
    linkable = {"probe", "edge_case", *(getattr(item, "id", None) or "probe" for item in scenario.agenda)}
    for i, d, unit in units:
        at = _unit_loc(i, d, unit)
        if unit.question is not None and unit.question not in questions:
            raise LocatedValueError(
                f"a reason of '{d.name}' is for question '{unit.question}', which the lesson does not ask; "
                f"use one of: {', '.join(questions)}",
                (*at, "question"),
            )
        for field, who in (("to", unit.to), ("delegation", _target(unit, "delegation"))):
            if who is not None and (who not in names or who == d.name):
                others = ", ".join(n for n in names if n != d.name)
                raise LocatedValueError(
                    f"'{d.name}' ({unit.id}) names '{who}', which is not another delegation; use one of: {others}",
                    (*at, "against", field) if field == "delegation" else (*at, field),
                )
        option = _target(unit, "option")
        if option is not None:
            qid, _, oid = option.partition(".")
            valid = [f"{q.id}.{o.id}" for q in questions.values() for o in q.options]
            if qid not in questions or oid not in {o.id for o in questions[qid].options}:
                raise LocatedValueError(
                    f"a rebuttal of '{d.name}' is against option '{option}', which is not in the lesson; "
                    f"write it as question.option, one of: {', '.join(valid)}",
                    (*at, "against", "option"),
                )
        for link in unit.answers:  # another delegation's question, or a probe or hard case of the agenda
            if link not in linkable and asked_by.get(link, d.name) == d.name:
                raise LocatedValueError(
                    f"unit '{unit.id}' of '{d.name}' answers '{link}', which is not another delegation's question; "
                    "write a question unit's id, 'probe', 'edge_case', or the id of a probe or hard case of the agenda",
                    (*at, "answers"),
                )
        aimed = _target(unit, "unit")
        if aimed is not None and (aimed not in seen or seen[aimed] == d.name):
            raise LocatedValueError(
                f"a rebuttal of '{d.name}' is against unit '{aimed}', which is not another delegation's unit; "
                "name an id from another delegation's position paper",
                (*at, "against", "unit"),
            )


def _target(unit: Unit, kind: str) -> str | None:
    if unit.target and unit.target.startswith(f"{kind}:"):
        return unit.target.split(":", 1)[1]
    return None


def _unit_loc(index: int, d: Delegation, unit: Unit) -> tuple[str | int, ...]:
    """Where a unit sits in the file, for the error message."""
    if unit.id.startswith(f"{slug(d.name)}.point."):
        return ("delegations", index, "talking_points", int(unit.id.rsplit(".", 1)[1]) - 1)
    field = PAPER_FIELDS[unit.kind]
    ids = [u.id for u in d.material() if u.kind == unit.kind]
    return ("delegations", index, "position", field, ids.index(unit.id))
