"""A hospital stay as the pathway tracks it: admission, discharge, the site.

Why: the "discharge without discharge reconciliation" worklist (docs/medisis.md §1.4) needs stays;
the stay is the frame of the admission, transfer and discharge reconciliations (§2.1).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial
from enum import StrEnum

from medisis.errors import InvalidStay
from parcours.core.date_checks import birth_after_document, future_dates
from parcours.core.documents import load
from parcours.core.errors import FieldIssue
from parcours.core.identity import Organization, PatientIdentity
from parcours.core.models import InputModel

__all__ = ["Stay", "StayStatus", "check_stay", "parse_stay"]


class StayStatus(StrEnum):
    """FHIR Encounter.status subset used for stays (docs/fhir.md §5.6)."""

    IN_PROGRESS = "in-progress"
    FINISHED = "finished"
    CANCELLED = "cancelled"


class Stay(InputModel):
    """One stay: its local id, dates and site; `discharge_date` absent while in hospital."""

    stay: str | None = None
    admission_date: date
    discharge_date: date | None = None
    status: StayStatus | None = None
    patient: PatientIdentity | None = None
    organization: Organization | None = None

    @property
    def effective_status(self) -> StayStatus:
        """The given status, else finished once discharged, in progress before."""
        if self.status is not None:
            return self.status
        return StayStatus.FINISHED if self.discharge_date is not None else StayStatus.IN_PROGRESS


def check_stay(doc: Stay, today: date | None = None) -> Iterator[FieldIssue]:
    """A discharge cannot come before the admission; neither after today, nor a birth after the admission."""
    dates = ((("admission_date",), doc.admission_date), (("discharge_date",), doc.discharge_date))
    yield from future_dates(dates, today)
    yield from birth_after_document(doc.patient, doc.admission_date, ("admission_date",))
    if doc.discharge_date is not None and doc.discharge_date < doc.admission_date:
        yield FieldIssue(("discharge_date",), "date_before", {"other": "admission_date"})


def parse_stay(raw: bytes | str, *, today: date | None = None) -> Stay:
    """Validate a stay document; raise InvalidStay naming every bad field."""
    return load(Stay, raw, error=InvalidStay, check=partial(check_stay, today=today))
