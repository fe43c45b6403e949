"""The store on both databases: patients, documents, audit, optimistic locking, drafts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from parcours.core.errors import InvalidInput
from parcours.core.records import RecordKind
from parcours.store import Conflict, NotFound, open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
INS = "244057512345692"  # a valid key, used with the test INS system below
TEST_SYSTEM = "urn:oid:1.2.250.1.213.1.4.10"


def screening(day: str, *, day_of_week: str = "correct", chair: float = 10.5, **extra) -> dict:
    doc = orjson.loads((EXAMPLES / "screening.json").read_bytes())
    doc["date"] = day
    doc["cognition"]["orientation"]["day_of_week"] = day_of_week
    doc["locomotion"]["chair_rise_seconds"] = chair
    doc["patient"] = {"identifier": {"system": TEST_SYSTEM, "value": INS}, "family": "Martin", "given": "Jeanne"}
    doc.update(extra)
    return doc


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def test_patient_round_trip_and_audit(store):
    p = store.create_patient({"ins": INS, "family": "Hélène", "given": ["Anne"], "birth_date": "1950-01-31",
                              "sex": "female"}, site=None, actor="nurse-1")
    assert store.get_patient(p.id) == p
    assert store.search_patients("hel")[0].id == p.id  # accents and case ignored
    assert store.resolve_patient(INS) == p.id
    assert store.resolve_patient(p.fhir_id) == p.id
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT actor, action, entity FROM audit WHERE entity = 'patient'")).all()
    assert [tuple(r) for r in rows] == [("nurse-1", "create", "patient")]


def test_bad_identity_names_the_field(store):
    with pytest.raises(InvalidInput) as err:
        store.create_patient({"ins": "244057512345600"}, site=None, actor="x")
    assert [i.path for i in err.value.issues] == [("patient", "ins")]
    assert store.search_patients() == []


def test_optimistic_locking_two_connections(store_url):
    first, second = open_store(store_url), open_store(store_url)
    try:
        p = first.create_patient({"family": "DUPONT"}, site=None, actor="a")
        stale = second.get_patient(p.id)
        first.update_patient(p.id, {"family": "DUPOND"}, version=p.version, actor="a")
        with pytest.raises(Conflict):
            second.update_patient(p.id, {"family": "DURAND"}, version=stale.version, actor="b")
        assert second.get_patient(p.id).family == "DUPOND"  # never a silent overwrite
    finally:
        first.close()
        second.close()


def test_audit_is_append_only(store):
    store.create_patient({"family": "X"}, site=None, actor="a")
    for statement in ("UPDATE audit SET actor = 'evil'", "DELETE FROM audit"):
        with pytest.raises(DBAPIError), store.engine.begin() as conn:
            conn.execute(text(statement))
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT actor FROM audit")).scalars().all() == ["a"]


def test_soft_delete_keeps_rows_and_reason(store):
    p = store.create_patient({"family": "GONE"}, site=None, actor="a")
    store.delete_patient(p.id, reason="doublon", actor="a")
    with pytest.raises(NotFound):
        store.get_patient(p.id)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT deleted_reason FROM patients")).scalar() == "doublon"
        assert conn.execute(text("SELECT action FROM audit ORDER BY id")).scalars().all() == ["create", "delete"]


def test_saved_screening_equals_the_command_result(store):
    from parcours.cli.icope_commands import score

    doc = screening("2026-11-20", day_of_week="wrong")
    saved = store.save_document(RecordKind.ICOPE_SCREENING, orjson.dumps(doc), actor="n")
    assert saved.result == orjson.loads(score(orjson.dumps(doc)))
    records = store.patient_records(saved.patient_id)
    # the first screening stores its baseline D1 alert (docs/icope.md "Safety rules")
    assert sorted(d.kind for d in records.documents) == [RecordKind.ICOPE_ALERT, RecordKind.ICOPE_SCREENING]
    assert next(d for d in records.documents if d.kind is RecordKind.ICOPE_SCREENING).document == doc  # as given
    assert [r.detail for r in store.positive_without_step2()] == ["cognition"]
    assert [r.detail for r in store.open_alerts()] == ["D1:cognition"]


def test_invalid_document_saves_nothing(store):
    doc = screening("2026-11-20")
    doc["locomotion"]["chair_rise_seconds"] = -1
    with pytest.raises(InvalidInput) as err:
        store.save_document(RecordKind.ICOPE_SCREENING, orjson.dumps(doc), actor="n")
    assert err.value.issues[0].path == ("locomotion", "chair_rise_seconds")
    with store.engine.connect() as conn:
        for table in ("patients", "records", "screenings", "audit"):
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0


def test_decline_raises_alert_and_step2_clears_pending(store):
    first = store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-01-10"), actor="n")
    second = store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-07-10", day_of_week="wrong"), actor="n")
    assert first.patient_id == second.patient_id  # same INS, same patient
    alerts = store.open_alerts()
    assert {a.detail for a in alerts} >= {"D1:cognition"}
    assert store.get_patient(second.patient_id).next_step1_due == date(2027, 1, 10)
    assert [r.detail for r in store.positive_without_step2()] == ["cognition"]
    moca = {"instrument": "mini_cog", "date": "2026-07-11", "words_recalled": 3, "clock_normal": True}
    store.save_document(RecordKind.ICOPE_ASSESSMENT, moca, actor="n", patient_id=second.patient_id)
    assert store.positive_without_step2() == []
    alert_id = store.open_alerts()[0].cursor.partition("|")[2]
    for _ in alerts:
        store.set_alert_status(store.open_alerts()[0].cursor.partition("|")[2], "closed", actor="n")
    assert store.open_alerts() == []
    assert alert_id


def test_drafts_resume_and_discard(store):
    draft_id = store.save_draft("icope.screening", {"date": "2026-11-20"}, actor="n")
    store.save_draft("icope.screening", {"date": "2026-11-20", "cognition": {"words_recalled": 2}}, actor="n",
                     draft_id=draft_id)
    [draft] = store.list_drafts(kind="icope.screening")
    assert draft.data["cognition"] == {"words_recalled": 2} and draft.version == 2
    with pytest.raises(Conflict):
        store.save_draft("icope.screening", {}, actor="n", draft_id=draft_id, version=1)
    store.discard_draft(draft_id, actor="n")
    assert store.list_drafts() == []
    with pytest.raises(NotFound):
        store.get_draft(draft_id)


def test_two_writers_creating_the_same_patient(store_url):
    """Both saves land on one patient: the unique INS index decides, the loser retries."""
    import threading

    open_store(store_url).close()
    stores = [open_store(store_url), open_store(store_url)]
    barrier = threading.Barrier(2)
    saved: list = []

    def save(store, day):
        barrier.wait()
        saved.append(store.save_document(RecordKind.ICOPE_SCREENING, screening(day), actor="n"))

    threads = [threading.Thread(target=save, args=(s, d))
               for s, d in zip(stores, ("2026-01-10", "2026-07-10"), strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert len(saved) == 2 and saved[0].patient_id == saved[1].patient_id
        assert len(stores[0].search_patients()) == 1
    finally:
        for s in stores:
            s.close()


def test_finess_with_a_trailing_newline_creates_no_second_site(store):
    store.ensure_site("2A0000001", "MSP", actor="admin")
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as err:
        store.ensure_site("2A0000001\n", "MSP bis", actor="admin")
    assert err.value.errors()[0]["loc"] == ("finess",)
    assert [s.finess for s in store.sites()] == ["2A0000001"]
