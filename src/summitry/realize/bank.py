"""Phrase banks: the composer's and the mediator's connecting phrases, kept as validated data.

The bundled banks are YAML files in ``summitry/realize/data/``: each slot names the placeholders
its phrases may use, what its phrases assert about the material that follows them (``asserts``:
an agreement, a disagreement, an answer, a fact …, or nothing) and lists the phrases. The
composer says a phrase only where what it asserts verifiably holds for the turn
(:mod:`summitry.realize.relation`). A scenario may add phrases to a slot, or replace the bundled
ones (its ``phrases`` section), for example to give the mediator another voice or another
language. Every phrase is checked when the bank is built: a slot that does not exist or a
placeholder the slot does not offer is an error that says which phrase and what to use instead.
"""

from __future__ import annotations

import string
from functools import lru_cache
from importlib import resources
from typing import Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from summitry.errors import ScenarioError
from summitry.scenario.model import PhraseOverrides, Scenario

BANKS = ("delegation", "mediator")

# What a phrase claims about the material after it; "nothing" for a phrase that claims nothing.
Assertion = Literal[
    "nothing", "agreement", "disagreement", "answer", "fact", "offer", "proposal", "red_line", "question",
    "widening", "condition", "thanks", "declines", "case", "spoken",
]
ASSERTIONS: tuple[str, ...] = get_args(Assertion)


class Slot(BaseModel):
    """One slot of a bank: the placeholders its phrases may use, and the phrases."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    placeholders: tuple[str, ...] = ()
    asserts: Assertion = "nothing"
    phrases: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _placeholders_known(self) -> Slot:
        for phrase in self.phrases:
            check_phrase(phrase, self.placeholders)
        return self


class Bank(BaseModel):
    """A named set of slots."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    slots: dict[str, Slot]

    def __getitem__(self, slot: str) -> tuple[str, ...]:
        return self.slots[slot].phrases

    def asserts(self, slot: str) -> str:
        """What the slot's phrases assert about the material that follows them."""
        return self.slots[slot].asserts


def placeholders(phrase: str) -> list[str]:
    """The placeholders a phrase uses, as written ('{A}' gives 'A')."""
    return [field for _, field, _, _ in string.Formatter().parse(phrase) if field]


def check_phrase(phrase: str, placeholders: tuple[str, ...]) -> None:
    """Raise ValueError when a phrase uses a placeholder its slot does not offer."""
    allowed = {p for name in placeholders for p in (name, name[:1].upper() + name[1:])}
    for _, field, _, _ in string.Formatter().parse(phrase):
        if field is not None and field not in allowed:
            offered = ", ".join("{" + p + "}" for p in placeholders) or "none"
            raise ValueError(
                f"the phrase {phrase!r} uses {{{field}}}, which its slot does not offer (offered: {offered})"
            )


@lru_cache(maxsize=4)
def bundled(name: str) -> Bank:
    """A bundled bank by name: 'delegation' or 'mediator'."""
    text = resources.files("summitry.realize").joinpath("data", f"{name}.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml reads the banks ten times faster
    return Bank.model_validate({"slots": yaml.load(text, Loader=loader)})


def bank_for(scenario: Scenario, name: str) -> Bank:
    """The bank a session uses: the bundled one with the scenario's phrases added or put in place."""
    return _merged(name, scenario.phrases)


def _merged(name: str, overrides: PhraseOverrides) -> Bank:
    base = bundled(name)
    given: dict[str, tuple[str, ...]] = getattr(overrides, name)
    if not given:
        return base
    slots = dict(base.slots)
    for slot, phrases in given.items():
        if slot not in slots:
            raise ScenarioError(
                f"the scenario's phrases name a {name} slot '{slot}', which does not exist",
                field=f"phrases.{name}.{slot}",
                hint=f"use one of: {', '.join(sorted(slots))}",
            )
        kept = () if overrides.replace else slots[slot].phrases
        try:
            slots[slot] = Slot(
                placeholders=slots[slot].placeholders, asserts=slots[slot].asserts, phrases=(*kept, *phrases)
            )
        except ValidationError as exc:
            raise ScenarioError(
                f"a phrase of the scenario's {name} slot '{slot}' is not usable: {exc.errors()[0]['msg']}",
                field=f"phrases.{name}.{slot}",
                hint="use only the placeholders the slot offers, or write the words out",
            ) from exc
    return Bank(slots=slots)
