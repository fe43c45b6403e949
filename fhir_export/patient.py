"""One stored patient's records as FHIR resources, for the bulk export (docs/fhir.md §2.3, §6.2).

Why: stored screenings, assessments, reconciliations, risks and reviews get the same ids as their
stateless `--format fhir` Bundle (key `<pk>|<H>|<role>`); database-only records are keyed by their
store id. `--since` keeps the records dated on or after it plus the records they point at.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from fhir_export.emit import Ctx, Sink, add_actors
from fhir_export.icope import map_alert, map_assessment, map_step1
from fhir_export.ids import business_identifier, doc_hash, rid, stored_patient_key
from fhir_export.medisis import map_reconciliation, map_review, map_risk
from fhir_export.records import (
    map_careplan,
    map_consultation30,
    map_intervention,
    map_stay,
)
from parcours.core.records import PatientRecords, RecordKind, StoredDocument
from parcours.kinds import all_kinds

__all__ = ["map_patient", "patient_key_db", "patient_resource_id"]

K = RecordKind


@cache
def _document_kinds() -> frozenset[RecordKind]:
    """Stored kinds that are contract documents with a stateless Bundle: keyed by H like it (parcours.kinds)."""
    return frozenset(k.record_kind for k in all_kinds() if k.fhir and k.record_kind is not None)


#: the document keys naming the records whose resources a record's resources reference
_LINKS = {K.ICOPE_ALERT: ("screening", "assessment"), K.ICOPE_CARE_PLAN: ("screening",)}


def patient_key_db(records: PatientRecords) -> str:
    """pk in the database export: the INS when known, else `parcours-patient|<store id>`."""
    return stored_patient_key(records.patient_id, business_identifier(records.patient))


def patient_resource_id(records: PatientRecords) -> str:
    """The Patient `id` of this stored patient in every export (what `--patient` may name)."""
    return rid("Patient", patient_key_db(records))


def _kept(records: PatientRecords, since: date | None) -> list[StoredDocument]:
    if since is None:
        return list(records.documents)
    by_id = {d.record_id: d for d in records.documents}
    keep = {d.record_id for d in records.documents if d.recorded_on >= since}
    for d in records.documents:
        if d.record_id in keep:
            keep.update(str(d.document[k]) for k in _LINKS.get(d.kind, ()) if d.document.get(k) in by_id)
    return [d for d in records.documents if d.record_id in keep]


class _Mapper:
    """The state of one patient's mapping: key, actors, record prefixes, step-2 Observation ids."""

    def __init__(self, sink: Sink, records: PatientRecords) -> None:
        self.sink = sink
        self.pk = patient_key_db(records)
        self.patient = records.patient or {}
        self.birth = self.patient.get("birth_date") or next(
            (d.document["birth_date"] for d in records.documents if d.document.get("birth_date")), None)
        self.by_id = {d.record_id: d for d in records.documents}
        self.prefixes: dict[str, str] = {}
        self.assessments: list[tuple[StoredDocument, str]] = []
        add_actors(Ctx(sink, self.pk, f"{self.pk}|"), self.patient, self.birth)

    def prefix(self, d: StoredDocument) -> str:
        """`<pk>|<H>|` for contract documents, `<pk>|<kind>|<store id>|` for database-only records."""
        found = self.prefixes.get(d.record_id)
        if found is None:
            if d.kind in _document_kinds():
                found = f"{self.pk}|{doc_hash(d.document)}|"
            else:
                found = f"{self.pk}|{d.kind.value}|{d.record_id}|"
            self.prefixes[d.record_id] = found
        return found

    def ctx(self, d: StoredDocument, *, device: bool = False, organization: Any = "doc") -> Ctx:
        """The record's ctx with its own practitioner / organization as actors."""
        ctx = Ctx(self.sink, self.pk, self.prefix(d))
        doc = d.document
        org = doc.get("organization") if organization == "doc" else organization
        add_actors(ctx, self.patient, self.birth, doc.get("practitioner"), org, device=device)
        return ctx

    def linked(self, key: Any) -> Ctx | None:
        """A ctx computing the ids of a linked record (emitted on its own when kept)."""
        target = self.by_id.get(str(key)) if key is not None else None
        return None if target is None else Ctx(self.sink, self.pk, self.prefix(target))

    def map(self, d: StoredDocument) -> None:
        """Emit one record's resources with its kind's mapping (none for a kind without one)."""
        mapping = _MAPPINGS.get(d.kind)
        if mapping is not None:
            mapping(self, d, d.document, d.result or {})

    def alert(self, d: StoredDocument, doc: dict[str, Any], result: dict[str, Any]) -> None:
        if doc.get("assessment") is not None:  # S1: raised by a PHQ-9 (docs/icope.md "Safety rules")
            focus = self.linked(doc.get("assessment"))
            if focus is not None:
                map_alert(self.ctx(d), doc, focus, doc.get("status"), focus_role="assess")
        else:
            focus = self.linked(doc.get("screening"))
            if focus is not None:
                map_alert(self.ctx(d), doc, focus, doc.get("status"))

    def care_plan(self, d: StoredDocument, doc: dict[str, Any], result: dict[str, Any]) -> None:
        screening = self.linked(doc.get("screening"))
        start = self.by_id[str(doc["screening"])].recorded_on if screening is not None else None
        supporting = [i for a, i in self.assessments if start is None or start <= a.recorded_on <= d.recorded_on]
        map_careplan(self.ctx(d), doc, screening, supporting)


#: record kind -> (mapper, record, document, result) emitting its resources (docs/fhir.md §4-§5).
_MAPPINGS: dict[RecordKind, Callable[[_Mapper, StoredDocument, dict[str, Any], dict[str, Any]], Any]] = {
    K.ICOPE_SCREENING: lambda m, d, doc, result: map_step1(m.ctx(d), doc, result),
    K.ICOPE_ASSESSMENT: lambda m, d, doc, result: m.assessments.append((d, map_assessment(m.ctx(d), doc, result))),
    K.MEDISIS_RECONCILIATION: lambda m, d, doc, result: map_reconciliation(m.ctx(d, device=True), doc, result),
    K.MEDISIS_RISK: lambda m, d, doc, result: map_risk(m.ctx(d), doc, result, d.recorded_on.isoformat()),
    K.MEDISIS_REVIEW: lambda m, d, doc, result: map_review(m.ctx(d), doc, result),
    K.ICOPE_ALERT: _Mapper.alert,
    K.ICOPE_CARE_PLAN: _Mapper.care_plan,
    K.MEDISIS_STAY: lambda m, d, doc, result: map_stay(m.ctx(d, organization=doc.get("organization")), doc),
    K.MEDISIS_INTERVENTION: lambda m, d, doc, result: map_intervention(m.ctx(d), doc),
    K.MEDISIS_CONSULTATION30: lambda m, d, doc, result: map_consultation30(m.ctx(d), doc),
}


def map_patient(sink: Sink, records: PatientRecords, since: date | None = None) -> bool:
    """Emit the patient's resources into `sink`; False when `since` keeps none of their records."""
    docs = _kept(records, since)
    if since is not None and not docs:
        return False
    mapper = _Mapper(sink, records)
    for d in docs:
        mapper.map(d)
    return True
