"""Per-kind side rows of a saved record: what worklists and counts filter on.

Why: the record keeps the whole document; these narrow rows (a screening's six results, an open
alert, a stay awaiting its discharge reconciliation, …) are what partial indexes cover, so every
worklist page is an index range scan whatever the population size.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy import Connection, insert, select, text, update

from icope.vocab import DOMAIN_NAMES  # docs/icope.md §1 order
from medisis.kinds import awaits_discharge_reconciliation
from medisis.vocab import Moment
from parcours.core.ids import doc_hash as document_hash  # docs/fhir.md §2.3 H, one implementation
from parcours.core.records import RecordKind
from parcours.kinds import by_record, side_rows
from parcours.store import audit, counts
from parcours.store.alerts import OPEN, AlertStatus
from parcours.store.patients import move_due, set_schedule
from parcours.store.schema import (
    alerts, assessments, patients, reconciliation_lines, reconciliations, records, screenings, stays,
)

if TYPE_CHECKING:
    from parcours.core.kinds import Parsed

__all__ = ["INDEXERS", "NEW_ALERT", "alert_document", "document_hash", "first_save_keys", "index_record", "on_delete"]

#: An alert's side-row status when raised (parcours.store.alerts): new, hence open.
NEW_ALERT: dict[str, Any] = {"status": AlertStatus.NEW.value, "open": AlertStatus.NEW in OPEN}


def first_save_keys(kind: RecordKind | str, document: dict[str, Any]) -> tuple[str, str, str | None]:
    """(document_hash, content_key, fhir_key) of a document's first save (docs/fhir.md §2.3 H).

    The FHIR key, fixed at first save, only for a kind the FHIR export maps (docs/fhir.md "Ids").
    """
    key = document_hash(document)
    return key, key, key if _exported(kind) else None


@cache
def _exported(kind: str) -> bool:
    return by_record(kind).fhir


def alert_document(rule: str, domain: str, on: str, link: dict[str, str]) -> dict[str, Any]:
    """The stored document of an alert raised on ISO day `on` by the records `link` names."""
    return {"rule": rule, "domain": domain, "date": on, "status": NEW_ALERT["status"], **link}


def _stripped(document: dict[str, Any]) -> dict[str, Any]:
    """A stored document as a follow-up item: no context objects (docs/interchange.md §5.2)."""
    return {k: v for k, v in document.items() if k not in ("patient", "practitioner", "organization")}


def _rows(kind: RecordKind, parsed: Parsed, result: Any = None) -> dict[str, Any]:
    """The record's side-row values (parcours.kinds.side_rows), for `result` when the store changed it."""
    if result is None or result is parsed.result:
        found = parsed.rows if parsed.rows is not None else side_rows(kind, parsed.model, parsed.result)
    else:
        found = side_rows(kind, parsed.model, result)
    return found or {}


def _history(conn: Connection, patient_id: int, kind: RecordKind, until: date) -> list[tuple[int, dict[str, Any]]]:
    rows = conn.execute(
        select(records.c.id, records.c.document).where(
            records.c.patient_id == patient_id, records.c.kind == kind.value,
            records.c.deleted_at.is_(None), records.c.recorded_on <= until,
        ).order_by(records.c.recorded_on, records.c.id)
    ).all()
    return [(r.id, orjson.loads(r.document)) for r in rows]


def _screening(conn: Connection, *, record_id: int, patient_id: int, site_id: int | None, parsed: Parsed,
               actor: str) -> dict[str, Any] | None:
    """Side row, alerts and schedule; with history, the stored result is the follow-up's `latest`.

    docs/icope.md §1.4: weight loss measured across screenings can make nutrition positive, which the
    document alone cannot show; the store keeps that result so the record and its alerts agree.
    """
    on = parsed.recorded_on
    result = _raise_alerts(conn, record_id=record_id, patient_id=patient_id, site_id=site_id, parsed=parsed,
                           actor=actor) or parsed.result
    if result != parsed.result:
        conn.execute(update(records).where(records.c.id == record_id).values(result=orjson.dumps(result).decode()))
    row = _rows(RecordKind.ICOPE_SCREENING, parsed, result)
    conn.execute(insert(screenings).values(
        record_id=record_id, patient_id=patient_id, site_id=site_id, screened_on=on, **row))
    counts.bump(conn, site_id, on, **counts.screening_change(row["positive_mask"]))
    last = conn.execute(select(patients.c.last_screened_on).where(patients.c.id == patient_id)).scalar()
    if last is None or on >= last:
        pending = row["positive_mask"]
        for domain in conn.execute(
            select(assessments.c.domain).where(assessments.c.patient_id == patient_id, assessments.c.assessed_on >= on)
        ).scalars():
            pending &= ~(1 << DOMAIN_NAMES.index(domain))
        due = _plan_due(conn, patient_id, on) or row["next_step1_due"]
        set_schedule(conn, patient_id, next_due=due, screened_on=on, pending=pending)
    return result if result != parsed.result else None


def _raise_alerts(conn: Connection, *, record_id: int, patient_id: int, site_id: int | None, parsed: Parsed,
                  actor: str) -> dict[str, Any] | None:
    """docs/icope.md §3.2 decline rules against the previous screening; the follow-up's latest result.

    The first screening raises a D1 alert per positive domain (docs/icope.md "Safety rules":
    the baseline rule is stored, not only computed), exactly as `icope followup` reports it.
    """
    from icope.followup import evaluate_followup, parse_followup

    on = parsed.recorded_on
    earlier = [(i, d) for i, d in _history(conn, patient_id, RecordKind.ICOPE_SCREENING, on)
               if i != record_id and d.get("date") != on.isoformat()]  # same-day entries: the newest wins
    assessed = [_stripped(d) for _, d in _history(conn, patient_id, RecordKind.ICOPE_ASSESSMENT, on)] if earlier else []
    followup = evaluate_followup(parse_followup(orjson.dumps({
        "screenings": [_stripped(d) for _, d in earlier] + [_stripped(parsed.document)], "assessments": assessed,
    })))
    link = {"screening": str(record_id)}
    if earlier:
        link["previous"] = str(earlier[-1][0])
    for alert in followup.alerts:
        insert_alert(conn, patient_id=patient_id, site_id=site_id, source_id=record_id, rule=alert.rule.value,
                     domain=alert.domain.value, on=on, actor=actor, link=link)
    return orjson.loads(orjson.dumps(followup.latest.to_json())) if earlier else None


def insert_alert(conn: Connection, *, patient_id: int, site_id: int | None, source_id: int, rule: str, domain: str,
                 on: date, actor: str, link: dict[str, str]) -> int:
    """Store one open alert (its record, its worklist row, the day's count, the audit); its record id.

    `source_id` is the record that raised it: the screening (D1–D6) or the assessment (S1).
    """
    document = alert_document(rule, domain, on.isoformat(), link)
    stamp = audit.now()
    alert_id = conn.execute(insert(records).values(
        version=1, patient_id=patient_id, kind=RecordKind.ICOPE_ALERT.value, recorded_on=on, site_id=site_id,
        document=orjson.dumps(document).decode(), actor=actor, created_at=stamp, updated_at=stamp,
    ).returning(records.c.id)).scalar_one()
    conn.execute(insert(alerts).values(
        record_id=alert_id, patient_id=patient_id, site_id=site_id, screening_id=source_id,
        rule=rule, domain=domain, raised_on=on, **NEW_ALERT,
    ))
    counts.bump(conn, site_id, on, open_alerts=1)
    audit.append(conn, actor=actor, action="create", entity="record", entity_id=alert_id,
                 after={"kind": RecordKind.ICOPE_ALERT.value, "document": document}, at=stamp)
    return alert_id


def _assessment(conn: Connection, *, record_id: int, patient_id: int, site_id: int | None, parsed: Parsed,
                actor: str) -> None:
    side = _rows(RecordKind.ICOPE_ASSESSMENT, parsed)
    domain = side["domain"]
    conn.execute(insert(assessments).values(record_id=record_id, patient_id=patient_id,
                                            assessed_on=parsed.recorded_on, **side))
    from icope.safety import safety_alerts
    from icope.step2 import assess_instrument

    # docs/icope.md "Safety rules": S1 the moment a PHQ-9 with item 9 > 0 is saved, whatever its total.
    for rule, alert_domain in safety_alerts([assess_instrument(parsed.model)]):
        insert_alert(conn, patient_id=patient_id, site_id=site_id, source_id=record_id, rule=rule.value,
                     domain=alert_domain.value, on=parsed.recorded_on, actor=actor,
                     link={"assessment": str(record_id)})
    row = conn.execute(select(patients.c.last_screened_on, patients.c.step2_pending)
                       .where(patients.c.id == patient_id)).one()  # the record's patient exists
    bit = 1 << DOMAIN_NAMES.index(domain)
    if row.last_screened_on is not None and parsed.recorded_on >= row.last_screened_on and row.step2_pending & bit:
        conn.execute(update(patients).where(patients.c.id == patient_id)
                     .values(step2_pending=row.step2_pending & ~bit))


def _stay(conn: Connection, *, record_id: int, patient_id: int, site_id: int | None, parsed: Parsed,
          actor: str) -> None:
    row = _rows(RecordKind.MEDISIS_STAY, parsed)
    awaiting = awaits_discharge_reconciliation(row, row["discharge_date"] is not None and _discharge_reconciled(
        conn, patient_id, row["admission_date"]))
    conn.execute(insert(stays).values(record_id=record_id, patient_id=patient_id, site_id=site_id, **row,
                                      awaiting_discharge_reconciliation=awaiting))


def _discharge_reconciled(conn: Connection, patient_id: int, since: date) -> bool:
    found = conn.execute(select(reconciliations.c.record_id).where(
        reconciliations.c.patient_id == patient_id, reconciliations.c.moment == Moment.DISCHARGE.value,
        reconciliations.c.reconciled_on >= since,
    ).limit(1)).first()
    return found is not None


def _reconciliation(conn: Connection, *, record_id: int, patient_id: int, site_id: int | None, parsed: Parsed,
                    actor: str) -> None:
    row = dict(_rows(RecordKind.MEDISIS_RECONCILIATION, parsed))
    lines = row.pop("lines")
    on = row["reconciled_on"]
    conn.execute(insert(reconciliations).values(record_id=record_id, patient_id=patient_id, site_id=site_id, **row))
    if lines:
        conn.execute(insert(reconciliation_lines), [{"record_id": record_id, **line} for line in lines])
    if row["awaiting_review30"]:  # a discharge: the stays it covers (PROJECT DECISION: admitted on or before it)
        conn.execute(update(stays).where(
            stays.c.patient_id == patient_id, stays.c.awaiting_discharge_reconciliation,
            stays.c.admission_date <= on,
        ).values(awaiting_discharge_reconciliation=False))


def _consultation(conn: Connection, *, record_id: int, patient_id: int, site_id: int | None, parsed: Parsed,
                  actor: str) -> None:
    link = parsed.document.get("reconciliation")
    if not _rows(RecordKind.MEDISIS_CONSULTATION30, parsed)["closes_review30"]:  # consultation30.CLOSES_REVIEW30
        return
    query = update(reconciliations).where(reconciliations.c.patient_id == patient_id,
                                          reconciliations.c.awaiting_review30)
    if link is not None and str(link).isascii() and str(link).isdigit():
        query = query.where(reconciliations.c.record_id == int(link))
    conn.execute(query.values(awaiting_review30=False))


def _care_plan(conn: Connection, *, record_id: int, patient_id: int, site_id: int | None, parsed: Parsed,
               actor: str) -> None:
    """An active plan newer than the last screening moves the re-screen to plan start + 6 months.

    docs/icope.md "Step 3" (docs/icope.md §3.1): "If Step 3 is active, next_step1_due = plan_start + 6 months".
    """
    from icope.careplan import plan_moves_rescreen

    due = plan_moves_rescreen(parsed.model)
    row = conn.execute(select(patients.c.last_screened_on).where(patients.c.id == patient_id)).one()
    if due is not None and (row.last_screened_on is None or parsed.recorded_on >= row.last_screened_on):
        move_due(conn, patient_id, due)


def _plan_due(conn: Connection, patient_id: int, since: date) -> date | None:
    """The re-screen date of the newest active plan dated on or after `since` (None without one)."""
    from icope.careplan import parse_care_plan_record, plan_moves_rescreen

    rows = conn.execute(select(records.c.document).where(
        records.c.patient_id == patient_id, records.c.kind == RecordKind.ICOPE_CARE_PLAN.value,
        records.c.deleted_at.is_(None), records.c.recorded_on >= since,
    ).order_by(records.c.recorded_on.desc(), records.c.id.desc())).scalars()
    for document in rows:
        due = plan_moves_rescreen(parse_care_plan_record(document))
        if due is not None:
            return due
    return None


def _nothing(conn: Connection, **_: Any) -> None:
    """Kinds that no worklist filters on (risk, review, intervention)."""


#: The side tables a kind's rows (parcours.kinds.side_rows) go to; a kind absent here has none.
INDEXERS: dict[RecordKind, Callable[..., dict[str, Any] | None]] = {
    RecordKind.ICOPE_SCREENING: _screening,
    RecordKind.ICOPE_ASSESSMENT: _assessment,
    RecordKind.ICOPE_CARE_PLAN: _care_plan,
    RecordKind.MEDISIS_STAY: _stay,
    RecordKind.MEDISIS_RECONCILIATION: _reconciliation,
    RecordKind.MEDISIS_CONSULTATION30: _consultation,
}


def index_record(kind: RecordKind, conn: Connection, **record: Any) -> dict[str, Any] | None:
    """Write a saved record's side rows; the stored result when the store's history changed it (a screening)."""
    return INDEXERS.get(kind, _nothing)(conn, **record)


def on_delete(conn: Connection, record_id: int, kind: RecordKind) -> None:
    """Take a deleted record out of the worklists (its side rows stay for the audit)."""
    if kind is RecordKind.ICOPE_SCREENING:
        row = conn.execute(select(screenings.c.site_id, screenings.c.screened_on, screenings.c.positive_mask)
                           .where(screenings.c.record_id == record_id, screenings.c.live)).first()
        if row is not None and conn.execute(update(screenings).where(  # conditional: counted down once
                screenings.c.record_id == record_id, screenings.c.live).values(live=False)).rowcount == 1:
            counts.bump(conn, row.site_id, row.screened_on, **counts.screening_change(row.positive_mask, -1))
    elif kind is RecordKind.ICOPE_ALERT:
        alert = conn.execute(select(alerts.c.site_id, alerts.c.raised_on)
                             .where(alerts.c.record_id == record_id)).first()
        if alert is not None and conn.execute(update(alerts).where(
                alerts.c.record_id == record_id, text('alerts."open"')).values(open=False)).rowcount == 1:
            counts.bump(conn, alert.site_id, alert.raised_on, open_alerts=-1)
    elif kind is RecordKind.MEDISIS_STAY:
        conn.execute(update(stays).where(stays.c.record_id == record_id)
                     .values(awaiting_discharge_reconciliation=False))
    elif kind is RecordKind.MEDISIS_RECONCILIATION:
        conn.execute(update(reconciliations).where(reconciliations.c.record_id == record_id)
                     .values(awaiting_review30=False))
