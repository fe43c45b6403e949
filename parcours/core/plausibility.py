"""Plausibility bounds of every measured value the documents carry: one table, cited, read by the models.

Why: a weight of 6.5 (typed for 65), a haemoglobin of 95 (g/L typed as g/dL) or a chair-rise time of
0.1 s is a typing or unit error, not a patient; scoring it would give a confident, wrong result.
These are physiological / measurement bounds, never clinical thresholds: each is wider than any
value a real older patient can have, so a true extreme still passes. docs/plausibility.md has the
same table with the reasons; the models take their constraints from here (`plausible`) and
parcours.core.documents turns a bound's error into the `implausible` message naming the range.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import annotated_types

__all__ = ["BOUNDS", "Bound", "bound_at_edge", "plausible", "plausible_int"]


@dataclass(frozen=True, slots=True)
class Bound:
    """Inclusive plausible range of one measured field, its unit and why (docs/plausibility.md)."""

    low: float
    high: float
    unit: str
    why: str
    #: catalog code of the message (`error.<code>`): `implausible`, or one that names a likely unit mix-up
    code: str = "implausible"

    def params(self) -> dict[str, Any]:
        """The message's parameters: the bounds (integers shown without `.0`) and the unit (with its space)."""
        def plain(x: float) -> float | int:
            return int(x) if float(x).is_integer() else x

        return {"low": plain(self.low), "high": plain(self.high), "unit": f" {self.unit}" if self.unit else ""}


#: JSON field name -> bound. Every field of that name, in any document, has these bounds.
#: PROJECT DECISION for each value (see docs/plausibility.md §2 for the reasoning): the range holds
#: every physiologically possible value of an adult, so only typing and unit errors fall outside.
BOUNDS: dict[str, Bound] = {
    # Body measurements (ICOPE step 1 nutrition, MNA-SF, MEDISIS patient)
    "weight_kg": Bound(20, 350, "kg", "adult body weight; outside: grams, pounds or a lost decimal point"),
    "weight_loss_kg": Bound(
        -50, 100, "kg", "change over 3 months; negative = a gain; beyond: a weight typed as a loss"
    ),
    "bmi": Bound(8, 100, "kg/m²", "extreme starvation to extreme obesity; outside: weight/height swapped or units"),
    "calf_circumference_cm": Bound(10, 80, "cm", "adult calf; outside: mm or inches"),
    # Timed physical performance (ICOPE step 1 chair rise, SPPB)
    "chair_rise_seconds": Bound(1, 300, "s", "five rises cannot take under 1 s; over 5 min the test is not run"),
    "chair_stands_s": Bound(1, 300, "s", "as chair_rise_seconds (SPPB scores 0 above 60 s, still a measurement)"),
    "gait_times_s": Bound(1, 300, "s", "3-4 m walk: 1 s is 3-4 m/s (a run), 300 s is 0.01 m/s"),
    # Hearing (WHO screening audiometry; clinical audiometers span -10 to 120 dB HL)
    "audiometry_db": Bound(-10, 120, "dB HL", "the audiometer's output range"),
    "pta_right_db": Bound(-10, 120, "dB HL", "the audiometer's output range"),
    "pta_left_db": Bound(-10, 120, "dB HL", "the audiometer's output range"),
    # Vision: decimal acuity (0.05 = 1/20 … 2.0 = 20/10, the best line of common charts)
    "acuity_decimal": Bound(0, 2, "", "greater than 0; 2.0 (20/10) is the best line of common charts"),
    # Laboratory (MEDISIS patient, HOSPITAL score)
    "egfr": Bound(0, 200, "mL/min/1,73 m²", "CKD-EPI gives 0 to about 150; 200 leaves room, beyond: creatinine typed"),
    "creatinine_umol_l": Bound(15, 3000, "µmol/L", "cachexia to anuric renal failure; under 15: mg/dL typed",
                               "implausible_creatinine_mg_dl"),
    "potassium_mmol_l": Bound(1, 12, "mmol/L", "beyond the extremes compatible with a living patient"),
    "hemoglobin_g_dl": Bound(2, 25, "g/dL", "profound anaemia to polycythaemia; above: g/L typed (95 g/L = 9.5 g/dL)",
                             "implausible_hb_g_l"),
    "sodium_mmol_l": Bound(80, 200, "mmol/L", "beyond the extremes compatible with a living patient"),
    # Cognitive instrument context (MoCA)
    "education_years": Bound(0, 30, "", "years of schooling; beyond 30: an age or a year typed"),
}


def plausible(name: str) -> annotated_types.Interval:
    """The bounds of `name`, as a `float` field's constraint: `Annotated[float, plausible("bmi")]`.

    Why metadata rather than a whole type: a call is not a type to a type checker, `Annotated` is.
    """
    bound = BOUNDS[name]
    return annotated_types.Interval(ge=bound.low, le=bound.high)


def plausible_int(name: str) -> annotated_types.Interval:
    """The bounds of `name` as integers, for an `int` field: `Annotated[int, plausible_int(...)]`."""
    bound = BOUNDS[name]
    return annotated_types.Interval(ge=int(bound.low), le=int(bound.high))


def bound_at_edge(name: str | None, limit: object) -> Bound | None:
    """The bound whose edge `limit` is, when a ge/le error on field `name` comes from this table."""
    bound = BOUNDS.get(name) if name is not None else None
    if bound is None or limit not in (bound.low, bound.high):
        return None
    return bound
