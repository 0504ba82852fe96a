"""The proposal a debate decides and where each speaker stands, on a hand-written council with a
known vote, and the real Security Council debates of tests/data/debates."""

from __future__ import annotations

import pytest

from summitry.analysis.findings.proposal import find_proposal, place_speakers
from summitry.analysis.findings.relations import find_relations
from summitry.analysis.primitives.calibration import Calibration, Count, load_calibration
from summitry.analysis.primitives.corpus import build_corpus
from summitry.analysis.primitives.debate_cues import cue_book
from summitry.errors import AnalysisError

from .helpers import DATA, MEASURED, council_corpus, quick_parse


@pytest.fixture(scope="module")
def council():
    corpus = council_corpus()
    proposal = find_proposal(corpus)
    relations = find_relations(corpus)
    return corpus, proposal, relations


def test_the_proposal_and_its_sponsor_are_found(council) -> None:
    _, proposal, _ = council
    assert proposal is not None
    assert proposal.sponsor == "Ardia"  # named by Ardia ("our draft") and by Borvia
    assert "draft resolution" in proposal.text
    assert not any(r.amendment for r in proposal.references)


def test_each_speaker_is_placed_from_its_own_words(council) -> None:
    corpus, proposal, relations = council
    stances = place_speakers(corpus, proposal, relations, MEASURED)
    got = {d: s.position for d, s in stances.items()}
    assert got == {
        "Ardia": "supports",
        "Borvia": "supports",
        "Cestia": "opposes",
        "Dorne": "abstains",  # its vote against Cestia's amendment is about another text
        "Estia": "unknown",  # "Cestia voted against" is Cestia's vote, not Estia's
    }
    assert stances["Dorne"].evidence == "vote" and stances["Dorne"].quotes == [
        "We abstained, because the river needs more study before any text is adopted."
    ]
    assert stances["Estia"].confidence == 0.0 and stances["Estia"].evidence == "none"


def test_below_the_measured_threshold_the_position_is_unknown(council) -> None:
    corpus, proposal, relations = council
    weak = Calibration(threshold=0.6, kinds={k: Count(n=4, correct=2) for k in ("vote", "text", "part", "side")})
    stances = place_speakers(corpus, proposal, relations, weak)
    assert {s.position for s in stances.values()} == {"unknown"}
    assert stances["Ardia"].confidence == 0.5 and stances["Ardia"].quotes  # evidence is still shown


def test_a_classroom_session_decides_no_proposal() -> None:
    transcript = quick_parse((DATA / "harbour-council.txt").read_text(encoding="utf-8"), moderator="Moderator")
    assert find_proposal(build_corpus(transcript)) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We do not support this resolution's call for a pause.", -1),
        ("We support the draft resolution.", 1),
        ("The United States is disappointed this resolution made no mention of the hostages.", -1),
        ("We regret that the draft resolution was not adopted.", 1),
        ("Yes, resolutions are important.", 0),  # no reference to a text: judged by the caller
    ],
)
def test_judgements_of_the_text_read_negation(sentence: str, expected: int) -> None:
    book = cue_book()
    assert (book.judgement(sentence) if book.proposal.search(sentence) else 0) == expected


def test_an_abstention_wins_over_the_reason_given_for_it() -> None:
    book = cue_book()
    own = book.self_pattern(["Ardia"])
    assert book.vote_of("We cannot vote in favour of a text that fails them, so we abstained.", own) == "abstains"
    assert book.vote_of("We regret that the draft has been vetoed by Cestia.", own) is None
    assert book.vote_of("Ardia has decided to abstain on this resolution.", own) == "abstains"


def test_a_broken_calibration_table_says_how_to_fix_it() -> None:
    with pytest.raises(AnalysisError, match="--calibrate"):
        load_calibration("threshold: 2\nkinds: {}\n", "calibration.yaml")
    assert Count(n=0, correct=0).confidence == 0.5 and Count(n=8, correct=8).confidence == 0.9
