"""What the store returns: small frozen rows, never SQLAlchemy objects.

Why: callers (CLI, TUI, exports) must not hold a session or lazy-load anything; a row is a plain
value that can cross threads and outlive its connection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

__all__ = ["Draft", "Patient", "PopulationCounts", "Saved", "Site", "SiteKind", "WorklistRow"]


class SiteKind(StrEnum):
    """Where care happens (issue 5): a health centre, a territorial community, a hospital, a ward."""

    MSP = "msp"
    CPTS = "cpts"
    HOSPITAL = "hospital"
    WARD = "ward"


@dataclass(frozen=True, slots=True)
class Site:
    """A site identified by its FINESS."""

    finess: str
    name: str | None
    kind: SiteKind
    territory: str | None


@dataclass(frozen=True, slots=True)
class Patient:
    """A live patient; `identity` is the docs/interchange.md §5.2 `patient` object as stored."""

    id: str
    version: int
    family: str | None
    given: tuple[str, ...]
    birth_date: date | None
    sex: str | None
    ins: str | None
    identifier: tuple[str, str] | None
    site: str | None
    next_step1_due: date | None
    fhir_id: str
    identity: dict[str, Any] = field(default_factory=dict)
    cursor: str = ""  # pass as `after` to search_patients for the next page


@dataclass(frozen=True, slots=True)
class Saved:
    """A record just stored: its id, its patient and the JSON result the command prints."""

    record_id: str
    patient_id: str
    result: dict[str, Any] | None
    duplicate: bool = False  # the same document was already stored for this patient: nothing added


@dataclass(frozen=True, slots=True)
class Draft:
    """A partial form, saved at every change until it is saved for real or discarded."""

    id: str
    version: int
    kind: str
    patient_id: str | None
    data: dict[str, Any]
    updated_at: datetime
    actor: str


@dataclass(frozen=True, slots=True)
class WorklistRow:
    """One line of a worklist; pass `cursor` as `after` to get the next page."""

    patient_id: str
    family: str | None
    given: tuple[str, ...]
    birth_date: date | None
    site: str | None
    due: date | None
    detail: str
    cursor: str


@dataclass(frozen=True, slots=True)
class PopulationCounts:
    """Counts for a site or territory over a period (issue 5, item 7)."""

    screened: int
    positive: dict[str, int]
    due: int
    open_alerts: int
