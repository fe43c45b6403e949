"""Read a patient's records back as the plain shapes exports consume (parcours.core.records).

Why: the FHIR bulk export and the PDF history read documents, not rows; streaming patients in
primary-key pages keeps memory flat whatever the population (docs/fhir.md §6.2).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

import orjson
from sqlalchemy import Connection, Engine, select

from parcours.core.records import PatientRecords, RecordKind, StoredDocument
from parcours.store.patients import get_patient, select_patients, to_patient
from parcours.store.schema import alerts, patients, records

__all__ = ["iter_patient_records", "patient_records"]


def _documents(conn: Connection, patient_ids: Sequence[int], since: date | None) -> dict[int, list[StoredDocument]]:
    query = (
        select(records.c.id, records.c.patient_id, records.c.kind, records.c.recorded_on, records.c.document,
               records.c.result, alerts.c.status)
        .outerjoin(alerts, alerts.c.record_id == records.c.id)
        .where(records.c.patient_id.in_(patient_ids), records.c.deleted_at.is_(None))
        .order_by(records.c.patient_id, records.c.recorded_on, records.c.id)
    )
    if since is not None:
        query = query.where(records.c.recorded_on >= since)
    out: dict[int, list[StoredDocument]] = {}
    for row in conn.execute(query):
        document = orjson.loads(row.document)
        if row.status is not None:
            document["status"] = row.status  # an alert's status lives in its side row (it changes)
        out.setdefault(row.patient_id, []).append(StoredDocument(
            RecordKind(row.kind), str(row.id), row.recorded_on, document,
            None if row.result is None else orjson.loads(row.result),
        ))
    return out


def patient_records(conn: Connection, patient_id: str) -> PatientRecords:
    """One live patient and every live record, oldest first."""
    patient = get_patient(conn, patient_id)
    docs = _documents(conn, [int(patient.id)], None).get(int(patient.id), [])
    return PatientRecords(patient.id, patient.identity, tuple(docs))


def iter_patient_records(engine: Engine, patient_ids: Sequence[int] | None = None, since: date | None = None,
                         batch: int = 500) -> Iterator[PatientRecords]:
    """Live patients in primary-key order, `batch` at a time; with `since`, only patients with records then."""
    last = 0
    while True:
        with engine.connect() as conn:
            query = select_patients().where(patients.c.deleted_at.is_(None), patients.c.id > last)
            if patient_ids is not None:
                query = query.where(patients.c.id.in_(list(patient_ids)))
            page = conn.execute(query.order_by(patients.c.id).limit(batch)).all()
            if not page:
                return
            docs = _documents(conn, [r.id for r in page], since)
        for row in page:
            found = docs.get(row.id, [])
            if since is not None and not found:
                continue
            patient = to_patient(row)
            yield PatientRecords(patient.id, patient.identity, tuple(found))
        last = page[-1].id
