"""An alert's life: new → confirmed (the nurse checked it) → closed, or refuted.

Why: the open-alerts worklist shows what still needs a professional; the status maps to the
FHIR Task status (docs/fhir.md §4.4) and every change is audited.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Connection, select, update

from parcours.core.errors import FieldIssue, InvalidInput
from parcours.store import audit, counts
from parcours.store.errors import Conflict, NotFound
from parcours.store.schema import alerts, records

__all__ = ["AlertStatus", "set_alert_status"]


class AlertStatus(StrEnum):
    """docs/fhir.md §4.4: requested (new) / in-progress (confirmed) / completed (closed) / cancelled (refuted)."""

    NEW = "new"
    CONFIRMED = "confirmed"
    CLOSED = "closed"
    REFUTED = "refuted"


OPEN = frozenset({AlertStatus.NEW, AlertStatus.CONFIRMED})
_ATTEMPTS = 3  # the status changed between the read and the conditional update: read it again


def set_alert_status(conn: Connection, record_id: str, status: str, *, actor: str) -> None:
    """Change an alert's status (the record's version goes up; the audit keeps before/after)."""
    try:
        new = AlertStatus(status)
    except ValueError:
        raise InvalidInput([FieldIssue(("status",), "not_one_of",
                                       {"expected": ", ".join(s.value for s in AlertStatus)})]) from None
    for _ in range(_ATTEMPTS):
        row = conn.execute(select(alerts.c.status, alerts.c.open, alerts.c.site_id, alerts.c.raised_on)
                           .join(records, records.c.id == alerts.c.record_id)
                           .where(alerts.c.record_id == int(record_id), records.c.deleted_at.is_(None))).first()
        if row is None:
            raise NotFound(entity="alert", key=record_id)
        if row.status == new.value:
            return  # already so (another workstation did it): nothing changes, nothing is counted
        # conditional: of two closers, only the one that still finds the status it read counts (issue 20)
        done = conn.execute(update(alerts).where(alerts.c.record_id == int(record_id), alerts.c.status == row.status)
                            .values(status=new.value, open=new in OPEN))
        if done.rowcount == 1:
            break
    else:
        raise Conflict(entity="alert", key=record_id)
    if row.open != (new in OPEN):
        counts.bump(conn, row.site_id, row.raised_on, open_alerts=1 if new in OPEN else -1)
    conn.execute(update(records).where(records.c.id == int(record_id))
                 .values(version=records.c.version + 1, updated_at=audit.now()))
    audit.append(conn, actor=actor, action="update", entity="alert", entity_id=record_id,
                 before={"status": row.status}, after={"status": new.value})
