"""ICOPE's typed errors: each names the kind of document that failed and keeps its field issues."""

from __future__ import annotations

from typing import ClassVar

from parcours.core.errors import InvalidInput, ParcoursError


class IcopeError(ParcoursError):
    """Base of the ICOPE errors."""

    code: ClassVar[str] = "icope_error"


class InvalidScreening(IcopeError, InvalidInput):
    """A step-1 screening document is invalid."""

    code: ClassVar[str] = "icope_invalid_screening"


class InvalidAssessment(IcopeError, InvalidInput):
    """A step-2 assessment document is invalid."""

    code: ClassVar[str] = "icope_invalid_assessment"


class InvalidFollowup(IcopeError, InvalidInput):
    """A follow-up document is invalid."""

    code: ClassVar[str] = "icope_invalid_followup"


class InvalidCarePlan(IcopeError, InvalidInput):
    """A step-3 care plan is invalid."""

    code: ClassVar[str] = "icope_invalid_care_plan"
