"""Correct or delete a saved record: versioned, audited, recomputed (identity: identity_corrections).

Why: docs/interchange.md §5.5 (docs/store.md "Corrections and deletions") — a correction is a new
version of the same record (same id, same FHIR key: `records.document_hash` keeps its first-save
value), validated as its command validates it, refused when someone changed the record since it
was read (optimistic locking); its result and everything derived from it (screening side row,
alerts, due date, pending step 2, counts, MEDISIS worklist flags) are recomputed in the same
transaction. A deletion is soft: the row and the audit keep it; lists and exports skip it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import orjson
from sqlalchemy import Connection, delete, insert, select, update

from parcours.core.errors import FieldIssue, InvalidInput
from parcours.core.records import RecordKind
from parcours.store import audit, dependents, indexing
from parcours.store.errors import Conflict, NotFound, StoreError
from parcours.store.rows import Saved
from parcours.store.schema import (
    assessments,
    patients,
    reconciliation_lines,
    reconciliations,
    records,
    stays,
)

__all__ = [
    "AlreadyDeleted", "NotCorrectable", "SameAsRecord", "correct_record", "delete_record", "record_head",
    "record_versions",
]

_ICOPE = frozenset({RecordKind.ICOPE_SCREENING, RecordKind.ICOPE_ASSESSMENT, RecordKind.ICOPE_CARE_PLAN})
_MEDISIS_FLAGS = frozenset({RecordKind.MEDISIS_STAY, RecordKind.MEDISIS_RECONCILIATION,
                            RecordKind.MEDISIS_CONSULTATION30})


class AlreadyDeleted(StoreError):
    """The record was deleted (`on`): it cannot be deleted or corrected again."""

    code = "already_deleted"


class NotCorrectable(StoreError):
    """A record parcours derives (an alert): its status changes, its content does not."""

    code = "not_correctable"


class SameAsRecord(StoreError):
    """The corrected document is exactly another live record of the patient (`other`)."""

    code = "same_as_record"


def _shown(day: date) -> str:
    """dd/mm/yyyy, the project's display format for dates in messages."""
    return day.strftime("%d/%m/%Y")


def _row(conn: Connection, record_id: str) -> Any:
    """The live record row; NotFound for an id that never existed, AlreadyDeleted for a deleted one."""
    try:
        key = int(record_id)
    except ValueError:
        raise NotFound(entity="record", key=record_id) from None
    row = conn.execute(select(records).where(records.c.id == key)).first()
    if row is None:
        raise NotFound(entity="record", key=record_id)
    if conn.dialect.name == "postgresql":  # one writer per patient, as saves (schedule, alerts, counts)
        conn.execute(select(patients.c.id).where(patients.c.id == row.patient_id).with_for_update())
    if row.deleted_at is not None:
        raise AlreadyDeleted(entity="record", key=record_id, on=_shown(row.deleted_at.date()))
    return row


def _check_version(row: Any, version: int | None, record_id: str) -> int:
    if version is not None and version != row.version:
        raise Conflict(entity="record", key=record_id)
    return row.version


def _claim(conn: Connection, row: Any, expected: int, record_id: str, **values: Any) -> None:
    """The conditional UPDATE that makes the lock: the version must still be the one read."""
    done = conn.execute(update(records).where(records.c.id == row.id, records.c.version == expected,
                                              records.c.deleted_at.is_(None))
                        .values(version=expected + 1, updated_at=audit.now(), **values))
    if done.rowcount != 1:
        raise Conflict(entity="record", key=record_id)


def record_head(conn: Connection, record_id: str) -> tuple[RecordKind, int, str]:
    """A live record's kind, version and patient id (NotFound / AlreadyDeleted otherwise)."""
    row = _row(conn, record_id)
    return RecordKind(row.kind), row.version, str(row.patient_id)


def record_versions(conn: Connection, patient_id: str) -> dict[str, int]:
    """Record id -> version for a patient's live records (what `patients show --json` prints)."""
    rows = conn.execute(select(records.c.id, records.c.version)
                        .where(records.c.patient_id == int(patient_id), records.c.deleted_at.is_(None)))
    return {str(r.id): r.version for r in rows}


def _same_patient(conn: Connection, parsed: Any, patient_id: int) -> None:
    """A corrected document may not name another patient nor another birth date (identity: `patients correct`)."""
    stored = conn.execute(select(patients.c.identifier_system, patients.c.identifier_value, patients.c.birth_date)
                          .where(patients.c.id == patient_id)).one()
    for path, born in ((("birth_date",), parsed.document.get("birth_date")),
                       (("patient", "birth_date"), (parsed.document.get("patient") or {}).get("birth_date"))):
        if isinstance(born, str) and stored.birth_date is not None and born != stored.birth_date.isoformat():
            raise InvalidInput([FieldIssue(path, "birth_date_not_patients")])
    named = None if parsed.patient is None else parsed.patient.business_identifier()
    if named is None:
        return
    if (stored.identifier_system, stored.identifier_value) != tuple(named):
        field = "ins" if "ins" in parsed.document.get("patient", {}) else "identifier"
        raise InvalidInput([FieldIssue(("patient", field), "other_patient", {"id": str(patient_id)})])


def _after_birth(conn: Connection, patient_id: int, on: date, field: str) -> None:
    birth = conn.execute(select(patients.c.birth_date).where(patients.c.id == patient_id)).scalar()
    if birth is not None and on < birth:
        raise InvalidInput([FieldIssue((field,), "before_birth")])  # no value echoed (docs/store.md)


def _date_field(kind: RecordKind) -> str:
    return {RecordKind.MEDISIS_STAY: "admission_date", RecordKind.MEDISIS_CONSULTATION30: "due_date"}.get(kind, "date")


def _drop_side_rows(conn: Connection, record_id: int, kind: RecordKind) -> None:
    """Remove the side rows the indexer will write again (screening rows: see dependents)."""
    if kind is RecordKind.ICOPE_ASSESSMENT:
        conn.execute(delete(assessments).where(assessments.c.record_id == record_id))
    elif kind is RecordKind.MEDISIS_STAY:
        conn.execute(delete(stays).where(stays.c.record_id == record_id))
    elif kind is RecordKind.MEDISIS_RECONCILIATION:
        conn.execute(delete(reconciliation_lines).where(reconciliation_lines.c.record_id == record_id))
        conn.execute(delete(reconciliations).where(reconciliations.c.record_id == record_id))


def _refresh(conn: Connection, kind: RecordKind, patient_id: int, since: date, *, actor: str, why: str,
             bumped: set[int]) -> None:
    """Everything that depends on a changed record of `kind`, from `since` on."""
    if kind in (RecordKind.ICOPE_SCREENING, RecordKind.ICOPE_ASSESSMENT):
        dependents.refresh_icope(conn, patient_id, since, actor=actor, why=why, bumped=bumped)
    if kind in _ICOPE:
        dependents.reschedule(conn, patient_id)
    if kind in _MEDISIS_FLAGS:
        dependents.refresh_medisis(conn, patient_id)


def correct_record(conn: Connection, record_id: str, raw: bytes | dict[str, Any], *, actor: str,
                   version: int | None = None) -> Saved:
    """Store `raw` as the next version of a live record and recompute what depends on it.

    `version`: the version the professional saw (else the one read now). An unchanged document
    writes nothing. Raises InvalidInput (the command's field errors, or a date before birth),
    NotFound, AlreadyDeleted, NotCorrectable, Conflict or SameAsRecord; nothing is written then.
    """
    from parcours.store.saving import parse_document
    from parcours.store.sites import ensure_professional, ensure_site

    row = _row(conn, record_id)
    kind = RecordKind(row.kind)
    if kind is RecordKind.ICOPE_ALERT:
        raise NotCorrectable(entity="record", key=record_id, kind=kind.value)
    expected = _check_version(row, version, record_id)
    if kind is RecordKind.MEDISIS_CONSULTATION30:  # the store's link to its reconciliation is kept
        document = raw if isinstance(raw, dict) else _object(raw)
        link = orjson.loads(row.document).get("reconciliation")
        if document is not None and "reconciliation" not in document and link is not None:
            raw = {**document, "reconciliation": link}
    parsed = parse_document(kind, raw)
    _same_patient(conn, parsed, row.patient_id)
    on = parsed.recorded_on
    if kind is RecordKind.MEDISIS_RISK and "date" not in parsed.document:
        on = row.recorded_on  # §4.2 without a date: the day it was first saved
    _after_birth(conn, row.patient_id, on, _date_field(kind))
    before = {"version": row.version, "document": orjson.loads(row.document),
              "result": None if row.result is None else orjson.loads(row.result)}
    if parsed.document == before["document"]:
        return Saved(str(row.id), str(row.patient_id), before["result"])
    key = indexing.document_hash(parsed.document)
    # the content key follows the content (issue 20); the FHIR key (records.fhir_key) never changes
    other = conn.execute(select(records.c.id).where(
        records.c.patient_id == row.patient_id, records.c.kind == kind.value, records.c.id != row.id,
        records.c.content_key == key)).scalar()
    if other is not None:
        raise SameAsRecord(entity="record", key=record_id, other=str(other))
    site, professional = row.site_id, row.professional_id
    if parsed.organization is not None:
        from parcours.store.saving import _SITE_KIND

        site = ensure_site(conn, parsed.organization.finess, parsed.organization.name,
                           _SITE_KIND[kind.value.partition(".")[0]], actor=actor)
    if parsed.practitioner is not None:
        professional = ensure_professional(conn, parsed.practitioner, actor=actor)
    values: dict[str, Any] = {
        "document": orjson.dumps(parsed.document).decode(), "recorded_on": on, "site_id": site,
        "professional_id": professional,
        "result": None if parsed.result is None else orjson.dumps(parsed.result).decode(),
        "document_hash": key, "content_key": key,  # both follow the content; fhir_key stays as first saved
    }
    _claim(conn, row, expected, record_id, **values)
    why = f"record {row.id} corrected"
    stored: dict[str, Any] | None = None
    _drop_side_rows(conn, row.id, kind)
    if kind is RecordKind.ICOPE_SCREENING:
        pass  # refresh_icope writes its result, side row and alerts
    elif kind is RecordKind.ICOPE_ASSESSMENT:
        dependents.sync_alerts(conn, source_id=row.id, patient_id=row.patient_id, site_id=site, on=on,
                               raised=_safety(parsed), link={"assessment": str(row.id)}, actor=actor, why=why)
        _insert_assessment(conn, row.id, row.patient_id, parsed)
    elif kind in (RecordKind.MEDISIS_STAY, RecordKind.MEDISIS_RECONCILIATION):
        indexing.INDEXERS[kind](conn, record_id=row.id, patient_id=row.patient_id, site_id=site,
                                parsed=_dated(parsed, on), actor=actor)
    bumped = {row.id}
    _refresh(conn, kind, row.patient_id, min(on, row.recorded_on), actor=actor, why=why, bumped=bumped)
    if kind is RecordKind.ICOPE_SCREENING:
        stored = orjson.loads(conn.execute(select(records.c.result).where(records.c.id == row.id)).scalar_one())
    after = {"version": expected + 1, "document": parsed.document, "result": stored or parsed.result}
    audit.append(conn, actor=actor, action="update", entity="record", entity_id=row.id, before=before, after=after)
    return Saved(str(row.id), str(row.patient_id), stored or parsed.result)


def _object(raw: bytes) -> dict[str, Any] | None:
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def _dated(parsed: Any, on: date) -> Any:
    from dataclasses import replace

    return parsed if parsed.recorded_on == on else replace(parsed, recorded_on=on)


def _safety(parsed: Any) -> list[tuple[str, str]]:
    from icope.safety import safety_alerts
    from icope.step2 import assess_instrument

    return [(rule.value, domain.value) for rule, domain in safety_alerts([assess_instrument(parsed.model)])]


def _insert_assessment(conn: Connection, record_id: int, patient_id: int, parsed: Any) -> None:
    from parcours.kinds import side_rows

    row = side_rows(RecordKind.ICOPE_ASSESSMENT, parsed.model, parsed.result) or {}  # icope.kinds.assessment_row
    conn.execute(insert(assessments).values(record_id=record_id, patient_id=patient_id,
                                            assessed_on=parsed.recorded_on, **row))


def delete_record(conn: Connection, record_id: str, *, reason: str, actor: str, version: int | None = None) -> None:
    """Soft-delete a live record with its reason; recompute what depended on it.

    Its alerts are withdrawn, later screenings are evaluated again, the due date and pending
    step 2 follow; deleting again raises AlreadyDeleted, a stale `version` Conflict.
    """
    row = _row(conn, record_id)
    kind = RecordKind(row.kind)
    expected = _check_version(row, version, record_id)
    # content_key cleared: the same document may be saved again
    _claim(conn, row, expected, record_id, deleted_at=audit.now(), deleted_reason=reason, content_key=None)
    indexing.on_delete(conn, row.id, kind)
    why = f"record {row.id} deleted"
    if kind is RecordKind.ICOPE_ASSESSMENT:
        conn.execute(delete(assessments).where(assessments.c.record_id == row.id))  # the record keeps it
    if kind in (RecordKind.ICOPE_SCREENING, RecordKind.ICOPE_ASSESSMENT):
        dependents.withdraw_alerts_of(conn, row.id, actor=actor, why=why)
    _refresh(conn, kind, row.patient_id, row.recorded_on, actor=actor, why=why, bumped={row.id})
    audit.append(conn, actor=actor, action="delete", entity="record", entity_id=row.id,
                 before={"kind": row.kind, "version": row.version}, after={"reason": reason})
