"""Sensory step 2: visual acuity (docs/icope.md §2.6), audiometry and hearWHO (docs/icope.md §2.5)."""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from icope.step2.base import AssessmentInput, Step2Result
from icope.vocab import Instrument
from parcours.core.plausibility import BOUNDS, plausible

# docs/icope.md §2.6: refer when distance acuity is worse than 6/12 (decimal 0.5) in either eye,
# or near acuity worse than N6 (≈ Parinaud 2, UNCONFIRMED equivalence).
REFER_BELOW_DECIMAL = Fraction(1, 2)
NEAR_LIMIT = {"N": Fraction(6), "P": Fraction(2)}
# Chart limits: 20/10 (2.0) is the best line of common charts; Parinaud runs to P20, N-scale to N48.
MAX_DECIMAL = Fraction(BOUNDS["acuity_decimal"].high)  # docs/plausibility.md
NEAR_MAX = {"N": Fraction(48), "P": Fraction(20)}
# docs/icope.md §2.5 (WHO 2021 grades, UNCONFIRMED): lower bounds in dB HL of the better ear.
AUDIOMETRY_GRADES = (
    (95, "complete"), (80, "profound"), (65, "severe"), (50, "moderately_severe"), (35, "moderate"), (20, "mild"),
)
AUDIOMETRY_ABNORMAL_FROM_DB = 35
# docs/icope.md "Step 2" audiometry (docs/icope.md §2.5 revised, WHO 2021 grading table): a unilateral
# loss is the better ear < 20 dB HL (normal) with the worse ear ≥ 35 dB HL; abnormal, ORL referral.
UNILATERAL_BETTER_BELOW_DB = 20
UNILATERAL_WORSE_FROM_DB = 35
AUDIOMETER_MAX_DB = BOUNDS["pta_right_db"].high  # docs/plausibility.md: the audiometer's range
# docs/icope.md §1.6 / §2.5 [S18]: hearWHO > 75 good, 50–75 monitor, < 50 refer.
HEARWHO_REFER_BELOW = 50
HEARWHO_GOOD_ABOVE = 75

_NUMBER = r"[0-9]+(?:[.,][0-9]+)?"
_FRACTION = re.compile(rf"^\s*({_NUMBER})\s*/\s*({_NUMBER})\s*$")
_NEAR = re.compile(rf"^\s*([PNpn])\s*({_NUMBER})\s*$")



def _number(text: str) -> Fraction:
    return Fraction(text.replace(",", "."))


@lru_cache(maxsize=4096)  # pure, and a chart has few lines: Fraction arithmetic was ~70 µs per document
def decimal_acuity(value: float | str) -> Fraction:
    """A decimal acuity from a number or a Monoyer/Snellen fraction ("4/10", "6/12", "20/40")."""
    if isinstance(value, str):
        match = _FRACTION.match(value)
        if match is None or _number(match[2]) == 0:
            raise PydanticCustomError("not_acuity", "bad acuity")
        acuity = _number(match[1]) / _number(match[2])
    else:
        acuity = Fraction(repr(value))
    if not 0 < acuity <= MAX_DECIMAL:
        raise PydanticCustomError("not_acuity", "bad acuity")
    return acuity


@lru_cache(maxsize=1024)
def near_acuity(value: str) -> tuple[str, Fraction]:
    """("P" or "N", size) from "P2", "P1,5", "N6"."""
    match = _NEAR.match(value)
    if match is None:
        raise PydanticCustomError("not_near_acuity", "bad near acuity")
    scale, size = match[1].upper(), _number(match[2])
    if not 0 < size <= NEAR_MAX[scale]:
        raise PydanticCustomError("not_near_acuity", "bad near acuity")
    return scale, size


class VisualAcuityInput(AssessmentInput):
    """Distance acuity per eye with current correction; near acuity optional."""

    instrument: Literal["visual_acuity"]
    right: float | str
    left: float | str
    near: str | None = None

    @field_validator("right", "left")
    @classmethod
    def _distance(cls, v: float | str) -> float | str:
        decimal_acuity(v)
        return v

    @field_validator("near")
    @classmethod
    def _near(cls, v: str | None) -> str | None:
        if v is not None:
            near_acuity(v)
        return v


class AudiometryInput(AssessmentInput):
    """Pure-tone averages (0.5/1/2/4 kHz) of each ear, dB HL."""

    instrument: Literal["audiometry"]
    pta_right_db: Annotated[float, plausible("pta_right_db")]
    pta_left_db: Annotated[float, plausible("pta_left_db")]


class HearWhoInput(AssessmentInput):
    """hearWHO digits-in-noise score."""

    instrument: Literal["hearwho"]
    score: Annotated[float, Field(ge=0, le=100)]


def _plain(value: Fraction) -> float:
    return round(float(value), 3)


def score_visual_acuity(doc: VisualAcuityInput) -> Step2Result:
    """Score = the worse eye's decimal acuity; refer below 0.5 in either eye or near worse than N6/P2."""
    right, left = decimal_acuity(doc.right), decimal_acuity(doc.left)
    worse = min(right, left)
    near_refer = False
    near_text = None
    if doc.near is not None:
        scale, size = near_acuity(doc.near)
        near_refer = size > NEAR_LIMIT[scale]
        near_text = f"{scale}{_plain(size):g}"
    refer = worse < REFER_BELOW_DECIMAL or near_refer
    return Step2Result(
        Instrument.VISUAL_ACUITY, _plain(worse), float(MAX_DECIMAL), "refer" if refer else "normal", refer,
        {"right_decimal": _plain(right), "left_decimal": _plain(left), "near": near_text},
    )


def audiometry_grade(better_ear_db: float) -> str:
    """WHO 2021 grade of hearing loss from the better ear's pure-tone average."""
    return next((grade for lower, grade in AUDIOMETRY_GRADES if better_ear_db >= lower), "normal")


def is_unilateral(better_ear_db: float, worse_ear_db: float) -> bool:
    """WHO 2021 unilateral loss: the better ear normal (< 20 dB HL), the worse one ≥ 35 dB HL."""
    return better_ear_db < UNILATERAL_BETTER_BELOW_DB and worse_ear_db >= UNILATERAL_WORSE_FROM_DB


def score_audiometry(doc: AudiometryInput) -> Step2Result:
    """Score = the better ear's PTA; abnormal from 35 dB HL (WHO "moderate"), or a unilateral loss.

    Why a band of its own: the better-ear grade of a one-sided loss is "normal", which would hide
    an ORL referral criterion (docs/icope.md §2.5).
    """
    better = min(doc.pta_right_db, doc.pta_left_db)
    if is_unilateral(better, max(doc.pta_right_db, doc.pta_left_db)):
        return Step2Result(Instrument.AUDIOMETRY, better, AUDIOMETER_MAX_DB, "unilateral", True)
    return Step2Result(
        Instrument.AUDIOMETRY,
        better,
        AUDIOMETER_MAX_DB,
        audiometry_grade(better),
        better >= AUDIOMETRY_ABNORMAL_FROM_DB,
    )


def score_hearwho(doc: HearWhoInput) -> Step2Result:
    """good > 75, monitor 50–75, refer < 50 (abnormal)."""
    s = doc.score
    band = "refer" if s < HEARWHO_REFER_BELOW else "good" if s > HEARWHO_GOOD_ABOVE else "monitor"
    return Step2Result(Instrument.HEARWHO, s, 100, band, s < HEARWHO_REFER_BELOW)
