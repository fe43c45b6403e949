"""Worklists (keyset pages of 50) and population counts per site or territory.

Why: a territory follows up to a million people; every page is one range scan of a partial
index ordered by (date, id), continued from the last row's cursor — never OFFSET, never a
sort of the whole population.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import orjson
from sqlalchemy import Column, Connection, Select, and_, or_, select

from icope.vocab import SafetyRule
from parcours.store import counts
from parcours.store.indexing import DOMAIN_NAMES
from parcours.store.rows import PopulationCounts, WorklistRow
from parcours.store.schema import (
    ALERT_OPEN, ALERT_URGENT, AWAITING_DISCHARGE, AWAITING_REVIEW30, STEP2_PENDING, alerts, partial, patients,
    reconciliations, sites, stays,
)

__all__ = [
    "awaiting_30day_review", "discharges_without_reconciliation", "due_for_rescreening", "due_window", "open_alerts",
    "population_counts", "positive_without_step2",
]

PAGE = 50
#: The « À redépister » list (TUI home, `parcours worklist due`): overdue ones and those due within
#: DUE_AHEAD_DAYS; DUE_BACK_DAYS only bounds the range scan (ten years overdue is still listed).
DUE_AHEAD_DAYS = 30
DUE_BACK_DAYS = 3650


def due_window(today: date) -> tuple[date, date]:
    """(start, end) of the due-for-rescreening list seen on `today`."""
    return today - timedelta(days=DUE_BACK_DAYS), today + timedelta(days=DUE_AHEAD_DAYS)

_SITE = select(sites.c.finess).where(sites.c.id == patients.c.site_id).scalar_subquery()
_PATIENT_COLUMNS = (patients.c.id.label("pid"), patients.c.family, patients.c.given, patients.c.birth_date,
                    _SITE.label("site_finess"))


def _page(conn: Connection, query: Select, due: Column, key: Column, *, site: int | None, site_column: Column,
          after: str | None, limit: int, detail: Any) -> list[WorklistRow]:
    """Filter by site, continue after the cursor `<date>|<id>`, order by (due, key), build rows."""
    if site is not None:
        query = query.where(site_column == site)
    if after:
        last_due, _, last_key = after.partition("|")
        when = date.fromisoformat(last_due)
        query = query.where(or_(due > when, and_(due == when, key > int(last_key))))
    rows = conn.execute(query.order_by(due, key).limit(limit)).all()
    out = []
    for row in rows:
        out.append(WorklistRow(
            patient_id=str(row.pid), family=row.family, given=tuple(orjson.loads(row.given)) if row.given else (),
            birth_date=row.birth_date, site=row.site_finess, due=row.due, detail=detail(row),
            cursor=f"{row.due.isoformat()}|{row.key}",
        ))
    return out


def due_for_rescreening(conn: Connection, *, start: date, end: date, site: int | None = None,
                        after: str | None = None, limit: int = PAGE) -> list[WorklistRow]:
    """Patients whose next step-1 screening falls within [start, end] (docs/icope.md §3.1)."""
    query = select(*_PATIENT_COLUMNS, patients.c.next_step1_due.label("due"), patients.c.id.label("key")).where(
        patients.c.next_step1_due >= start, patients.c.next_step1_due <= end, patients.c.deleted_at.is_(None)
    )
    return _page(conn, query, patients.c.next_step1_due, patients.c.id, site=site, site_column=patients.c.site_id,
                 after=after, limit=limit, detail=lambda r: "")


#: Cursor prefix of the rows of the first part of the open-alerts list (the S1 alerts).
URGENT_CURSOR = "S1|"
URGENT_RULE = SafetyRule.S1.value  # as schema.ALERT_URGENT


def open_alerts(conn: Connection, *, site: int | None = None, after: str | None = None,
                limit: int = PAGE) -> list[WorklistRow]:
    """Alerts not yet closed or refuted: S1 safety alerts first, then decline alerts (docs/icope.md §3.2).

    Each part oldest first; detail `<rule>:<domain>`. Why two parts (docs/icope.md "Safety rules"):
    a self-harm alert must never wait behind a page of older decline alerts; each part is a range
    scan of its own partial index, and S1 rows carry the cursor prefix `S1|`.
    """
    columns = (*_PATIENT_COLUMNS, alerts.c.raised_on.label("due"), alerts.c.record_id.label("key"),
               alerts.c.rule, alerts.c.domain)
    live = (partial(alerts, ALERT_OPEN), patients.c.deleted_at.is_(None))
    rows: list[WorklistRow] = []
    if after is None or after.startswith(URGENT_CURSOR):
        urgent = (select(*columns).join(patients, patients.c.id == alerts.c.patient_id)
                  .where(*live, partial(alerts, ALERT_URGENT)))
        rows = [replace(r, cursor=URGENT_CURSOR + r.cursor) for r in _page(
            conn, urgent, alerts.c.raised_on, alerts.c.record_id, site=site, site_column=alerts.c.site_id,
            after=after[len(URGENT_CURSOR):] if after else None, limit=limit, detail=lambda r: f"{r.rule}:{r.domain}")]
        if len(rows) == limit:
            return rows
        after = None
    query = (select(*columns).join(patients, patients.c.id == alerts.c.patient_id)
             .where(*live, alerts.c.rule != URGENT_RULE))
    return rows + _page(conn, query, alerts.c.raised_on, alerts.c.record_id, site=site, site_column=alerts.c.site_id,
                        after=after, limit=limit - len(rows), detail=lambda r: f"{r.rule}:{r.domain}")


def positive_without_step2(conn: Connection, *, site: int | None = None, after: str | None = None,
                           limit: int = PAGE) -> list[WorklistRow]:
    """Patients whose newest screening has positive domains with no step-2 assessment since (docs/icope.md §2)."""
    query = select(*_PATIENT_COLUMNS, patients.c.last_screened_on.label("due"), patients.c.id.label("key"),
                   patients.c.step2_pending).where(partial(patients, STEP2_PENDING), patients.c.deleted_at.is_(None))
    return _page(conn, query, patients.c.last_screened_on, patients.c.id, site=site,
                 site_column=patients.c.site_id, after=after, limit=limit,
                 detail=lambda r: ",".join(d for i, d in enumerate(DOMAIN_NAMES) if r.step2_pending & (1 << i)))


def discharges_without_reconciliation(conn: Connection, *, site: int | None = None, after: str | None = None,
                                      limit: int = PAGE) -> list[WorklistRow]:
    """Stays with a discharge date and no discharge reconciliation (docs/medisis.md §1.4); detail = stay id."""
    query = (
        select(*_PATIENT_COLUMNS, stays.c.discharge_date.label("due"), stays.c.record_id.label("key"), stays.c.stay)
        .join(patients, patients.c.id == stays.c.patient_id)
        .where(partial(stays, AWAITING_DISCHARGE), patients.c.deleted_at.is_(None))
    )
    return _page(conn, query, stays.c.discharge_date, stays.c.record_id, site=site, site_column=stays.c.site_id,
                 after=after, limit=limit, detail=lambda r: r.stay or "")


def awaiting_30day_review(conn: Connection, *, site: int | None = None, after: str | None = None,
                          limit: int = PAGE) -> list[WorklistRow]:
    """Discharge reconciliations whose 30-day review is not done (docs/medisis.md §8), by due date;
    detail = the discharge reconciliation's date (ISO)."""
    query = (
        select(*_PATIENT_COLUMNS, reconciliations.c.review30_due.label("due"),
               reconciliations.c.record_id.label("key"), reconciliations.c.reconciled_on)
        .join(patients, patients.c.id == reconciliations.c.patient_id)
        .where(partial(reconciliations, AWAITING_REVIEW30), patients.c.deleted_at.is_(None))
    )
    return _page(conn, query, reconciliations.c.review30_due, reconciliations.c.record_id, site=site,
                 site_column=reconciliations.c.site_id, after=after, limit=limit,
                 detail=lambda r: r.reconciled_on.isoformat())


def population_counts(conn: Connection, *, start: date, end: date, site: int | None = None,
                      territory: str | None = None) -> PopulationCounts:
    """Screenings and positives per domain in [start, end], patients due then, alerts still open."""
    total = counts.population_counts(conn, start=start, end=end, site=site, territory=territory)
    return PopulationCounts(
        screened=total["screened"], positive={d: total[f"positive_{d}"] for d in DOMAIN_NAMES},
        due=total["due"], open_alerts=total["open_alerts"],
    )
