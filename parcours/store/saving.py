"""Save a document: validate it with its domain, compute its result, store both, in one transaction.

Why: `--save`, the TUI and the demo store exactly what the stateless command would print, and
the worklist columns (next due date, pending step 2, open alerts, awaiting reconciliations) are
updated in the same transaction, so a crash or a bad document never leaves half a record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson
from sqlalchemy import Connection, insert, select, update

from parcours.core.errors import FieldIssue, InvalidInput
from parcours.core.identity import Organization, PatientIdentity, Practitioner
from parcours.core.records import RecordKind
from parcours.store import audit, indexing
from parcours.store.patients import find_or_create_patient, get_patient
from parcours.store.sites import ensure_professional, ensure_site
from parcours.store.rows import Saved, SiteKind
from parcours.store.schema import records

__all__ = ["Parsed", "save_document"]


@dataclass(frozen=True, slots=True)
class Parsed:
    """A validated document, its JSON result, its clinical date and its context objects."""

    document: dict[str, Any]
    result: dict[str, Any] | None
    recorded_on: date
    patient: PatientIdentity | None
    practitioner: Practitioner | None
    organization: Organization | None
    model: Any


def _context(model: Any, document: dict[str, Any], result: dict[str, Any] | None, on: date) -> Parsed:
    patient = getattr(model, "patient", None)  # an intervention's `patient` is a local id, not an identity
    return Parsed(document, result, on, patient if isinstance(patient, PatientIdentity) else None,
                  getattr(model, "practitioner", None), getattr(model, "organization", None), model)


def _json(result: Any) -> dict[str, Any]:
    return orjson.loads(orjson.dumps(result.to_json()))


def _screening(raw: bytes, document: dict[str, Any]) -> Parsed:
    from icope.step1 import parse_screening, score_screening

    doc = parse_screening(raw)
    return _context(doc, document, _json(score_screening(doc)), doc.date)


def _assessment(raw: bytes, document: dict[str, Any]) -> Parsed:
    from icope.step2 import assess_instrument, parse_assessment

    doc = parse_assessment(raw)
    return _context(doc, document, _json(assess_instrument(doc)), doc.date)


def _care_plan(raw: bytes, document: dict[str, Any]) -> Parsed:
    from icope.careplan import parse_care_plan_record

    doc = parse_care_plan_record(raw)
    return _context(doc, document, None, doc.date)


def _stay(raw: bytes, document: dict[str, Any]) -> Parsed:
    from medisis.stays import parse_stay

    doc = parse_stay(raw)
    return _context(doc, document, None, doc.admission_date)


def _reconciliation(raw: bytes, document: dict[str, Any]) -> Parsed:
    from medisis.reconciliation import parse_reconciliation, reconcile

    doc = parse_reconciliation(raw)
    return _context(doc, document, _json(reconcile(doc)), doc.date)


def _risk(raw: bytes, document: dict[str, Any]) -> Parsed:
    from medisis.risk import parse_risk, score_risk

    doc = parse_risk(raw)
    return _context(doc, document, _json(score_risk(doc)), audit.now().date())  # §4.2 has no date: the day saved


def _review(raw: bytes, document: dict[str, Any]) -> Parsed:
    from medisis.review import parse_review, review_drugs

    doc = parse_review(raw)
    return _context(doc, document, _json(review_drugs(doc)), doc.date)


def _intervention(raw: bytes, document: dict[str, Any]) -> Parsed:
    from medisis.interventions import parse_intervention

    doc = parse_intervention(raw)
    return _context(doc, document, None, doc.date)


def _consultation(raw: bytes, document: dict[str, Any]) -> Parsed:
    from medisis.consultation30 import parse_consultation

    body = {k: v for k, v in document.items() if k != "reconciliation"}  # the link is the store's, not §8's
    doc = parse_consultation(orjson.dumps(body))
    return _context(doc, document, None, doc.performed_at or doc.scheduled_at or doc.due_date)


#: kind -> parser; the index updates per kind live in parcours.store.indexing.
PARSERS: dict[RecordKind, Callable[[bytes, dict[str, Any]], Parsed]] = {
    RecordKind.ICOPE_SCREENING: _screening,
    RecordKind.ICOPE_ASSESSMENT: _assessment,
    RecordKind.ICOPE_CARE_PLAN: _care_plan,
    RecordKind.MEDISIS_STAY: _stay,
    RecordKind.MEDISIS_RECONCILIATION: _reconciliation,
    RecordKind.MEDISIS_RISK: _risk,
    RecordKind.MEDISIS_REVIEW: _review,
    RecordKind.MEDISIS_INTERVENTION: _intervention,
    RecordKind.MEDISIS_CONSULTATION30: _consultation,
}

#: Records about an existing patient only: they carry no identity to find or create one.
NEEDS_PATIENT = frozenset({RecordKind.ICOPE_CARE_PLAN, RecordKind.MEDISIS_INTERVENTION, RecordKind.MEDISIS_CONSULTATION30})
_SITE_KIND = {"icope": SiteKind.MSP, "medisis": SiteKind.HOSPITAL}  # PROJECT DECISION: a new site's default kind


def parse_document(kind: RecordKind, raw: bytes | dict[str, Any]) -> Parsed:
    """Validate `raw` as a `kind` document (the domain's own InvalidInput on failure)."""
    if isinstance(raw, dict):
        document, raw = raw, orjson.dumps(raw)
    else:
        from parcours.core.documents import json_depth_exceeds

        if json_depth_exceeds(raw):
            PARSERS[kind](raw, {})  # raises the command's own too_deep error
        try:
            document = orjson.loads(raw)
        except orjson.JSONDecodeError:
            document = {}
    if not isinstance(document, dict):
        document = {}
    return PARSERS[RecordKind(kind)](raw, document)


def save_document(conn: Connection, kind: RecordKind, raw: bytes | dict[str, Any], *, actor: str,
                  patient_id: str | None = None) -> Saved:
    """Validate, compute and store one document with its side-table rows, in the caller's transaction."""
    kind = RecordKind(kind)
    parsed = parse_document(kind, raw)
    site = None
    if parsed.organization is not None:
        site = ensure_site(conn, parsed.organization.finess, parsed.organization.name,
                           _SITE_KIND[kind.value.partition(".")[0]], actor=actor)
    professional = (ensure_professional(conn, parsed.practitioner, actor=actor)
                    if parsed.practitioner is not None else None)
    if patient_id is not None:
        patient = int(get_patient(conn, patient_id).id)
    elif kind in NEEDS_PATIENT:
        raise InvalidInput([FieldIssue(("patient",), "missing")])
    else:
        identity = parsed.patient
        birth = getattr(parsed.model, "birth_date", None)
        if birth is not None and (identity is None or identity.birth_date is None):
            identity = PatientIdentity.model_validate(
                {**(identity.model_dump(exclude_none=True, include=set(PatientIdentity.model_fields)) if identity else {}),
                 "birth_date": birth}
            )
        elif identity is not None and type(identity) is not PatientIdentity:
            identity = PatientIdentity.model_validate(
                identity.model_dump(exclude_none=True, include=set(PatientIdentity.model_fields))
            )
        patient = find_or_create_patient(conn, identity, site=site, actor=actor)
    stamp = audit.now()
    document_text = orjson.dumps(parsed.document).decode()
    result_text = orjson.dumps(parsed.result).decode() if parsed.result is not None else None
    record_id = conn.execute(
        insert(records).values(
            version=1, patient_id=patient, kind=kind.value, recorded_on=parsed.recorded_on, site_id=site,
            professional_id=professional, document=document_text, result=result_text,
            document_hash=indexing.document_hash(parsed.document), actor=actor, created_at=stamp, updated_at=stamp,
        ).returning(records.c.id)
    ).scalar_one()
    audit.append(conn, actor=actor, action="create", entity="record", entity_id=record_id,
                 after={"kind": kind.value, "patient_id": patient, "document": parsed.document}, at=stamp)
    stored = indexing.INDEXERS[kind](conn, record_id=record_id, patient_id=patient, site_id=site, parsed=parsed,
                                     actor=actor)
    return Saved(str(record_id), str(patient), stored or parsed.result)


def delete_record(conn: Connection, record_id: str, *, reason: str, actor: str) -> None:
    """Soft-delete a record (it stays, with its reason; exports and worklists skip it)."""
    from parcours.store.errors import NotFound

    row = conn.execute(select(records.c.id, records.c.kind, records.c.version)
                       .where(records.c.id == int(record_id), records.c.deleted_at.is_(None))).first()
    if row is None:
        raise NotFound(entity="record", key=record_id)
    conn.execute(update(records).where(records.c.id == row.id)
                 .values(deleted_at=audit.now(), deleted_reason=reason, version=row.version + 1))
    indexing.on_delete(conn, row.id, RecordKind(row.kind))
    audit.append(conn, actor=actor, action="delete", entity="record", entity_id=record_id,
                 before={"kind": row.kind}, after={"reason": reason})
