"""`parcours demo`: clearly fake patients with screenings over time and hospital reconciliations.

Why: to try the application and to benchmark worklists at a million patients. Every identity
uses the INS *test* system (never the production one) and the family name ends in « -DEMO ».
Records are computed by the real engines and written in bulk (driver executemany / COPY) with
their side rows and audit rows, exactly as `save_document` would store them. Chunks are built in
worker processes for large N, each from its own seeded generator, so the data depend on the seed
only, never on the number of workers.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

import orjson
from sqlalchemy import func, select

from parcours.core.identity import INS_TEST_SYSTEM, ins_key
from parcours.store import audit
from parcours.store.demo_documents import (
    DEMO_SITES, FAMILIES, GIVEN_F, GIVEN_M, HOSPITAL_SHARE, STEP2_SHARE, TODAY, assessment, reconciliation, screening,
)
from parcours.store.bulk import COLUMNS, bulk_insert, fix_sequences
from parcours.store.counts import bump_many, screening_change
from parcours.store.ids import patient_fhir_id
from parcours.store.indexing import DOMAIN_NAMES, document_hash
from parcours.store.patients import family_key
from parcours.store.sites import ensure_site
from parcours.store.schema import patients, records

__all__ = ["DEMO_SITES", "generate"]

ACTOR = "parcours-demo"
CHUNK = 2000
RECORD_STRIDE = 64  # record ids reserved per patient (at most 3 visits, 18 step-2, alerts, 3 hospital)
PARALLEL_FROM = 20_000  # below this, building chunks in other processes costs more than it saves


@dataclass(frozen=True, slots=True)
class ChunkPlan:
    """What one chunk builds: its seed, first ids, size, sites and the target database's value style."""

    seed: str
    first_patient: int
    first_record: int
    size: int
    sites: tuple[int, int, int]
    sqlite: bool
    stamp: datetime


@cache
def _engines() -> dict[str, Any]:
    """The engines each process imports once."""
    from icope.followup import Followup, evaluate_followup
    from icope.step1 import parse_screening, score_screening
    from icope.step2 import assess_instrument, parse_assessment
    from icope.vocab import DeclineRule
    from medisis.consultation30 import due_date
    from medisis.reconciliation import Reconciliation, reconcile
    from parcours.cli.icope_commands import render_step1  # the command's own bytes (cached fragments)

    return {"icope": (parse_screening, score_screening, Followup, evaluate_followup, frozenset(DeclineRule),
                      render_step1),
            "step2": (parse_assessment, assess_instrument),
            "medisis": (Reconciliation, reconcile, due_date)}


Built = tuple[dict[str, list[tuple[Any, ...]]], dict[tuple[int, date], dict[str, int]]]


def build_chunk(plan: ChunkPlan) -> Built:
    """The rows of one chunk and its daily count changes (a pure function of the plan: runs anywhere)."""
    chunk = _Chunk(plan)
    for _ in range(plan.size):
        chunk.patient(list(plan.sites))
    return chunk.rows, chunk.counts


class _Chunk:
    """The rows of up to CHUNK patients, with ids assigned before insertion."""

    def __init__(self, plan: ChunkPlan) -> None:
        self.rng, self.engines = random.Random(plan.seed), _engines()
        self.sqlite = plan.sqlite
        self.day: Callable[[date | None], Any] = _iso if self.sqlite else _same
        self.stamp_value = plan.stamp.replace(tzinfo=None).isoformat(" ") if self.sqlite else plan.stamp
        self.next_patient = self._first_patient = plan.first_patient
        self.next_record = self._first_record = plan.first_record
        self.record_limit = 0
        self.rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in COLUMNS}
        self.counts: dict[tuple[int, date], dict[str, int]] = {}

    def count(self, site: int, day: date, change: dict[str, int]) -> None:
        """Add to the chunk's daily counts (parcours.store.counts), written with its rows."""
        into = self.counts.setdefault((site, day), {})
        for name, value in change.items():
            into[name] = into.get(name, 0) + value

    def record(self, pid: int, kind: str, day: date, site: int, doc: dict[str, Any], result: bytes | None,
               raw: bytes | None = None) -> int:
        """A records row (document and result as JSON text) and its audit row; the new record id."""
        rid = self.next_record
        self.next_record += 1
        if rid >= self.record_limit:
            raise RuntimeError("demo patient with more records than RECORD_STRIDE")  # a bug, never data
        self.rows["records"].append((
            rid, 1, pid, kind, self.day(day), site, (raw or orjson.dumps(doc)).decode(),
            None if result is None else result.decode(), document_hash(doc), ACTOR,
            self.stamp_value, self.stamp_value))
        self.rows["audit"].append((self.stamp_value, ACTOR, "create", "record", str(rid), None,
                                   f'{{"kind":"{kind}"}}'))
        return rid

    def patient(self, sites: list[int]) -> None:
        rng, day = self.rng, self.day
        pid = self.next_patient
        self.next_patient += 1
        self.next_record = self.record_base(pid)
        self.record_limit = self.next_record + RECORD_STRIDE
        female = rng.random() < 0.6
        birth = date(rng.randint(1926, 1964), rng.randint(1, 12), rng.randint(1, 28))
        body = (f"{2 if female else 1}{birth.year % 100:02d}{birth.month:02d}"
                f"{54 + pid // 1_000_000:02d}{pid % 1000:03d}{pid // 1000 % 1000:03d}")  # unique per pid
        ins = body + ins_key(body)
        site = sites[rng.randrange(2)]
        family = f"{rng.choice(FAMILIES)}-DEMO"
        given = rng.choice(GIVEN_F if female else GIVEN_M)
        first = TODAY - timedelta(days=rng.randint(0, 540))
        state: dict[str, Any] = {}
        models: list[Any] = []
        last: tuple[date, str] | None = None
        last_id = 0
        parse, score, followup, evaluate, rules, render = self.engines["icope"]
        parse_step2, assess = self.engines["step2"]
        step2: list[Any] = []
        pending = 0
        for visit in range(rng.choice((1, 1, 2, 2, 3))):
            on = first + timedelta(days=182 * visit)
            if on > TODAY:
                break
            doc = screening(rng, on, birth, state)
            raw = orjson.dumps(doc)
            model = parse(raw)
            models.append(model)
            found = evaluate(followup(tuple(models), tuple(step2), rules, None)) if len(models) > 1 else None
            result = found.latest if found is not None else score(model)  # as save_document stores it
            rid = self.record(pid, "icope.screening", on, site, doc, render(result).rstrip(b"\n"), raw)
            due = result.next_step1_due.isoformat()
            mask = sum(1 << i for i, o in enumerate(result.domains.values()) if o.result.value == "positive")
            self.rows["screenings"].append((
                rid, pid, site, day(on), result.overall.value, due, True, mask,
                *(outcome.result.value for outcome in result.domains.values())))
            self.count(site, on, screening_change(mask))
            if found is not None:
                for alert in found.alerts:
                    adoc = {"rule": alert.rule.value, "domain": alert.domain.value, "date": on.isoformat(),
                            "status": "new", "screening": str(rid), "previous": str(last_id)}
                    aid = self.record(pid, "icope.alert", on, site, adoc, None)
                    self.rows["alerts"].append((aid, pid, site, rid, adoc["rule"], adoc["domain"], day(on), "new", True))
                    self.count(site, on, {"open_alerts": 1})
            last, last_id = (on, due), rid
            pending = mask
            for i, domain in enumerate(DOMAIN_NAMES):
                assessed_on = on + timedelta(days=rng.randint(7, 30))
                if pending & (1 << i) and rng.random() < STEP2_SHARE and assessed_on <= TODAY:
                    adoc = assessment(rng, domain, assessed_on)
                    araw = orjson.dumps(adoc)
                    amodel = parse_step2(araw)
                    step2.append(amodel)
                    aresult = assess(amodel)
                    arid = self.record(pid, "icope.assessment", assessed_on, site, adoc,
                                       orjson.dumps(aresult.to_json()), araw)
                    self.rows["assessments"].append((arid, pid, adoc["instrument"], domain, day(assessed_on),
                                                     None if aresult.score is None else str(aresult.score),
                                                     aresult.abnormal))
                    pending &= ~(1 << i)
        self.rows["patients"].append((
            pid, 1, INS_TEST_SYSTEM, ins, patient_fhir_id(pid, (INS_TEST_SYSTEM, ins)), family, family_key(family),
            f'["{given}"]', day(birth), "female" if female else "male", site, self.stamp_value, self.stamp_value,
            last[1] if last else None, day(last[0]) if last else None,
            pending))
        self.rows["audit"].append((self.stamp_value, ACTOR, "create", "patient", str(pid), None, None))
        if last is not None:
            self.count(site, date.fromisoformat(last[1]), {"due": 1})
        if rng.random() < HOSPITAL_SHARE:
            self.hospital(pid, sites[2], birth)

    def hospital(self, pid: int, site: int, birth: date) -> None:
        """A stay with its admission reconciliation; most are discharged and reconciled at discharge."""
        rng, day = self.rng, self.day
        model, reconcile, due_date = self.engines["medisis"]
        admission = TODAY - timedelta(days=rng.randint(5, 120))
        discharge = admission + timedelta(days=rng.randint(2, 15))
        discharged = discharge <= TODAY
        reconciled = discharged and rng.random() < 0.7
        stay_doc = {"stay": f"DEMO-{pid}", "admission_date": admission.isoformat(),
                    "discharge_date": discharge.isoformat() if discharged else None}
        stay_id = self.record(pid, "medisis.stay", admission, site, stay_doc, None)  # no result: a stay is a fact
        self.rows["stays"].append((stay_id, pid, site, stay_doc["stay"], day(admission),
                                   day(discharge) if discharged else None, discharged and not reconciled))
        for moment, on in [("admission", admission)] + ([("discharge", discharge)] if reconciled else []):
            doc = reconciliation(moment, on, birth, rng)
            raw = orjson.dumps(doc)
            result = reconcile(model.model_validate_json(raw)).to_json()
            rid = self.record(pid, "medisis.reconciliation", on, site, doc, orjson.dumps(result), raw)
            self.rows["reconciliations"].append((
                rid, pid, site, moment, day(on), sum(1 for x in result["lines"] if x["discrepancy"] == "unintentional"),
                day(due_date(on)) if moment == "discharge" else None, moment == "discharge"))
            self.rows["reconciliation_lines"] += [
                (rid, i, x["bm_id"], x["order_id"], x["status"], x["discrepancy"]) for i, x in enumerate(result["lines"])]

    def record_base(self, pid: int) -> int:
        """The first record id reserved for patient `pid` (RECORD_STRIDE ids per patient)."""
        return self._first_record + (pid - self._first_patient) * RECORD_STRIDE


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _same(value: Any) -> Any:
    return value


def plans(seed: int, count: int, first_patient: int, first_record: int, sites: tuple[int, int, int],
          sqlite: bool) -> Iterator[ChunkPlan]:
    """The chunks of `count` patients, each with its own seed and id ranges."""
    stamp = audit.now()
    for index, start in enumerate(range(0, count, CHUNK)):
        yield ChunkPlan(f"{seed}:{index}", first_patient + start, first_record + start * RECORD_STRIDE,
                        min(CHUNK, count - start), sites, sqlite, stamp)


def generate(store: Any, count: int, *, seed: int = 1, progress: Callable[[int], None] | None = None,
             workers: int | None = None) -> int:
    """Add `count` demo patients; returns how many were added. Same seed and database, same data."""
    with store.engine.begin() as conn:
        sites = tuple(ensure_site(conn, f, n, k, t) for f, n, k, t in DEMO_SITES)
        first_patient = (conn.execute(select(func.max(patients.c.id))).scalar() or 0) + 1
        first_record = (conn.execute(select(func.max(records.c.id))).scalar() or 0) + 1
    todo = list(plans(seed, count, first_patient, first_record, sites, store.engine.dialect.name == "sqlite"))
    workers = workers or (os.cpu_count() or 1 if count >= PARALLEL_FROM else 1)
    done = 0
    if workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork: the workers only compute (no database handle is used in them) and need no re-import
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
            for plan, built in zip(todo, pool.map(build_chunk, todo), strict=True):
                done = _write(store, built, done + plan.size, progress)
    else:
        for plan in todo:
            done = _write(store, build_chunk(plan), done + plan.size, progress)
    fix_sequences(store)
    return done


def _write(store: Any, built: Built, done: int, progress: Callable[[int], None] | None) -> int:
    """Insert one chunk and its count changes in one transaction, parents first (foreign keys are on)."""
    rows, changes = built
    with store.engine.begin() as conn:
        for name, table_rows in rows.items():
            if table_rows:
                bulk_insert(conn, name, COLUMNS[name], table_rows)
        bump_many(conn, changes)
    if progress is not None:
        progress(done)
    return done
