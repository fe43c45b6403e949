"""HOSPITAL score for 30-day potentially avoidable readmission (docs/medisis.md §4.2).

Donzé J et al., JAMA Intern Med 2013;173:632–8; validation 2016;176:496–502 [M18]. All items
are measured at discharge.
"""

from __future__ import annotations

from medisis.bands import Bands

#: H: haemoglobin < 12 g/dL → 1.
HEMOGLOBIN_LIMIT_G_DL = 12
#: O: discharge from an oncology service → 2.
ONCOLOGY_POINTS = 2
#: S: sodium < 135 mmol/L → 1.
SODIUM_LIMIT_MMOL_L = 135
#: A: admissions in the previous 12 months 0–1 → 0, 2–5 → 2, > 5 → 5 (UNCONFIRMED row, [M18][M33]).
ADMISSIONS_LOW_MAX = 1
ADMISSIONS_MID_MAX = 5
ADMISSIONS_MID_POINTS = 2
ADMISSIONS_HIGH_POINTS = 5
#: L: length of stay ≥ 5 days → 2 (the points table read says ≥ 5, §4.2).
LENGTH_OF_STAY_MIN_DAYS = 5
LENGTH_OF_STAY_POINTS = 2
MAX_VALUE = 13

#: UNCONFIRMED [M18], to verify: low 0–4, intermediate 5–6, high ≥ 7 (configurable: risk.hospital.bands).
DEFAULT_BANDS = Bands((("low", 0), ("intermediate", 5), ("high", 7)))


def admissions_points(admissions_12m: int) -> int:
    """A: 0–1 → 0; 2–5 → 2; > 5 → 5."""
    if admissions_12m <= ADMISSIONS_LOW_MAX:
        return 0
    return ADMISSIONS_MID_POINTS if admissions_12m <= ADMISSIONS_MID_MAX else ADMISSIONS_HIGH_POINTS


def hospital_components(
    hemoglobin_g_dl: float,
    oncology_discharge: bool,
    sodium_mmol_l: float,
    procedure: bool,
    urgent_admission: bool,
    admissions_12m: int,
    length_of_stay_days: int,
) -> dict[str, int]:
    """The seven HOSPITAL components in the contract's order (docs/interchange.md §4.2)."""
    return {
        "hemoglobin": 1 if hemoglobin_g_dl < HEMOGLOBIN_LIMIT_G_DL else 0,
        "oncology": ONCOLOGY_POINTS if oncology_discharge else 0,
        "sodium": 1 if sodium_mmol_l < SODIUM_LIMIT_MMOL_L else 0,
        "procedure": 1 if procedure else 0,
        "index_admission": 1 if urgent_admission else 0,
        "admissions": admissions_points(admissions_12m),
        "length_of_stay": LENGTH_OF_STAY_POINTS if length_of_stay_days >= LENGTH_OF_STAY_MIN_DAYS else 0,
    }
