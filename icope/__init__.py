"""ICOPE domain: step-1 screening, step-2 instruments, follow-up alerts and the step-3 care plan.

Pure rules over pydantic inputs; no I/O, UI or database import (tests/icope/test_icope_imports.py).
Names load lazily (PEP 562) so that `parcours icope score` builds only the step-1 models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parcours.core.lazy import lazy_exports

if TYPE_CHECKING:  # the lazy names, typed for editors and checkers (tests/test_lazy_exports.py)
    from icope.careplan import (
        CarePlan,
        CarePlanRecord,
        CarePlanStatus,
        PlannedIntervention,
        ProposedIntervention,
        confirmed_domains,
        parse_care_plan_record,
        propose_interventions,
        rescreen_due,
    )
    from icope.errors import IcopeError, InvalidAssessment, InvalidCarePlan, InvalidFollowup, InvalidScreening
    from icope.followup import Alert, Followup, FollowupResult, evaluate_followup, parse_followup
    from icope.options import Step1Options
    from icope.results import DomainOutcome, Step1Result, Step2Proposal
    from icope.safety import is_urgent, safety_alerts
    from icope.schedule import add_months, age_on
    from icope.screening import Screening, ScreeningItems
    from icope.step1 import parse_screening, read_screening, score_screening
    from icope.step2 import Step2Result, assess_instrument, parse_assessment
    from icope.vocab import (
        ALERT_RULES,
        DOMAINS,
        DOMAIN_NAMES,
        DeclineRule,
        Domain,
        DomainResult,
        Instrument,
        InterventionType,
        STEP2_INSTRUMENTS,
        SafetyRule,
    )

_WHERE: dict[str, str] = {
    "ALERT_RULES": "icope.vocab",
    "Alert": "icope.followup",
    "CarePlan": "icope.careplan",
    "CarePlanRecord": "icope.careplan",
    "CarePlanStatus": "icope.careplan",
    "DOMAINS": "icope.vocab",
    "DOMAIN_NAMES": "icope.vocab",
    "DeclineRule": "icope.vocab",
    "Domain": "icope.vocab",
    "DomainOutcome": "icope.results",
    "DomainResult": "icope.vocab",
    "Followup": "icope.followup",
    "FollowupResult": "icope.followup",
    "IcopeError": "icope.errors",
    "Instrument": "icope.vocab",
    "InterventionType": "icope.vocab",
    "InvalidAssessment": "icope.errors",
    "InvalidCarePlan": "icope.errors",
    "InvalidFollowup": "icope.errors",
    "InvalidScreening": "icope.errors",
    "PlannedIntervention": "icope.careplan",
    "ProposedIntervention": "icope.careplan",
    "STEP2_INSTRUMENTS": "icope.vocab",
    "SafetyRule": "icope.vocab",
    "Screening": "icope.screening",
    "ScreeningItems": "icope.screening",
    "Step1Options": "icope.options",
    "Step1Result": "icope.results",
    "Step2Proposal": "icope.results",
    "Step2Result": "icope.step2",
    "add_months": "icope.schedule",
    "age_on": "icope.schedule",
    "assess_instrument": "icope.step2",
    "confirmed_domains": "icope.careplan",
    "evaluate_followup": "icope.followup",
    "parse_assessment": "icope.step2",
    "parse_followup": "icope.followup",
    "parse_screening": "icope.step1",
    "propose_interventions": "icope.careplan",
    "read_screening": "icope.step1",
    "rescreen_due": "icope.careplan",
    "safety_alerts": "icope.safety",
    "is_urgent": "icope.safety",
    "parse_care_plan_record": "icope.careplan",
    "score_screening": "icope.step1",
}

__all__ = [
    "ALERT_RULES",
    "DOMAINS",
    "DOMAIN_NAMES",
    "STEP2_INSTRUMENTS",
    "Alert",
    "SafetyRule",
    "CarePlan",
    "CarePlanRecord",
    "CarePlanStatus",
    "DeclineRule",
    "Domain",
    "DomainOutcome",
    "DomainResult",
    "Followup",
    "FollowupResult",
    "IcopeError",
    "Instrument",
    "InterventionType",
    "InvalidAssessment",
    "InvalidCarePlan",
    "InvalidFollowup",
    "InvalidScreening",
    "PlannedIntervention",
    "ProposedIntervention",
    "Screening",
    "ScreeningItems",
    "Step1Options",
    "Step1Result",
    "Step2Proposal",
    "Step2Result",
    "add_months",
    "age_on",
    "assess_instrument",
    "confirmed_domains",
    "evaluate_followup",
    "parse_assessment",
    "parse_followup",
    "parse_screening",
    "read_screening",
    "rescreen_due",
    "safety_alerts",
    "is_urgent",
    "propose_interventions",
    "parse_care_plan_record",
    "score_screening",
]

__getattr__, __dir__ = lazy_exports(globals(), _WHERE)
