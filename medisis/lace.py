"""LACE readmission index, original and modified variants (docs/medisis.md §4.1).

`lace`: van Walraven, CMAJ 2010 [M14], LOINC 96569-9 item table, 1987 Charlson weights as in the
MIT-licensed NCTraCS `LACE.sql` [M15][M17]. `lace_modified`: BMJ Open 2017;7:e016921 Table 1 [M16].
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from types import MappingProxyType

from medisis.bands import Bands


class Comorbidity(StrEnum):
    """Comorbidity condition codes of docs/medisis.md §4.1."""

    MYOCARDIAL_INFARCTION = "myocardial_infarction"
    CONGESTIVE_HEART_FAILURE = "congestive_heart_failure"
    PERIPHERAL_VASCULAR_DISEASE = "peripheral_vascular_disease"
    CEREBROVASCULAR_DISEASE = "cerebrovascular_disease"
    DEMENTIA = "dementia"
    CHRONIC_PULMONARY_DISEASE = "chronic_pulmonary_disease"
    CONNECTIVE_TISSUE_DISEASE = "connective_tissue_disease"
    PEPTIC_ULCER_DISEASE = "peptic_ulcer_disease"
    MILD_LIVER_DISEASE = "mild_liver_disease"
    DIABETES_UNCOMPLICATED = "diabetes_uncomplicated"
    DIABETES_COMPLICATED = "diabetes_complicated"
    HEMIPLEGIA_PARAPLEGIA = "hemiplegia_paraplegia"
    RENAL_DISEASE = "renal_disease"
    CANCER = "cancer"
    MODERATE_SEVERE_LIVER_DISEASE = "moderate_severe_liver_disease"
    METASTATIC_SOLID_TUMOUR = "metastatic_solid_tumour"
    HIV_AIDS = "hiv_aids"


_C = Comorbidity
#: Charlson 1987 weights [M15][M17] (docs/medisis.md §4.1 table, column `lace`).
CHARLSON_1987 = MappingProxyType({
    _C.MYOCARDIAL_INFARCTION: 1, _C.CONGESTIVE_HEART_FAILURE: 1, _C.PERIPHERAL_VASCULAR_DISEASE: 1,
    _C.CEREBROVASCULAR_DISEASE: 1, _C.DEMENTIA: 1, _C.CHRONIC_PULMONARY_DISEASE: 1,
    _C.CONNECTIVE_TISSUE_DISEASE: 1, _C.PEPTIC_ULCER_DISEASE: 1, _C.MILD_LIVER_DISEASE: 1,
    _C.DIABETES_UNCOMPLICATED: 1, _C.DIABETES_COMPLICATED: 2, _C.HEMIPLEGIA_PARAPLEGIA: 2,
    _C.RENAL_DISEASE: 2, _C.CANCER: 2, _C.MODERATE_SEVERE_LIVER_DISEASE: 3,
    _C.METASTATIC_SOLID_TUMOUR: 6, _C.HIV_AIDS: 6,
})
#: Modified LACE weights, BMJ Open 2017 Table 1 [M16] (hemiplegia is not in the modified table: 0).
MODIFIED_WEIGHTS = MappingProxyType({
    _C.MYOCARDIAL_INFARCTION: 1, _C.CONGESTIVE_HEART_FAILURE: 2, _C.PERIPHERAL_VASCULAR_DISEASE: 1,
    _C.CEREBROVASCULAR_DISEASE: 1, _C.DEMENTIA: 3, _C.CHRONIC_PULMONARY_DISEASE: 2,
    _C.CONNECTIVE_TISSUE_DISEASE: 3, _C.PEPTIC_ULCER_DISEASE: 1, _C.MILD_LIVER_DISEASE: 2,
    _C.DIABETES_UNCOMPLICATED: 1, _C.DIABETES_COMPLICATED: 2, _C.HEMIPLEGIA_PARAPLEGIA: 0,
    _C.RENAL_DISEASE: 2, _C.CANCER: 2, _C.MODERATE_SEVERE_LIVER_DISEASE: 4,
    _C.METASTATIC_SOLID_TUMOUR: 6, _C.HIV_AIDS: 4,
})

#: docs/medisis.md §4.1: L ≥ 14 days → 7 (`lace`, LOINC 96569-9) or 6 (`lace_modified`).
LOS_14_PLUS_POINTS = 7
LOS_14_PLUS_POINTS_MODIFIED = 6
#: A: emergent (acute, via ED) admission → 3.
ACUITY_POINTS = 3
#: C (`lace`): Charlson index ≥ 4 → 5 [M15]; (`lace_modified`): cumulative, at most 6 [M16].
CHARLSON_4_PLUS_POINTS = 5
MODIFIED_COMORBIDITY_MAX = 6
#: E: ED visits in the 6 months before admission, ≥ 4 → 4.
ED_VISITS_MAX_POINTS = 4
MAX_VALUE = 19

#: UNCONFIRMED [M32], to verify: low 0–4, moderate 5–9, high ≥ 10 (configurable: risk.lace.bands).
DEFAULT_BANDS = Bands((("low", 0), ("moderate", 5), ("high", 10)))


def length_of_stay_points(days: int, *, modified: bool = False) -> int:
    """L: 0→0, 1→1, 2→2, 3→3, 4–6→4, 7–13→5, ≥14→7 (6 for the modified variant)."""
    if days < 4:
        return days
    if days < 7:
        return 4
    if days < 14:
        return 5
    return LOS_14_PLUS_POINTS_MODIFIED if modified else LOS_14_PLUS_POINTS


def charlson_index(conditions: Iterable[Comorbidity]) -> int:
    """Charlson index with the 1987 weights; each condition counts once, no hierarchy (NCTraCS)."""
    return sum(CHARLSON_1987[c] for c in set(conditions))


def charlson_points(index: int) -> int:
    """C (`lace`): the index 0–3 as is, ≥ 4 → 5."""
    return index if index < 4 else CHARLSON_4_PLUS_POINTS


def modified_comorbidity_points(conditions: Iterable[Comorbidity]) -> int:
    """C (`lace_modified`): sum of the modified weights, cumulative to a maximum of 6."""
    return min(sum(MODIFIED_WEIGHTS[c] for c in set(conditions)), MODIFIED_COMORBIDITY_MAX)


def ed_visit_points(visits: int) -> int:
    """E: 0–3 as is, ≥ 4 → 4."""
    return min(visits, ED_VISITS_MAX_POINTS)


def lace_components(
    length_of_stay_days: int,
    emergent_admission: bool,
    ed_visits_6m: int,
    *,
    charlson: int | None = None,
    comorbidities: Iterable[Comorbidity] | None = None,
    modified: bool = False,
) -> dict[str, int]:
    """The four LACE components; `lace` takes a Charlson index or conditions, the modified variant conditions."""
    if modified:
        comorbidity = modified_comorbidity_points(comorbidities or ())
    else:
        index = charlson if charlson is not None else charlson_index(comorbidities or ())
        comorbidity = charlson_points(index)
    return {
        "length_of_stay": length_of_stay_points(length_of_stay_days, modified=modified),
        "acuity": ACUITY_POINTS if emergent_admission else 0,
        "comorbidity": comorbidity,
        "ed_visits": ed_visit_points(ed_visits_6m),
    }
