"""Property: correcting and deleting records leaves the store as if the final history had been entered.

Whatever the saves, corrections and deletions, the derived state (stored results, live alerts,
due date, pending step 2, counts) equals that of a fresh store given only the final live
documents, oldest first (docs/store.md "Corrections and deletions").
"""

from __future__ import annotations

import pathlib
import sys
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parcours.core.records import RecordKind
from parcours.store import open_store

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from test_store_basics import screening

DAYS = ("2025-01-10", "2025-07-10", "2026-01-10", "2026-07-10")
EVER = {"start": date(1900, 1, 1), "end": date(9999, 12, 31)}

variants = st.tuples(st.sampled_from(DAYS), st.sampled_from(("correct", "wrong")), st.sampled_from((10.5, 16.0)))
A_DAYS = ("2025-04-10", "2026-01-10", "2026-03-10")  # a cognition step 2 (MMSE): D2 and pending step 2 follow it
operations = st.lists(st.tuples(st.sampled_from(("correct", "delete")), st.integers(0, 4), variants,
                                st.sampled_from(A_DAYS)), max_size=5)


def document(variant: tuple[str, str, float]) -> dict:
    day, orientation, chair = variant
    return screening(day, day_of_week=orientation, chair=chair)


def mmse(day: str) -> dict:
    return {"instrument": "mmse", "date": day, "score": 29, "patient": screening(day)["patient"]}


def state(store, patient_id: str | None) -> tuple:
    """What a professional sees: results, live alerts, schedule, worklists and counts."""
    docs = store.patient_records(patient_id).documents if patient_id else ()
    results = sorted((d.recorded_on, str(d.result)) for d in docs if d.kind is RecordKind.ICOPE_SCREENING)
    assessed = sorted(d.recorded_on for d in docs if d.kind is RecordKind.ICOPE_ASSESSMENT)
    alerts = sorted((d.document["rule"], d.document["domain"], d.document["date"])
                    for d in docs if d.kind is RecordKind.ICOPE_ALERT)
    due = store.get_patient(patient_id).next_step1_due if patient_id else None
    pending = [r.detail for r in store.positive_without_step2()]
    return results, alerts, due, pending, store.population_counts(**EVER), assessed


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.lists(variants, min_size=1, max_size=4, unique_by=lambda v: v[0]),
       assessment=st.none() | st.sampled_from(A_DAYS), ops=operations)
def test_corrections_equal_entering_the_final_history(tmp_path, first, assessment, ops):
    entries = sorted([(v[0], 1, v) for v in first] + ([(assessment, 0, None)] if assessment else []))
    with open_store("sqlite://") as store:  # entered in date order (a back-dated save re-evaluates nothing after it)
        saved, live = [], {}
        for day, _, variant in entries:
            doc = document(variant) if variant else mmse(day)
            kind = RecordKind.ICOPE_SCREENING if variant else RecordKind.ICOPE_ASSESSMENT
            saved.append(store.save_document(kind, doc, actor="n"))
            live[saved[-1].record_id] = variant or day
        patient_id = saved[0].patient_id
        for action, index, variant, day in ops:
            record_id = saved[index % len(saved)].record_id
            if record_id not in live:
                continue
            if action == "delete":
                store.delete_record(record_id, reason="test", actor="n")
                del live[record_id]
            elif isinstance(live[record_id], str):
                store.correct_record(record_id, mmse(day), actor="n")
                live[record_id] = day
            elif variant[0] not in {v[0] for r, v in live.items() if r != record_id and not isinstance(v, str)}:
                store.correct_record(record_id, document(variant), actor="n")  # one screening a day
                live[record_id] = variant
        corrected = state(store, patient_id)
    with open_store("sqlite://") as fresh:
        again = None
        for value in sorted(live.values(), key=lambda v: (v, 0) if isinstance(v, str) else (v[0], 1)):
            kind = RecordKind.ICOPE_ASSESSMENT if isinstance(value, str) else RecordKind.ICOPE_SCREENING
            again = fresh.save_document(kind, mmse(value) if isinstance(value, str) else document(value), actor="n")
        expected = state(fresh, again.patient_id if again else None)
    if not live:  # nothing left: no result, no alert, no due date, nothing counted
        assert corrected[:4] == ([], [], None, []) and corrected[4] == expected[4]
    else:
        assert corrected == expected
