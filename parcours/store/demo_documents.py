"""The synthetic documents of `parcours demo`: screenings, step-2 inputs, reconciliations.

Why: the demo must look like a real territory's data (about 90 % step-1 positive as in published
ICOPE cohorts, some declines, most positive domains assessed at step 2, hospital stays with
discrepancies) while every identity is obviously fake. The probabilities are PROJECT DECISIONS for
synthetic data only, not clinical rules; the results are always computed by the real engines.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from icope.vocab import DOMAINS, Domain, Instrument

__all__ = ["DEMO_SITES", "FAMILIES", "GIVEN_F", "GIVEN_M", "TODAY", "assessment", "reconciliation", "screening"]

DEMO_SITES = (  # FINESS-shaped, fictitious
    ("540099901", "MSP de démonstration (Lunéville)", "msp", "Grand Est – démo"),
    ("540099902", "CPTS de démonstration (Nancy)", "cpts", "Grand Est – démo"),
    ("570099903", "Hôpital de démonstration (Metz)", "hospital", "Grand Est – démo"),
)
FAMILIES = ("MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
            "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD")
GIVEN_F = ("Jeanne", "Marie", "Monique", "Françoise", "Hélène", "Josette", "Colette", "Odile")
GIVEN_M = ("Jean", "Pierre", "Michel", "André", "René", "Gérard", "Bernard", "Roger")
#: Per-domain probability of a positive answer pattern (≈ 91 % of people positive overall).
POSITIVE = {Domain.COGNITION: 0.35, Domain.LOCOMOTION: 0.40, Domain.NUTRITION: 0.20, Domain.VISION: 0.45,
            Domain.HEARING: 0.30, Domain.PSYCHOLOGY: 0.25}
DECLINE = 0.05  # per domain and visit: a negative domain turns positive
STEP2_SHARE = 0.7  # a positive domain gets its step-2 assessment within a month
HOSPITAL_SHARE = 0.10  # people with a hospital stay and reconciliations
TODAY = date(2026, 11, 1)  # fixed, so the same seed gives the same database


def _cognition(wrong_day: bool) -> dict[str, Any]:
    return {"orientation": {k: ("wrong" if wrong_day and k == "day_of_week" else "correct")
                            for k in ("year", "month", "day_of_month", "day_of_week", "place")},
            "words_recalled": 3, "memory_complaint": False}


# The parts of a screening that only depend on whether the domain is positive (shared, never mutated:
# documents are only serialized). Index: the domain's positive flag.
_COGNITION = (_cognition(False), _cognition(True))
_VISION = ({"eye_problems": False}, {"eye_problems": True})
_HEARING = ({"whisper_right": "pass", "whisper_left": "pass"}, {"whisper_right": "fail", "whisper_left": "pass"})
_PSYCHOLOGY = ({"feeling_down": False, "little_interest": False}, {"feeling_down": True, "little_interest": False})
_SHARES = tuple(POSITIVE[d] for d in DOMAINS)  # DOMAINS order, as the flags below


def screening(rng: random.Random, day: str, birth: str, state: list[Any]) -> dict[str, Any]:
    """One step-1 document (dates as ISO text); positives persist and a few appear at each visit.

    `state` is the person's [positive flags in POSITIVE order, chair-rise time], empty before the
    first visit. Uniform draws are `a + (b - a) * rng.random()`, as `rng.uniform` computes them.
    """
    draw = rng.random
    if state:
        pos = state[0] = [p or draw() < DECLINE for p in state[0]]
        state[1] += -1.0 + 3.0 * draw()  # uniform(-1.0, 2.0)
    else:
        pos = [draw() < share for share in _SHARES]
        state += [pos, 14.5 + 10.5 * draw() if pos[1] else 7 + 6.5 * draw()]  # uniform(14.5, 25) | (7, 13.5)
    return {
        "date": day, "birth_date": birth, "administered_by": "nurse",
        "cognition": _COGNITION[pos[0]],
        "locomotion": {"completed": True, "used_arms": pos[1], "chair_rise_seconds": round(state[1], 1)},
        "nutrition": {"weight_loss": "no", "appetite_loss": pos[2], "weight_kg": round(48 + 42 * draw(), 1)},
        "vision": _VISION[pos[3]],
        "hearing": _HEARING[pos[4]],
        "psychology": _PSYCHOLOGY[pos[5]],
    }


_FOOD = ("moderate_decrease", "no_decrease")
_LOSS = ("none", "1_to_3kg")
_ACUITY = (0.3, 0.5, 0.8)
#: The step-2 instrument the demo uses for each positive domain, as document text.
_MMSE, _SPPB, _MNA_SF = Instrument.MMSE.value, Instrument.SPPB.value, Instrument.MNA_SF.value
_VISUAL_ACUITY, _HEARWHO, _GDS15 = Instrument.VISUAL_ACUITY.value, Instrument.HEARWHO.value, Instrument.GDS15.value


def assessment(rng: random.Random, domain: str, on: str) -> dict[str, Any]:
    """A plausible step-2 input for a positive domain (docs/interchange.md §2 shapes); `on` is ISO text.

    Integer and choice draws scale one `rng.random()` (uniform like `randint`/`choice`, cheaper).
    """
    draw = rng.random
    if domain == Domain.COGNITION:
        return {"instrument": _MMSE, "date": on, "score": 16 + int(15 * draw())}  # randint(16, 30)
    if domain == Domain.LOCOMOTION:
        return {"instrument": _SPPB, "date": on, "side_by_side_s": 10, "semi_tandem_s": 10,
                "tandem_s": round(10 * draw(), 1), "gait_times_s": [round(3.5 + 5.5 * draw(), 1)],
                "chair_single_stand": True, "chair_stands_s": round(10 + 10 * draw(), 1)}
    if domain == Domain.NUTRITION:
        return {"instrument": _MNA_SF, "date": on, "food_intake": _FOOD[int(2 * draw())],
                "weight_loss": _LOSS[int(2 * draw())], "mobility": "goes_out",
                "acute_disease_or_stress": False, "neuropsychological": "none", "bmi": round(18 + 12 * draw(), 1)}
    if domain == Domain.VISION:
        return {"instrument": _VISUAL_ACUITY, "date": on, "right": _ACUITY[int(3 * draw())], "left": 0.8}
    if domain == Domain.HEARING:
        return {"instrument": _HEARWHO, "date": on, "score": 30 + int(51 * draw())}  # randint(30, 80)
    return {"instrument": _GDS15, "date": on, "answers": [draw() < 0.3 for _ in range(15)]}


def reconciliation(moment: str, day: str, birth: str, rng: random.Random) -> dict[str, Any]:
    """An admission or discharge reconciliation (dates as ISO text): an omission to qualify half the time."""
    bm: list[dict[str, Any]] = [
        {"id": "b1", "atc": "C08CA01", "label": "amlodipine 5 mg cp", "dose": {"value": 5, "unit": "mg"},
         "route": "oral", "frequency": {"times_per_day": 1}},
        {"id": "b2", "atc": "C03CA01", "label": "furosémide 40 mg cp", "dose": {"value": 40, "unit": "mg"},
         "route": "oral", "frequency": {"times_per_day": 1}},
    ]
    orders = [{"id": "o1", "bm_id": "b2", "atc": "C03CA01", "label": "furosémide 40 mg cp",
               "dose": {"value": 40, "unit": "mg"}, "route": "oral", "frequency": {"times_per_day": 1}}]
    if rng.random() < 0.5:  # the amlodipine kept: no discrepancy; else an omission to qualify
        orders.append({"id": "o2", "bm_id": "b1", "atc": "C08CA01", "label": "amlodipine 5 mg cp",
                       "dose": {"value": 5, "unit": "mg"}, "route": "oral", "frequency": {"times_per_day": 1}})
    else:
        bm[0].update(intentional=False, documented=False, severity="significant")
    return {"moment": moment, "date": day, "mode": "retroactive",
            "patient": {"birth_date": birth}, "bm": bm, "orders": orders}
