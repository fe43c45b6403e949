"""MEDISIS's typed errors: each names the kind of document that failed and keeps its field issues.

A caller catches `MedisisError` for anything this package raises on purpose, or `InvalidInput`
for every bad document of the project; `code` is stable across releases.
"""

from __future__ import annotations

from typing import ClassVar

from parcours.core.errors import InvalidInput, ParcoursError


class MedisisError(ParcoursError):
    """Base of the MEDISIS errors."""

    code: ClassVar[str] = "medisis_error"


class InvalidReconciliation(MedisisError, InvalidInput):
    """A reconciliation document (docs/interchange.md §4.1) is invalid."""

    code: ClassVar[str] = "medisis_invalid_reconciliation"


class InvalidRiskInput(MedisisError, InvalidInput):
    """A readmission-risk document (docs/interchange.md §4.2) is invalid."""

    code: ClassVar[str] = "medisis_invalid_risk_input"


class InvalidReview(MedisisError, InvalidInput):
    """A relevance-review document (docs/interchange.md §4.3) is invalid."""

    code: ClassVar[str] = "medisis_invalid_review"


class InvalidIndicators(MedisisError, InvalidInput):
    """An indicators document (docs/interchange.md §4.4) is invalid."""

    code: ClassVar[str] = "medisis_invalid_indicators"


class InvalidIntervention(MedisisError, InvalidInput):
    """A pharmaceutical-intervention record (docs/medisis.md §5.4) is invalid."""

    code: ClassVar[str] = "medisis_invalid_intervention"


class InvalidFollowupConsultation(MedisisError, InvalidInput):
    """A 30-day review consultation record (docs/medisis.md §8) is invalid."""

    code: ClassVar[str] = "medisis_invalid_followup_consultation"


class InvalidStay(MedisisError, InvalidInput):
    """A hospital stay record (admission, discharge) is invalid."""

    code: ClassVar[str] = "medisis_invalid_stay"


class InvalidProtocol(MedisisError, InvalidInput):
    """The MEDISIS protocol configuration file (docs/medisis.md §1.3) is invalid."""

    code: ClassVar[str] = "medisis_invalid_protocol"


class InvalidDrugCode(MedisisError, ValueError):
    """A French drug code (CIS, CIP13, UCD13) or an ATC code is malformed (docs/medisis.md §7.1)."""

    code: ClassVar[str] = "medisis_invalid_drug_code"

    def __init__(self, kind: str, value: str, reason: str) -> None:
        self.kind, self.value, self.reason = kind, value, reason
        super().__init__(f"{kind} {value!r}: {reason}")


class BdpmError(MedisisError):
    """A BDPM file cannot be read at all (unknown file kind, undecodable bytes)."""

    code: ClassVar[str] = "medisis_bdpm_error"


class NotConfigured(MedisisError, LookupError):
    """A feature needs a protocol value that is UNKNOWN and not configured (docs/medisis.md §1.3)."""

    code: ClassVar[str] = "medisis_not_configured"

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(f"{key}: not configured")
