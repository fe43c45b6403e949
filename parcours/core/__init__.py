"""Shared base for the domain packages: errors, model bases, document loading, identities.

A leaf: it depends on pydantic only, so `icope` and `medisis` can use it and stay free of any
I/O, UI or database import.
"""

from parcours.core.errors import FieldIssue, InvalidInput, ParcoursError, format_path
from parcours.core.models import InputModel, ResultModel

__all__ = ["FieldIssue", "InputModel", "InvalidInput", "ParcoursError", "ResultModel", "format_path"]
