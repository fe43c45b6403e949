"""`parcours demo` and real saves write the same rows: the demo's documents saved again one by one agree.

Why: the demo builds its rows in bulk, outside `save_document` (issue 19: a second write path);
here every demo patient is created again in a second database through `Store.create_patient` and
its documents are saved again, in the demo's order, through `Store.save_document` (alerts are
raised by the saves themselves). Every table the demo writes is then compared row by row, store
ids replaced by what they stand for (the patient's INS, a record's kind and document hash) and
sites left out (the demo's documents name no organization: a real save files them under none).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

import orjson
import pytest
from sqlalchemy import text

import parcours.store.bulk as bulk
import parcours.store.demo as demo
from parcours.core.identity import INS_TEST_SYSTEM
from parcours.core.records import RecordKind
from parcours.store import open_store
from parcours.store.counts import COUNT_COLUMNS
from parcours.store.demo import generate

ACTOR = "test-resave"
PATIENTS = 90  # ~9 with a hospital stay (HOSPITAL_SHARE): every side table gets rows


def _plain(value: Any) -> Any:
    """A column value as both databases give it back: dates as ISO text, booleans as SQLite's 0/1."""
    if isinstance(value, bool):
        return int(value)
    return value.isoformat() if isinstance(value, date) else value


def _rows(conn: Any, table: str) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row._mapping.items()} for row in conn.execute(text(f"SELECT * FROM {table}"))]


def _dump(url: str) -> dict[str, Any]:
    """Every table the demo writes, with ids replaced by stable keys (see the module docstring)."""
    store = open_store(url)
    try:
        with store.engine.connect() as conn:
            tables = {name: _rows(conn, name) for name in ("patients", "records", *bulk.COLUMNS, "daily_counts")
                      if name != "audit"}
    finally:
        store.close()
    ins = {p["id"]: p["identifier_value"] for p in tables["patients"]}
    key: dict[int, tuple[Any, ...]] = {}
    for r in sorted(tables["records"], key=lambda r: r["kind"] == RecordKind.ICOPE_ALERT):  # alerts name others
        if r["kind"] == RecordKind.ICOPE_ALERT:
            doc = orjson.loads(r["document"])
            links = tuple(key[int(doc[k])] if k in doc else None for k in ("screening", "previous", "assessment"))
            key[r["id"]] = (ins[r["patient_id"]], r["kind"], doc["rule"], doc["domain"], doc["date"], links)
        else:
            key[r["id"]] = (ins[r["patient_id"]], r["kind"], r["document_hash"])

    def keyed(row: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
        out = dict(row)
        for name in ("id", "record_id", "screening_id"):
            if name in out:
                out[name] = key[out[name]] if name != "id" or "kind" in out else None
        if "patient_id" in out:
            out["patient_id"] = ins[out["patient_id"]]
        for ignored in ("site_id", "created_at", "updated_at", "actor", "professional_id", "version"):
            out.pop(ignored, None)
        if out.get("kind") == RecordKind.ICOPE_ALERT:  # its links: store ids, standing for the records keyed above
            doc = orjson.loads(out["document"])
            out["document"] = {k: key[int(v)] if k in ("screening", "previous", "assessment") else v
                               for k, v in doc.items()}
        elif "document" in out:
            out["document"] = orjson.loads(out["document"])
        if out.get("result") is not None:
            out["result"] = orjson.loads(out["result"])
        return tuple(sorted((k, repr(v)) for k, v in out.items()))

    dumped: dict[str, Any] = {name: Counter(keyed(row) for row in rows)
                              for name, rows in tables.items() if name not in ("patients", "daily_counts")}
    dumped["patients"] = Counter(
        tuple(sorted((k, _plain(v)) for k, v in p.items() if k not in ("id", "site_id", "created_at", "updated_at")))
        for p in tables["patients"])
    by_day: dict[str, Counter[str]] = defaultdict(Counter)  # the demo counts per patient site; a resave under none
    for row in tables["daily_counts"]:
        by_day[row["day"]].update({name: row[name] for name in COUNT_COLUMNS})
    dumped["daily_counts"] = {day: +counts for day, counts in by_day.items() if +counts}
    return dumped


def _resave(demo_url: str, url: str) -> None:
    """Each demo patient created again and its documents saved again, one by one, in the demo's order."""
    source = open_store(demo_url)
    try:
        with source.engine.connect() as conn:
            people = conn.execute(text("SELECT * FROM patients ORDER BY id")).all()
            records = conn.execute(text("SELECT patient_id, kind, document FROM records ORDER BY id")).all()
    finally:
        source.close()
    store = open_store(url)
    try:
        ids = {}
        for p in people:
            identity = {"identifier": {"system": INS_TEST_SYSTEM, "value": p.identifier_value}, "family": p.family,
                        "given": orjson.loads(p.given), "birth_date": _plain(p.birth_date), "sex": p.sex}
            ids[p.id] = store.create_patient(identity, site=None, actor=ACTOR).id
        for r in records:
            if r.kind != RecordKind.ICOPE_ALERT:  # raised by the screening's save
                store.save_document(RecordKind(r.kind), r.document.encode(), actor=ACTOR,
                                    patient_id=str(ids[r.patient_id]))
    finally:
        store.close()


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 40 patients: the sample spans chunks (and, on PostgreSQL, the COPY path)."""
    monkeypatch.setattr(demo, "CHUNK", 40)


def test_demo_writes_what_real_saves_write(store_url, tmp_path, small_chunks):
    store = open_store(store_url)
    try:
        assert generate(store, PATIENTS, seed=11, workers=1) == PATIENTS
    finally:
        store.close()
    resaved = f"sqlite:///{tmp_path}/resaved.db"
    _resave(store_url, resaved)
    loaded, saved = _dump(store_url), _dump(resaved)
    for table in ("records", "screenings", "assessments", "alerts", "stays", "reconciliations",
                  "reconciliation_lines"):
        assert sum(loaded[table].values()) > 0, table  # the sample covers every side table
    assert loaded.keys() == saved.keys()
    for table in loaded:
        assert loaded[table] == saved[table], table
