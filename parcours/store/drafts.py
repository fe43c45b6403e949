"""Drafts: a partial form saved at every change, listed, resumed, discarded.

Why: a nurse interrupted mid-screening (or a crashed terminal) must find every typed field again;
each save is one small transaction, so a killed process leaves the last saved state intact.
Only the draft's creation and discarding are audited: a keystroke is not a clinical change.
"""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import Connection, Row, insert, select, update

from parcours.store import audit
from parcours.store.errors import Conflict, NotFound
from parcours.store.rows import Draft
from parcours.store.schema import drafts

__all__ = ["discard_draft", "get_draft", "list_drafts", "save_draft"]

_LIVE = drafts.c.discarded_at.is_(None)


def _draft(row: Row) -> Draft:
    return Draft(str(row.id), row.version, row.kind, None if row.patient_id is None else str(row.patient_id),
                 orjson.loads(row.data), row.updated_at, row.actor)


def save_draft(conn: Connection, kind: str, data: dict[str, Any], *, actor: str, draft_id: str | None = None,
               patient_id: str | None = None, version: int | None = None) -> str:
    """Create the draft, or replace its data; with `version`, a stale draft raises Conflict."""
    text = orjson.dumps(data).decode()
    stamp = audit.now()
    if draft_id is None:
        new_id = conn.execute(insert(drafts).values(
            version=1, kind=kind, patient_id=None if patient_id is None else int(patient_id), data=text,
            actor=actor, created_at=stamp, updated_at=stamp,
        ).returning(drafts.c.id)).scalar_one()
        audit.append(conn, actor=actor, action="create", entity="draft", entity_id=new_id,
                     after={"kind": kind, "patient_id": patient_id}, at=stamp)
        return str(new_id)
    query = update(drafts).where(drafts.c.id == _int(draft_id), _LIVE)
    if version is not None:
        query = query.where(drafts.c.version == version)
    values: dict[str, Any] = {"data": text, "updated_at": stamp, "version": drafts.c.version + 1, "actor": actor}
    if patient_id is not None:
        values["patient_id"] = int(patient_id)
    if conn.execute(query.values(**values)).rowcount != 1:
        get_draft(conn, draft_id)  # NotFound if gone
        raise Conflict(entity="draft", key=draft_id)
    return draft_id


def _int(draft_id: str) -> int:
    try:
        return int(draft_id)
    except ValueError:
        raise NotFound(entity="draft", key=draft_id) from None


def get_draft(conn: Connection, draft_id: str) -> Draft:
    """A live draft; NotFound otherwise."""
    row = conn.execute(select(drafts).where(drafts.c.id == _int(draft_id), _LIVE)).first()
    if row is None:
        raise NotFound(entity="draft", key=draft_id)
    return _draft(row)


def list_drafts(conn: Connection, *, kind: str | None = None, patient_id: str | None = None) -> list[Draft]:
    """Live drafts, most recently changed first."""
    query = select(drafts).where(_LIVE)
    if kind is not None:
        query = query.where(drafts.c.kind == kind)
    if patient_id is not None:
        query = query.where(drafts.c.patient_id == int(patient_id))
    return [_draft(r) for r in conn.execute(query.order_by(drafts.c.updated_at.desc(), drafts.c.id.desc())).all()]


def discard_draft(conn: Connection, draft_id: str, *, actor: str) -> None:
    """Mark the draft discarded (kept for the audit, never listed again)."""
    draft = get_draft(conn, draft_id)
    conn.execute(update(drafts).where(drafts.c.id == int(draft_id)).values(discarded_at=audit.now()))
    audit.append(conn, actor=actor, action="delete", entity="draft", entity_id=draft_id,
                 before={"kind": draft.kind, "data": draft.data})
