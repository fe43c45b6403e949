"""Recount the population counts from the rows they summarise, and say where they drifted.

Why (issue 20): `daily_counts` is kept in step by every write (parcours.store.counts); a race
that moved a count twice went unseen until a worklist said 40 open alerts against 100 real.
Writes are now conditional, and `parcours db check` recounts every (site, day) to prove it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, case, func, select, text

from parcours.store.counts import COUNT_COLUMNS, DOMAIN_COLUMNS
from parcours.store.schema import alerts, daily_counts, patients, records, screenings

__all__ = ["Drift", "count_drift", "duplicate_records", "recount"]


@dataclass(frozen=True, slots=True)
class Drift:
    """One count that differs from the rows: site id (0: none), day, column, stored and actual values."""

    site_id: int
    day: date
    column: str
    stored: int
    actual: int


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def recount(conn: Connection) -> dict[tuple[int, date], dict[str, int]]:
    """Every non-zero count, computed from screenings, patients and alerts (the definitions of counts.py)."""
    actual: dict[tuple[int, date], dict[str, int]] = defaultdict(dict)
    site = func.coalesce(screenings.c.site_id, 0)
    positives = [func.sum(case((screenings.c.positive_mask.op("&")(1 << i) != 0, 1), else_=0))
                 for i in range(len(DOMAIN_COLUMNS))]
    for row in conn.execute(select(site, screenings.c.screened_on, func.count(), *positives)
                            .where(screenings.c.live).group_by(site, screenings.c.screened_on)):
        actual[(row[0], _day(row[1]))].update(zip(("screened", *DOMAIN_COLUMNS), map(int, row[2:]), strict=True))
    site = func.coalesce(patients.c.site_id, 0)
    for row in conn.execute(select(site, patients.c.next_step1_due, func.count())
                            .where(patients.c.deleted_at.is_(None), patients.c.next_step1_due.is_not(None))
                            .group_by(site, patients.c.next_step1_due)):
        actual[(row[0], _day(row[1]))]["due"] = int(row[2])
    site = func.coalesce(alerts.c.site_id, 0)
    for row in conn.execute(select(site, alerts.c.raised_on, func.count()).where(text('alerts."open"'))
                            .group_by(site, alerts.c.raised_on)):
        actual[(row[0], _day(row[1]))]["open_alerts"] = int(row[2])
    return actual


def count_drift(conn: Connection) -> list[Drift]:
    """Every count whose stored value is not the recount, by site, day and column."""
    actual = recount(conn)
    drift: list[Drift] = []
    seen: set[tuple[int, date]] = set()
    for row in conn.execute(select(daily_counts)):
        key = (row.site_id, _day(row.day))
        seen.add(key)
        want = actual.get(key, {})
        drift.extend(Drift(key[0], key[1], name, int(row._mapping[name]), want.get(name, 0))
                     for name in COUNT_COLUMNS if int(row._mapping[name]) != want.get(name, 0))
    for key, want in actual.items():
        if key not in seen:
            drift.extend(Drift(key[0], key[1], name, 0, value) for name, value in want.items() if value)
    return sorted(drift, key=lambda d: (d.site_id, d.day, d.column))


def duplicate_records(conn: Connection) -> int:
    """Live records that repeat an earlier one (same patient, kind and document): stored before 0005."""
    copies = (select(func.count().label("n"))
              .where(records.c.deleted_at.is_(None), records.c.document_hash.is_not(None),
                     records.c.kind != "icope.alert")
              .group_by(records.c.patient_id, records.c.kind, records.c.document_hash)
              .having(func.count() > 1).subquery())
    return int(conn.execute(select(func.coalesce(func.sum(copies.c.n - 1), 0))).scalar_one())


def drift_problems(conn: Connection) -> list[tuple[str, dict[str, Any]]]:
    """`db check` problems (catalog code, params): drifted counts, records stored twice."""
    problems: list[tuple[str, dict[str, Any]]] = []
    drift = count_drift(conn)
    if drift:
        detail = "; ".join(f"{d.column} site={d.site_id} {d.day.isoformat()}: {d.stored}≠{d.actual}" for d in drift[:5])
        problems.append(("drift", {"count": len(drift), "detail": detail}))
    duplicates = duplicate_records(conn)
    if duplicates:
        problems.append(("duplicates", {"count": duplicates}))
    return problems
