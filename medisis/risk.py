"""Readmission-risk registry: one interface over `lace`, `lace_modified`, `hospital`, `trst` (docs/medisis.md §4).

Which score MEDISIS uses is UNKNOWN (`risk.score` in the protocol file); every result names its
variant. The document's `score` picks its input model, so errors name the variant's own fields.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Literal

import orjson
from pydantic import Field

from medisis import hospital_score, lace, trst
from medisis.bands import Bands
from medisis.errors import InvalidRiskInput
from medisis.lace import Comorbidity
from medisis.lines import MedisisPatient
from medisis.trst import TrstVariant
from parcours.core.date_checks import birth_after_document, future_dates
from parcours.core.documents import load
from parcours.core.errors import FieldIssue
from parcours.core.identity import Organization, Practitioner
from parcours.core.models import InputModel
from parcours.core.plausibility import plausible

if TYPE_CHECKING:
    from medisis.config import Protocol

Count = Annotated[int, Field(ge=0)]


class RiskScore(StrEnum):
    """The scores of the registry (docs/interchange.md §4.2)."""

    LACE = "lace"
    LACE_MODIFIED = "lace_modified"
    HOSPITAL = "hospital"
    TRST = "trst"


class _RiskDocument(InputModel):
    """Context objects every risk document may carry (interchange §5.2), and the evaluation `date`
    (§5.5 revised: the Observation's effective date; `--save` stores today's when absent)."""

    date: _dt.date | None = None  # the field shadows the type in the class body: qualified
    patient: MedisisPatient | None = None
    practitioner: Practitioner | None = None
    organization: Organization | None = None


class LaceInput(_RiskDocument):
    """`lace`: exactly one of `charlson_index` or `comorbidities`."""

    score: Literal["lace"]
    length_of_stay_days: Count
    emergent_admission: bool
    ed_visits_6m: Count
    charlson_index: Count | None = None
    comorbidities: list[Comorbidity] | None = None


class LaceModifiedInput(_RiskDocument):
    """`lace_modified`: the comorbidity list is required."""

    score: Literal["lace_modified"]
    length_of_stay_days: Count
    emergent_admission: bool
    ed_visits_6m: Count
    comorbidities: list[Comorbidity]


class HospitalInput(_RiskDocument):
    """`hospital`: the seven discharge items."""

    score: Literal["hospital"]
    hemoglobin_g_dl: Annotated[float, plausible("hemoglobin_g_dl")]  # docs/plausibility.md
    oncology_discharge: bool
    sodium_mmol_l: Annotated[float, plausible("sodium_mmol_l")]
    procedure: bool
    urgent_admission: bool
    admissions_12m: Count
    length_of_stay_days: Count


class TrstInput(_RiskDocument):
    """`trst`: six yes/no items; the sixth depends on `variant`."""

    score: Literal["trst"]
    variant: TrstVariant = TrstVariant.ORIGINAL
    cognitive_impairment: bool
    walking_difficulty_or_falls: bool
    medication_count: Count
    recent_ed_or_hospitalisation: bool
    lives_alone_or_no_caregiver: bool
    professional_concern: bool | None = None
    adl_dependence: bool | None = None


class _Selector(InputModel, extra="ignore"):
    """Only reads `score`, to report a missing or unknown score name."""

    score: RiskScore


RiskInput = LaceInput | LaceModifiedInput | HospitalInput | TrstInput


@dataclass(frozen=True, slots=True)
class RiskResult:
    """The result of `parcours medisis risk` (docs/interchange.md §4.2)."""

    score: RiskScore
    value: int
    max_value: int
    band: str
    components: dict[str, int]

    @property
    def high_risk(self) -> bool:
        """`high_risk` is band = `high` for every score."""
        return self.band == "high"

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object in its fixed key order."""
        return {
            "score": self.score, "value": self.value, "max_value": self.max_value,
            "band": self.band, "high_risk": self.high_risk, "components": self.components,
        }


def _check_lace(doc: LaceInput) -> Iterator[FieldIssue]:
    if doc.charlson_index is not None and doc.comorbidities is not None:
        yield FieldIssue(("comorbidities",), "exclusive", {"other": "charlson_index"})
    elif doc.charlson_index is None and doc.comorbidities is None:
        yield FieldIssue(("comorbidities",), "one_required", {"first": "charlson_index", "second": "comorbidities"})


def _check_trst(doc: TrstInput) -> Iterator[FieldIssue]:
    wanted, other = ("adl_dependence", "professional_concern")
    if doc.variant is TrstVariant.ORIGINAL:
        wanted, other = other, wanted
    if getattr(doc, wanted) is None:
        yield FieldIssue((wanted,), "missing")
    if getattr(doc, other) is not None:
        yield FieldIssue((other,), "not_for_variant", {"variant": doc.variant.value})


_MODELS: dict[str, tuple[type[RiskInput], Callable[[Any], Iterator[FieldIssue]] | None]] = {
    RiskScore.LACE: (LaceInput, _check_lace),
    RiskScore.LACE_MODIFIED: (LaceModifiedInput, None),
    RiskScore.HOSPITAL: (HospitalInput, None),
    RiskScore.TRST: (TrstInput, _check_trst),
}


def _dated(
    check: Callable[[Any], Iterator[FieldIssue]] | None, today: date | None
) -> Callable[[Any], Iterator[FieldIssue]]:
    """The variant's check, then the date rules when the document is dated (docs/plausibility.md §1)."""
    def run(doc: Any) -> Iterator[FieldIssue]:
        if check is not None:
            yield from check(doc)
        on = getattr(doc, "date", None)
        if on is not None:
            yield from future_dates(((("date",), on),), today)
            yield from birth_after_document(doc.patient, on)

    return run


def parse_risk(raw: bytes | str, *, today: date | None = None) -> RiskInput:
    """Validate a risk document with the input model its `score` names; raise InvalidRiskInput."""
    name = None
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError:
        obj = None  # `load` reports the bad JSON with its catalog code
    if isinstance(obj, dict) and isinstance(obj.get("score"), str):
        name = obj["score"]
    if name not in _MODELS:  # missing, unknown, or bytes orjson refuses: pydantic decides
        name = load(_Selector, raw, error=InvalidRiskInput).score.value
    model, check = _MODELS[name]
    return load(model, raw, error=InvalidRiskInput, check=_dated(check, today))


def _bands(protocol: Protocol | None, score: RiskScore, default: Bands) -> Bands:
    if protocol is None:
        return default
    return protocol.risk_bands(score.value)


def score_risk(doc: RiskInput, protocol: Protocol | None = None) -> RiskResult:
    """Score a validated document; bands from the protocol file (UNCONFIRMED defaults otherwise)."""
    if isinstance(doc, HospitalInput):
        comps = hospital_score.hospital_components(
            doc.hemoglobin_g_dl, doc.oncology_discharge, doc.sodium_mmol_l, doc.procedure,
            doc.urgent_admission, doc.admissions_12m, doc.length_of_stay_days,
        )
        value = sum(comps.values())
        band = _bands(protocol, RiskScore.HOSPITAL, hospital_score.DEFAULT_BANDS).band(value)
        return RiskResult(RiskScore.HOSPITAL, value, hospital_score.MAX_VALUE, band, comps)
    if isinstance(doc, TrstInput):
        sixth = doc.adl_dependence if doc.variant is TrstVariant.FRENCH else doc.professional_concern
        comps = trst.trst_components(
            doc.cognitive_impairment, doc.walking_difficulty_or_falls, doc.medication_count,
            doc.recent_ed_or_hospitalisation, doc.lives_alone_or_no_caregiver, bool(sixth), doc.variant,
        )
        return RiskResult(RiskScore.TRST, sum(comps.values()), trst.MAX_VALUE, trst.trst_band(comps), comps)
    modified = isinstance(doc, LaceModifiedInput)
    charlson = None if isinstance(doc, LaceModifiedInput) else doc.charlson_index
    comps = lace.lace_components(
        doc.length_of_stay_days, doc.emergent_admission, doc.ed_visits_6m,
        charlson=charlson, comorbidities=doc.comorbidities, modified=modified,
    )
    score = RiskScore.LACE_MODIFIED if modified else RiskScore.LACE
    value = sum(comps.values())
    return RiskResult(score, value, lace.MAX_VALUE, _bands(protocol, score, lace.DEFAULT_BANDS).band(value), comps)
