"""Read a patient's records back as the plain shapes exports consume (parcours.core.records).

Why: the FHIR bulk export and the PDF history read documents, not rows; streaming patients in
primary-key pages keeps memory flat whatever the population (docs/fhir.md §6.2).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from typing import overload

import orjson
from sqlalchemy import Connection, Engine, select, union

from parcours.core.records import (
    DeletedRecords,
    PatientRecords,
    RecordKind,
    StoredDocument,
)
from parcours.store.patients import get_patient, select_patients, to_patient
from parcours.store.schema import alerts, patients, professionals, records, sites

__all__ = ["changed_patient_ids", "iter_changed_records", "iter_deleted_records", "iter_patient_records",
           "patient_records"]


@overload
def utc(stamp: datetime) -> datetime: ...


@overload
def utc(stamp: None) -> None: ...


@overload
def utc(stamp: datetime | None) -> datetime | None: ...


def utc(stamp: datetime | None) -> datetime | None:
    """A stored instant as an aware UTC datetime (SQLite hands them back naive, in UTC)."""
    if stamp is None:
        return None
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)


def _documents(conn: Connection, patient_ids: Sequence[int], since: date | None, *,
               deleted: bool = False) -> dict[int, list[StoredDocument]]:
    query = (
        select(records.c.id, records.c.patient_id, records.c.kind, records.c.recorded_on, records.c.document,
               records.c.result, records.c.fhir_key, records.c.version, records.c.updated_at, alerts.c.status,
               sites.c.finess, sites.c.name.label("site_name"), professionals.c.rpps,
               professionals.c.family, professionals.c.given, professionals.c.role)
        .outerjoin(alerts, alerts.c.record_id == records.c.id)
        .outerjoin(sites, sites.c.id == records.c.site_id)
        .outerjoin(professionals, professionals.c.id == records.c.professional_id)
        .where(records.c.patient_id.in_(patient_ids),
               records.c.deleted_at.is_not(None) if deleted else records.c.deleted_at.is_(None))
        .order_by(records.c.patient_id, records.c.recorded_on, records.c.id)
    )
    if since is not None:
        query = query.where(records.c.recorded_on >= since)
    out: dict[int, list[StoredDocument]] = {}
    for row in conn.execute(query):
        document = orjson.loads(row.document)
        if row.status is not None:
            document["status"] = row.status  # an alert's status lives in its side row (it changes)
        site = None
        if row.finess is not None:
            site = {"finess": row.finess, **({"name": row.site_name} if row.site_name else {})}
        professional = None
        if row.rpps is not None:
            professional = {"rpps": row.rpps}
            if row.family:
                professional["family"] = row.family
            if row.given:
                professional["given"] = row.given if not row.given.startswith("[") else orjson.loads(row.given)
            if row.role:
                professional["role"] = row.role
        out.setdefault(row.patient_id, []).append(StoredDocument(
            RecordKind(row.kind), str(row.id), row.recorded_on, document,
            None if row.result is None else orjson.loads(row.result),
            row.fhir_key, row.version, utc(row.updated_at), site, professional,
        ))
    return out


def changed_patient_ids(conn: Connection, since: datetime) -> list[int]:
    """Ids of the patients with a record or an identity changed, created or deleted at or after `since`.

    Two index range scans (ix_records_updated, ix_patients_updated): the cost follows the changes.
    """
    query = union(select(records.c.patient_id.label("id")).where(records.c.updated_at >= since),
                  select(patients.c.id.label("id")).where(patients.c.updated_at >= since))
    return sorted(conn.execute(query).scalars())


def iter_changed_records(engine: Engine, since: datetime, patient_ids: Sequence[int] | None = None,
                         batch: int = 500) -> Iterator[PatientRecords]:
    """Live patients changed at or after `since` with all their live records (`changed_only` = since)."""
    with engine.connect() as conn:
        ids = changed_patient_ids(conn, since)
    for chunk in _chunks(ids, patient_ids, batch):
        with engine.connect() as conn:
            page = conn.execute(select_patients().where(patients.c.id.in_(chunk), patients.c.deleted_at.is_(None))
                                .order_by(patients.c.id)).all()
            docs = _documents(conn, [r.id for r in page], None)
        for row in page:
            patient = to_patient(row)
            yield PatientRecords(patient.id, patient.identity, tuple(docs.get(row.id, [])), row.version,
                                 utc(row.updated_at), since)


def _chunks(ids: Sequence[int], patient_ids: Sequence[int] | None, batch: int) -> Iterator[Sequence[int]]:
    """`ids` (only those in `patient_ids` when given), `batch` at a time, in order."""
    if patient_ids is not None:
        wanted = set(patient_ids)
        ids = [i for i in ids if i in wanted]
    for start in range(0, len(ids), batch):
        yield ids[start:start + batch]


def iter_deleted_records(engine: Engine, since: datetime, patient_ids: Sequence[int] | None = None,
                         batch: int = 500) -> Iterator[DeletedRecords]:
    """Per patient, the records deleted at or after `since`, or every record of a patient deleted then."""
    with engine.connect() as conn:  # the same index ranges, only the deleted rows of them
        query = union(
            select(records.c.patient_id.label("id")).where(records.c.updated_at >= since,
                                                           records.c.deleted_at.is_not(None)),
            select(patients.c.id.label("id")).where(patients.c.updated_at >= since, patients.c.deleted_at.is_not(None)))
        ids = sorted(conn.execute(query).scalars())
    for chunk in _chunks(ids, patient_ids, batch):
        with engine.connect() as conn:
            page = conn.execute(select_patients().where(patients.c.id.in_(chunk)).order_by(patients.c.id)).all()
            live = _documents(conn, chunk, None)
            gone = _documents(conn, chunk, None, deleted=True)
        for row in page:
            patient = to_patient(row)
            patient_gone = row.deleted_at is not None and utc(row.deleted_at) >= since
            deleted = tuple(d for d in gone.get(row.id, []) if d.updated_at is not None and d.updated_at >= since)
            if patient_gone or deleted:
                yield DeletedRecords(patient.id, patient.identity, deleted, tuple(live.get(row.id, [])), patient_gone)


def patient_records(conn: Connection, patient_id: str) -> PatientRecords:
    """One live patient and every live record, oldest first."""
    patient = get_patient(conn, patient_id)
    docs = _documents(conn, [int(patient.id)], None).get(int(patient.id), [])
    return PatientRecords(patient.id, patient.identity, tuple(docs), patient.version)


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
            yield PatientRecords(patient.id, patient.identity, tuple(found), row.version, utc(row.updated_at))
        last = page[-1].id
