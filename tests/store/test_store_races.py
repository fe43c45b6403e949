"""Writers racing on one patient, one document, one alert: nothing fails, nothing counted twice.

Why (issue 20): eight simultaneous first saves of one new patient sometimes failed with
« modifié entre-temps »; four workstations closing one alert lowered `open_alerts` by 2-4; a
stale patient delete went through. Each writer here is a thread with its own store (its own
connections), released together by a barrier, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import orjson
import pytest
from sqlalchemy import text

from parcours.core.identity import INS_TEST_SYSTEM, ins_key
from parcours.core.records import RecordKind
from parcours.store import Conflict, open_store
from parcours.store.check import check_database
from parcours.store.recount import count_drift

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WRITERS = 8
ROUNDS = 4


def _ins(n: int) -> str:
    body = f"2440575{n:06d}"
    return body + ins_key(body)


def _screening(ins: str, day: str) -> bytes:
    doc = orjson.loads((EXAMPLES / "screening.json").read_bytes())
    doc["date"] = day
    doc["patient"] = {"identifier": {"system": INS_TEST_SYSTEM, "value": ins}, "family": "COURSE"}
    return orjson.dumps(doc)


def _together(url: str, count: int, work: Callable[[object, int], object]) -> list[object]:
    """Run `work(store, i)` in `count` threads released at once; each result or exception."""
    stores = [open_store(url) for _ in range(count)]
    barrier = threading.Barrier(count)
    outcomes: list[object] = [None] * count

    def run(i: int) -> None:
        barrier.wait()
        try:
            outcomes[i] = work(stores[i], i)
        except Exception as exc:  # the test reports any failure of a writer
            outcomes[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    for store in stores:
        store.close()
    return outcomes


def test_eight_first_saves_of_one_new_patient(store_url):
    days = [date(2026, 11, 1 + i).isoformat() for i in range(WRITERS)]
    for round_ in range(ROUNDS):
        ins = _ins(round_)
        outcomes = _together(store_url, WRITERS, lambda store, i, ins=ins: store.save_document(
            RecordKind.ICOPE_SCREENING, _screening(ins, days[i]), actor=f"poste{i}"))
        assert [o for o in outcomes if isinstance(o, BaseException)] == []
        assert len({o.patient_id for o in outcomes}) == 1  # one patient
        assert not any(o.duplicate for o in outcomes)  # eight documents, eight records
    with open_store(store_url) as store:
        for round_ in range(ROUNDS):
            [found] = store.search_patients(_ins(round_))
            kinds = [d.kind for d in store.patient_records(found.id).documents]
            assert kinds.count(RecordKind.ICOPE_SCREENING) == WRITERS
        assert check_database(store.engine) == []


def test_eight_saves_of_one_document_store_it_once(store_url):
    for round_ in range(ROUNDS):
        raw = _screening(_ins(100 + round_), "2026-11-20")
        outcomes = _together(store_url, WRITERS, lambda store, i, raw=raw: store.save_document(
            RecordKind.ICOPE_SCREENING, raw, actor=f"poste{i}"))
        assert [o for o in outcomes if isinstance(o, BaseException)] == []
        assert len({o.record_id for o in outcomes}) == 1
        assert sum(not o.duplicate for o in outcomes) == 1
    with open_store(store_url) as store, store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM records WHERE kind <> 'icope.alert'")).scalar() == ROUNDS
        assert check_database(store.engine) == []


def _alerts(store, count: int) -> list[str]:
    """`count` open alerts: a patient screened twice, worse the second time (icope.md §3.2)."""
    ids: list[str] = []
    n = 200
    while len(ids) < count:
        ins = _ins(n)
        n += 1
        store.save_document(RecordKind.ICOPE_SCREENING, _screening(ins, "2026-05-20"), actor="t")
        worse = orjson.loads(_screening(ins, "2026-11-20"))
        worse["cognition"]["words_recalled"] = 0
        worse["cognition"]["memory_complaint"] = True
        worse["locomotion"]["chair_rise_seconds"] = 25.0
        store.save_document(RecordKind.ICOPE_SCREENING, orjson.dumps(worse), actor="t")
        with store.engine.connect() as conn:
            ids = [str(i) for i in conn.execute(text('SELECT record_id FROM alerts WHERE "open" ORDER BY 1')).scalars()]
    return ids[:count]


CLOSERS = 4
ALERT_ROUNDS = 10


def test_concurrent_closers_count_each_alert_once(store_url):
    with open_store(store_url) as store:
        alert_ids = _alerts(store, ALERT_ROUNDS)
        open_before = len(store.open_alerts(limit=1000))
    for alert_id in alert_ids:
        outcomes = _together(store_url, CLOSERS, lambda store, i, a=alert_id: store.set_alert_status(
            a, "closed", actor=f"poste{i}"))
        assert [o for o in outcomes if isinstance(o, BaseException)] == []
    with open_store(store_url) as store:
        still_open = len(store.open_alerts(limit=1000))
        assert still_open == open_before - ALERT_ROUNDS
        counted = store.population_counts(start=date(2000, 1, 1), end=date(2100, 1, 1)).open_alerts
        assert counted == still_open
        with store.engine.connect() as conn:
            assert count_drift(conn) == []
            changes = conn.execute(text("SELECT count(*) FROM audit WHERE entity = 'alert'")).scalar()
        assert changes == ALERT_ROUNDS  # one change per alert: the other closers found it done
        assert check_database(store.engine) == []


def test_stale_patient_delete_is_refused(store_url):
    with open_store(store_url) as store:
        shown = store.create_patient({"family": "DUPONT"}, site=None, actor="a")
        store.update_patient(shown.id, {"family": "DUPONT", "given": ["Marie"]}, version=shown.version, actor="b")
        with pytest.raises(Conflict):
            store.delete_patient(shown.id, reason="doublon", actor="a", version=shown.version)
        assert store.get_patient(shown.id).given == ("Marie",)  # still there
        store.delete_patient(shown.id, reason="doublon", actor="a", version=shown.version + 1)


def test_a_stale_draft_autosave_is_a_conflict(store_url):
    with open_store(store_url) as store:
        draft = store.save_draft("icope.screening", {"n": 1}, actor="poste1")
        store.save_draft("icope.screening", {"n": 2}, actor="poste2", draft_id=draft, version=1)
        with pytest.raises(Conflict):  # poste1 still holds version 1
            store.save_draft("icope.screening", {"n": 3}, actor="poste1", draft_id=draft, version=1)
        assert store.get_draft(draft).data == {"n": 2}
