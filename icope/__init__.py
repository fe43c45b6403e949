"""ICOPE domain: step-1 screening, step-2 instruments, follow-up alerts and the step-3 care plan.

Pure rules over pydantic inputs; no I/O, UI or database import (tests/icope/test_icope_imports.py).
"""

from icope.careplan import CarePlan, PlannedIntervention, ProposedIntervention, confirmed_domains, propose_interventions
from icope.errors import IcopeError, InvalidAssessment, InvalidCarePlan, InvalidFollowup, InvalidScreening
from icope.followup import Alert, Followup, FollowupResult, evaluate_followup, parse_followup
from icope.options import Step1Options
from icope.results import DomainOutcome, Step1Result, Step2Proposal
from icope.schedule import add_months, age_on
from icope.screening import Screening, ScreeningItems
from icope.step1 import parse_screening, score_screening
from icope.step2 import Step2Result, assess_instrument, parse_assessment
from icope.vocab import (
    DOMAINS,
    STEP2_INSTRUMENTS,
    DeclineRule,
    Domain,
    DomainResult,
    Instrument,
    InterventionType,
)

__all__ = [
    "DOMAINS",
    "STEP2_INSTRUMENTS",
    "Alert",
    "CarePlan",
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
    "propose_interventions",
    "score_screening",
]
