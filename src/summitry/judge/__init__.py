"""The judge: a capable chat model reads a transcript with the project's rubric.

    rubric.md   the rubric, package data
    verdict.py  the answer's schema (Verdict) and the figures made from it (Judgement)
    prompt.py   the messages: rubric, schema, numbered transcript; fitting the context
    judge.py    asking, parsing, one retry with the validation error
"""

from summitry.judge.judge import Reader, judge_transcript, parse_verdict
from summitry.judge.verdict import FINDINGS, SCORES, Judgement, Verdict

__all__ = ["FINDINGS", "SCORES", "Judgement", "Reader", "Verdict", "judge_transcript", "parse_verdict"]
