"""Issue 15 in the FHIR export: PHQ-9 S1 is AA and flagged, its Task is `stat`, baseline D1 and the plan's re-screen."""

from __future__ import annotations

import orjson

from parcours.core.records import RecordKind
from parcours.store import open_store

V3 = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
BASE = "https://parcours.example/fhir/"
PATIENT = {"family": "MARTIN", "given": ["Jeanne"], "birth_date": "1944-05-02", "sex": "female"}


def _export(tmp_path, fx, build):
    from fhir_export.bulk import export_bulk

    store = open_store("sqlite://")
    try:
        patient = store.create_patient(PATIENT, site=None, actor="t")
        build(store, patient.id)
        records = list(store.iter_patient_records())
    finally:
        store.close()
    out = tmp_path / "export"
    out.mkdir()
    export_bulk(records, out, transaction_time="2026-12-01T10:00:00+00:00")
    return fx.read_export(out)


def test_s1_observation_is_critical_and_its_task_stat(tmp_path, fx, r4check):
    def build(store, pid):
        phq9 = {"instrument": "phq9", "date": "2026-11-20", "items": [0, 0, 0, 0, 0, 0, 0, 0, 1]}
        store.save_document(RecordKind.ICOPE_ASSESSMENT, phq9, actor="t", patient_id=pid)

    exported = _export(tmp_path, fx, build)
    (obs,) = exported["Observation"]
    assert obs["interpretation"][0]["coding"][0] == {"system": V3, "code": "AA", "display": "Critical abnormal"}
    assert obs["extension"] == [{"url": BASE + "StructureDefinition/icope-flag",
                                 "valueCoding": {"system": BASE + "CodeSystem/icope-flag", "code": "self_harm_risk"}}]
    (task,) = exported["Task"]
    assert task["priority"] == "stat" and task["code"]["coding"][0]["code"] == "S1"
    assert task["focus"] == {"reference": f"Observation/{obs['id']}"}
    for resource in (obs, task):
        assert r4check(resource) == []


def test_first_screening_d1_tasks_and_plan_rescreen(tmp_path, fx, r4check):
    def build(store, pid):
        doc = orjson.loads((fx.REPO / "examples" / "screening.json").read_bytes())
        doc.pop("patient", None)
        doc.update(date="2026-11-20", vision={"eye_problems": True})
        saved = store.save_document(RecordKind.ICOPE_SCREENING, doc, actor="t", patient_id=pid)
        store.save_document(RecordKind.ICOPE_CARE_PLAN, {"date": "2026-12-01", "screening": saved.record_id},
                            actor="t", patient_id=pid)

    exported = _export(tmp_path, fx, build)
    by_id = {f"Observation/{o['id']}": o for o in exported["Observation"]}
    positive = {o["code"]["coding"][0]["code"] for o in exported["Observation"]
                if o.get("valueCodeableConcept", {}).get("coding", [{}])[0].get("code") == "positive"
                and o["code"]["coding"][0]["code"] != "screening"}
    tasks = {(t["code"]["coding"][0]["code"], by_id[t["focus"]["reference"]]["code"]["coding"][0]["code"])
             for t in exported["Task"]}
    assert "vision" in positive and tasks == {("D1", d) for d in positive}  # baseline: one D1 per positive domain
    (plan,) = exported["CarePlan"]
    rescreens = [s for s in exported["ServiceRequest"] if s.get("basedOn")]
    assert [(s["occurrenceDateTime"], s["basedOn"]) for s in rescreens] == [
        ("2027-06-01", [{"reference": f"CarePlan/{plan['id']}"}])]
    assert r4check(rescreens[0]) == []
