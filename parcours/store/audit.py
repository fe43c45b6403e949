"""The audit trail: one appended row per create, update and delete (who, when, what, before/after).

Why: a clinical record must show who changed what, and who read whose personal data; the table
is append-only — this module only inserts, database triggers (migration 0001) refuse UPDATE and
DELETE on it, and each row is chained to the one before it (parcours.store.audit_chain;
migration 0004_audit_hash_chain).
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import orjson
from sqlalchemy import Connection

from parcours.store import audit_chain

__all__ = ["Access", "append", "now"]

#: Who reads the whole of all patients' data (an export without --patient): the audit row's entity_id.
ALL_PATIENTS = "*"


class Access(StrEnum):
    """Why personal data were read (the `purpose` of an audited read, issue 20)."""

    SHOW = "show"  # parcours patients show
    EXPORT_FHIR = "export-fhir"  # parcours export fhir
    REPORT = "report"  # parcours report --patient
    TUI_OPEN = "tui-open"  # the TUI's patient file
    TUI_EXPORT_PDF = "tui-export-pdf"
    TUI_EXPORT_FHIR = "tui-export-fhir"


def now() -> datetime:
    """The current time, timezone-aware UTC (the store never keeps naive times)."""
    return datetime.now(UTC)


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return orjson.dumps(value, default=str, option=orjson.OPT_SORT_KEYS).decode()


def append(
    conn: Connection, *, actor: str, action: str, entity: str, entity_id: object,
    before: Any = None, after: Any = None, at: datetime | None = None,
) -> None:
    """Append one audit row in the caller's transaction (so it commits or rolls back with the change).

    The row is written, chained, just before the transaction commits (parcours.store.audit_chain).
    """
    audit_chain.queue(conn, {
        "at": (at or now()).astimezone(UTC), "actor": actor, "action": action, "entity": entity,
        "entity_id": str(entity_id), "before": _json(before), "after": _json(after),
    })
