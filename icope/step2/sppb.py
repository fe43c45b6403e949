"""SPPB, Short Physical Performance Battery, 0–12 (docs/icope.md §2.1; Guralnik 1994 [S19])."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from icope.step2.base import AssessmentInput, Step2Result, hundredths
from icope.vocab import Instrument
from parcours.core.plausibility import plausible

HeldSeconds = Annotated[float, Field(ge=0, le=10)]

# docs/icope.md §2.1 A: balance stands are held 10 s; tandem 3.00–9.99 s scores 1 (hundredths).
HOLD_FULL = 1000
TANDEM_PARTIAL = 300
# docs/icope.md §2.1 B: gait, faster of two trials; upper bounds (hundredths) of the 4-, 3- and 2-point bands.
GAIT_BANDS = {4: (481, 620, 870), 3: (361, 465, 652)}
# docs/icope.md §2.1 C: five chair stands; > 60 s scores 0; lower bounds of the 1-, 2- and 3-point bands.
CHAIR_MAX = 6000
CHAIR_BANDS = (1670, 1370, 1120)
# docs/icope.md §2.1: Guralnik categories and the < 10 clinical cut-off.
BANDS = ((3, "severe"), (6, "low"), (9, "moderate"), (12, "high"))
ABNORMAL_BELOW = 10


class SppbInput(AssessmentInput):
    """Seconds held per balance stand (null = not attempted), gait times, chair stands."""

    instrument: Literal["sppb"]
    side_by_side_s: HeldSeconds | None
    semi_tandem_s: HeldSeconds | None
    tandem_s: HeldSeconds | None
    gait_times_s: Annotated[list[Annotated[float, plausible("gait_times_s")]], Field(min_length=1, max_length=2)] | None
    gait_course_m: Literal[4, 3] = 4
    chair_single_stand: bool
    chair_stands_s: Annotated[float, plausible("chair_stands_s")] | None  # docs/plausibility.md


def balance_points(side_by_side: float | None, semi_tandem: float | None, tandem: float | None) -> int:
    """0–4; a stand not held 10 s stops the sequence."""
    if side_by_side is None or hundredths(side_by_side) < HOLD_FULL:
        return 0
    if semi_tandem is None or hundredths(semi_tandem) < HOLD_FULL:
        return 1
    if tandem is None:
        return 2
    held = hundredths(tandem)
    return 2 + (2 if held >= HOLD_FULL else 1 if held >= TANDEM_PARTIAL else 0)


def gait_points(times: list[float] | None, course_m: int) -> int:
    """0 (unable) to 4, from the faster trial, with the 4 m or 3 m table."""
    if not times:
        return 0
    fastest = min(hundredths(t) for t in times)
    four, three, two = GAIT_BANDS[course_m]
    return 4 if fastest <= four else 3 if fastest <= three else 2 if fastest <= two else 1


def chair_points(single_stand: bool, five_stands: float | None) -> int:
    """0 (single stand failed, unable, or > 60 s) to 4."""
    if not single_stand or five_stands is None:
        return 0
    t = hundredths(five_stands)
    if t > CHAIR_MAX:
        return 0
    one, two, three = CHAIR_BANDS
    return 1 if t >= one else 2 if t >= two else 3 if t >= three else 4


def score_sppb(doc: SppbInput) -> Step2Result:
    """Total = balance + gait + chair (0–12), banded; abnormal below 10."""
    balance = balance_points(doc.side_by_side_s, doc.semi_tandem_s, doc.tandem_s)
    gait = gait_points(doc.gait_times_s, doc.gait_course_m)
    chair = chair_points(doc.chair_single_stand, doc.chair_stands_s)
    total = balance + gait + chair
    band = next(name for upper, name in BANDS if total <= upper)
    return Step2Result(
        Instrument.SPPB, total, 12, band, total < ABNORMAL_BELOW,
        {"components": {"balance": balance, "gait": gait, "chair": chair}},
    )
