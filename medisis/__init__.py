"""MEDISIS medication pathway engine: reconciliation, readmission risk, relevance review, indicators.

Pure domain code (pydantic and orjson only): no UI, PDF or database import. Rules and vocabularies
are written in `docs/medisis.md`; the JSON contract is `docs/interchange.md` §4.

Names load lazily (PEP 562), as in `icope`: the registry of document kinds (`medisis.kinds`)
and the one-shot commands import only the engines they use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parcours.core.lazy import lazy_exports

if TYPE_CHECKING:  # the lazy names, typed for editors and checkers (tests/test_lazy_exports.py)
    from medisis.bands import Bands
    from medisis.classify import ReconciledLine
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
        Reconciliation,
        ReconciliationResult,
        check_reconciliation,
        parse_reconciliation,
        reconcile,
    )
    from medisis.review import Review, ReviewResult, parse_review, review_drugs
    from medisis.risk import RiskResult, RiskScore, parse_risk, score_risk

_WHERE: dict[str, str] = {
    "Bands": "medisis.bands",
    "BdpmError": "medisis.errors",
    "IndicatorCounts": "medisis.indicators",
    "Indicators": "medisis.indicators",
    "InvalidDrugCode": "medisis.errors",
    "InvalidFollowupConsultation": "medisis.errors",
    "InvalidIndicators": "medisis.errors",
    "InvalidIntervention": "medisis.errors",
    "InvalidProtocol": "medisis.errors",
    "InvalidReconciliation": "medisis.errors",
    "InvalidReview": "medisis.errors",
    "InvalidRiskInput": "medisis.errors",
    "MedisisError": "medisis.errors",
    "NotConfigured": "medisis.errors",
    "Protocol": "medisis.config",
    "ReconciledLine": "medisis.classify",
    "Reconciliation": "medisis.reconciliation",
    "ReconciliationResult": "medisis.reconciliation",
    "Review": "medisis.review",
    "ReviewResult": "medisis.review",
    "RiskResult": "medisis.risk",
    "RiskScore": "medisis.risk",
    "check_reconciliation": "medisis.reconciliation",
    "cip13_problem": "medisis.codes",
    "compute_indicators": "medisis.indicators",
    "ean13_check_digit": "medisis.codes",
    "ean13_valid": "medisis.codes",
    "is_atc": "medisis.codes",
    "is_cis": "medisis.codes",
    "load_protocol": "medisis.config",
    "parse_indicators": "medisis.indicators",
    "parse_protocol": "medisis.config",
    "parse_reconciliation": "medisis.reconciliation",
    "parse_review": "medisis.review",
    "parse_risk": "medisis.risk",
    "reconcile": "medisis.reconciliation",
    "review_drugs": "medisis.review",
    "score_risk": "medisis.risk",
    "ucd13_problem": "medisis.codes",
}

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

__getattr__, __dir__ = lazy_exports(globals(), _WHERE)
