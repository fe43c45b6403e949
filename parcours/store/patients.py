"""Patients and sites: create, read, update with optimistic locking, soft delete, search, resolve.

Why: identity is validated by the same model as a document's `patient` object (docs/interchange.md §5.2),
so the CLI, TUI and `--save` agree on what a valid INS or name is; every change is audited.
"""

from __future__ import annotations

import unicodedata
import uuid
from datetime import date
from typing import Any

import orjson
from sqlalchemy import Connection, Row, insert, or_, select, update

from parcours.core.date_checks import future_dates
from parcours.core.documents import load
from parcours.core.errors import InvalidInput
from parcours.core.identity import PatientIdentity
from parcours.core.visible import shown_key
from parcours.store import audit, counts
from parcours.store.errors import Conflict, Duplicate, NotFound
from parcours.store.ids import patient_fhir_id
from parcours.store.rows import Patient
from parcours.store.schema import patients, sites

__all__ = [
    "create_patient", "delete_patient", "family_key", "find_or_create_patient", "get_patient", "identity_json",
    "given_key", "resolve_patient", "update_patient",
]

#: The identity keys of the §5.2 `patient` object; clinical keys (MEDISIS egfr, …) stay in documents.
IDENTITY_KEYS = ("identifier", "ins", "family", "given", "birth_date", "sex")


def family_key(text: str | None) -> str:
    """Upper case without accents, for prefix search (« Hélène » finds HELENE); '' without a name."""
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper().strip()


def given_key(given: tuple[str, ...] | list[str] | None) -> str:
    """The given names upper-cased without accents, space-separated, for prefix search; '' without one."""
    return family_key(" ".join(given)) if given else ""


def identity_json(identity: PatientIdentity) -> dict[str, Any]:
    """The identity keys of a validated patient object, as JSON values."""
    data = identity.model_dump(mode="json", exclude_none=True, include=set(IDENTITY_KEYS))
    return data


def validate_identity(identity: dict[str, Any] | PatientIdentity) -> PatientIdentity:
    """A §5.2 patient object validated (InvalidInput naming `patient.<field>` otherwise)."""
    if isinstance(identity, PatientIdentity):
        return identity
    try:
        # docs/plausibility.md §1: nobody is born after today (the document of an identity is dated today)
        return load(PatientIdentity, orjson.dumps(identity),
                    check=lambda model: future_dates(((("birth_date",), model.birth_date),)))
    except InvalidInput as exc:
        raise InvalidInput([issue.prefixed(("patient",)) for issue in exc.issues]) from None


def _columns(identity: PatientIdentity) -> dict[str, Any]:
    ident = identity.business_identifier()
    return {
        "identifier_system": ident[0] if ident else None,
        "identifier_value": ident[1] if ident else None,
        "family": identity.family,
        "family_key": family_key(identity.family),
        "given": orjson.dumps(identity.given).decode() if identity.given else None,
        "given_key": given_key(identity.given),
        "birth_date": identity.birth_date,
        "sex": identity.sex.value if identity.sex else None,
    }


_LIVE = patients.c.deleted_at.is_(None)
_SITE_FINESS = select(sites.c.finess).where(sites.c.id == patients.c.site_id).scalar_subquery()


def to_patient(row: Row) -> Patient:
    given = tuple(orjson.loads(row.given)) if row.given else ()
    identifier = (row.identifier_system, row.identifier_value) if row.identifier_system else None
    identity: dict[str, Any] = {}
    if identifier:
        identity["identifier"] = {"system": identifier[0], "value": identifier[1]}
    for key, value in (("family", row.family), ("given", list(given) or None),
                       ("birth_date", row.birth_date.isoformat() if row.birth_date else None), ("sex", row.sex)):
        if value is not None:
            identity[key] = value
    ins = identifier[1] if identifier and identifier[0].startswith("urn:oid:1.2.250.1.213.1.4.") else None
    return Patient(
        id=str(row.id), version=row.version, family=row.family, given=given, birth_date=row.birth_date,
        sex=row.sex, ins=ins, identifier=identifier, site=row.site_finess, next_step1_due=row.next_step1_due,
        fhir_id=row.fhir_id, identity=identity,
    )


def select_patients():  # noqa: ANN202 - a Select
    return select(patients, _SITE_FINESS.label("site_finess"))


def create_patient(conn: Connection, identity: PatientIdentity, *, site: int | None, actor: str) -> int:
    """Insert a patient and audit it; an identifier already stored raises Duplicate (field and store id, no value)."""
    columns = _columns(identity)
    if columns["identifier_system"] is not None:
        existing = _by_identifier(conn, columns["identifier_system"], columns["identifier_value"])
        if existing is not None:
            field = "patient.ins" if identity.ins is not None else "patient.identifier"
            raise Duplicate(entity="patient", field=field, key=str(existing))
    stamp = audit.now()
    new_id = conn.execute(
        insert(patients).values(
            version=1, fhir_id=str(uuid.uuid4()), site_id=site,
            created_at=stamp, updated_at=stamp, **columns,
        ).returning(patients.c.id)
    ).scalar_one()
    ident = (columns["identifier_system"], columns["identifier_value"]) if columns["identifier_system"] else None
    conn.execute(update(patients).where(patients.c.id == new_id).values(fhir_id=patient_fhir_id(new_id, ident)))
    audit.append(conn, actor=actor, action="create", entity="patient", entity_id=new_id,
                 after=identity_json(identity) | {"site_id": site}, at=stamp)
    return new_id


def _by_identifier(conn: Connection, system: str, value: str) -> int | None:
    return conn.execute(
        select(patients.c.id).where(
            patients.c.identifier_system == system, patients.c.identifier_value == value, _LIVE
        )
    ).scalar()


def find_or_create_patient(conn: Connection, identity: PatientIdentity | None, *, site: int | None,
                           actor: str) -> int:
    """The patient a document's `patient` object names (by its identifier), created if new.

    A document without an identifier is its own patient (docs/fhir.md §2.3: anonymous documents are
    never merged).
    """
    identity = identity or PatientIdentity()
    ident = identity.business_identifier()
    if ident is not None:
        found = _by_identifier(conn, *ident)
        if found is not None:
            return found
    try:
        return create_patient(conn, identity, site=site, actor=actor)
    except Conflict:  # committed by another writer since the read above (PostgreSQL reads each statement anew)
        found = _by_identifier(conn, *ident) if ident is not None else None
        if found is None:
            raise
        return found  # issue 20: eight first saves at once all land on this patient, none fails


def get_patient(conn: Connection, patient_id: str | int) -> Patient:
    """A live patient; NotFound otherwise."""
    row = conn.execute(select_patients().where(patients.c.id == _int_id(patient_id), _LIVE)).first()
    if row is None:
        raise NotFound(entity="patient", key=str(patient_id))
    return to_patient(row)


def _int_id(patient_id: str | int) -> int:
    try:
        return int(patient_id)
    except ValueError:
        raise NotFound(entity="patient", key=str(patient_id)) from None


def update_patient(conn: Connection, patient_id: str, identity: PatientIdentity, *, version: int, actor: str) -> None:
    """Replace the identity if `version` is current (optimistic locking); Conflict otherwise."""
    before = get_patient(conn, patient_id)
    columns = _columns(identity)
    ident = (columns["identifier_system"], columns["identifier_value"]) if columns["identifier_system"] else None
    done = conn.execute(
        update(patients)
        .where(patients.c.id == int(patient_id), patients.c.version == version, _LIVE)
        .values(version=version + 1, updated_at=audit.now(), fhir_id=patient_fhir_id(int(patient_id), ident), **columns)
    )
    if done.rowcount != 1:
        raise Conflict(entity="patient", key=patient_id)
    audit.append(conn, actor=actor, action="update", entity="patient", entity_id=patient_id,
                 before=before.identity, after=identity_json(identity))


def delete_patient(conn: Connection, patient_id: str, *, reason: str, actor: str, version: int | None = None) -> None:
    """Soft delete with a reason (the rows stay; worklists and searches skip them).

    With `version` (what the professional saw), a patient changed since is not deleted: Conflict.
    """
    before = get_patient(conn, patient_id)
    if version is not None and version != before.version:
        raise Conflict(entity="patient", key=patient_id)
    done = conn.execute(
        update(patients).where(patients.c.id == int(patient_id), patients.c.version == before.version, _LIVE)
        .values(deleted_at=(stamp := audit.now()), updated_at=stamp, deleted_reason=reason,
                version=before.version + 1)  # updated_at: `export fhir --since` sends the deletion
    )
    if done.rowcount != 1:  # changed or deleted by another writer since it was read
        raise Conflict(entity="patient", key=patient_id)
    if before.next_step1_due is not None:  # a deleted patient is no longer due
        site = conn.execute(select(patients.c.site_id).where(patients.c.id == int(patient_id))).scalar()
        counts.bump(conn, site, before.next_step1_due, due=-1)
    audit.append(conn, actor=actor, action="delete", entity="patient", entity_id=patient_id,
                 before=before.identity, after={"reason": reason})


def resolve_patient(conn: Connection, key: str) -> int:
    """A store id, an export's Patient id, or an INS / identifier value → the store id."""
    key = key.strip()
    candidates = [patients.c.fhir_id == key, patients.c.identifier_value == key]
    if key.isascii() and key.isdigit() and len(key) < 16:  # ASCII only: "٣" is not patient 3
        candidates.insert(0, patients.c.id == int(key))
    found = conn.execute(select(patients.c.id).where(or_(*candidates), _LIVE).order_by(patients.c.id)).scalar()
    if found is None:  # a store id or an export id is no personal data; an INS is: never echoed (issue 20)
        raise NotFound(entity="patient", key=shown_key(key))
    return found


def set_schedule(conn: Connection, patient_id: int, *, next_due: date, screened_on: date, pending: int) -> None:
    """The patient's next step-1 due date and pending step-2 domains after their newest screening."""
    before = conn.execute(select(patients.c.site_id, patients.c.next_step1_due).where(patients.c.id == patient_id)
                          .with_for_update()).one()  # PostgreSQL: the due count moves once per change
    if before.next_step1_due != next_due:
        if before.next_step1_due is not None:
            counts.bump(conn, before.site_id, before.next_step1_due, due=-1)
        counts.bump(conn, before.site_id, next_due, due=1)
    conn.execute(
        update(patients).where(patients.c.id == patient_id)
        .values(next_step1_due=next_due, last_screened_on=screened_on, step2_pending=pending)
    )


def move_due(conn: Connection, patient_id: int, next_due: date) -> None:
    """Set the patient's next step-1 due date alone (a care plan moves it, docs/icope.md §3.1)."""
    before = conn.execute(
        select(patients.c.site_id, patients.c.next_step1_due).where(patients.c.id == patient_id)
    ).one()
    if before.next_step1_due == next_due:
        return
    if before.next_step1_due is not None:
        counts.bump(conn, before.site_id, before.next_step1_due, due=-1)
    counts.bump(conn, before.site_id, next_due, due=1)
    conn.execute(update(patients).where(patients.c.id == patient_id).values(next_step1_due=next_due))
