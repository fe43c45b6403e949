"""ICOPE step 3: the personalised care plan and the interventions proposed per confirmed domain.

docs/icope.md §3.3: the plan is drafted by the professional who did step 2, with the GP; the toolkit
proposes interventions from the spec's step-2 actions (§2.1–§2.6), the professional edits them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
import datetime as dt
from datetime import date
from enum import StrEnum
from functools import partial
from typing import Annotated

from pydantic import Field

from icope.results import Step1Result
from icope.safety import SAFETY_ACTION, safety_alerts
from icope.schedule import DEFAULT_RESCREEN_MONTHS, add_months, latest_start
from icope.step2.base import Step2Result
from icope.vocab import DOMAINS, Domain, Instrument, InterventionType
from icope.errors import InvalidCarePlan
from parcours.core.date_checks import future_dates
from parcours.core.documents import load
from parcours.core.errors import FieldIssue
from parcours.core.identity import ProfessionalRole
from parcours.core.models import InputModel

SPPB_SEVERE_AT_MOST = 3  # docs/icope.md "Step 3" (docs/icope.md §2.1 default mapping): 0–3 → geriatric assessment
#: docs/icope.md "Step 3" (docs/icope.md §3.1 PROJECT DECISION): "If Step 3 is active, next_step1_due =
#: plan_start + 6 months" — six, not the screening's configurable 4–6.
PLAN_RESCREEN_MONTHS = DEFAULT_RESCREEN_MONTHS


class PlannedIntervention(InputModel):
    """One intervention of the plan: for which domain, what, by whom, reviewed when."""

    domain: Domain
    type: InterventionType
    assignee_role: ProfessionalRole
    due: date


class CarePlan(InputModel):
    """The plan as the professional records it (docs/icope.md §3.3 data model; all keys optional)."""

    goals: list[Annotated[str, Field(min_length=1)]] = []
    interventions: list[PlannedIntervention] = []
    gp_agreement: date | None = None
    motivational_interview: date | None = None
    rci: date | None = None


class CarePlanStatus(StrEnum):
    """Whether the plan is being followed (FHIR CarePlan.status, docs/fhir.md §4.4)."""

    ACTIVE = "active"
    COMPLETED = "completed"


class CarePlanRecord(CarePlan):
    """A plan as the store keeps it: dated, optionally linked to the screening it follows."""

    date: date
    status: CarePlanStatus = CarePlanStatus.ACTIVE
    review_date: dt.date | None = None  # `dt.`: in this class `date` is the field
    screening: str | None = None


def check_care_plan(doc: CarePlanRecord, today: date | None = None) -> Iterator[FieldIssue]:
    """A review date or an intervention due date cannot come before the plan itself, nor the plan after today."""
    yield from future_dates(((("date",), doc.date),), today)
    if doc.review_date is not None and doc.review_date < doc.date:
        yield FieldIssue(("review_date",), "date_before", {"other": "date"})
    for i, item in enumerate(doc.interventions):
        if item.due < doc.date:
            yield FieldIssue(("interventions", i, "due"), "date_before", {"other": "date"})


def parse_care_plan_record(raw: bytes | str, *, today: date | None = None) -> CarePlanRecord:
    """Validate a stored care plan; raise `InvalidCarePlan` naming every bad field."""
    return load(CarePlanRecord, raw, error=InvalidCarePlan, check=partial(check_care_plan, today=today))


@dataclass(frozen=True, slots=True)
class ProposedIntervention:
    """A proposal: a stable action code (catalog key `careplan.action.<code>`) and its intervention."""

    action: str
    intervention: PlannedIntervention


# domain -> (action code, intervention type, responsible professional), from docs/icope.md §2.
_ACTIONS: dict[Domain, tuple[tuple[str, InterventionType, ProfessionalRole], ...]] = {
    Domain.COGNITION: (("memory_clinic_referral", InterventionType.MEMORY_CLINIC, ProfessionalRole.PHYSICIAN),),
    Domain.LOCOMOTION: (
        ("multicomponent_exercise", InterventionType.EXERCISE, ProfessionalRole.PHYSIOTHERAPIST),
        ("fall_risk_assessment", InterventionType.EXERCISE, ProfessionalRole.PHYSIOTHERAPIST),
    ),
    Domain.NUTRITION: (("dietary_advice", InterventionType.NUTRITION, ProfessionalRole.NURSE),),
    Domain.VISION: (("eye_care_referral", InterventionType.EYE_CARE, ProfessionalRole.PHYSICIAN),),
    Domain.HEARING: (("hearing_aid_assessment", InterventionType.HEARING, ProfessionalRole.PHYSICIAN),),
    Domain.PSYCHOLOGY: (("psychological_support", InterventionType.PSYCH, ProfessionalRole.PHYSICIAN),),
}


def confirmed_domains(step1: Step1Result | None, assessments: Iterable[Step2Result]) -> tuple[Domain, ...]:
    """Domains with at least one abnormal step-2 instrument, in the fixed order.

    Why (docs/icope.md "Step 3", docs/icope.md §3.2 revised): a step-2 result confirms its domain on
    its own, even when the step-1 domain was negative or incomplete (vision incomplete, then
    acuity 0.1/0.2: eye care is proposed). `step1` is kept for callers; it no longer filters.
    """
    abnormal = {a.domain for a in assessments if a.abnormal}
    return tuple(d for d in DOMAINS if d in abnormal)


def _actions(
    domain: Domain, assessments: tuple[Step2Result, ...]
) -> list[tuple[str, InterventionType, ProfessionalRole]]:
    """The spec's actions for one confirmed domain (docs/icope.md §2.1–§2.6, docs/icope.md "Step 3")."""
    actions = list(_ACTIONS[domain])
    if domain is Domain.LOCOMOTION and any(
        a.instrument is Instrument.SPPB and a.score <= SPPB_SEVERE_AT_MOST for a in assessments
    ):
        actions.append(("comprehensive_geriatric_assessment", InterventionType.EXERCISE, ProfessionalRole.PHYSICIAN))
    if domain is Domain.NUTRITION and any(
        a.instrument is Instrument.MNA_SF and a.band == "malnourished" for a in assessments
    ):
        actions.append(("oral_nutritional_supplements", InterventionType.NUTRITION, ProfessionalRole.PHYSICIAN))
    if domain is Domain.HEARING and any(
        a.instrument is Instrument.AUDIOMETRY and a.band == "unilateral" for a in assessments
    ):
        # docs/icope.md §2.5: a unilateral loss is an ORL referral criterion, before any hearing aid.
        actions.insert(0, ("ent_referral", InterventionType.HEARING, ProfessionalRole.PHYSICIAN))
    return actions


def propose_interventions(
    step1: Step1Result | None, assessments: Iterable[Step2Result], start: date
) -> tuple[ProposedIntervention, ...]:
    """The spec's interventions for each confirmed domain, reviewed at the 6-month re-screen (§3.1).

    A PHQ-9 with item 9 > 0 (rule S1) puts `same_day_safety_assessment` first, due the plan's
    own day, whatever its total and the step-1 result (docs/icope.md "Safety rules").
    """
    assessments = tuple(assessments)
    due = rescreen_due(start)
    proposals: list[ProposedIntervention] = []
    if safety_alerts(assessments):
        proposals.append(ProposedIntervention(SAFETY_ACTION, PlannedIntervention.model_construct(
            domain=Domain.PSYCHOLOGY,
            type=InterventionType.PSYCH,
            assignee_role=ProfessionalRole.PHYSICIAN,
            due=start,
        )))
    for domain in confirmed_domains(step1, assessments):
        proposals += [
            ProposedIntervention(
                code, PlannedIntervention.model_construct(domain=domain, type=kind, assignee_role=role, due=due)
            )
            for code, kind, role in _actions(domain, assessments)
        ]
    return tuple(proposals)


def rescreen_due(plan_start: date) -> date:
    """docs/icope.md §3.1 ("Step 3"): with a care plan, the next step 1 is plan start + 6 months.

    Clamped to the last date there is (9999-12-31) rather than a ValueError past it (issue 18).
    """
    if plan_start > latest_start(PLAN_RESCREEN_MONTHS):
        return date.max
    return add_months(plan_start, PLAN_RESCREEN_MONTHS)


def plan_moves_rescreen(plan: CarePlanRecord) -> date | None:
    """The re-screen date an active plan sets (None for a completed plan, which moves nothing)."""
    return rescreen_due(plan.date) if plan.status is CarePlanStatus.ACTIVE else None
