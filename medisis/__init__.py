"""MEDISIS medication pathway engine: reconciliation, readmission risk, relevance review, indicators.

Pure domain code (pydantic and orjson only): no UI, PDF or database import. Rules and vocabularies
follow the shared spec `docs/medisis.md`; the JSON contract is `docs/interchange.md` §4.
"""

from medisis.bands import Bands
from medisis.classify import ReconciledLine, classify
from medisis.codes import cip13_problem, ean13_check_digit, ean13_valid, is_atc, is_cis, ucd13_problem
from medisis.config import Protocol, load_protocol, parse_protocol
from medisis.errors import (
    BdpmError,
    InvalidDrugCode,
    InvalidFollowupConsultation,
    InvalidIndicators,
    InvalidIntervention,
    InvalidProtocol,
    InvalidReconciliation,
    InvalidReview,
    InvalidRiskInput,
    MedisisError,
    NotConfigured,
)
from medisis.indicators import IndicatorCounts, Indicators, compute_indicators, parse_indicators
from medisis.reconciliation import (
    Reconciliation, ReconciliationResult, check_reconciliation, parse_reconciliation, reconcile,
)
from medisis.review import Review, ReviewResult, parse_review, review_drugs
from medisis.risk import RiskResult, RiskScore, parse_risk, score_risk

__all__ = [
    "Bands",
    "BdpmError",
    "IndicatorCounts",
    "Indicators",
    "InvalidDrugCode",
    "InvalidFollowupConsultation",
    "InvalidIndicators",
    "InvalidIntervention",
    "InvalidProtocol",
    "InvalidReconciliation",
    "InvalidReview",
    "InvalidRiskInput",
    "MedisisError",
    "NotConfigured",
    "Protocol",
    "ReconciledLine",
    "Reconciliation",
    "ReconciliationResult",
    "Review",
    "ReviewResult",
    "RiskResult",
    "RiskScore",
    "check_reconciliation",
    "cip13_problem",
    "classify",
    "compute_indicators",
    "ean13_check_digit",
    "ean13_valid",
    "is_atc",
    "is_cis",
    "load_protocol",
    "parse_indicators",
    "parse_protocol",
    "parse_reconciliation",
    "parse_review",
    "parse_risk",
    "reconcile",
    "review_drugs",
    "score_risk",
    "ucd13_problem",
]
