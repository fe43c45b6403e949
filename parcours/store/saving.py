"""Save a document: validate it with its domain, compute its result, store both, in one transaction.

Why: `--save`, the TUI and the demo store exactly what the stateless command would print, and
the worklist columns (next due date, pending step 2, open alerts, awaiting reconciliations) are
updated in the same transaction, so a crash or a bad document never leaves half a record.
"""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import Connection, insert, select

from parcours.core.errors import FieldIssue, InvalidInput
from parcours.core.identity import PatientIdentity
from parcours.core.kinds import Parsed
from parcours.core.records import RecordKind
from parcours.kinds import by_record
from parcours.store import audit, indexing
from parcours.store.patients import find_or_create_patient, get_patient
from parcours.store.sites import ensure_professional, ensure_site
from parcours.store.rows import Saved, SiteKind
from parcours.store.schema import patients, records

__all__ = ["Parsed", "save_document"]


def _json(result: Any) -> dict[str, Any]:
    return orjson.loads(orjson.dumps(result.to_json()))


#: Document keys that are the store's links between records, not the contract's (stripped before parsing).
_STORE_LINKS = {RecordKind.MEDISIS_CONSULTATION30: "reconciliation"}


def _parse(kind: RecordKind, raw: bytes, document: dict[str, Any]) -> Parsed:
    """The kind's parse, compute and clinical date (parcours.kinds), its context objects and side rows."""
    spec = by_record(kind)
    link = _STORE_LINKS.get(kind)
    if link is not None:
        raw = orjson.dumps({k: v for k, v in document.items() if k != link})
    model = spec.parse_bytes(raw)
    result = _json(spec.compute_result(model)) if spec.compute is not None else None
    on = spec.clinical_date(model)
    if on is None:  # docs/interchange.md §5.5: a risk saved without its `date` is dated the day saved,
        on = audit.now().date()  # in the stored document too: two evaluations are two records (and FHIR resources)
        if document and "date" in getattr(type(model), "model_fields", {}):
            document = {**document, "date": on.isoformat()}
    patient = getattr(model, "patient", None)  # an intervention's `patient` is a local id, not an identity
    return Parsed(document, result, on, patient if isinstance(patient, PatientIdentity) else None,
                  getattr(model, "practitioner", None), getattr(model, "organization", None), model,
                  spec.rows(model, result))


_SITE_KIND = {"icope": SiteKind.MSP, "medisis": SiteKind.HOSPITAL}  # PROJECT DECISION: a new site's default kind


def parse_document(kind: RecordKind, raw: bytes | dict[str, Any]) -> Parsed:
    """Validate `raw` as a `kind` document (the domain's own InvalidInput on failure)."""
    if isinstance(raw, dict):
        document, raw = raw, orjson.dumps(raw)
    else:
        from parcours.core.documents import json_depth_exceeds

        if json_depth_exceeds(raw):
            _parse(RecordKind(kind), raw, {})  # raises the command's own too_deep error
        try:
            document = orjson.loads(raw)
        except orjson.JSONDecodeError:
            document = {}
    if not isinstance(document, dict):
        document = {}
    return _parse(RecordKind(kind), raw, document)


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
    elif by_record(kind).needs_patient:  # a record about an existing patient: no identity to find one by
        raise InvalidInput([FieldIssue(("patient",), "missing")])
    else:
        identity = parsed.patient
        birth = getattr(parsed.model, "birth_date", None)
        if birth is not None and (identity is None or identity.birth_date is None):
            fields = set(PatientIdentity.model_fields)
            known = identity.model_dump(exclude_none=True, include=fields) if identity else {}
            identity = PatientIdentity.model_validate({**known, "birth_date": birth})
        elif identity is not None and type(identity) is not PatientIdentity:
            identity = PatientIdentity.model_validate(
                identity.model_dump(exclude_none=True, include=set(PatientIdentity.model_fields))
            )
        patient = find_or_create_patient(conn, identity, site=site, actor=actor)
    if conn.dialect.name == "postgresql":  # one writer per patient: schedule, alerts, counts read then write
        conn.execute(select(patients.c.id).where(patients.c.id == patient).with_for_update())
    document_hash, content_key, fhir_key = indexing.first_save_keys(kind, parsed.document)
    same = conn.execute(select(records.c.id, records.c.result).where(
        records.c.patient_id == patient, records.c.kind == kind.value, records.c.content_key == content_key)).first()
    if same is not None:  # the same document for this patient: stored once (content key, migration 0005)
        return Saved(str(same.id), str(patient), orjson.loads(same.result) if same.result else None,
                     duplicate=True)
    stamp = audit.now()
    document_text = orjson.dumps(parsed.document).decode()
    result_text = orjson.dumps(parsed.result).decode() if parsed.result is not None else None
    record_id = conn.execute(
        insert(records).values(
            version=1, patient_id=patient, kind=kind.value, recorded_on=parsed.recorded_on, site_id=site,
            professional_id=professional, document=document_text, result=result_text,
            document_hash=document_hash, content_key=content_key, fhir_key=fhir_key,
            actor=actor, created_at=stamp, updated_at=stamp,
        ).returning(records.c.id)
    ).scalar_one()
    audit.append(conn, actor=actor, action="create", entity="record", entity_id=record_id,
                 after={"kind": kind.value, "patient_id": patient, "document": parsed.document}, at=stamp)
    stored = indexing.index_record(kind, conn, record_id=record_id, patient_id=patient, site_id=site, parsed=parsed,
                                     actor=actor)
    return Saved(str(record_id), str(patient), stored or parsed.result)
