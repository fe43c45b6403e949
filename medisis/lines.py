"""Input models shared by the MEDISIS documents: patient, dose, frequency, drug lines.

docs/interchange.md §4.1 fixes every field; the models reject unknown keys, so `bm_id` on a BM line
or a typo anywhere is an error naming its JSON path.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from medisis.codes import ATC_PATTERN, CIS_PATTERN, cip13_problem, ucd13_problem
from medisis.vocab import DoseUnit, HistorySource, Period, Release, Resolution, Route, Severity
from parcours.core.identity import NonEmpty, PatientIdentity
from parcours.core.models import InputModel
from parcours.core.plausibility import plausible

#: ICD-10 codes such as `I48`, `I48.1`, `E11.9` (docs/interchange.md §4.1); the dot is optional.
ICD10_PATTERN = r"^[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$"


def _cip13(value: str) -> str:
    problem = cip13_problem(value)  # docs/medisis.md §7.1
    if problem == "format":
        raise PydanticCustomError("cip13_format", "13 digits starting 34009")
    if problem == "check_digit":
        raise PydanticCustomError("check_digit", "bad EAN-13 check digit")
    return value


def _ucd13(value: str) -> str:
    problem = ucd13_problem(value)  # docs/medisis.md §7.1
    if problem == "format":
        raise PydanticCustomError("ucd13_format", "13 digits starting 34008")
    if problem == "check_digit":
        raise PydanticCustomError("check_digit", "bad EAN-13 check digit")
    return value


Atc = Annotated[str, Field(pattern=ATC_PATTERN)]
Cis = Annotated[str, Field(pattern=CIS_PATTERN)]
Cip13 = Annotated[str, AfterValidator(_cip13)]
Ucd13 = Annotated[str, AfterValidator(_ucd13)]
Icd10 = Annotated[str, Field(pattern=ICD10_PATTERN)]


class MedisisPatient(PatientIdentity):
    """The `patient` of `reconcile` and `review`: clinical keys plus the identity keys of §5.2."""

    # Bounds: docs/plausibility.md (parcours.core.plausibility).
    weight_kg: Annotated[float, plausible("weight_kg")] | None = None
    egfr: Annotated[float, plausible("egfr")] | None = None  # mL/min/1.73 m², CKD-EPI (docs/medisis.md §6.2)
    creatinine_umol_l: Annotated[float, plausible("creatinine_umol_l")] | None = None
    potassium_mmol_l: Annotated[float, plausible("potassium_mmol_l")] | None = None
    allergies: list[str] | None = None
    falls_12m: Annotated[int, Field(ge=0)] | None = None
    conditions_icd10: list[Icd10] | None = None


class Dose(InputModel):
    """A dose per administration: a value > 0 and its unit."""

    value: Annotated[float, Field(gt=0)]
    unit: DoseUnit


class Frequency(InputModel):
    """Either `{times_per_day}` or `{times, every, period}`; both forms together are invalid."""

    times_per_day: Annotated[float, Field(gt=0)] | None = None
    times: Annotated[int, Field(ge=1)] | None = None
    every: Annotated[int, Field(ge=1)] | None = None
    period: Period | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Frequency:
        periodic = (self.times, self.every, self.period)
        if self.times_per_day is not None:
            if any(v is not None for v in periodic):  # docs/interchange.md §4.1: both forms is invalid
                raise PydanticCustomError("frequency_forms", "give one form only")
        elif any(v is None for v in periodic):
            raise PydanticCustomError("frequency_forms", "give one complete form")
        return self


class DrugLine(InputModel):
    """Fields common to BM lines and order lines (docs/interchange.md §4.1)."""

    id: NonEmpty
    atc: Atc | None = None
    cis: Cis | None = None
    cip13: Cip13 | None = None
    ucd13: Ucd13 | None = None
    label: str | None = None
    form: str | None = None
    started: date | None = None
    comment: str | None = None
    sources: list[HistorySource] | None = None
    dose: Dose | None = None
    release: Release | None = None
    route: Route | None = None
    frequency: Frequency | None = None
    as_needed: bool | None = None
    self_medication: bool | None = None
    intentional: bool | None = None
    documented: bool | None = None
    severity: Severity | None = None
    resolution: Resolution | None = None

    @model_validator(mode="after")
    def _identified(self) -> DrugLine:
        if self.atc is None and self.cis is None and self.cip13 is None and self.ucd13 is None:
            # docs/interchange.md §4.1: a line with no drug identification is invalid (path: the line)
            raise PydanticCustomError("drug_identification_missing", "atc, cis, cip13 or ucd13")
        return self


class BmLine(DrugLine):
    """A line of the reference list (`bm`): the bilan médicamenteux, or the current treatment."""


class OrderLine(DrugLine):
    """A line of the new prescription; `bm_id` absent = automatic pairing, null = never paired."""

    bm_id: str | None = None
    equivalence: bool | None = None


#: The answer fields that may be given on either line of a pair, never on both (§2.7 D).
ANSWER_FIELDS = ("intentional", "documented", "severity", "resolution")
