"""`parcours demo`: clearly fake patients with screenings over time and hospital reconciliations.

Why: to try the application and to benchmark worklists at a million patients. Every identity
uses the INS *test* system (never the production one) and the family name ends in « -DEMO ».
Records are scored by the real engines and written in bulk (executemany per chunk) with their
side rows and audit rows, exactly as `save_document` would store them.
The probabilities below are PROJECT DECISIONS for synthetic data only (not clinical rules),
chosen so that ~90 % of people are step-1 positive, as in published ICOPE cohorts (issue 5).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import orjson
from sqlalchemy import Connection, func, select, text

from parcours.core.identity import INS_TEST_SYSTEM, ins_key
from parcours.store import audit
from parcours.store.ids import patient_fhir_id
from parcours.store.indexing import DOMAIN_NAMES, document_hash
from parcours.store.patients import ensure_site, family_key
from parcours.store.schema import patients, records

__all__ = ["DEMO_SITES", "generate"]

ACTOR = "parcours-demo"
CHUNK = 2000
DEMO_SITES = (  # FINESS-shaped, fictitious
    ("540099901", "MSP de démonstration (Lunéville)", "msp", "Grand Est – démo"),
    ("540099902", "CPTS de démonstration (Nancy)", "cpts", "Grand Est – démo"),
    ("570099903", "Hôpital de démonstration (Metz)", "hospital", "Grand Est – démo"),
)
FAMILIES = ("MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
            "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD")
GIVEN_F = ("Jeanne", "Marie", "Monique", "Françoise", "Hélène", "Josette", "Colette", "Odile")
GIVEN_M = ("Jean", "Pierre", "Michel", "André", "René", "Gérard", "Bernard", "Roger")
#: Per-domain probability of a positive answer pattern (≈ 91 % of people positive overall).
POSITIVE = {"cognition": 0.35, "locomotion": 0.40, "nutrition": 0.20, "vision": 0.45, "hearing": 0.30,
            "psychology": 0.25}
DECLINE = 0.05  # per domain and visit: a negative domain turns positive
STEP2_SHARE = 0.7  # a positive domain gets its step-2 assessment within a month
HOSPITAL_SHARE = 0.10  # people with a hospital stay and reconciliations
TODAY = date(2026, 11, 1)  # fixed, so the same seed gives the same database


def _screening(rng: random.Random, day: date, birth: date, state: dict[str, Any]) -> dict[str, Any]:
    """One step-1 document; positives persist and a few appear at each visit (some declines)."""
    pos = state.setdefault("pos", {d: rng.random() < p for d, p in POSITIVE.items()})
    if state.get("visits"):
        for d in pos:
            pos[d] = pos[d] or rng.random() < DECLINE
        state["chair"] += rng.uniform(-1.0, 2.0)
    else:
        state["chair"] = rng.uniform(14.5, 25) if pos["locomotion"] else rng.uniform(7, 13.5)
    state["visits"] = state.get("visits", 0) + 1
    return {
        "date": day.isoformat(), "birth_date": birth.isoformat(), "administered_by": "nurse",
        "cognition": {"orientation": {k: ("wrong" if pos["cognition"] and k == "day_of_week" else "correct")
                                      for k in ("year", "month", "day_of_month", "day_of_week", "place")},
                      "words_recalled": 3, "memory_complaint": False},
        "locomotion": {"completed": True, "used_arms": pos["locomotion"], "chair_rise_seconds": round(state["chair"], 1)},
        "nutrition": {"weight_loss": "no", "appetite_loss": pos["nutrition"], "weight_kg": round(rng.uniform(48, 90), 1)},
        "vision": {"eye_problems": pos["vision"]},
        "hearing": {"whisper_right": "fail" if pos["hearing"] else "pass", "whisper_left": "pass"},
        "psychology": {"feeling_down": pos["psychology"], "little_interest": False},
    }


def _assessment(rng: random.Random, domain: str, day: date) -> dict[str, Any]:
    """A plausible step-2 input for a positive domain (interchange.md §2 shapes)."""
    on = day.isoformat()
    if domain == "cognition":
        return {"instrument": "mmse", "date": on, "score": rng.randint(16, 30)}
    if domain == "locomotion":
        return {"instrument": "sppb", "date": on, "side_by_side_s": 10, "semi_tandem_s": 10,
                "tandem_s": round(rng.uniform(0, 10), 1), "gait_times_s": [round(rng.uniform(3.5, 9), 1)],
                "chair_single_stand": True, "chair_stands_s": round(rng.uniform(10, 20), 1)}
    if domain == "nutrition":
        return {"instrument": "mna_sf", "date": on, "food_intake": rng.choice(("moderate_decrease", "no_decrease")),
                "weight_loss": rng.choice(("none", "1_to_3kg")), "mobility": "goes_out",
                "acute_disease_or_stress": False, "neuropsychological": "none", "bmi": round(rng.uniform(18, 30), 1)}
    if domain == "vision":
        return {"instrument": "visual_acuity", "date": on, "right": rng.choice((0.3, 0.5, 0.8)), "left": 0.8}
    if domain == "hearing":
        return {"instrument": "hearwho", "date": on, "score": rng.randint(30, 80)}
    return {"instrument": "gds15", "date": on, "answers": [rng.random() < 0.3 for _ in range(15)]}


def _reconciliation(moment: str, day: date, birth: date, rng: random.Random) -> dict[str, Any]:
    bm = [{"id": "b1", "atc": "C08CA01", "label": "amlodipine 5 mg cp", "dose": {"value": 5, "unit": "mg"},
           "route": "oral", "frequency": {"times_per_day": 1}},
          {"id": "b2", "atc": "C03CA01", "label": "furosémide 40 mg cp", "dose": {"value": 40, "unit": "mg"},
           "route": "oral", "frequency": {"times_per_day": 1}}]
    orders = [{"id": "o1", "bm_id": "b2", "atc": "C03CA01", "label": "furosémide 40 mg cp",
               "dose": {"value": 40, "unit": "mg"}, "route": "oral", "frequency": {"times_per_day": 1}}]
    if rng.random() < 0.5:  # the amlodipine kept: no discrepancy; else an omission to qualify
        orders.append({"id": "o2", "bm_id": "b1", "atc": "C08CA01", "label": "amlodipine 5 mg cp",
                       "dose": {"value": 5, "unit": "mg"}, "route": "oral", "frequency": {"times_per_day": 1}})
    else:
        bm[0].update(intentional=False, documented=False, severity="significant")
    return {"moment": moment, "date": day.isoformat(), "mode": "retroactive",
            "patient": {"birth_date": birth.isoformat()}, "bm": bm, "orders": orders}


#: Column order of each bulk-inserted table (values are built as tuples in this order).
COLUMNS: dict[str, tuple[str, ...]] = {
    "patients": ("id", "version", "identifier_system", "identifier_value", "fhir_id", "family", "family_key",
                 "given", "birth_date", "sex", "site_id", "created_at", "updated_at", "next_step1_due",
                 "last_screened_on", "step2_pending"),
    "records": ("id", "version", "patient_id", "kind", "recorded_on", "site_id", "document", "result",
                "document_hash", "actor", "created_at", "updated_at"),
    "screenings": ("record_id", "patient_id", "site_id", "screened_on", "overall", "next_step1_due", "live",
                   "positive_mask", *DOMAIN_NAMES),
    "assessments": ("record_id", "patient_id", "instrument", "domain", "assessed_on", "score", "abnormal"),
    "alerts": ("record_id", "patient_id", "site_id", "screening_id", "rule", "domain", "raised_on", "status", "open"),
    "stays": ("record_id", "patient_id", "site_id", "stay", "admission_date", "discharge_date",
              "awaiting_discharge_reconciliation"),
    "reconciliations": ("record_id", "patient_id", "site_id", "moment", "reconciled_on", "unintentional",
                        "review30_due", "awaiting_review30"),
    "reconciliation_lines": ("record_id", "position", "bm_id", "order_id", "status", "discrepancy"),
    "audit": ("at", "actor", "action", "entity", "entity_id", "before", "after"),
}


class _Chunk:
    """The rows of up to CHUNK patients, with ids assigned before insertion."""

    def __init__(self, conn: Connection, rng: random.Random, engines: dict[str, Any]) -> None:
        self.conn, self.rng, self.engines = conn, rng, engines
        self.sqlite = conn.dialect.name == "sqlite"
        self.day: Callable[[date | None], Any] = _iso if self.sqlite else _same
        self.stamp = audit.now()
        self.stamp_value = self.stamp.replace(tzinfo=None).isoformat(" ") if self.sqlite else self.stamp
        self.next_patient = (conn.execute(select(func.max(patients.c.id))).scalar() or 0) + 1
        self.next_record = (conn.execute(select(func.max(records.c.id))).scalar() or 0) + 1
        self.rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in COLUMNS}

    def record(self, pid: int, kind: str, day: date, site: int, doc: dict[str, Any], result: bytes | None,
               raw: bytes | None = None) -> int:
        """A records row (document and result as JSON text) and its audit row; the new record id."""
        rid = self.next_record
        self.next_record += 1
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
            doc = _screening(rng, on, birth, state)
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
            if found is not None:
                for alert in found.alerts:
                    adoc = {"rule": alert.rule.value, "domain": alert.domain.value, "date": on.isoformat(),
                            "status": "new", "screening": str(rid), "previous": str(last_id)}
                    aid = self.record(pid, "icope.alert", on, site, adoc, None)
                    self.rows["alerts"].append((aid, pid, site, rid, adoc["rule"], adoc["domain"], day(on), "new", True))
            last, last_id = (on, due), rid
            pending = mask
            for i, domain in enumerate(DOMAIN_NAMES):
                assessed_on = on + timedelta(days=rng.randint(7, 30))
                if pending & (1 << i) and rng.random() < STEP2_SHARE and assessed_on <= TODAY:
                    adoc = _assessment(rng, domain, assessed_on)
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
            doc = _reconciliation(moment, on, birth, rng)
            raw = orjson.dumps(doc)
            result = reconcile(model.model_validate_json(raw)).to_json()
            rid = self.record(pid, "medisis.reconciliation", on, site, doc, orjson.dumps(result), raw)
            self.rows["reconciliations"].append((
                rid, pid, site, moment, day(on), sum(1 for x in result["lines"] if x["discrepancy"] == "unintentional"),
                day(due_date(on)) if moment == "discharge" else None, moment == "discharge"))
            self.rows["reconciliation_lines"] += [
                (rid, i, x["bm_id"], x["order_id"], x["status"], x["discrepancy"]) for i, x in enumerate(result["lines"])]

    def flush(self) -> None:
        """Bulk insert, parents first (foreign keys are on)."""
        for name, rows in self.rows.items():
            if rows:
                bulk_insert(self.conn, name, COLUMNS[name], rows)


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _same(value: Any) -> Any:
    return value


def generate(store: Any, count: int, *, seed: int = 1, progress: Callable[[int], None] | None = None) -> int:
    """Add `count` demo patients; returns how many were added. Deterministic for a given seed."""
    from icope.followup import Followup, evaluate_followup
    from icope.step1 import parse_screening, score_screening
    from icope.vocab import DeclineRule
    from medisis.consultation30 import due_date
    from medisis.reconciliation import Reconciliation, reconcile

    from icope.step2 import assess_instrument, parse_assessment

    from parcours.cli.icope_commands import render_step1  # the command's own bytes (cached fragments)

    engines = {"icope": (parse_screening, score_screening, Followup, evaluate_followup, frozenset(DeclineRule),
                         render_step1),
               "step2": (parse_assessment, assess_instrument),
               "medisis": (Reconciliation, reconcile, due_date)}
    rng = random.Random(seed)
    with store.engine.begin() as conn:
        site_ids = [ensure_site(conn, f, n, k, t) for f, n, k, t in DEMO_SITES]
    done = 0
    while done < count:
        size = min(CHUNK, count - done)
        with store.engine.begin() as conn:
            chunk = _Chunk(conn, rng, engines)
            for _ in range(size):
                chunk.patient(site_ids)
            chunk.flush()
        done += size
        if progress is not None:
            progress(done)
    _fix_sequences(store)
    return done


def bulk_insert(conn: Connection, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Insert many rows through the driver: SQLite executemany, PostgreSQL COPY.

    Why: SQLAlchemy's per-row parameter processing cost more than the inserts themselves
    (profiled: ~1.1 s of 4.6 s for 4,000 demo patients); the values here are already plain.
    """
    raw = conn.connection.driver_connection
    names = ", ".join(f'"{c}"' for c in columns)
    if conn.dialect.name == "sqlite":
        raw.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", rows)
        return
    with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _fix_sequences(store: Any) -> None:
    """PostgreSQL: explicit ids do not advance the identity sequences; move them past the max."""
    if store.engine.dialect.name != "postgresql":
        return
    with store.engine.begin() as conn:
        for table in ("patients", "records"):
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                              f"(SELECT coalesce(max(id), 1) FROM {table}))"))

