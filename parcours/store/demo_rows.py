"""The rows of one `parcours demo` chunk: documents computed by the real engines, as plain tuples.

Why: building rows is most of the demo's CPU, so what is not the engines' own work is kept small:
dates are ISO text from a table, draws scale one `rng.random()`, constants are made once. What a
side row holds is never restated here: its values come from the kinds' side-row functions
(icope.kinds, medisis.kinds) and the store's own (parcours.store.indexing, counts), as a real
save writes them; this module only lays them out as tuples in bulk.COLUMNS order with their ids
(tests/store/test_store_demo_equivalence.py saves the same documents one by one and compares).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from operator import attrgetter, itemgetter
from typing import Any

import orjson

from parcours.core.identity import INS_TEST_SYSTEM, ins_key
from parcours.core.records import RecordKind
from parcours.store.bulk import COLUMNS
from parcours.store.counts import COUNT_COLUMNS, screening_change
from parcours.store.demo_documents import (
    FAMILIES, GIVEN_F, GIVEN_M, HOSPITAL_SHARE, STEP2_SHARE, TODAY, assessment, reconciliation, screening,
)
from parcours.store.ids import patient_fhir_id
from icope.vocab import DOMAIN_NAMES, DOMAINS, DeclineRule
from medisis.vocab import Moment
from parcours.store.indexing import NEW_ALERT, alert_document, first_save_keys
from parcours.store.patients import family_key

__all__ = ["ACTOR", "RECORD_STRIDE", "Built", "ChunkPlan", "build_chunk"]

ACTOR = "parcours-demo"
RECORD_STRIDE = 64  # record ids reserved per patient (at most 3 visits, 18 step-2, alerts, 3 hospital)

_TODAY = TODAY.toordinal()
_BASE = _TODAY - 600  # ISO text of every day a demo record can fall on (first visit ≥ 540 days ago)
_ISO = tuple(date.fromordinal(_BASE + i).isoformat() for i in range(640))
_FAMILIES = tuple((f"{name}-DEMO", family_key(f"{name}-DEMO")) for name in FAMILIES)
_GIVEN = tuple(tuple((orjson.dumps([g]).decode(), family_key(g)) for g in names) for names in (GIVEN_M, GIVEN_F))
_VISITS = (1, 1, 2, 2, 3)
_AFTER = {kind: orjson.dumps({"kind": kind}).decode() for kind in (
    "icope.screening", "icope.alert", "icope.assessment", "medisis.stay", "medisis.reconciliation")}
_RESULT = attrgetter("result")
_BY_DOMAIN = itemgetter(*DOMAIN_NAMES)  # a screening row's six results, in bulk.COLUMNS order
#: bit mask -> the indexes of its set bits (domain i is bit i, DOMAIN_NAMES order)
_BITS = tuple(tuple(i for i in range(len(DOMAIN_NAMES)) if mask >> i & 1) for mask in range(1 << len(DOMAIN_NAMES)))
#: positive mask -> counts.screening_change(mask) as (COUNT_COLUMNS index, change) pairs
_SCREENED = tuple(tuple((COUNT_COLUMNS.index(name), change) for name, change in screening_change(mask).items())
                  for mask in range(1 << len(DOMAIN_NAMES)))
_DUE, _OPEN_ALERTS = COUNT_COLUMNS.index("due"), COUNT_COLUMNS.index("open_alerts")
_D1 = DeclineRule.D1
_ALERT = RecordKind.ICOPE_ALERT.value  # a derived record: insert_alert stores no document or FHIR key
_NO_KEYS = (None, None, None)
_ADMISSION, _DISCHARGE = Moment.ADMISSION.value, Moment.DISCHARGE.value

#: (site id, ISO day) -> changes in parcours.store.counts.COUNT_COLUMNS order
Counts = dict[tuple[int, str], list[int]]
#: rows per table (bulk.COLUMNS order), the table's FIXED values (bulk.FIXED order), count changes
Built = tuple[dict[str, list[tuple[Any, ...]]], dict[str, tuple[Any, ...]], Counts]


@dataclass(frozen=True, slots=True)
class ChunkPlan:
    """What one chunk builds: its seed, first ids, size, sites and the target database's value style."""

    seed: str
    first_patient: int
    first_record: int
    size: int
    sites: tuple[int, ...]  # DEMO_SITES: the three demo sites
    sqlite: bool
    stamp: datetime


@cache
def _engines() -> dict[str, Any]:
    """The engines each process imports once."""
    from icope.followup import Followup, evaluate_followup, newly_positive
    from icope.step1 import read_screening, score_screening
    from icope.kinds import assessment_row, screening_values
    from icope.step2 import assess_instrument, parse_assessment
    from medisis.kinds import awaits_discharge_reconciliation, reconciliation_row, stay_row
    from medisis.reconciliation import parse_reconciliation, reconcile
    from medisis.stays import parse_stay
    from icope.step1_json import render_step1  # the command's own bytes (cached fragments)

    return {"icope": (read_screening, score_screening, Followup, evaluate_followup, frozenset(DeclineRule),
                      render_step1, screening_values, newly_positive),
            "step2": (parse_assessment, assess_instrument, assessment_row),
            "medisis": (parse_reconciliation, reconcile, reconciliation_row, parse_stay, stay_row,
                        awaits_discharge_reconciliation)}


def build_chunk(plan: ChunkPlan) -> Built:
    """The rows of one chunk and its daily count changes (a pure function of the plan: runs anywhere)."""
    chunk = _Chunk(plan)
    for _ in range(plan.size):
        chunk.patient()
    stamp = plan.stamp.replace(tzinfo=None).isoformat(" ") if plan.sqlite else plan.stamp  # as SQLAlchemy stores it
    fixed = {"patients": (1, INS_TEST_SYSTEM, stamp, stamp), "records": (1, ACTOR, stamp, stamp), "screenings": (True,),
             "alerts": (NEW_ALERT["status"], NEW_ALERT["open"]), "audit": (stamp, ACTOR, "create", None)}
    return chunk.rows, fixed, chunk.counts


def _iso(day: date | None) -> str | None:
    """A side row's date as the demo writes dates (ISO text: the driver stores it as SQLAlchemy does)."""
    return None if day is None else day.isoformat()


class _Chunk:
    """The rows of up to CHUNK patients, with ids assigned before insertion."""

    def __init__(self, plan: ChunkPlan) -> None:
        self.rng, self.engines, self.sites = random.Random(plan.seed), _engines(), plan.sites
        self.next_patient = self._first_patient = plan.first_patient
        self.next_record = self._first_record = plan.first_record
        self.record_limit = 0
        self.rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in COLUMNS}
        self.records, self.audit = self.rows["records"], self.rows["audit"]
        self.counts: Counts = {}

    def count(self, site: int, day: str) -> list[int]:
        """The chunk's count changes of one site and day (written with its rows), to add to in place."""
        found = self.counts.get((site, day))
        if found is None:
            found = self.counts[(site, day)] = [0] * 9
        return found

    def record(self, pid: int, kind: str, day: str, site: int, doc: dict[str, Any], raw: bytes,
               result: bytes | None) -> int:
        """A records row (document and result as JSON text) and its audit row; the new record id."""
        rid = self.next_record
        self.next_record = rid + 1
        if rid >= self.record_limit:
            raise RuntimeError("demo patient with more records than RECORD_STRIDE")  # a bug, never data
        keys = _NO_KEYS if kind == _ALERT else first_save_keys(kind, doc)  # as saving / indexing.insert_alert
        self.records.append((rid, pid, kind, day, site, raw.decode(), None if result is None else result.decode(),
                             *keys))
        self.audit.append(("record", str(rid), _AFTER[kind]))
        return rid

    def patient(self) -> None:
        rng, rows = self.rng, self.rows
        draw = rng.random
        pid = self.next_patient
        self.next_patient = pid + 1
        self.next_record = self._first_record + (pid - self._first_patient) * RECORD_STRIDE
        self.record_limit = self.next_record + RECORD_STRIDE
        female = draw() < 0.6
        b = int(13104 * draw())  # birth: uniform over years 1926–1964 × months 1–12 × days 1–28
        year, month = 1926 + b // 336, 1 + b // 28 % 12
        birth = f"{year}-{month:02d}-{1 + b % 28:02d}"
        body = f"{2 if female else 1}{year % 100:02d}{month:02d}{54 + pid // 1_000_000:02d}{pid % 1000:03d}{pid // 1000 % 1000:03d}"  # noqa: E501 - unique per pid
        ins = body + ins_key(body)
        site = self.sites[int(2 * draw())]
        family, key = _FAMILIES[int(20 * draw())]
        given, gkey = _GIVEN[female][int(8 * draw())]
        first = _TODAY - int(541 * draw())  # randint(0, 540) days ago
        parse, score, followup, evaluate, rules, render, screening_values, newly_positive = self.engines["icope"]
        parse_step2, assess, assessment_row = self.engines["step2"]
        state: list[Any] = []
        models: list[Any] = []
        step2: list[Any] = []
        last: tuple[str, str] | None = None
        last_id = pending = 0
        result = None
        for visit in range(_VISITS[int(5 * draw())]):
            on = first + 182 * visit
            if on > _TODAY:
                break
            day = _ISO[on - _BASE]
            doc = screening(rng, day, birth, state)
            raw = orjson.dumps(doc)
            models.append(parse(raw))
            found = (evaluate(followup(tuple(models), tuple(step2), rules, None), previous_result=result)
                     if len(models) > 1 else None)
            result = found.latest if found is not None else score(models[-1])  # as save_document stores it
            rid = self.record(pid, "icope.screening", day, site, doc, raw, render(result).rstrip(b"\n"))
            row = screening_values(result.overall, result.next_step1_due,  # the side row a real save writes
                                   tuple(map(_RESULT, map(result.domains.__getitem__, DOMAINS))))
            due, mask = row["next_step1_due"].isoformat(), row["positive_mask"]
            rows["screenings"].append((rid, pid, site, day, row["overall"], due, mask, *_BY_DOMAIN(row)))
            change = self.count(site, day)
            for at, by in _SCREENED[mask]:
                change[at] += by
            # the first visit raises D1 per positive domain (baseline rule, as save_document stores it)
            raised = ([(a.rule.value, a.domain.value) for a in found.alerts] if found is not None
                      else [(_D1.value, d.value) for d in newly_positive(result, None)] if _D1 in rules else [])
            link = {"screening": str(rid)} if found is None else {"screening": str(rid), "previous": str(last_id)}
            for rule, domain in raised:
                adoc = alert_document(rule, domain, day, link)
                aid = self.record(pid, _ALERT, day, site, adoc, orjson.dumps(adoc), None)
                rows["alerts"].append((aid, pid, site, rid, rule, domain, day))
                change[_OPEN_ALERTS] += 1
            last, last_id, pending = (day, due), rid, mask
            for i in _BITS[mask]:  # each positive domain: assessed within 7–30 days, if that is not in the future
                if draw() < STEP2_SHARE and (assessed := on + 7 + int(24 * draw())) <= _TODAY:
                    domain, assessed_on = DOMAIN_NAMES[i], _ISO[assessed - _BASE]
                    adoc = assessment(rng, domain, assessed_on)
                    araw = orjson.dumps(adoc)
                    amodel = parse_step2(araw)
                    step2.append(amodel)
                    ajson = assess(amodel).to_json()
                    arid = self.record(pid, "icope.assessment", assessed_on, site, adoc, araw, orjson.dumps(ajson))
                    arow = assessment_row(amodel, ajson)  # the side row a real save writes
                    rows["assessments"].append((arid, pid, arow["instrument"], arow["domain"], assessed_on,
                                                arow["score"], arow["abnormal"]))
                    pending &= ~(1 << i)
        rows["patients"].append((
            pid, ins, patient_fhir_id(pid, (INS_TEST_SYSTEM, ins)), family, key, given, gkey, birth,
            "female" if female else "male", site, last[1] if last else None, last[0] if last else None, pending))
        self.audit.append(("patient", str(pid), None))
        if last is not None:
            self.count(site, last[1])[_DUE] += 1
        if draw() < HOSPITAL_SHARE:
            self.hospital(pid, self.sites[2], birth)

    def hospital(self, pid: int, site: int, birth: str) -> None:
        """A stay with its admission reconciliation; most are discharged and reconciled at discharge."""
        rng, rows = self.rng, self.rows
        parse, reconcile, reconciliation_row, parse_stay, stay_row, awaits = self.engines["medisis"]
        admission = _TODAY - 5 - int(116 * rng.random())  # randint(5, 120) days ago
        discharge = admission + 2 + int(14 * rng.random())  # randint(2, 15) days later
        discharged = discharge <= _TODAY
        reconciled = discharged and rng.random() < 0.7
        admitted_on, discharged_on = _ISO[admission - _BASE], _ISO[discharge - _BASE]
        stay_doc = {"stay": f"DEMO-{pid}", "admission_date": admitted_on,
                    "discharge_date": discharged_on if discharged else None}
        stay_raw = orjson.dumps(stay_doc)
        stay_id = self.record(pid, "medisis.stay", admitted_on, site, stay_doc, stay_raw, None)  # a fact: no result
        row = stay_row(parse_stay(stay_raw), None)  # the side row a real save writes; its discharge reconciliation
        # (if any) follows in this load, where a real save would clear the flag when it comes (indexing)
        rows["stays"].append((stay_id, pid, site, row["stay"], _iso(row["admission_date"]),
                              _iso(row["discharge_date"]), awaits(row, reconciled)))
        for moment, on in [(_ADMISSION, admitted_on)] + ([(_DISCHARGE, discharged_on)] if reconciled else []):
            doc = reconciliation(moment, on, birth, rng)
            raw = orjson.dumps(doc)
            model = parse(raw)
            result = reconcile(model).to_json()
            rid = self.record(pid, "medisis.reconciliation", on, site, doc, raw, orjson.dumps(result))
            row = reconciliation_row(model, result)  # the side rows a real save writes
            due = row["review30_due"]
            rows["reconciliations"].append((rid, pid, site, row["moment"], _iso(row["reconciled_on"]),
                                            row["unintentional"], _iso(due), row["awaiting_review30"]))
            rows["reconciliation_lines"] += [
                (rid, x["position"], x["bm_id"], x["order_id"], x["status"], x["discrepancy"]) for x in row["lines"]]
