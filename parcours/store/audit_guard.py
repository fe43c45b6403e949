"""`db check` of the audit trail: its triggers (names, bodies, enabled) and its hash chain.

Why: a trigger of the right name can be a no-op, and on PostgreSQL a trigger can be disabled
(issue 20); checking names only said "sound" for both. The expected definitions are the ones
migration 0001 creates, compared after whitespace is normalized.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

from parcours.store.audit_chain import verify_chain

__all__ = ["POSTGRESQL_FUNCTION_BODY", "POSTGRESQL_TRIGGERS", "SQLITE_TRIGGERS", "check_audit"]

#: As migration 0001 writes them (sqlite_master keeps the CREATE statement's text).
SQLITE_TRIGGERS = {
    "audit_no_update":
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END",
    "audit_no_delete":
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END",
}
#: As pg_get_triggerdef() prints them (schema qualifier of the table removed).
POSTGRESQL_TRIGGERS = {
    "audit_no_change": "CREATE TRIGGER audit_no_change BEFORE DELETE OR UPDATE ON audit FOR EACH ROW "
                       "EXECUTE FUNCTION audit_append_only()",
    "audit_no_truncate": "CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT "
                         "EXECUTE FUNCTION audit_append_only()",
}
POSTGRESQL_FUNCTION_BODY = "BEGIN RAISE EXCEPTION 'audit is append-only'; END"
_ENABLED = {"O", "A"}  # pg_trigger.tgenabled: fires in origin mode / always ('D' disabled, 'R' replica only)
_SPACES = re.compile(r"\s+")


def _norm(sql: str | None) -> str:
    return _SPACES.sub(" ", sql or "").strip().rstrip(";").strip()


def check_audit(conn: Connection) -> list[tuple[str, dict[str, Any]]]:
    """Problems of the audit trail, as (catalog code under store.check., params)."""
    problems = _sqlite_guard(conn) if conn.dialect.name == "sqlite" else _postgresql_guard(conn)
    report = verify_chain(conn)
    if report.broken_count:
        problems.append(("audit_chain", {"count": report.broken_count,
                                         "ids": ", ".join(str(i) for i in report.broken)}))
    return problems


def _compare(found: dict[str, str], expected: dict[str, str]) -> list[tuple[str, dict[str, Any]]]:
    problems: list[tuple[str, dict[str, Any]]] = []
    missing = sorted(set(expected) - set(found))
    if missing:
        problems.append(("audit_guard", {"missing": ", ".join(missing)}))
    altered = sorted(n for n in found if n not in expected or _norm(found[n]) != _norm(expected[n]))
    if altered:
        problems.append(("audit_guard_altered", {"names": ", ".join(altered)}))
    return problems


def _sqlite_guard(conn: Connection) -> list[tuple[str, dict[str, Any]]]:
    found: dict[str, str] = dict(conn.execute(text(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'")).all())
    return _compare(found, SQLITE_TRIGGERS)


def _postgresql_guard(conn: Connection) -> list[tuple[str, dict[str, Any]]]:
    rows = conn.execute(text(
        "SELECT t.tgname, t.tgenabled, pg_get_triggerdef(t.oid) AS definition, p.proname, p.prosrc, l.lanname "
        "FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_language l ON l.oid = p.prolang "
        "WHERE t.tgrelid = 'audit'::regclass AND NOT t.tgisinternal")).all()
    found = {r.tgname: re.sub(r" ON \S+\.audit ", " ON audit ", r.definition) for r in rows}
    problems = _compare(found, POSTGRESQL_TRIGGERS)
    bad_body = sorted({r.proname for r in rows
                       if r.lanname != "plpgsql" or _norm(r.prosrc) != POSTGRESQL_FUNCTION_BODY})
    if bad_body:
        problems.append(("audit_guard_altered", {"names": ", ".join(bad_body)}))
    disabled = sorted(r.tgname for r in rows if r.tgenabled not in _ENABLED)
    if disabled:
        problems.append(("audit_guard_disabled", {"names": ", ".join(disabled)}))
    rules = conn.execute(text("SELECT rulename FROM pg_rules WHERE tablename = 'audit'")).scalars().all()
    if rules:
        problems.append(("audit_guard_altered", {"names": ", ".join(sorted(rules))}))
    return problems
