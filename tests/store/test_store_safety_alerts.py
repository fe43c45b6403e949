"""Issue 15 in the store: baseline D1 and S1 alerts are stored, S1 sorts first, a plan moves the re-screen."""

from __future__ import annotations

import pathlib
import sys
from datetime import date

import pytest

from parcours.core.records import RecordKind
from parcours.store import open_store

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from test_store_basics import INS, TEST_SYSTEM, screening

PATIENT = {"identifier": {"system": TEST_SYSTEM, "value": INS}, "family": "Martin", "given": "Jeanne"}


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def phq9(day: str, item9: int, **extra) -> dict:
    return {"instrument": "phq9", "date": day, "items": [0, 1, 0, 0, 0, 0, 0, 0, item9], "patient": PATIENT, **extra}


def stored_alerts(store, patient_id: str) -> list[tuple[str, str, str]]:
    docs = store.patient_records(patient_id).documents
    return sorted((d.document["rule"], d.document["domain"], d.document["date"])
                  for d in docs if d.kind is RecordKind.ICOPE_ALERT)


def test_first_screening_stores_a_d1_per_positive_domain_then_d2_not_d1(store):
    first = store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-01-10", day_of_week="wrong"), actor="n")
    assert stored_alerts(store, first.patient_id) == [("D1", "cognition", "2026-01-10")]
    assert [r.detail for r in store.open_alerts()] == ["D1:cognition"]
    store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-07-10", day_of_week="wrong"), actor="n")
    assert stored_alerts(store, first.patient_id) == [("D1", "cognition", "2026-01-10"),
                                                      ("D2", "cognition", "2026-07-10")]


@pytest.mark.parametrize(("item9", "raised"), [(0, []), (1, [("S1", "psychology", "2026-11-20")])])
def test_phq9_item9_raises_s1_whatever_the_total(store, item9, raised):
    saved = store.save_document(RecordKind.ICOPE_ASSESSMENT, phq9("2026-11-20", item9), actor="n")
    assert saved.result["score"] == 1 + item9 and saved.result["abnormal"] is False  # total "minimal"
    assert stored_alerts(store, saved.patient_id) == raised
    assert [r.detail for r in store.open_alerts()] == [f"{r}:{d}" for r, d, _ in raised]


def test_s1_sorts_first_and_pages_once(store):
    for n, day in enumerate(("2026-01-05", "2026-01-06", "2026-01-07")):
        doc = screening(day, day_of_week="wrong")
        doc["patient"] = {**PATIENT, "identifier": {"system": TEST_SYSTEM, "value": None}, "given": f"P{n}"}
        doc["patient"].pop("identifier")
        store.save_document(RecordKind.ICOPE_SCREENING, doc, actor="n")
    store.save_document(RecordKind.ICOPE_ASSESSMENT, phq9("2026-11-20", 2), actor="n")
    store.save_document(RecordKind.ICOPE_ASSESSMENT, phq9("2026-11-21", 3), actor="n")
    everything = store.open_alerts(limit=1000)
    assert [r.detail for r in everything] == ["S1:psychology"] * 2 + ["D1:cognition"] * 3
    assert [r.due for r in everything] == [date(2026, 11, 20), date(2026, 11, 21), date(2026, 1, 5),
                                           date(2026, 1, 6), date(2026, 1, 7)]
    for size in (1, 2, 3):
        rows, after = [], None
        while page := store.open_alerts(after=after, limit=size):
            rows += page
            after = page[-1].cursor
        assert rows == everything
    # closing the S1 alert (its record id is the cursor's last part) takes it off the list
    store.set_alert_status(everything[0].cursor.rpartition("|")[2], "closed", actor="n")
    assert [r.detail for r in store.open_alerts()][:2] == ["S1:psychology", "D1:cognition"]


def test_an_active_care_plan_moves_the_rescreen_date(store):
    saved = store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-11-20"), actor="n")
    pid = saved.patient_id
    assert store.get_patient(pid).next_step1_due == date(2027, 5, 20)
    store.save_document(RecordKind.ICOPE_CARE_PLAN, {"date": "2026-12-10", "status": "completed"}, actor="n",
                        patient_id=pid)
    assert store.get_patient(pid).next_step1_due == date(2027, 5, 20)  # a completed plan moves nothing
    store.save_document(RecordKind.ICOPE_CARE_PLAN, {"date": "2026-11-10"}, actor="n", patient_id=pid)
    assert store.get_patient(pid).next_step1_due == date(2027, 5, 20)  # older than the screening
    store.save_document(RecordKind.ICOPE_CARE_PLAN, {"date": "2026-12-31"}, actor="n", patient_id=pid)
    assert store.get_patient(pid).next_step1_due == date(2027, 6, 30)  # plan start + 6 months
    # a screening saved afterwards for a date before the plan keeps the plan's date
    store.save_document(RecordKind.ICOPE_SCREENING, screening("2026-12-01"), actor="n")
    assert store.get_patient(pid).next_step1_due == date(2027, 6, 30)
    store.save_document(RecordKind.ICOPE_SCREENING, screening("2027-06-25"), actor="n")
    assert store.get_patient(pid).next_step1_due == date(2027, 12, 25)
    counts = store.population_counts(start=date(2027, 1, 1), end=date(2028, 12, 31))
    assert counts.due == 1  # the due count moved with the date
