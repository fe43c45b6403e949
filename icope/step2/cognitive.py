"""Cognitive step 2: MoCA ([S24]), Mini-Cog ([S26]) and MMSE ([S25]) (docs/icope.md §2.3)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from icope.step2.base import AssessmentInput, Step2Result
from icope.vocab import Instrument
from parcours.core.plausibility import plausible_int

Score30 = Annotated[int, Field(ge=0, le=30)]

MOCA_NORMAL_FROM = 26  # [S24]: ≥ 26 normal
MOCA_EDUCATION_BONUS_UP_TO_YEARS = 12  # [S24]: +1 point with ≤ 12 years of education
MINI_COG_POSITIVE_BELOW = 3  # [S26]
MINI_COG_CLOCK_POINTS = 2
MMSE_IMPAIRED_BELOW = 24  # [S25] generic cut-off


class MocaInput(AssessmentInput):
    """Raw MoCA total and years of education."""

    instrument: Literal["moca"]
    raw_score: Score30
    education_years: Annotated[int, plausible_int("education_years")]  # docs/plausibility.md


class MiniCogInput(AssessmentInput):
    """Words recalled and whether the clock drawing is normal."""

    instrument: Literal["mini_cog"]
    words_recalled: Annotated[int, Field(ge=0, le=3)]
    clock_normal: bool


class MmseInput(AssessmentInput):
    """MMSE total."""

    instrument: Literal["mmse"]
    score: Score30


def score_moca(doc: MocaInput) -> Step2Result:
    """Adjusted score (+1 with ≤ 12 years of education, at most 30); impaired below 26."""
    bonus = 1 if doc.education_years <= MOCA_EDUCATION_BONUS_UP_TO_YEARS else 0
    adjusted = min(30, doc.raw_score + bonus)
    impaired = adjusted < MOCA_NORMAL_FROM
    return Step2Result(
        Instrument.MOCA, adjusted, 30, "impaired" if impaired else "normal", impaired, {"raw_score": doc.raw_score}
    )


def score_mini_cog(doc: MiniCogInput) -> Step2Result:
    """Words (0–3) + clock (normal 2, abnormal 0); a total below 3 is a positive screen."""
    total = doc.words_recalled + (MINI_COG_CLOCK_POINTS if doc.clock_normal else 0)
    positive = total < MINI_COG_POSITIVE_BELOW
    return Step2Result(Instrument.MINI_COG, total, 5, "positive" if positive else "normal", positive)


def score_mmse(doc: MmseInput) -> Step2Result:
    """Impaired below 24 (generic cut-off; French norms adjust for age and education)."""
    impaired = doc.score < MMSE_IMPAIRED_BELOW
    return Step2Result(Instrument.MMSE, doc.score, 30, "impaired" if impaired else "normal", impaired)
