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
POSITIVE = {"cognition": 0.35, "locomotion": 0.40, "nutrition": 0.20, "vision": 0.45, "hearing": 0.30,
            "psychology": 0.25}
DECLINE = 0.05  # per domain and visit: a negative domain turns positive
STEP2_SHARE = 0.7  # a positive domain gets its step-2 assessment within a month
HOSPITAL_SHARE = 0.10  # people with a hospital stay and reconciliations
TODAY = date(2026, 11, 1)  # fixed, so the same seed gives the same database


def screening(rng: random.Random, day: date, birth: date, state: dict[str, Any]) -> dict[str, Any]:
    """One step-1 document; positives persist and a few appear at each visit (some declines)."""
    pos = state.setdefault("pos", {d: rng.random() < p for d, p in POSITIVE.items()})
    if state.get("visits"):
        for d in pos:
            pos[d] = pos[d] or rng.random() < DECLINE
        state["chair"] += rng.uniform(-1.0, 2.0)
    else:
        state["chair"] = rng.uniform(14.5, 25) if pos["locomotion"] else rng.uniform(7, 13.5)
    state["visits"] = state.get("visits", 0) + 1
    return {
        "date": day.isoformat(), "birth_date": birth.isoformat(), "administered_by": "nurse",
        "cognition": {"orientation": {k: ("wrong" if pos["cognition"] and k == "day_of_week" else "correct")
                                      for k in ("year", "month", "day_of_month", "day_of_week", "place")},
                      "words_recalled": 3, "memory_complaint": False},
        "locomotion": {"completed": True, "used_arms": pos["locomotion"], "chair_rise_seconds": round(state["chair"], 1)},
        "nutrition": {"weight_loss": "no", "appetite_loss": pos["nutrition"], "weight_kg": round(rng.uniform(48, 90), 1)},
        "vision": {"eye_problems": pos["vision"]},
        "hearing": {"whisper_right": "fail" if pos["hearing"] else "pass", "whisper_left": "pass"},
        "psychology": {"feeling_down": pos["psychology"], "little_interest": False},
    }


def assessment(rng: random.Random, domain: str, day: date) -> dict[str, Any]:
    """A plausible step-2 input for a positive domain (interchange.md §2 shapes)."""
    on = day.isoformat()
    if domain == "cognition":
        return {"instrument": "mmse", "date": on, "score": rng.randint(16, 30)}
    if domain == "locomotion":
        return {"instrument": "sppb", "date": on, "side_by_side_s": 10, "semi_tandem_s": 10,
                "tandem_s": round(rng.uniform(0, 10), 1), "gait_times_s": [round(rng.uniform(3.5, 9), 1)],
                "chair_single_stand": True, "chair_stands_s": round(rng.uniform(10, 20), 1)}
    if domain == "nutrition":
        return {"instrument": "mna_sf", "date": on, "food_intake": rng.choice(("moderate_decrease", "no_decrease")),
                "weight_loss": rng.choice(("none", "1_to_3kg")), "mobility": "goes_out",
                "acute_disease_or_stress": False, "neuropsychological": "none", "bmi": round(rng.uniform(18, 30), 1)}
    if domain == "vision":
        return {"instrument": "visual_acuity", "date": on, "right": rng.choice((0.3, 0.5, 0.8)), "left": 0.8}
    if domain == "hearing":
        return {"instrument": "hearwho", "date": on, "score": rng.randint(30, 80)}
    return {"instrument": "gds15", "date": on, "answers": [rng.random() < 0.3 for _ in range(15)]}


def reconciliation(moment: str, day: date, birth: date, rng: random.Random) -> dict[str, Any]:
    bm = [{"id": "b1", "atc": "C08CA01", "label": "amlodipine 5 mg cp", "dose": {"value": 5, "unit": "mg"},
           "route": "oral", "frequency": {"times_per_day": 1}},
          {"id": "b2", "atc": "C03CA01", "label": "furosémide 40 mg cp", "dose": {"value": 40, "unit": "mg"},
           "route": "oral", "frequency": {"times_per_day": 1}}]
    orders = [{"id": "o1", "bm_id": "b2", "atc": "C03CA01", "label": "furosémide 40 mg cp",
               "dose": {"value": 40, "unit": "mg"}, "route": "oral", "frequency": {"times_per_day": 1}}]
    if rng.random() < 0.5:  # the amlodipine kept: no discrepancy; else an omission to qualify
        orders.append({"id": "o2", "bm_id": "b1", "atc": "C08CA01", "label": "amlodipine 5 mg cp",
                       "dose": {"value": 5, "unit": "mg"}, "route": "oral", "frequency": {"times_per_day": 1}})
    else:
        bm[0].update(intentional=False, documented=False, severity="significant")
    return {"moment": moment, "date": day.isoformat(), "mode": "retroactive",
            "patient": {"birth_date": birth.isoformat()}, "bm": bm, "orders": orders}
