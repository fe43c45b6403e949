"""One stored patient's records as FHIR resources, for the bulk export (docs/fhir.md "Ids", "Incremental export").

Why: a stored record's resources are keyed `<pk>|<record key>|<role>`, the record key fixed at its
first save (the document hash then, so a `--save`d document exports with its `--format fhir` ids,
and a correction keeps them); database-only records are keyed by their store id. Each resource
carries its record's version and last change (`meta`). Orders close here, where the whole record
is known: a step-2 ServiceRequest by a later assessment of its domain, a re-screen by the next
screening (docs/fhir.md "Orders").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import cache
from itertools import pairwise
from typing import Any

from fhir_export.emit import SHARED_TYPES, Ctx, Sink, add_actors
from fhir_export.icope import map_alert, map_assessment, map_step1
from fhir_export.ids import business_identifier, doc_hash, rid, stored_patient_key
from fhir_export.medisis import map_reconciliation, map_review, map_risk
from fhir_export.records import (
    map_careplan,
    map_consultation30,
    map_intervention,
    map_stay,
)
from parcours.core.records import (
    DeletedRecords,
    PatientRecords,
    RecordKind,
    StoredDocument,
)
from parcours.kinds import all_kinds

__all__ = ["deleted_entries", "map_patient", "patient_key_db", "patient_resource_id"]

K = RecordKind


@cache
def _document_kinds() -> frozenset[RecordKind]:
    """Stored kinds that are contract documents with a stateless Bundle: keyed by H like it (parcours.kinds)."""
    return frozenset(k.record_kind for k in all_kinds() if k.fhir and k.record_kind is not None)


_ICOPE_ORDERING = frozenset({K.ICOPE_SCREENING, K.ICOPE_ASSESSMENT, K.ICOPE_ALERT, K.ICOPE_CARE_PLAN})
#: the document keys naming the records whose resources a record's resources reference
_LINKS = {K.ICOPE_ALERT: ("screening", "assessment"), K.ICOPE_CARE_PLAN: ("screening",)}


def patient_key_db(records: PatientRecords | DeletedRecords) -> str:
    """pk in the database export: `<system>|<value>` of the identifier, else `parcours-patient|<store id>`."""
    return stored_patient_key(records.patient_id, business_identifier(records.patient))


def patient_resource_id(records: PatientRecords) -> str:
    """The Patient `id` of this stored patient in every export (what `--patient` may name)."""
    return rid("Patient", patient_key_db(records))


def instant(stamp: datetime | None) -> str:
    """An R4 instant in UTC with `Z` (meta.lastUpdated), to the millisecond."""
    stamp = (stamp or datetime(1970, 1, 1, tzinfo=UTC))
    stamp = stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"


def _meta(version: int, updated: datetime | None) -> dict[str, str]:
    """meta.versionId / meta.lastUpdated of a record (every resource it produces carries them)."""
    return {"versionId": str(version), "lastUpdated": instant(updated)}


def _instrument_domain(doc: dict[str, Any], result: dict[str, Any]) -> str | None:
    from icope.vocab import INSTRUMENT_DOMAIN, Instrument

    name = result.get("instrument") or doc.get("instrument")
    if not isinstance(name, str):
        return None
    try:
        return INSTRUMENT_DOMAIN[Instrument(name)].value
    except (ValueError, KeyError):
        return None


class _Mapper:
    """The state of one patient's mapping: key, actors, record prefixes, order closures."""

    def __init__(self, sink: Sink, records: PatientRecords | DeletedRecords, docs: tuple[StoredDocument, ...]) -> None:
        self.sink = sink
        self.pk = patient_key_db(records)
        self.patient = records.patient or {}
        self.birth = self.patient.get("birth_date") or next(
            (d.document["birth_date"] for d in docs if d.document.get("birth_date")), None)
        self.by_id = {d.record_id: d for d in docs}
        self.prefixes: dict[str, str] = {}
        self.assessments: list[tuple[StoredDocument, str]] = []
        self._orders(docs)

    def actors(self, version: int = 1, updated: datetime | None = None) -> None:
        """The Patient (with the patient's meta) and nothing else yet."""
        self.sink.meta = _meta(version, updated)
        add_actors(Ctx(self.sink, self.pk, f"{self.pk}|"), self.patient, self.birth)
        self.sink.meta = None

    def _orders(self, docs: tuple[StoredDocument, ...]) -> None:
        """Which orders are fulfilled, and by what (docs/fhir.md "Orders")."""
        screenings = [(d, d.result) for d in docs if d.kind is K.ICOPE_SCREENING and d.result]
        screenings.sort(key=lambda s: str(s[0].document.get("date")))  # stable: store order breaks ties
        #: screening record id -> {domain: [assessment record ids]}; assessment id -> [(screening, domain)]
        self.step2_done: dict[str, set[str]] = {}
        self.based_on: dict[str, list[tuple[StoredDocument, str]]] = {}
        #: screening id -> the next screening; next screening id -> the one whose re-screen it fulfils
        self.rescreen_done: set[str] = set()
        self.fulfils_rescreen: dict[str, tuple[StoredDocument, dict[str, Any]]] = {}
        for (before, before_result), (after, _) in pairwise(screenings):
            self.rescreen_done.add(before.record_id)
            self.fulfils_rescreen[after.record_id] = before, before_result
        assessments = [(d, d.result) for d in docs if d.kind is K.ICOPE_ASSESSMENT and d.result]
        for s, s_result in screenings:
            wanted = {str(p["domain"]) for p in s_result.get("step2", ())}
            on = str(s.document.get("date"))
            for a, a_result in assessments:
                domain = _instrument_domain(a.document, a_result)
                if domain is not None and domain in wanted and str(a.document.get("date")) >= on:
                    self.step2_done.setdefault(s.record_id, set()).add(domain)
                    self.based_on.setdefault(a.record_id, []).append((s, domain))

    def dependencies(self, d: StoredDocument) -> list[str]:
        """Record ids whose resources `d`'s resources reference."""
        out = [str(d.document[k]) for k in _LINKS.get(d.kind, ()) if d.document.get(k) is not None]
        out += [s.record_id for s, _ in self.based_on.get(d.record_id, ())]
        if d.record_id in self.fulfils_rescreen:
            out.append(self.fulfils_rescreen[d.record_id][0].record_id)
        return [i for i in out if i in self.by_id]

    def prefix(self, d: StoredDocument) -> str:
        """`<pk>|<record key>|`: the key fixed at first save, else the hash (documents) or kind and id."""
        found = self.prefixes.get(d.record_id)
        if found is None:
            if d.key:
                found = f"{self.pk}|{d.key}|"
            elif d.kind in _document_kinds():
                found = f"{self.pk}|{doc_hash(d.document)}|"
            else:
                found = f"{self.pk}|{d.kind.value}|{d.record_id}|"
            self.prefixes[d.record_id] = found
        return found

    def ctx(self, d: StoredDocument, *, device: bool = False, organization: Any = "doc") -> Ctx:
        """The record's ctx: its document's practitioner / organization, else the store's."""
        ctx = Ctx(self.sink, self.pk, self.prefix(d))
        ctx.saved = True
        doc = d.document
        org = (doc.get("organization") or d.site) if organization == "doc" else organization
        add_actors(ctx, self.patient, self.birth, doc.get("practitioner") or d.professional, org, device=device)
        return ctx

    def linked(self, key: Any) -> Ctx | None:
        """A ctx computing the ids of a linked record (emitted on its own when kept)."""
        target = self.by_id.get(str(key)) if key is not None else None
        return None if target is None else Ctx(self.sink, self.pk, self.prefix(target))

    def known(self, d: StoredDocument) -> Ctx:
        """`linked` for a record of this patient's documents, so never None."""
        return Ctx(self.sink, self.pk, self.prefix(self.by_id[d.record_id]))

    def _close(self, start: int, rtype: str, ids: set[str]) -> None:
        for item in self.sink.items[start:]:
            if item[0] == rtype and item[1] in ids:
                item[2]["status"] = "completed"

    def _based_on(self, start: int, id_: str, refs: list[dict[str, str]]) -> None:
        for item in self.sink.items[start:]:
            if item[1] == id_ and item[0] == "Observation":
                res = item[2]
                body = {k: res.pop(k) for k in list(res) if k not in ("resourceType", "id", "meta", "extension",
                                                                       "identifier")}
                res["basedOn"] = refs  # R4 order: identifier, basedOn, partOf, status, ...
                res.update(body)

    def map(self, d: StoredDocument) -> None:
        """Emit one record's resources with its kind's mapping (none for a kind without one), each
        carrying the record's version and last change (meta)."""
        mapping = _MAPPINGS.get(d.kind)
        if mapping is not None:
            self.sink.meta = _meta(d.version, d.updated_at)
            mapping(self, d, d.document, d.result or {})
            self.sink.meta = None

    def screening(self, d: StoredDocument, doc: dict[str, Any], result: dict[str, Any]) -> None:
        """Step 1; its orders completed when fulfilled, its panel `basedOn` the re-screen it fulfils."""
        start = len(self.sink.items)
        ctx = self.ctx(d)
        panel = map_step1(ctx, doc, result)
        closed = {ctx.id("ServiceRequest", "step2|" + dom) for dom in self.step2_done.get(d.record_id, ())}
        if d.record_id in self.rescreen_done:
            closed.add(ctx.id("ServiceRequest", f"rescreen|{result['next_step1_due']}"))
        if closed:
            self._close(start, "ServiceRequest", closed)
        fulfilled = self.fulfils_rescreen.get(d.record_id)
        if fulfilled is not None:
            before, before_result = fulfilled
            self._based_on(start, panel, [ctx.ref("ServiceRequest", self.known(before).id(
                "ServiceRequest", f"rescreen|{before_result['next_step1_due']}"))])

    def assessment(self, d: StoredDocument, doc: dict[str, Any], result: dict[str, Any]) -> None:
        """Step 2; its Observation `basedOn` the step-2 orders it fulfils."""
        start = len(self.sink.items)
        ctx = self.ctx(d)
        obs = map_assessment(ctx, doc, result)
        self.assessments.append((d, obs))
        orders = self.based_on.get(d.record_id)
        if orders:
            self._based_on(start, obs, [ctx.ref("ServiceRequest", self.known(s).id(
                "ServiceRequest", "step2|" + dom)) for s, dom in orders])

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
    K.ICOPE_SCREENING: _Mapper.screening,
    K.ICOPE_ASSESSMENT: _Mapper.assessment,
    K.MEDISIS_RECONCILIATION: lambda m, d, doc, result: map_reconciliation(m.ctx(d, device=True), doc, result),
    K.MEDISIS_RISK: lambda m, d, doc, result: map_risk(m.ctx(d), doc, result,
                                                       str(doc.get("date") or d.recorded_on.isoformat())),
    K.MEDISIS_REVIEW: lambda m, d, doc, result: map_review(m.ctx(d), doc, result),
    K.ICOPE_ALERT: _Mapper.alert,
    K.ICOPE_CARE_PLAN: _Mapper.care_plan,
    K.MEDISIS_STAY: lambda m, d, doc, result: map_stay(m.ctx(d, organization=doc.get("organization") or d.site), doc),
    K.MEDISIS_INTERVENTION: lambda m, d, doc, result: map_intervention(m.ctx(d), doc),
    K.MEDISIS_CONSULTATION30: lambda m, d, doc, result: map_consultation30(m.ctx(d), doc),
}


def _closure(mapper: _Mapper, seeds: set[str], docs: tuple[StoredDocument, ...]) -> list[StoredDocument]:
    keep = set(seeds)
    todo = list(seeds)
    while todo:
        d = mapper.by_id.get(todo.pop())
        if d is None:
            continue
        for dep in mapper.dependencies(d):
            if dep not in keep:
                keep.add(dep)
                todo.append(dep)
    return [d for d in docs if d.record_id in keep]


def _kept(mapper: _Mapper, records: PatientRecords, dated_from: date | None) -> list[StoredDocument]:
    """The records to write: all; those dated on/after `dated_from`; or (incremental) those changed.

    Incremental: the changed records, plus every screening when an ICOPE record changed (their
    orders may have closed), plus what they reference (every reference resolves in the export).
    """
    docs = records.documents
    since = records.changed_only
    if dated_from is None and since is None:
        return list(docs)
    seeds = set()
    if dated_from is not None:
        seeds = {d.record_id for d in docs if d.recorded_on >= dated_from}
    if since is not None:
        changed = {d.record_id for d in docs if d.updated_at is not None and d.updated_at >= since}
        if dated_from is not None:
            changed &= seeds
        seeds = changed
        if any(mapper.by_id[i].kind in _ICOPE_ORDERING for i in seeds):
            seeds |= {d.record_id for d in docs if d.kind is K.ICOPE_SCREENING}
    return _closure(mapper, seeds, docs)


def map_patient(sink: Sink, records: PatientRecords, since: date | None = None) -> bool:
    """Emit the patient's resources into `sink`; False when nothing of theirs is to be written.

    `since` (a date) keeps the records dated on or after it (`--dated-from`); a patient read for an
    incremental export (`records.changed_only`) writes its Patient and its changed records.
    """
    mapper = _Mapper(sink, records, records.documents)
    docs = _kept(mapper, records, since)
    if not docs and (since is not None or (records.changed_only is not None and not (
            records.updated_at is not None and records.updated_at >= records.changed_only))):
        return False
    mapper.actors(records.version, records.updated_at)
    for d in docs:
        mapper.map(d)
    return True


def _all_ids(gone: DeletedRecords, docs: tuple[StoredDocument, ...]) -> list[tuple[str, str]]:
    sink = Sink(bulk=True, shared=set())
    mapper = _Mapper(sink, gone, docs)
    mapper.actors()
    for d in docs:
        mapper.map(d)
    return [(item[0], item[1]) for item in sink.items]


def deleted_entries(gone: DeletedRecords) -> list[tuple[str, str]]:
    """(type, id) of every resource the deleted records (or the deleted patient) had in an export.

    What the patient's records produced with the deleted ones, less what the live records still
    produce without them: so a live record that only existed through a deleted one (an alert Task
    focusing a deleted screening) goes too, and a resource another live record still gives (the
    same document saved twice) stays. Shared resources (practitioners, sites, drugs) stay.
    """
    before = _all_ids(gone, gone.live + gone.records)
    live = set() if gone.patient_deleted else {i for _, i in _all_ids(gone, gone.live)}
    return [(rtype, id_) for rtype, id_ in before
            if rtype not in SHARED_TYPES and id_ not in live and (rtype != "Patient" or gone.patient_deleted)]
