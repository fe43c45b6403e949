"""`icope followup --save`: store the screenings and assessments of a follow-up document.

Why: a follow-up document is a person's history (docs/interchange.md §3); saving it stores each
screening and step-2 assessment the store does not have yet (same patient and date; same
instrument and date), oldest first, so the store raises the same alerts the command prints.
PROJECT DECISION: entries already stored are left unchanged, never overwritten.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from parcours.core.records import RecordKind
from parcours.store import patients as patient_rows
from parcours.store.saving import save_document
from parcours.store.sites import ensure_site
from parcours.store.schema import assessments, records

__all__ = ["save_followup"]

_CONTEXT = ("patient", "practitioner", "organization")


def save_followup(store: Any, document: dict[str, Any], *, actor: str) -> list[str]:
    """Store what is new in a validated follow-up document, in one transaction; the new record ids."""
    context = {k: document[k] for k in _CONTEXT if k in document}
    screenings = sorted(document["screenings"], key=lambda s: s["date"])
    from parcours.store.engine import writer

    with writer(store.engine).begin() as conn:
        # validated from JSON (InvalidInput naming `patient.<field>`): a model_validate of the raw dict
        # refused JSON dates and its error printed the values (issue 20)
        identity = patient_rows.validate_identity(context["patient"]) if "patient" in context else None
        organization = context.get("organization")
        site = (
            ensure_site(conn, organization["finess"], organization.get("name"), actor=actor) if organization else None
        )
        patient_id: int | None = None
        if identity is not None and identity.business_identifier() is not None:
            patient_id = patient_rows.find_or_create_patient(conn, identity, site=site, actor=actor)
        saved: list[str] = []
        for entry in screenings:
            on = date.fromisoformat(entry["date"])  # the command validated the document before saving
            if patient_id is not None and _has(conn, patient_id, RecordKind.ICOPE_SCREENING, on):
                continue
            result = save_document(conn, RecordKind.ICOPE_SCREENING, {**entry, **context}, actor=actor,
                                   patient_id=None if patient_id is None else str(patient_id))
            patient_id = int(result.patient_id)
            if not result.duplicate:
                saved.append(result.record_id)
        for entry in sorted(document.get("assessments", []), key=lambda a: a["date"]):
            if _has_assessment(conn, patient_id, entry):
                continue
            result = save_document(conn, RecordKind.ICOPE_ASSESSMENT, {**entry, **context}, actor=actor,
                                   patient_id=str(patient_id))
            if not result.duplicate:
                saved.append(result.record_id)
    return saved


def _has(conn: Any, patient_id: int, kind: RecordKind, on: Any) -> bool:
    return conn.execute(select(records.c.id).where(
        records.c.patient_id == patient_id, records.c.kind == kind.value, records.c.recorded_on == on,
        records.c.deleted_at.is_(None)).limit(1)).first() is not None


def _has_assessment(conn: Any, patient_id: int | None, entry: dict[str, Any]) -> bool:
    if patient_id is None:
        return False
    query = select(assessments.c.record_id).join(records, records.c.id == assessments.c.record_id).where(
        assessments.c.patient_id == patient_id,
        assessments.c.instrument == entry.get("instrument"),
        assessments.c.assessed_on == date.fromisoformat(entry["date"]),
        records.c.deleted_at.is_(None),
    )
    return conn.execute(query.limit(1)).first() is not None
