"""Corrections and deletions in the store (interchange.md §5.5), on SQLite and PostgreSQL.

A correction is a new version of the same record whose result, alerts, due date, pending step 2
and counts follow; a stale version or a deleted record is refused with nothing changed.
"""

from __future__ import annotations

import pathlib
import sys
from datetime import date

import orjson
import pytest
from sqlalchemy import text

from parcours.core.errors import InvalidInput
from parcours.core.records import RecordKind
from parcours.store import Conflict, NotFound, open_store
from parcours.store.corrections import AlreadyDeleted, NotCorrectable

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from test_store_basics import INS, TEST_SYSTEM, screening

PATIENT = {"identifier": {"system": TEST_SYSTEM, "value": INS}, "family": "Martin", "given": "Jeanne"}
#: the column the record's FHIR ids come from (issue 16: its own column once the exporter has one)
FHIR_KEY = "fhir_key"
EVER = {"start": date(1900, 1, 1), "end": date(9999, 12, 31)}


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def live_alerts(store, patient_id: str) -> list[tuple[str, str, str]]:
    """(rule, domain, date) of the patient's live alerts."""
    return sorted((d.document["rule"], d.document["domain"], d.document["date"])
                  for d in store.patient_records(patient_id).documents if d.kind is RecordKind.ICOPE_ALERT)


def row(store, sql: str, **params):
    with store.engine.connect() as conn:
        return conn.execute(text(sql), params).first()


def assert_counts_agree(store) -> None:
    """The maintained daily counts equal a count of the live rows themselves."""
    counts = store.population_counts(**EVER)
    direct = row(store, "SELECT (SELECT count(*) FROM screenings WHERE live), "
                        "(SELECT count(*) FROM screenings WHERE live AND cognition = 'positive'), "
                        "(SELECT count(*) FROM patients WHERE deleted_at IS NULL AND next_step1_due IS NOT NULL), "
                        '(SELECT count(*) FROM alerts WHERE "open")')
    assert (counts.screened, counts.positive["cognition"], counts.due, counts.open_alerts) == tuple(direct)


def audit_rows(store, entity_id: str) -> list[tuple[str, str]]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT action, entity FROM audit WHERE entity_id = :i AND entity = 'record' ORDER BY id"),
            {"i": entity_id})]


def test_correcting_a_screening_flips_its_domain_and_the_alerts_and_due_date_follow(store):
    first = store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-01-10"), actor="n")
    second = store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-07-10", day_of_week="wrong"), actor="n")
    pid = first.patient_id
    before = live_alerts(store, pid)
    assert ("D1", "cognition", "2026-07-10") in before  # newly positive at the second screening
    key_sql = f"SELECT {FHIR_KEY}, version FROM records WHERE id = :i"
    key_before = row(store, key_sql, i=int(first.record_id))[0]

    # the first screening was positive too: baseline D1 there, D2 (positive twice) at the second
    saved = store.correct_record(first.record_id, screening("2026-01-10", day_of_week="wrong"), actor="dr",
                                 version=1)
    assert saved.record_id == first.record_id and saved.result["domains"]["cognition"]["result"] == "positive"
    after = live_alerts(store, pid)
    assert ("D1", "cognition", "2026-01-10") in after and ("D2", "cognition", "2026-07-10") in after
    assert ("D1", "cognition", "2026-07-10") not in after
    assert store.record_versions(pid)[first.record_id] == 2
    assert tuple(row(store, key_sql, i=int(first.record_id))) == (key_before, 2)  # the FHIR key: first save's
    assert_counts_agree(store)

    # the newest screening corrected to negative and a month later: no pending step 2, due date moves
    due_before = store.get_patient(pid).next_step1_due
    moved = store.correct_record(second.record_id, screening("2026-08-10"), actor="dr")
    assert store.positive_without_step2() == []
    assert store.get_patient(pid).next_step1_due == date.fromisoformat(moved.result["next_step1_due"]) != due_before
    assert [a for a in live_alerts(store, pid) if a[2] != "2026-01-10"] == []
    assert [r.detail for r in store.open_alerts()] == ["D1:cognition"]
    assert_counts_agree(store)


def test_a_stale_version_is_refused_and_nothing_changes(store):
    saved = store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-01-10", day_of_week="wrong"), actor="n")
    store.correct_record(saved.record_id, screening("2026-01-10"), actor="a", version=1)
    snapshot = store.patient_records(saved.patient_id)
    audits = audit_rows(store, saved.record_id)
    with pytest.raises(Conflict):
        store.correct_record(saved.record_id, screening("2026-02-10", day_of_week="wrong"), actor="b", version=1)
    with pytest.raises(Conflict):
        store.delete_record(saved.record_id, reason="r", actor="b", version=1)
    assert store.patient_records(saved.patient_id) == snapshot
    assert audit_rows(store, saved.record_id) == audits
    assert store.open_alerts() == []


def test_an_invalid_correction_names_the_field_and_changes_nothing(store):
    saved = store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-01-10"), actor="n")
    bad = screening("2026-01-10")
    bad["locomotion"]["chair_rise_seconds"] = -2
    with pytest.raises(InvalidInput) as err:
        store.correct_record(saved.record_id, bad, actor="a")
    assert ("locomotion", "chair_rise_seconds") in [i.path for i in err.value.issues]
    other = screening("2026-01-10")
    other["patient"] = {"ins": "184057512345625"}  # another person's (valid) INS
    with pytest.raises(InvalidInput) as err:
        store.correct_record(saved.record_id, other, actor="a")
    assert [(i.path, i.code) for i in err.value.issues] == [(("patient", "ins"), "other_patient")]
    born = screening("2026-01-10", birth_date="1950-01-01")  # the patient was stored born 1944-05-02
    with pytest.raises(InvalidInput) as err:
        store.correct_record(saved.record_id, born, actor="a")
    assert [(i.path, i.code, i.params) for i in err.value.issues] == [(("birth_date",), "birth_date_not_patients", {})]
    assert store.record_versions(saved.patient_id)[saved.record_id] == 1


def test_a_record_dated_before_the_birth_is_refused(store):
    patient = store.create_patient({**PATIENT, "birth_date": "1950-01-01"}, site=None, actor="n")
    saved = store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-01-10"), actor="n", patient_id=patient.id)
    early = screening("1949-12-31")
    del early["birth_date"]  # the document alone is valid; the stored birth date is what refuses it
    with pytest.raises(InvalidInput) as err:
        store.correct_record(saved.record_id, early, actor="a")
    assert [(i.path, i.code) for i in err.value.issues] == [(("date",), "before_birth")]


def test_deleting_a_screening_takes_it_and_its_alerts_off_every_list(store):
    first = store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-01-10", day_of_week="wrong"), actor="n")
    second = store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-07-10", day_of_week="wrong"), actor="n")
    pid = first.patient_id
    assert live_alerts(store, pid) == [("D1", "cognition", "2026-01-10"), ("D2", "cognition", "2026-07-10")]
    store.delete_record(second.record_id, reason="saisi deux fois", actor="dr")
    docs = store.patient_records(pid).documents
    assert [d.record_id for d in docs if d.kind is RecordKind.ICOPE_SCREENING] == [first.record_id]
    assert live_alerts(store, pid) == [("D1", "cognition", "2026-01-10")]
    assert store.get_patient(pid).next_step1_due == date.fromisoformat(first.result["next_step1_due"])
    assert_counts_agree(store)
    assert ("delete", "record") in audit_rows(store, second.record_id)
    reason = row(store, "SELECT deleted_reason FROM records WHERE id = :i", i=int(second.record_id))[0]
    assert reason == "saisi deux fois"

    store.delete_record(first.record_id, reason="mauvais patient", actor="dr", version=1)
    assert live_alerts(store, pid) == [] and store.open_alerts() == [] and store.positive_without_step2() == []
    assert store.get_patient(pid).next_step1_due is None
    assert store.due_for_rescreening(**EVER) == []
    assert_counts_agree(store)
    with pytest.raises(AlreadyDeleted):
        store.delete_record(first.record_id, reason="encore", actor="dr")
    with pytest.raises(AlreadyDeleted):
        store.correct_record(first.record_id, screening("2026-01-10"), actor="dr")
    with pytest.raises(NotFound):
        store.delete_record("999999", reason="x", actor="dr")


def test_correcting_a_phq9_withdraws_its_s1_and_the_step2_follows(store):
    doc = {"instrument": "phq9", "date": "2026-11-20", "items": [0, 1, 0, 0, 0, 0, 0, 0, 1], "patient": PATIENT}
    saved = store.save_document(RecordKind.ICOPE_ASSESSMENT, doc, actor="n")
    assert [r.detail for r in store.open_alerts()] == ["S1:psychology"]
    corrected = store.correct_record(saved.record_id, {**doc, "items": [0, 1, 0, 0, 0, 0, 0, 0, 0]}, actor="dr")
    assert corrected.result["score"] == 1
    assert store.open_alerts() == [] and live_alerts(store, saved.patient_id) == []
    store.correct_record(saved.record_id, doc, actor="dr")
    assert [r.detail for r in store.open_alerts()] == ["S1:psychology"]
    assert_counts_agree(store)


def test_an_assessment_deleted_puts_its_domain_back_to_pending(store):
    screened = store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-01-10", day_of_week="wrong"),
                                   actor="n")
    assert [r.patient_id for r in store.positive_without_step2()] == [screened.patient_id]
    mmse = {"instrument": "mmse", "date": "2026-01-20", "score": 29, "patient": PATIENT}
    assessed = store.save_document(RecordKind.ICOPE_ASSESSMENT, mmse, actor="n")
    assert store.positive_without_step2() == []  # cognition assessed since the screening
    store.delete_record(assessed.record_id, reason="r", actor="n")
    assert [r.patient_id for r in store.positive_without_step2()] == [screened.patient_id]
    moved = store.save_document(RecordKind.ICOPE_ASSESSMENT, {**mmse, "date": "2026-01-21"}, actor="n")
    assert store.positive_without_step2() == []
    store.correct_record(moved.record_id, {**mmse, "date": "2026-01-05"}, actor="n")  # before the screening
    assert [r.patient_id for r in store.positive_without_step2()] == [screened.patient_id]


def test_alerts_are_not_corrected(store):
    store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-01-10", day_of_week="wrong"), actor="n")
    alert = store.open_alerts()[0].cursor.rpartition("|")[2]
    with pytest.raises(NotCorrectable):
        store.correct_record(alert, {"rule": "D1"}, actor="n")


def test_patient_correction_checks_birth_date_identifier_and_version(store):
    patient = store.create_patient({**PATIENT, "birth_date": "1950-01-01"}, site=None, actor="n")
    store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-01-10"), actor="n", patient_id=patient.id)
    with pytest.raises(InvalidInput) as err:
        store.correct_patient(patient.id, {"birth_date": "2026-01-11"}, actor="a")
    assert [(i.path, i.code) for i in err.value.issues] == [(("patient", "birth_date"), "birth_after_record")]
    second = store.create_patient({"ins": "184057512345625", "family": "Autre"}, site=None, actor="n")
    with pytest.raises(InvalidInput) as err:
        store.correct_patient(patient.id, {"ins": "184057512345625"}, actor="a")
    assert [(i.path, i.code) for i in err.value.issues] == [(("patient", "ins"), "identifier_taken")]
    assert err.value.issues[0].params["id"] == second.id
    fixed = store.correct_patient(patient.id, {"family": "Dupont", "birth_date": "1950-02-01"}, actor="a", version=1)
    assert (fixed.family, fixed.given, fixed.birth_date, fixed.version) == ("Dupont", ("Jeanne",), date(1950, 2, 1), 2)
    with pytest.raises(Conflict):
        store.correct_patient(patient.id, {"family": "Durand"}, actor="b", version=1)
    assert store.get_patient(patient.id).family == "Dupont"
    with store.engine.connect() as conn:
        kinds = conn.execute(text("SELECT action FROM audit WHERE entity = 'patient' AND entity_id = :i ORDER BY id"),
                             {"i": patient.id}).scalars().all()
    assert kinds == ["create", "update"]


def test_medisis_worklists_follow_corrections_and_deletions(store):
    patient = store.create_patient(PATIENT, site=None, actor="n")
    discharged = {"admission_date": "2026-11-01", "discharge_date": "2026-11-10"}
    stay = store.save_document(RecordKind.MEDISIS_STAY, discharged, actor="n", patient_id=patient.id)
    assert len(store.discharges_without_reconciliation()) == 1
    doc = orjson.loads((pathlib.Path(__file__).resolve().parents[2] / "examples" / "reconciliation.json").read_bytes())
    doc.update(moment="discharge", date="2026-11-10")
    rec = store.save_document(RecordKind.MEDISIS_RECONCILIATION, doc, actor="n", patient_id=patient.id)
    assert store.discharges_without_reconciliation() == [] and len(store.awaiting_30day_review()) == 1
    done = {"status": "not_applicable", "due_date": "2026-12-10", "reconciliation": rec.record_id}
    consultation = store.save_document(RecordKind.MEDISIS_CONSULTATION30, done, actor="n", patient_id=patient.id)
    assert store.awaiting_30day_review() == []

    planned = {"status": "planned", "due_date": "2026-12-10"}  # the link to its reconciliation is kept
    store.correct_record(consultation.record_id, planned, actor="n")
    assert len(store.awaiting_30day_review()) == 1
    kept = next(d for d in store.patient_records(patient.id).documents if d.record_id == consultation.record_id)
    assert kept.document["reconciliation"] == rec.record_id

    store.correct_record(rec.record_id, {**doc, "date": "2026-10-30"}, actor="n")  # before the admission
    assert len(store.discharges_without_reconciliation()) == 1
    store.delete_record(rec.record_id, reason="r", actor="n")
    assert store.awaiting_30day_review() == [] and len(store.discharges_without_reconciliation()) == 1
    store.correct_record(stay.record_id, {"admission_date": "2026-11-01"}, actor="n")  # still in hospital
    assert store.discharges_without_reconciliation() == []


def test_the_content_key_follows_a_correction(store):
    """Issue 20's content key: the corrected document is the one stored once; the old one is free again."""
    from parcours.store.corrections import SameAsRecord

    first = store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-01-10"), actor="n")
    second = store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-07-10"), actor="n")
    with pytest.raises(SameAsRecord):
        store.correct_record(second.record_id, screening("2026-01-10"), actor="n")
    store.correct_record(second.record_id, screening("2026-08-10"), actor="n")
    again = store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-08-10"), actor="n")
    assert again.duplicate and again.record_id == second.record_id
    fresh = store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-07-10"), actor="n")
    assert not fresh.duplicate and fresh.record_id not in (first.record_id, second.record_id)
