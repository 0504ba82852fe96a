"""The mediator quotes a complete clause, never a phrase cut off, and reports an offer only when
the delegation's words can be passed on without rewriting a pronoun."""

from __future__ import annotations

import pytest

from summitry.realize.reported import QUOTE_WORDS, quotable, report
from summitry.scenario import bundled_names, load_scenario
from summitry.scenario.index import unit_index

CONJUNCTIONS = ("because", "so", "but", "whereas", "although", "though", "while", "unless", "since", "until", "even",
                "or", "rather", "-", "\u2014", "\u2013")


def test_a_long_sentence_is_cut_at_a_clause_boundary_and_a_short_one_kept_whole():
    long = ("We want an international body because orbit is used by all, and traffic cannot be managed by "
            "the catalogue of one military alone.")
    assert quotable(long) == "We want an international body"
    assert quotable("We tested responsibly and only once. It was low.") == "We tested responsibly and only once"
    # a sentence that opens on a condition is a thought only as a whole
    conditional = ("If removal is left to the market, only rich operators will clear their own orbits, and a "
                   "spacecraft that can grab debris can also grab a satellite.")
    assert quotable(conditional) == conditional.rstrip(".")


@pytest.mark.parametrize("name", bundled_names())
def test_every_quote_of_a_bundled_unit_is_a_leading_clause_of_its_first_sentence(name):
    for unit in unit_index(load_scenario(name)).values():
        quote = quotable(unit.text)
        assert unit.text.startswith(quote) and "…" not in quote
        rest = unit.text[len(quote):]
        cut_at_boundary = rest[:1] in ("", ".", "?", "!", ",", ";", ":", " ") and (
            not rest.startswith(" ") or rest.split()[0].strip(",;:") in CONJUNCTIONS
        )
        assert cut_at_boundary, f"{quote!r} stops mid-phrase in {unit.text!r}"
        assert len(quote.split()) <= QUOTE_WORDS or quote.count(".") == 0


def test_an_offer_is_reported_in_the_delegations_words_only_without_another_first_person():
    proposal = report("We propose that every state join the pledge this year.")
    assert proposal is not None and proposal.said() == "proposes that every state join the pledge this year"
    assert proposal.said(past=True).startswith("proposed that")
    pause = report("We would join a precautionary pause rather than insist on a ban at once.")
    assert pause is not None and pause.said() == "would join a precautionary pause rather than insist on a ban at once"
    assert report("We will not let an organisation we never joined veto American companies.") is None
    assert report("Our gauges already measure the inflow every hour.") is None
