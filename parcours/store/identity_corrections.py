"""Correct a patient's identity: validated, versioned (optimistic locking), audited.

Why: docs/interchange.md §5.5 (docs/store.md "Corrections and deletions") — `parcours patients correct`
and the TUI's identity edit share these checks: a birth date after one of the patient's records
and an identifier another patient has are refused naming the field (never echoing a value).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select, update

from parcours.core.errors import FieldIssue, InvalidInput
from parcours.core.identity import PatientIdentity
from parcours.store import audit
from parcours.store.errors import Conflict
from parcours.store.ids import patient_fhir_id
from parcours.store.patients import (
    _columns,
    get_patient,
    identity_json,
    validate_identity,
)
from parcours.store.schema import patients, records

__all__ = ["PATIENT_FIELDS", "correct_patient", "merged_identity"]

#: Keys of a patient object a correction may give (docs/interchange.md §5.5).
PATIENT_FIELDS = ("family", "given", "birth_date", "sex", "ins", "identifier")


def merged_identity(current: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """The stored identity with the corrected fields (a null clears one; `ins` replaces `identifier`)."""
    if not isinstance(changes, dict):
        raise InvalidInput([FieldIssue((), "not_object")])
    merged = dict(current)
    if "ins" in changes or "identifier" in changes:
        merged.pop("ins", None)
        merged.pop("identifier", None)
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def correct_patient(conn: Connection, patient_id: str, identity: dict[str, Any] | PatientIdentity, *,
                    version: int | None, actor: str) -> None:
    """Replace a patient's identity if `version` is current; the TUI's edits come here too.

    Refused naming the field: a birth date after one of the patient's records, an INS another
    live patient has; Conflict when the patient changed since `version` was read.
    """
    model = validate_identity(identity)
    before = get_patient(conn, patient_id)
    expected = before.version if version is None else version
    if expected != before.version:
        raise Conflict(entity="patient", key=patient_id)
    pid = int(before.id)
    if model.birth_date is not None:
        first = conn.execute(select(records.c.id, records.c.recorded_on).where(
            records.c.patient_id == pid, records.c.deleted_at.is_(None))
            .order_by(records.c.recorded_on, records.c.id).limit(1)).first()
        if first is not None and model.birth_date > first.recorded_on:  # the record named, not its date
            raise InvalidInput([FieldIssue(("patient", "birth_date"), "birth_after_record", {"id": str(first.id)})])
    columns = _columns(model)
    if columns["identifier_system"] is not None:
        other = conn.execute(select(patients.c.id).where(
            patients.c.identifier_system == columns["identifier_system"],
            patients.c.identifier_value == columns["identifier_value"], patients.c.id != pid)).scalar()
        if other is not None:
            field = "ins" if isinstance(identity, dict) and "ins" in identity else "identifier"
            raise InvalidInput([FieldIssue(("patient", field), "identifier_taken", {"id": str(other)})])
    ident = (columns["identifier_system"], columns["identifier_value"]) if columns["identifier_system"] else None
    done = conn.execute(
        update(patients).where(patients.c.id == pid, patients.c.version == expected, patients.c.deleted_at.is_(None))
        .values(version=expected + 1, updated_at=audit.now(), fhir_id=patient_fhir_id(pid, ident), **columns))
    if done.rowcount != 1:
        raise Conflict(entity="patient", key=patient_id)
    audit.append(conn, actor=actor, action="update", entity="patient", entity_id=patient_id,
                 before=before.identity | {"version": before.version},
                 after=identity_json(model) | {"version": expected + 1})
