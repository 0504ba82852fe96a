"""What a debate decides, and where each speaker stands on it, from the speakers' own words.

**The proposal.** Sentences that name a text with a determiner ("the draft resolution", "this
motion", "our text", "the Brazilian draft") are references. A debate decides a proposal when
delegations refer to one and someone speaks of deciding it (vote, adopt, veto, abstain,
co-sponsor) or the transcript's title or premise names it. A reference that says whose text it
is ("proposed by X", "X's draft", "our text") has a sponsor; when two or more speakers name the
same sponsor, that sponsor's text is the main proposal and references to other sponsors' texts
are set aside. An amendment is never the main proposal.

**Positions.** Each speaker is placed from four kinds of evidence, strongest first:

- ``vote``: it says how it votes or voted ("we voted against", "India has decided to abstain",
  "we are one of its co-sponsors"); an abstention wins over the "cannot vote in favour" that
  often explains it;
- ``text``: a sentence naming the proposal judges it ("our proposed text", "seriously out of
  balance", "we regret that the draft was not adopted", "made no mention of");
- ``part``: the same, about part of it ("the draft resolution's emphasis on");
- ``side``: what it says of others: criticising a veto, or praising or criticising a speaker
  whose own words placed it.

The strongest kind present decides, by majority (a tie is ``neutral``). Its confidence is the
rate at which that kind matched the recorded vote on labelled debates
(:mod:`.calibration`); below the measured threshold the position is ``unknown``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from summitry.analysis.findings.relations import Relation, speaker_matcher
from summitry.analysis.primitives.calibration import KINDS, Calibration, EvidenceKind, calibration
from summitry.analysis.primitives.corpus import Corpus
from summitry.analysis.primitives.debate_cues import CueBook, cue_book
from summitry.analysis.primitives.sentences import Sentence
from summitry.analysis.schema import Evidence, ProposalReport, ProposalStance
from summitry.text.names import NameMatcher
from summitry.text.sentences import split_sentences

MIN_REFERRING_DELEGATIONS = 2  # one delegation naming "our proposal" is not yet a debate on it (a guess, not measured)
MIN_NAMING_SPEAKERS = 2  # a sponsor named by this many speakers makes its text the main one (a guess, not measured)
SPONSOR_WINDOW = 60  # characters after a reference searched for "proposed by X" (a guess, not measured)
TEXT_CHARS = 200  # characters of the proposal's text shown (a guess, not measured)
QUOTES_KEPT = 3  # a guess, not measured
EVIDENCE_KEPT = 6  # a guess, not measured
SIDE_ROUNDS = 2  # a speaker placed only by what it said of others can place a third (a guess)
_HEADER_PROPOSAL = re.compile(r"\b(?:draft resolution|draft|motion|bill|proposal|resolution)\b[^.;:\n]*", re.IGNORECASE)
_SYMBOL = re.compile(r"\b[A-Z]{1,3}/(?:RES/)?\d{2,4}/[\w.-]*\d\b")
_OPPOSITE = {"supports": "opposes", "opposes": "supports"}


@dataclass(frozen=True, slots=True)
class Reference:
    """A sentence naming a text that is or may be decided."""

    sentence: Sentence
    words: str
    sponsor: str | None
    amendment: bool


@dataclass(frozen=True)
class Proposal:
    """The main proposal of a debate: how to name it, its sponsor, the sentences about it."""

    text: str
    sponsor: str | None
    references: list[Reference]

    def is_main(self, ref: Reference) -> bool:
        return not ref.amendment and (self.sponsor is None or ref.sponsor in (None, self.sponsor))


@dataclass(frozen=True, slots=True)
class Clue:
    """One piece of evidence for where a speaker stands."""

    sentence: Sentence
    side: str  # supports | opposes | abstains
    kind: EvidenceKind


def references(sentence: Sentence, book: CueBook, names: NameMatcher) -> list[Reference]:
    """The texts a sentence names, with their sponsor when the sentence says whose they are."""
    out = []
    for m in book.proposal.finditer(sentence.text):
        words = m.group(0)
        sponsor = None
        if words.lower().startswith(("our ", "my ")):
            sponsor = sentence.speaker
        else:
            owners = [x.name for x in names.mentions(words)]
            after = sentence.text[m.end() : m.end() + SPONSOR_WINDOW]
            if book.sponsor.match(after.lstrip()):
                owners += [x.name for x in names.mentions(after)][:1]
            sponsor = owners[0] if owners else None
        out.append(Reference(sentence, words, sponsor, "amendment" in words.lower()))
    return out


def find_proposal(corpus: Corpus, book: CueBook | None = None) -> Proposal | None:
    """The proposal the debate decides, or None when it decides none (see the module docstring)."""
    book = book or cue_book()
    names = speaker_matcher(corpus, book)
    members = set(corpus.delegations)
    spoken = [s for s in corpus.sentences if s.speaker in members and not s.is_quoted]
    refs = [r for s in spoken for r in references(s, book, names)]
    referring = {r.sentence.speaker for r in refs if not r.amendment}
    header = " ".join([corpus.transcript.title or "", corpus.transcript.premise or ""])
    decided = any(book.decision.search(s.text) for s in spoken) or bool(book.proposal.search(header))
    if len(referring) < MIN_REFERRING_DELEGATIONS or not decided:
        return None
    sponsor = _main_sponsor(refs)
    main = Proposal("", sponsor, refs)
    kept = [r for r in refs if main.is_main(r)]
    return Proposal(_describe(corpus, kept, sponsor), sponsor, kept)


def _main_sponsor(refs: list[Reference]) -> str | None:
    naming: dict[str, set[str]] = {}
    for r in refs:
        if r.sponsor is not None and not r.amendment:
            naming.setdefault(r.sponsor, set()).add(r.sentence.speaker)
    ranked = sorted(naming.items(), key=lambda kv: -len(kv[1]))
    return ranked[0][0] if ranked and len(ranked[0][1]) >= MIN_NAMING_SPEAKERS else None


def _describe(corpus: Corpus, refs: list[Reference], sponsor: str | None) -> str:
    """The proposal in words: as the title or premise names it, else as the speakers do."""
    for line in [corpus.transcript.title or "", *split_sentences(corpus.transcript.premise or "")]:
        found = _HEADER_PROPOSAL.search(line)
        if found:
            return found.group(0).strip()[:TEXT_CHARS]
    nouns = Counter(re.sub(r"^\S+\s+", "the ", r.words.lower()) for r in refs)
    text = nouns.most_common(1)[0][0] if nouns else "the proposal"
    symbol = next((m.group(0) for r in refs for m in [_SYMBOL.search(r.sentence.text)] if m), None)
    text += f" ({symbol})" if symbol else ""
    return text + (f", proposed by {sponsor}" if sponsor else "")


def direct_clues(corpus: Corpus, proposal: Proposal, book: CueBook | None = None) -> list[Clue]:
    """Votes and judgements of the text, from each speaker's sentences about the proposal."""
    book = book or cue_book()
    names = speaker_matcher(corpus, book)
    aliases = book.aliases_for(corpus.delegations)
    own = {d: book.self_pattern([d, *aliases.get(d, [])]) for d in corpus.delegations}
    others = {
        d: book.names_pattern(f for o in corpus.delegations if o != d for f in [o, *aliases.get(o, [])])
        for d in corpus.delegations
    }
    out: list[Clue] = []
    for s in corpus.sentences:
        if s.speaker not in own or s.is_quoted:
            continue
        refs = references(s, book, names)
        if refs and not any(proposal.is_main(r) for r in refs):
            continue  # about another text: a rival draft or an amendment
        vote = book.vote_of(s.text, own[s.speaker], others[s.speaker])
        if vote is not None:
            out.append(Clue(s, vote, "vote"))
        elif refs:
            judged = book.judgement(s.text)
            if judged:
                kind: EvidenceKind = "part" if book.part.search(s.text) else "text"
                out.append(Clue(s, "supports" if judged > 0 else "opposes", kind))
    return out


def side_clues(relations: list[Relation], direct: Mapping[str, str]) -> list[Clue]:
    """What speakers say of others: criticising a veto sides with the text; praising a placed
    speaker sides with it, criticising one sides against it."""
    out: list[Clue] = []
    for r in relations:
        if r.about_veto and r.sign < 0:
            out.append(Clue(r.sentence, "supports", "side"))
        elif direct.get(r.target) in _OPPOSITE:
            side = direct[r.target] if r.sign > 0 else _OPPOSITE[direct[r.target]]
            out.append(Clue(r.sentence, side, "side"))
    return out


def decide(clues: list[Clue], table: Calibration) -> ProposalStance:
    """One speaker's position from its clues: the strongest kind present, by majority."""
    for kind in KINDS:
        mine = [c for c in clues if c.kind == kind]
        if not mine:
            continue
        counts = Counter(c.side for c in mine).most_common()
        if kind == "vote" and any(side == "abstains" for side, _ in counts):
            side = "abstains"
        elif len(counts) > 1 and counts[0][1] == counts[1][1]:
            side = "neutral"
        else:
            side = counts[0][0]
        confidence = table.confidence(kind)
        chosen = [c for c in mine if side in ("neutral", c.side)]
        return ProposalStance(
            position=side if table.decided(confidence) else "unknown",
            confidence=confidence,
            evidence=kind,
            turns=sorted({c.sentence.turn for c in chosen}),
            quotes=list(dict.fromkeys(c.sentence.text for c in chosen))[:QUOTES_KEPT],
        )
    return ProposalStance(position="unknown", confidence=0.0, evidence="none", turns=[], quotes=[])


def place_speakers(
    corpus: Corpus,
    proposal: Proposal,
    relations: list[Relation],
    table: Calibration | None = None,
    book: CueBook | None = None,
) -> dict[str, ProposalStance]:
    """Every delegation's position on the proposal."""
    table = table or calibration()
    direct = direct_clues(corpus, proposal, book)
    by_speaker: dict[str, list[Clue]] = {d: [] for d in corpus.delegations}
    for c in direct:
        by_speaker[c.sentence.speaker].append(c)
    # Sides are read from the direct evidence before any threshold: how reliable that chain
    # is, is measured as the "side" kind itself.
    raw = Calibration(threshold=0.0, kinds={})
    placed = {d: decide(cs, raw).position for d, cs in by_speaker.items()}
    for _ in range(SIDE_ROUNDS):
        sides = {d: list(cs) for d, cs in by_speaker.items()}
        for c in side_clues(relations, placed):
            sides[c.sentence.speaker].append(c)
        placed = {d: decide(cs, raw).position for d, cs in sides.items()}
    return {d: decide(cs, table) for d, cs in sides.items()}


def proposal_report(
    corpus: Corpus, proposal: Proposal, relations: list[Relation], table: Calibration | None = None
) -> ProposalReport:
    """The ``proposal`` section of the report."""
    stances = place_speakers(corpus, proposal, relations, table)
    placed = sum(1 for s in stances.values() if s.position != "unknown")
    return ProposalReport(
        text=proposal.text,
        sponsor=proposal.sponsor,
        stances=stances,
        confidence=round(placed / len(stances), 3) if stances else 0.0,
        evidence=[
            Evidence(turn=r.sentence.turn, speaker=r.sentence.speaker, quote=r.sentence.text)
            for r in proposal.references[:EVIDENCE_KEPT]
        ],
    )
