"""Psychological step 2: GDS-15 (docs/icope.md §2.4 [S22]) and PHQ-9 ([S23], US Core [S29])."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from icope.step2.base import AssessmentInput, Step2Result
from icope.vocab import Instrument

# docs/icope.md §2.4: reverse-keyed GDS-15 items (1-based) score 1 for "no".
GDS_REVERSED = frozenset({1, 5, 7, 11, 13})
GDS_BANDS = ((4, "normal"), (8, "mild"), (11, "moderate"), (15, "severe"))
GDS_ABNORMAL_FROM = 5
# docs/icope.md §2.4: PHQ-9 bands at 5/10/15/20; ≥ 10 referral; item 9 > 0 urgent.
PHQ_BANDS = ((4, "minimal"), (9, "mild"), (14, "moderate"), (19, "moderately_severe"), (27, "severe"))
PHQ_ABNORMAL_FROM = 10


class Gds15Input(AssessmentInput):
    """The 15 yes/no answers (true = yes) in the standard item order."""

    instrument: Literal["gds15"]
    answers: Annotated[list[bool], Field(min_length=15, max_length=15)]


class Phq9Input(AssessmentInput):
    """The nine items, each 0–3."""

    instrument: Literal["phq9"]
    items: Annotated[list[Annotated[int, Field(ge=0, le=3)]], Field(min_length=9, max_length=9)]


def score_gds15(doc: Gds15Input) -> Step2Result:
    """One point per depressive answer; ≥ 5 suggests depression."""
    total = sum(answer is not (n in GDS_REVERSED) for n, answer in enumerate(doc.answers, start=1))
    band = next(name for upper, name in GDS_BANDS if total <= upper)
    return Step2Result(Instrument.GDS15, total, 15, band, total >= GDS_ABNORMAL_FROM)


def score_phq9(doc: Phq9Input) -> Step2Result:
    """Sum 0–27; ≥ 10 abnormal; any thought of death or self-harm (item 9) is urgent."""
    total = sum(doc.items)
    band = next(name for upper, name in PHQ_BANDS if total <= upper)
    return Step2Result(Instrument.PHQ9, total, 27, band, total >= PHQ_ABNORMAL_FROM, {"urgent": doc.items[8] > 0})
