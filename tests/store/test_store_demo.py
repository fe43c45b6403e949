"""`parcours demo` stores what `save_document` would: every result recomputed from its stored document.

Why: the demo builds its rows in bulk, outside `save_document`; these tests recompute every record
with the engines (as parcours.store.saving and indexing do) and check the side rows, the audit,
the daily counts and that the data depend on the seed only, on both databases.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

import orjson
import pytest
from sqlalchemy import text

import parcours.store.bulk as bulk
import parcours.store.demo as demo
from parcours.core.records import RecordKind
from parcours.store import open_store
from parcours.store.demo import generate
from parcours.store.indexing import DOMAIN_NAMES, document_hash
from parcours.store.saving import parse_document


def _json(value) -> object:
    return orjson.loads(orjson.dumps(value))


def _day(value) -> str:
    return value if isinstance(value, str) else value.isoformat()


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 40 patients: a few hundred patients exercise several chunks and the workers.

    Seven rows per SQLite INSERT statement: the grouped statements and the leftover rows both run.
    """
    monkeypatch.setattr(demo, "CHUNK", 40)
    monkeypatch.setattr(bulk, "ROWS_PER_STATEMENT", 7)


def _recompute_screening(doc: dict, earlier: list[dict], assessed: list[dict]) -> tuple[object, list[tuple[str, str]]]:
    """As indexing._screening: the score alone with its baseline D1 alerts, or the follow-up's latest and alerts."""
    from icope.followup import evaluate_followup, parse_followup

    if not earlier:
        result = parse_document(RecordKind.ICOPE_SCREENING, orjson.dumps(doc)).result
        return result, [("D1", d) for d in DOMAIN_NAMES if result["domains"][d]["result"] == "positive"]
    found = evaluate_followup(parse_followup(orjson.dumps({"screenings": [*earlier, doc], "assessments": assessed})))
    return _json(found.latest.to_json()), [(a.rule.value, a.domain.value) for a in found.alerts]


def test_every_stored_result_is_what_the_engines_compute(store_url, small_chunks):
    store = open_store(store_url)
    try:
        generate(store, 230, seed=5, workers=1 if store_url.startswith("sqlite") else 2)
        with store.engine.connect() as conn:
            rows = conn.execute(text("SELECT id, patient_id, kind, recorded_on, document, result, document_hash "
                                     "FROM records ORDER BY patient_id, recorded_on, id")).all()
            screening_rows = {r.record_id: r for r in conn.execute(text("SELECT * FROM screenings"))}
            assessment_rows = {r.record_id: r for r in conn.execute(text("SELECT * FROM assessments"))}
            recon_rows = {r.record_id: r for r in conn.execute(text("SELECT * FROM reconciliations"))}
            alert_rows = defaultdict(list)
            for r in conn.execute(text("SELECT screening_id, rule, domain FROM alerts")):
                alert_rows[r.screening_id].append((r.rule, r.domain))
            patient_rows = {r.id: r for r in conn.execute(text("SELECT * FROM patients"))}
            audited = Counter(conn.execute(text("SELECT entity FROM audit WHERE actor = 'parcours-demo'")).scalars())
    finally:
        store.close()

    by_patient: dict[int, list] = defaultdict(list)
    for row in rows:
        by_patient[row.patient_id].append(row)
    kinds = Counter(row.kind for row in rows)
    assert len(by_patient) == 230 and kinds["icope.screening"] > 230 and kinds["icope.assessment"] > 230
    assert kinds["icope.alert"] and kinds["medisis.stay"] and kinds["medisis.reconciliation"]
    assert audited == {"patient": 230, "record": len(rows), "site": 3}  # the demo sites: created by the demo
    for pid, records in by_patient.items():
        screenings: list[dict] = []
        assessed: list[tuple[str, dict]] = []
        last = None
        for row in records:
            doc = orjson.loads(row.document)
            stored = None if row.result is None else orjson.loads(row.result)
            # an alert is derived: no key, as indexing.insert_alert stores it
            assert row.document_hash == (None if row.kind == RecordKind.ICOPE_ALERT else document_hash(doc)), row.id
            on = _day(row.recorded_on)
            if row.kind == RecordKind.ICOPE_SCREENING:
                expected, alerts = _recompute_screening(doc, screenings, [d for day, d in assessed if day <= on])
                assert stored == expected, row.id
                assert sorted(alert_rows[row.id]) == sorted(alerts), row.id
                side = screening_rows[row.id]
                assert (side.overall, _day(side.next_step1_due)) == (stored["overall"], stored["next_step1_due"])
                assert [getattr(side, d) for d in DOMAIN_NAMES] == [
                    stored["domains"][d]["result"] for d in DOMAIN_NAMES]
                screenings.append(doc)
                last = (on, stored)
            elif row.kind == RecordKind.ICOPE_ALERT:
                assert stored is None and doc["date"] == on
            else:
                expected = parse_document(RecordKind(row.kind), row.document.encode()).result
                assert stored == expected, row.id
                if row.kind == RecordKind.ICOPE_ASSESSMENT:
                    assessed.append((on, doc))
                    assert alert_rows[row.id] == ([("S1", "psychology")] if stored.get("urgent") else []), row.id
                    side = assessment_rows[row.id]
                    assert (side.instrument, bool(side.abnormal)) == (stored["instrument"], stored["abnormal"])
                elif row.kind == RecordKind.MEDISIS_RECONCILIATION:
                    unintentional = sum(1 for x in stored["lines"] if x["discrepancy"] == "unintentional")
                    assert recon_rows[row.id].unintentional == unintentional
        patient = patient_rows[pid]
        if last is not None:  # the schedule and pending step 2 of the newest screening
            assert (_day(patient.last_screened_on), _day(patient.next_step1_due)) == (
                last[0], last[1]["next_step1_due"])
            done = {d["instrument"] for day, d in assessed if day >= last[0]}
            positive = [i for i, d in enumerate(DOMAIN_NAMES) if last[1]["domains"][d]["result"] == "positive"]
            assert patient.step2_pending == sum(1 << i for i in positive if not _assessed(DOMAIN_NAMES[i], done))


def _assessed(domain: str, instruments: set[str]) -> bool:
    from icope.vocab import INSTRUMENT_DOMAIN, Instrument

    return any(INSTRUMENT_DOMAIN[Instrument(i)].value == domain for i in instruments)


def _content(url: str, workers: int, progress: list[int]) -> dict[str, list[tuple]]:
    store = open_store(url)
    try:
        generate(store, 330, seed=3, workers=workers, progress=progress.append)
        with store.engine.connect() as conn:
            return {
                "records": conn.execute(text("SELECT id, patient_id, kind, recorded_on, document, result, "
                                             "document_hash FROM records ORDER BY id")).all(),
                "audit": conn.execute(text('SELECT id, entity, entity_id, "after" FROM audit ORDER BY id')).all(),
                "counts": conn.execute(text("SELECT * FROM daily_counts ORDER BY site_id, day")).all(),
                "patients": conn.execute(text("SELECT id, identifier_value, fhir_id, family, next_step1_due, "
                                              "step2_pending FROM patients ORDER BY id")).all(),
            }
    finally:
        store.close()


def test_workers_write_the_same_data_in_the_same_order(tmp_path, small_chunks):
    progress: dict[int, list[int]] = {1: [], 3: []}
    serial = _content(f"sqlite:///{tmp_path}/w1.db", 1, progress[1])
    parallel = _content(f"sqlite:///{tmp_path}/w3.db", 3, progress[3])
    assert serial == parallel and len(serial["records"]) > 330
    assert len(list(demo.chunk_sizes(330))) > 3  # several chunks, committed in turn
    assert progress[1] == progress[3] and progress[3][-1] == 330 and progress[3] == sorted(progress[3])


def test_daily_counts_add_up(store_url, small_chunks):
    """The bulk count changes equal a count of the rows themselves (screened, positives, due, alerts)."""
    store = open_store(store_url)
    try:
        generate(store, 120, seed=2, workers=1)
        with store.engine.connect() as conn:
            counts = {(r.site_id, _day(r.day)): r for r in conn.execute(text("SELECT * FROM daily_counts"))}
            screened = Counter((r.site_id, _day(r.screened_on)) for r in conn.execute(text("SELECT * FROM screenings")))
            due = Counter((r.site_id, _day(r.next_step1_due)) for r in conn.execute(text("SELECT * FROM patients"))
                          if r.next_step1_due is not None)
            alerts = Counter((r.site_id, _day(r.raised_on)) for r in conn.execute(text("SELECT * FROM alerts")))
            vision = Counter((r.site_id, _day(r.screened_on)) for r in conn.execute(
                text("SELECT * FROM screenings WHERE vision = 'positive'")))
    finally:
        store.close()
    assert {k: v.screened for k, v in counts.items() if v.screened} == dict(screened)
    assert {k: v.due for k, v in counts.items() if v.due} == dict(due)
    assert {k: v.open_alerts for k, v in counts.items() if v.open_alerts} == dict(alerts)
    assert {k: v.positive_vision for k, v in counts.items() if v.positive_vision} == dict(vision)
    assert all(isinstance(day, str) and date.fromisoformat(day) for _, day in counts)
