"""The repository every caller uses: typed methods, each one transaction, no SQL outside `store`.

Why: the CLI, the TUI and the exports share one API whatever the database (SQLite file or
PostgreSQL server); a method either commits all its rows or none.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Engine

from parcours.core.records import DeletedRecords, PatientRecords, RecordKind
from parcours.store import audit, audit_chain, drafts, patients, reading, saving, search, sites, worklists
from parcours.store.engine import writer
from parcours.store.errors import Conflict, DatabaseError
from parcours.store.rows import Draft, Patient, PopulationCounts, Saved, Site, SiteKind, WorklistRow

__all__ = ["Store", "open_store"]

SAVE_ATTEMPTS = 3  # a save that lost a race runs again; the third loss is a Conflict
_RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})  # PostgreSQL serialization failure, deadlock


def _lost_race(exc: Exception) -> bool:
    """A transaction another writer made fail, that can simply run again."""
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) in _RETRYABLE_SQLSTATES or "database is locked" in str(orig)


def open_store(url: str | None = None, *, migrate: bool = True) -> Store:
    """Open (and migrate to head) the database at `url`, `PARCOURS_DATABASE_URL` or the default file.

    A plain path is an SQLite file; why it cannot be opened is a typed StoreError (parcours.store.opening).
    """
    from parcours.store.opening import open_engine

    return Store(open_engine(url, migrate=migrate))


class Store:
    """A database of sites, patients, records, drafts and the audit trail."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        audit_chain.listen(engine)  # audit rows are chained at COMMIT (registered before any thread writes)

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self) -> Any:
        return writer(self.engine).begin()

    def _read(self) -> Any:
        return self.engine.connect()

    def _site(self, conn: Connection, finess: str | None) -> int | None:
        return None if finess is None else sites.site_id(conn, finess)

    # sites -----------------------------------------------------------------------------
    def ensure_site(self, finess: str, name: str | None = None, kind: str = SiteKind.MSP,
                    territory: str | None = None, *, actor: str) -> Site:
        """The site with this FINESS, created on first use (audited as `actor`'s)."""
        with self._write() as conn:
            sites.ensure_site(conn, finess, name, kind, territory, actor=actor)
            return next(s for s in sites.list_sites(conn) if s.finess == finess)

    def sites(self) -> list[Site]:
        """Every site, by FINESS."""
        with self._read() as conn:
            return sites.list_sites(conn)

    # patients --------------------------------------------------------------------------
    def create_patient(self, identity: dict[str, Any], *, site: str | None, actor: str) -> Patient:
        """A new patient from a §5.2 patient object (InvalidInput naming `patient.<field>`)."""
        model = patients.validate_identity(identity)
        with self._write() as conn:
            new_id = patients.create_patient(conn, model, site=self._site(conn, site), actor=actor)
            return patients.get_patient(conn, new_id)

    def get_patient(self, patient_id: str) -> Patient:
        """A live patient (NotFound otherwise)."""
        with self._read() as conn:
            return patients.get_patient(conn, patient_id)

    def update_patient(self, patient_id: str, identity: dict[str, Any], *, version: int, actor: str) -> Patient:
        """Replace the identity if nobody changed it since `version` was read (Conflict otherwise)."""
        from parcours.store.identity_corrections import correct_patient

        with self._write() as conn:  # the same checks as `parcours patients correct` (interchange §5.5)
            correct_patient(conn, patient_id, identity, version=version, actor=actor)
            return patients.get_patient(conn, patient_id)

    def delete_patient(self, patient_id: str, *, reason: str, actor: str, version: int | None = None) -> None:
        """Soft delete, with its reason in the audit trail; a `version` no longer current raises Conflict."""
        with self._write() as conn:
            patients.delete_patient(conn, patient_id, reason=reason, actor=actor, version=version)

    def search_patients(self, text: str = "", *, site: str | None = None, limit: int = 50,
                        after: str | None = None) -> list[Patient]:
        """By id, INS, family or first name, « NOM Prénom », birth date JJ/MM/AAAA (accents and case ignored)."""
        with self._read() as conn:
            return search.search_patients(conn, text, site=self._site(conn, site), limit=limit, after=after)

    def resolve_patient(self, key: str) -> str:
        """The store id of a store id, an export's Patient id or an INS (NotFound otherwise)."""
        with self._read() as conn:
            return str(patients.resolve_patient(conn, key))

    def record_access(self, patient_id: str, *, actor: str, purpose: audit.Access) -> None:
        """Audit a read of a patient's personal data (`patient_id` "*": every patient, a full export).

        Why: who saw whose file is part of the trail (issue 20), not only who changed it; one small
        transaction of its own, committed before the data are shown or written.
        """
        with self._write() as conn:
            audit.append(conn, actor=actor, action="read", entity="patient", entity_id=patient_id,
                         after={"purpose": audit.Access(purpose).value})

    def patient_records(self, patient_id: str) -> PatientRecords:
        """The patient and all their live records, oldest first."""
        with self._read() as conn:
            return reading.patient_records(conn, patient_id)

    def iter_patient_records(self, patient_ids: list[str] | None = None, since: date | None = None,
                             batch: int = 500) -> Iterator[PatientRecords]:
        """Stream patients (primary-key order) with their records, for the bulk exports."""
        ids = None if patient_ids is None else [int(p) for p in patient_ids]
        return reading.iter_patient_records(self.engine, ids, since, batch)

    def iter_changed_records(self, since: datetime, patient_ids: list[str] | None = None,
                             batch: int = 500) -> Iterator[PatientRecords]:
        """Stream the live patients changed at or after `since` (export fhir --since, docs/fhir.md)."""
        ids = None if patient_ids is None else [int(p) for p in patient_ids]
        return reading.iter_changed_records(self.engine, since, ids, batch)

    def iter_deleted_records(self, since: datetime, patient_ids: list[str] | None = None,
                             batch: int = 500) -> Iterator[DeletedRecords]:
        """Stream, per patient, what was deleted at or after `since` (the export's deleted list)."""
        ids = None if patient_ids is None else [int(p) for p in patient_ids]
        return reading.iter_deleted_records(self.engine, since, ids, batch)

    # records ---------------------------------------------------------------------------
    def save_document(self, kind: RecordKind, document: bytes | dict[str, Any], *, actor: str,
                      patient_id: str | None = None) -> Saved:
        """Validate, compute and store a document and its result in one transaction.

        The same document already stored for the patient returns that record (`duplicate`).
        A transaction that lost a race is rolled back and run again (SAVE_ATTEMPTS in all): two
        writers creating the same new patient (same INS) at once (unique index), a PostgreSQL
        deadlock or serialization failure; the new run finds what the winner committed.
        """
        from sqlalchemy.exc import DBAPIError, IntegrityError

        for attempt in range(1, SAVE_ATTEMPTS + 1):
            try:
                with self._write() as conn:
                    return saving.save_document(conn, kind, document, actor=actor, patient_id=patient_id)
            except DBAPIError as exc:
                if not (isinstance(exc, IntegrityError) or _lost_race(exc)):
                    raise DatabaseError(reason=str(exc.orig)) from exc
                if attempt == SAVE_ATTEMPTS:
                    raise Conflict(entity="record", key=str(kind)) from None
        raise AssertionError("unreachable")

    def delete_record(self, record_id: str, *, reason: str, actor: str, version: int | None = None) -> None:
        """Soft-delete a record with its reason; its alerts, due dates and counts follow (§5.5)."""
        from parcours.store.corrections import delete_record

        with self._write() as conn:
            delete_record(conn, record_id, reason=reason, actor=actor, version=version)

    def correct_record(self, record_id: str, document: bytes | dict[str, Any], *, actor: str,
                       version: int | None = None) -> Saved:
        """Store a corrected document as the record's next version; recompute what depends on it (§5.5)."""
        from parcours.store.corrections import correct_record

        with self._write() as conn:
            return correct_record(conn, record_id, document, actor=actor, version=version)

    def correct_patient(self, patient_id: str, changes: dict[str, Any], *, actor: str,
                        version: int | None = None) -> Patient:
        """Correct some identity fields (the others kept); `version` as read, else the current one."""
        from parcours.store.identity_corrections import correct_patient, merged_identity

        with self._write() as conn:
            current = patients.get_patient(conn, patient_id)
            correct_patient(conn, patient_id, merged_identity(current.identity, changes),
                            version=current.version if version is None else version, actor=actor)
            return patients.get_patient(conn, patient_id)

    def record_kind_and_version(self, record_id: str) -> tuple[RecordKind, int, str]:
        """A live record's kind, version and patient id (NotFound / AlreadyDeleted otherwise)."""
        from parcours.store.corrections import record_head

        with self._read() as conn:
            return record_head(conn, record_id)

    def record_versions(self, patient_id: str) -> dict[str, int]:
        """Record id -> version of a patient's live records."""
        from parcours.store.corrections import record_versions

        with self._read() as conn:
            return record_versions(conn, patient_id)

    def set_alert_status(self, record_id: str, status: str, *, actor: str) -> None:
        """Move an alert along new → confirmed → closed | refuted (docs/fhir.md §4.4)."""
        from parcours.store.alerts import set_alert_status

        with self._write() as conn:
            set_alert_status(conn, record_id, status, actor=actor)

    # drafts ----------------------------------------------------------------------------
    def save_draft(self, kind: str, data: dict[str, Any], *, actor: str, draft_id: str | None = None,
                   patient_id: str | None = None, version: int | None = None) -> str:
        """Create or replace a draft (one small transaction); its id."""
        with self._write() as conn:
            return drafts.save_draft(conn, kind, data, actor=actor, draft_id=draft_id, patient_id=patient_id,
                                     version=version)

    def list_drafts(self, *, kind: str | None = None, patient_id: str | None = None) -> list[Draft]:
        """Live drafts, newest first."""
        with self._read() as conn:
            return drafts.list_drafts(conn, kind=kind, patient_id=patient_id)

    def get_draft(self, draft_id: str) -> Draft:
        """A live draft (NotFound otherwise)."""
        with self._read() as conn:
            return drafts.get_draft(conn, draft_id)

    def discard_draft(self, draft_id: str, *, actor: str) -> None:
        """Discard a draft (kept for the audit)."""
        with self._write() as conn:
            drafts.discard_draft(conn, draft_id, actor=actor)

    # worklists -------------------------------------------------------------------------
    def due_for_rescreening(self, *, start: date, end: date, site: str | None = None, after: str | None = None,
                            limit: int = worklists.PAGE) -> list[WorklistRow]:
        """Patients due for step 1 between start and end."""
        with self._read() as conn:
            return worklists.due_for_rescreening(conn, start=start, end=end, site=self._site(conn, site),
                                                 after=after, limit=limit)

    def open_alerts(self, *, site: str | None = None, after: str | None = None,
                    limit: int = worklists.PAGE) -> list[WorklistRow]:
        """Alerts not closed or refuted."""
        with self._read() as conn:
            return worklists.open_alerts(conn, site=self._site(conn, site), after=after, limit=limit)

    def positive_without_step2(self, *, site: str | None = None, after: str | None = None,
                               limit: int = worklists.PAGE) -> list[WorklistRow]:
        """Positive step-1 domains still waiting for their step-2 assessment."""
        with self._read() as conn:
            return worklists.positive_without_step2(conn, site=self._site(conn, site), after=after, limit=limit)

    def discharges_without_reconciliation(self, *, site: str | None = None, after: str | None = None,
                                          limit: int = worklists.PAGE) -> list[WorklistRow]:
        """Discharged stays without a discharge reconciliation."""
        with self._read() as conn:
            return worklists.discharges_without_reconciliation(conn, site=self._site(conn, site), after=after,
                                                               limit=limit)

    def awaiting_30day_review(self, *, site: str | None = None, after: str | None = None,
                              limit: int = worklists.PAGE) -> list[WorklistRow]:
        """Discharge reconciliations whose 30-day review is not done."""
        with self._read() as conn:
            return worklists.awaiting_30day_review(conn, site=self._site(conn, site), after=after, limit=limit)

    def population_counts(self, *, start: date, end: date, site: str | None = None,
                          territory: str | None = None) -> PopulationCounts:
        """Screened, positive per domain, due and open alerts for a site, a territory or everyone."""
        with self._read() as conn:
            return worklists.population_counts(conn, start=start, end=end, site=self._site(conn, site),
                                               territory=territory)

    # drug database ---------------------------------------------------------------------
    def import_drugs(self, folder: str, *, actor: str, progress: Any = None, ucd: str | None = None,
                     ucd_columns: Any = None) -> Any:
        """Replace the drug database with the BDPM files of `folder` (and the UCD correspondence file
        `ucd`, columns `medisis.ucd.UcdColumns`), all or nothing (DrugImport)."""
        from parcours.store.drugs import import_drugs

        with self._write() as conn:
            return import_drugs(conn, folder, actor=actor, progress=progress, ucd=ucd, ucd_columns=ucd_columns)

    def find_drugs(self, text: str, *, limit: int = 10) -> list[Any]:
        """Drugs by name prefix (accents and case ignored), CIS, CIP13, UCD13 or UCD7 (DrugMatch list)."""
        from parcours.store.drugs import find_drugs

        with self._read() as conn:
            return find_drugs(conn, text, limit)

    def ucd_count(self) -> int:
        """(UCD13, specialty) pairs of the UCD correspondence (0: none loaded)."""
        from parcours.store.drugs import ucd_count

        with self._read() as conn:
            return ucd_count(conn)

    def drug_count(self) -> int:
        """Specialties in the drug database (0: never imported)."""
        from parcours.store.drugs import drug_count

        with self._read() as conn:
            return drug_count(conn)
