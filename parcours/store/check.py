"""`parcours db check`: is the database whole, at the current schema, with its audit guard?

Why: after a crash, a copy or a manual intervention, a site must be able to tell in one
command whether the data can be trusted (issue 5: "the database passes its integrity check").
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, text

from parcours.store.audit_guard import check_audit
from parcours.store.engine import HEAD_REVISION, current_revision

__all__ = ["check_database"]

_SQLITE_TRIGGERS = {"audit_no_update", "audit_no_delete"}
_POSTGRESQL_TRIGGERS = {"audit_no_change", "audit_no_truncate"}


def check_database(engine: Engine) -> list[tuple[str, dict[str, Any]]]:
    """The problems found, as (catalog code, params); empty when all is well."""
    problems: list[tuple[str, dict[str, Any]]] = []
    revision = current_revision(engine)
    if revision != HEAD_REVISION:
        problems.append(("revision", {"found": revision or "—", "expected": HEAD_REVISION}))
        return problems
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            verdict = conn.execute(text("PRAGMA integrity_check")).scalars().all()
            if verdict != ["ok"]:
                problems.append(("integrity", {"detail": "; ".join(verdict[:5])}))
            broken = conn.execute(text("PRAGMA foreign_key_check")).all()
            if broken:
                problems.append(("foreign_keys", {"count": len(broken)}))
            triggers = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
            expected = _SQLITE_TRIGGERS
        else:
            triggers = set(conn.execute(text(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit'::regclass AND NOT tgisinternal")).scalars())
            expected = _POSTGRESQL_TRIGGERS
        if not expected <= triggers:
            problems.append(("audit_guard", {"missing": ", ".join(sorted(expected - triggers))}))
        problems += [p for p in check_audit(conn) if p[0] != "audit_guard"]  # bodies, enabled, hash chain
    problems.extend(_data_problems(engine))
    return problems


def _data_problems(engine: Engine) -> list[tuple[str, dict[str, Any]]]:
    """Counts recounted from their rows, records stored twice (issue 20, parcours.store.recount)."""
    from parcours.store.recount import drift_problems

    with engine.connect() as conn:
        return drift_problems(conn)
