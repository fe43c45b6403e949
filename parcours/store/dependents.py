"""Recompute what depends on a patient's records after one is corrected or deleted.

Why: a screening's result (measured weight loss), its alerts (D1–D6 against the previous one,
S1 from a PHQ-9), the next step-1 due date, the pending step-2 domains, the daily counts and the
MEDISIS worklist flags all derive from the live records; a correction or a deletion must leave
them exactly as if the history had been entered right (docs/store.md "Corrections and deletions").
Each screening dated on or after the change is evaluated again against the live history as it
stands now; alerts still raised keep their record (id, status); alerts no longer raised are
withdrawn (soft-deleted, with the reason), new ones are raised.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import orjson
from sqlalchemy import Connection, delete, exists, insert, select, update

from icope.vocab import DOMAIN_NAMES
from medisis.kinds import awaits_discharge_reconciliation
from medisis.vocab import Moment
from parcours.core.records import RecordKind
from parcours.store import audit, counts
from parcours.kinds import side_rows
from parcours.store.indexing import _plan_due, _stripped, insert_alert
from parcours.store.schema import (
    alerts,
    assessments,
    patients,
    reconciliations,
    records,
    screenings,
    stays,
)

__all__ = ["refresh_icope", "refresh_medisis", "reschedule", "withdraw_alert", "withdraw_alerts_of"]

_LIVE = records.c.deleted_at.is_(None)


def _live_documents(conn: Connection, patient_id: int, kind: RecordKind) -> Sequence[Any]:
    return conn.execute(select(records.c.id, records.c.document, records.c.result, records.c.site_id,
                               records.c.recorded_on).where(
        records.c.patient_id == patient_id, records.c.kind == kind.value, _LIVE,
    ).order_by(records.c.recorded_on, records.c.id)).all()


def bump_version(conn: Connection, record_id: int, *, actor: str, before: Any, after: Any, why: str,
                 **values: Any) -> None:
    """Store new derived values of a record (its version goes up; the audit keeps before/after)."""
    conn.execute(update(records).where(records.c.id == record_id)
                 .values(version=records.c.version + 1, updated_at=audit.now(), **values))
    audit.append(conn, actor=actor, action="update", entity="record", entity_id=record_id,
                 before=before, after={**after, "why": why})


def withdraw_alert(conn: Connection, alert_id: int, *, actor: str, why: str) -> None:
    """Soft-delete an alert no longer raised (it leaves the worklist and the export; the audit keeps it)."""
    row = conn.execute(select(alerts.c.site_id, alerts.c.raised_on, alerts.c.open, records.c.version)
                       .join(records, records.c.id == alerts.c.record_id)
                       .where(alerts.c.record_id == alert_id, _LIVE)).first()
    if row is None:
        return
    conn.execute(update(records).where(records.c.id == alert_id).values(
        deleted_at=audit.now(), deleted_reason=why, version=row.version + 1, updated_at=audit.now()))
    if row.open:
        conn.execute(update(alerts).where(alerts.c.record_id == alert_id).values(open=False))
        counts.bump(conn, row.site_id, row.raised_on, open_alerts=-1)
    audit.append(conn, actor=actor, action="delete", entity="record", entity_id=alert_id,
                 before={"kind": RecordKind.ICOPE_ALERT.value}, after={"reason": why})


def _alerts_of(conn: Connection, source_id: int) -> dict[tuple[str, str], Any]:
    rows = conn.execute(select(alerts.c.record_id, alerts.c.rule, alerts.c.domain, alerts.c.raised_on, alerts.c.open,
                               alerts.c.site_id, records.c.document)
                        .join(records, records.c.id == alerts.c.record_id)
                        .where(alerts.c.screening_id == source_id, _LIVE)).all()
    return {(r.rule, r.domain): r for r in rows}


def withdraw_alerts_of(conn: Connection, source_id: int, *, actor: str, why: str) -> None:
    """Withdraw every live alert a record raised (the record was deleted)."""
    for row in _alerts_of(conn, source_id).values():
        withdraw_alert(conn, row.record_id, actor=actor, why=why)


def sync_alerts(conn: Connection, *, source_id: int, patient_id: int, site_id: int | None, on: date,
                raised: list[tuple[str, str]], link: dict[str, str], actor: str, why: str) -> None:
    """Make the live alerts of `source_id` exactly `raised`: keep, move, withdraw or raise."""
    existing = _alerts_of(conn, source_id)
    for key, row in existing.items():
        if key not in raised:
            withdraw_alert(conn, row.record_id, actor=actor, why=why)
            continue
        document = orjson.loads(row.document)
        wanted = {**{k: v for k, v in document.items() if k not in ("screening", "previous", "assessment")},
                  **link, "date": on.isoformat()}
        if wanted == document and row.raised_on == on:
            continue
        if row.raised_on != on and row.open:
            counts.bump(conn, row.site_id, row.raised_on, open_alerts=-1)
            counts.bump(conn, row.site_id, on, open_alerts=1)
        conn.execute(update(alerts).where(alerts.c.record_id == row.record_id).values(raised_on=on))
        bump_version(conn, row.record_id, actor=actor, before={"document": document}, after={"document": wanted},
                     why=why, document=orjson.dumps(wanted).decode(), recorded_on=on)
    for rule, domain in raised:
        if (rule, domain) not in existing:
            insert_alert(conn, patient_id=patient_id, site_id=site_id, source_id=source_id, rule=rule, domain=domain,
                         on=on, actor=actor, link=link)


def _put_screening_row(conn: Connection, *, record_id: int, patient_id: int, site_id: int | None, on: date,
                       result: dict[str, Any]) -> None:
    """The screening's side row and the daily counts, replaced by what `result` says."""
    old = conn.execute(select(screenings.c.site_id, screenings.c.screened_on, screenings.c.positive_mask,
                              screenings.c.live).where(screenings.c.record_id == record_id)).first()
    row = side_rows(RecordKind.ICOPE_SCREENING, None, result) or {}  # icope.kinds.screening_row, as a save
    mask = row["positive_mask"]
    if old is not None:
        if old.live:
            counts.bump(conn, old.site_id, old.screened_on, **counts.screening_change(old.positive_mask, -1))
        conn.execute(delete(screenings).where(screenings.c.record_id == record_id))
    conn.execute(insert(screenings).values(record_id=record_id, patient_id=patient_id, site_id=site_id,
                                           screened_on=on, **row))
    counts.bump(conn, site_id, on, **counts.screening_change(mask))


def refresh_icope(conn: Connection, patient_id: int, since: date, *, actor: str, why: str,
                  bumped: set[int]) -> None:
    """Evaluate again every live screening dated on or after `since`: result, side row, alerts.

    As at save time (parcours.store.indexing): the earlier screenings are those dated before it
    (same-day entries: the newest wins), the assessments those dated on or before it; with no
    earlier screening the result is the command's own and the baseline D1 alerts are raised.
    `bumped`: records whose version already went up in this transaction (not bumped twice).
    """
    from icope.followup import evaluate_followup, parse_followup
    from parcours.store.saving import parse_document

    history = _live_documents(conn, patient_id, RecordKind.ICOPE_SCREENING)
    assessed = _live_documents(conn, patient_id, RecordKind.ICOPE_ASSESSMENT)
    for index, row in enumerate(history):
        if row.recorded_on < since:
            continue
        document = orjson.loads(row.document)
        earlier = [(r.id, orjson.loads(r.document)) for r in history[:index] if r.recorded_on < row.recorded_on]
        then = [_stripped(orjson.loads(a.document)) for a in assessed if a.recorded_on <= row.recorded_on]
        followup = evaluate_followup(parse_followup(orjson.dumps({
            "screenings": [_stripped(d) for _, d in earlier] + [_stripped(document)],
            "assessments": then if earlier else [],
        })))
        if earlier:
            result = orjson.loads(orjson.dumps(followup.latest.to_json()))
        else:
            result = parse_document(RecordKind.ICOPE_SCREENING, document).result
        stored = None if row.result is None else orjson.loads(row.result)
        if result != stored:
            text = orjson.dumps(result).decode()
            if row.id in bumped:
                conn.execute(update(records).where(records.c.id == row.id).values(result=text))
            else:
                bump_version(conn, row.id, actor=actor, before={"result": stored}, after={"result": result}, why=why,
                             result=text)
                bumped.add(row.id)
        _put_screening_row(conn, record_id=row.id, patient_id=patient_id, site_id=row.site_id, on=row.recorded_on,
                           result=result)
        link = {"screening": str(row.id)}
        if earlier:
            link["previous"] = str(earlier[-1][0])
        sync_alerts(conn, source_id=row.id, patient_id=patient_id, site_id=row.site_id, on=row.recorded_on,
                    raised=[(a.rule.value, a.domain.value) for a in followup.alerts], link=link, actor=actor, why=why)


def reschedule(conn: Connection, patient_id: int) -> None:
    """Next step-1 due date, last screening date and pending step-2 domains from the live records."""
    newest = conn.execute(select(screenings.c.screened_on, screenings.c.next_step1_due, screenings.c.positive_mask)
                          .join(records, records.c.id == screenings.c.record_id)
                          .where(screenings.c.patient_id == patient_id, screenings.c.live, _LIVE)
                          .order_by(screenings.c.screened_on.desc(), screenings.c.record_id.desc()).limit(1)).first()
    if newest is None:
        due, on, pending = _plan_due(conn, patient_id, date.min), None, 0
    else:
        on, pending = newest.screened_on, newest.positive_mask
        for domain in conn.execute(select(assessments.c.domain).join(records, records.c.id == assessments.c.record_id)
                                   .where(assessments.c.patient_id == patient_id, assessments.c.assessed_on >= on,
                                          _LIVE)).scalars():
            pending &= ~(1 << DOMAIN_NAMES.index(domain))
        due = _plan_due(conn, patient_id, on) or newest.next_step1_due
    before = conn.execute(select(patients.c.site_id, patients.c.next_step1_due, patients.c.deleted_at)
                          .where(patients.c.id == patient_id)).one()
    if before.next_step1_due != due and before.deleted_at is None:
        if before.next_step1_due is not None:
            counts.bump(conn, before.site_id, before.next_step1_due, due=-1)
        if due is not None:
            counts.bump(conn, before.site_id, due, due=1)
    conn.execute(update(patients).where(patients.c.id == patient_id)
                 .values(next_step1_due=due, last_screened_on=on, step2_pending=pending))


def refresh_medisis(conn: Connection, patient_id: int) -> None:
    """Stays awaiting a discharge reconciliation and reconciliations awaiting their 30-day review.

    As at save time (parcours.store.indexing): a discharged stay waits until a live discharge
    reconciliation dated on or after its admission; a discharge reconciliation waits until a
    consultation closing it (medisis.consultation30.CLOSES_REVIEW30, docs/medisis.md §8) names it,
    or, naming none, was saved after it.
    """
    from medisis.consultation30 import CLOSES_REVIEW30

    discharge = Moment.DISCHARGE.value
    live_discharges = select(reconciliations.c.reconciled_on).join(
        records, records.c.id == reconciliations.c.record_id).where(
        reconciliations.c.patient_id == patient_id, reconciliations.c.moment == discharge, _LIVE)
    for stay in conn.execute(select(stays.c.record_id, stays.c.admission_date, stays.c.discharge_date,
                                    records.c.deleted_at).join(records, records.c.id == stays.c.record_id)
                             .where(stays.c.patient_id == patient_id)).all():
        covered = live_discharges.where(reconciliations.c.reconciled_on >= stay.admission_date)
        waiting = stay.deleted_at is None and awaits_discharge_reconciliation(
            {"discharge_date": stay.discharge_date},
            stay.discharge_date is not None and conn.execute(select(exists(covered))).scalar() is True)
        conn.execute(update(stays).where(stays.c.record_id == stay.record_id)
                     .values(awaiting_discharge_reconciliation=waiting))
    closing = [(r.id, orjson.loads(r.document).get("reconciliation"))
               for r in _live_documents(conn, patient_id, RecordKind.MEDISIS_CONSULTATION30)
               if orjson.loads(r.document).get("status") in CLOSES_REVIEW30]
    for rec in conn.execute(select(reconciliations.c.record_id, reconciliations.c.moment, records.c.deleted_at)
                            .join(records, records.c.id == reconciliations.c.record_id)
                            .where(reconciliations.c.patient_id == patient_id)).all():
        reviewed = any(str(link) == str(rec.record_id) if link is not None and str(link).isdigit()
                       else consultation > rec.record_id for consultation, link in closing)
        waiting = rec.deleted_at is None and rec.moment == discharge and not reviewed
        conn.execute(update(reconciliations).where(reconciliations.c.record_id == rec.record_id)
                     .values(awaiting_review30=waiting))
