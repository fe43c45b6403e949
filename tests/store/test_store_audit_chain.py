"""The audit trail is tamper-evident: a hash chain checked by `db check`, with its triggers' bodies and state.

Issue 20: drop the triggers, UPDATE, recreate them — `db check` said sound; a no-op trigger of the
same name passed; on PostgreSQL a DISABLEd trigger passed. Each tampering here must fail the check.
"""

from __future__ import annotations

import threading
from pathlib import Path

import orjson
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from parcours.core.records import RecordKind
from parcours.store import open_store
from parcours.store.audit_chain import GENESIS, row_hash, verify_chain
from parcours.store.check import check_database

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TEST_SYSTEM = "urn:oid:1.2.250.1.213.1.4.10"


def screening(day: str, ins: str = "244057512345692") -> dict:
    doc = orjson.loads((EXAMPLES / "screening.json").read_bytes())
    doc["date"] = day
    doc["patient"] = {"identifier": {"system": TEST_SYSTEM, "value": ins}, "family": "Martin", "given": "Jeanne"}
    doc["organization"] = {"finess": "540000000", "name": "MSP"}
    doc["practitioner"] = {"rpps": "10001234567", "family": "Infirmière"}
    return doc


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    s.create_patient({"family": "DUPONT"}, site=None, actor="nurse-1")
    s.save_document(RecordKind.ICOPE_SCREENING, screening("2026-01-10"), actor="nurse-2")
    s.save_document(RecordKind.ICOPE_SCREENING, screening("2026-07-10"), actor="nurse-2")
    yield s
    s.close()


def codes(store) -> set[str]:
    return {code for code, _ in check_database(store.engine)}


def test_every_row_is_chained_and_the_check_passes(store):
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT at, actor, action, entity, entity_id, before, after, row_hash "
                                 "FROM audit ORDER BY id")).all()
        report = verify_chain(conn)
    assert len(rows) >= 5 and report.rows == len(rows) and report.broken_count == 0
    previous = GENESIS
    for r in rows:  # recomputed here from the documented serialization, not through the module's loop
        assert r.row_hash == row_hash(previous, r.at, r.actor, r.action, r.entity, r.entity_id, r.before, r.after)
        previous = r.row_hash
    assert report.head == previous
    assert check_database(store.engine) == []


def test_sites_and_professionals_carry_the_acting_user(store):
    with store.engine.connect() as conn:
        actors = dict(conn.execute(
            text("SELECT entity, actor FROM audit WHERE entity IN ('site', 'professional')")).all())
    assert actors == {"site": "nurse-2", "professional": "nurse-2"}


def _drop_guard(conn, dialect: str) -> None:
    if dialect == "sqlite":
        conn.execute(text("DROP TRIGGER audit_no_update"))
        conn.execute(text("DROP TRIGGER audit_no_delete"))
    else:
        conn.execute(text("DROP TRIGGER audit_no_change ON audit"))


def _restore_guard(conn, dialect: str) -> None:
    from parcours.store.audit_guard import POSTGRESQL_TRIGGERS, SQLITE_TRIGGERS

    for name, sql in (SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRESQL_TRIGGERS).items():
        if dialect == "sqlite" or name == "audit_no_change":
            conn.execute(text(sql))


@pytest.mark.parametrize("tamper", [
    "UPDATE audit SET actor = 'someone-else' WHERE id = 2",
    "DELETE FROM audit WHERE id = 2",
    "UPDATE audit SET after = NULL WHERE id = (SELECT max(id) FROM audit)",
])
def test_drop_the_triggers_rewrite_and_recreate_fails_the_check(store, tamper):
    dialect = store.engine.dialect.name
    with store.engine.begin() as conn:
        _drop_guard(conn, dialect)
        conn.execute(text(tamper))
        _restore_guard(conn, dialect)
    found = {code: params for code, params in check_database(store.engine)}
    assert set(found) == {"audit_chain"}
    assert found["audit_chain"]["count"] >= 1


def test_rewriting_a_row_with_a_fresh_hash_still_breaks_the_next_one(store):
    """An attacker who recomputes the changed row's own hash breaks the link of the row after it."""
    dialect = store.engine.dialect.name
    with store.engine.begin() as conn:
        rows = conn.execute(text("SELECT id, at, actor, action, entity, entity_id, before, after, row_hash "
                                 "FROM audit ORDER BY id")).all()
        forged = rows[1]
        new_hash = row_hash(rows[0].row_hash, forged.at, "someone-else", forged.action, forged.entity,
                            forged.entity_id, forged.before, forged.after)
        _drop_guard(conn, dialect)
        conn.execute(text("UPDATE audit SET actor = 'someone-else', row_hash = :h WHERE id = :i"),
                     {"h": new_hash, "i": forged.id})
        _restore_guard(conn, dialect)
    found = dict(check_database(store.engine))
    assert found["audit_chain"]["ids"] == str(rows[2].id)


def test_a_no_op_trigger_of_the_same_name_fails_the_check(store):
    dialect = store.engine.dialect.name
    with store.engine.begin() as conn:
        if dialect == "sqlite":
            conn.execute(text("DROP TRIGGER audit_no_update"))
            conn.execute(text("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT 1; END"))
        else:
            conn.execute(text("CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql "
                              "AS $$ BEGIN RETURN NEW; END $$"))
    assert "audit_guard_altered" in codes(store)


def test_an_extra_trigger_on_audit_fails_the_check(store):
    dialect = store.engine.dialect.name
    with store.engine.begin() as conn:
        if dialect == "sqlite":
            conn.execute(text("CREATE TRIGGER audit_quiet AFTER INSERT ON audit BEGIN SELECT 1; END"))
        else:
            conn.execute(text("CREATE TRIGGER audit_quiet AFTER INSERT ON audit FOR EACH ROW "
                              "EXECUTE FUNCTION audit_append_only()"))
    assert "audit_guard_altered" in codes(store)


def test_postgresql_disabled_trigger_fails_the_check(pg_url):
    with open_store(pg_url) as store:
        store.create_patient({"family": "DUPONT"}, site=None, actor="nurse-1")
        with store.engine.begin() as conn:
            conn.execute(text("ALTER TABLE audit DISABLE TRIGGER audit_no_change"))
        assert codes(store) == {"audit_guard_disabled"}
        with store.engine.begin() as conn:
            conn.execute(text("ALTER TABLE audit ENABLE TRIGGER audit_no_change"))
            conn.execute(text("ALTER TABLE audit ENABLE REPLICA TRIGGER audit_no_truncate"))  # off in normal mode
        assert codes(store) == {"audit_guard_disabled"}


def test_db_check_command_exits_1_on_a_rewritten_audit(tmp_path):
    import os
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path}/p.db"
    with open_store(url) as store:
        store.create_patient({"family": "DUPONT"}, site=None, actor="nurse-1")
        with store.engine.begin() as conn:
            _drop_guard(conn, "sqlite")
            conn.execute(text("UPDATE audit SET actor = 'x'"))
            _restore_guard(conn, "sqlite")
    env = {**os.environ, "PARCOURS_DATABASE_URL": url, "LANG": "en_GB.UTF-8"}
    env.pop("LC_ALL", None)
    done = subprocess.run([sys.executable, "-m", "parcours", "db", "check"], capture_output=True, env=env, text=True,
                          timeout=120, check=False)
    assert done.returncode == 1
    assert "hash chain" in done.stderr


def test_concurrent_writers_keep_one_linear_chain(store_url):
    """Eight writers at once: every row lands, each chained to the one before it."""
    open_store(store_url).close()
    stores = [open_store(store_url) for _ in range(8)]
    barrier = threading.Barrier(len(stores))
    errors: list[BaseException] = []

    def work(store, n):
        try:
            barrier.wait()
            for i in range(5):
                p = store.create_patient({"family": f"W{n}-{i}"}, site=None, actor=f"w{n}")
                store.record_access(p.id, actor=f"w{n}", purpose="show")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s, n)) for n, s in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == []
        with stores[0].engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM audit")).scalar() == 80
            report = verify_chain(conn)
        assert report.rows == 80 and report.broken_count == 0
        assert check_database(stores[0].engine) == []
    finally:
        for s in stores:
            s.close()


def test_the_chain_migration_backfills_existing_rows(store_url):
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    import parcours.store.engine as engine_module
    from parcours.store.engine import make_engine

    engine = make_engine(store_url)
    try:
        config = Config()
        config.set_main_option("script_location", str(Path(engine_module.__file__).parent / "migrations"))
        chain = next(r for r in ScriptDirectory.from_config(config).walk_revisions() if "audit_hash_chain" in r.path)
        with engine.begin() as conn:  # the schema just before the chain, whatever its number
            config.attributes["connection"] = conn
            command.upgrade(config, chain.down_revision)
        with engine.begin() as conn:
            for i in range(3):
                conn.execute(text("INSERT INTO audit (at, actor, action, entity, entity_id, after) "
                                  "VALUES (:at, 'old', 'create', 'patient', :i, '{}')"),
                             {"at": f"2026-11-0{i + 1} 10:00:00.000000", "i": str(i)})
    finally:
        engine.dispose()
    with open_store(store_url) as store:
        store.create_patient({"family": "NEW"}, site=None, actor="nurse-1")
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM audit WHERE row_hash IS NULL")).scalar() == 0
            assert verify_chain(conn).rows == 4
        assert check_database(store.engine) == []


@pytest.mark.parametrize("workers", [1, 2])
def test_demo_rows_are_chained(store_url, monkeypatch, workers):
    from parcours.store import demo
    from parcours.store.demo import generate

    monkeypatch.setattr(demo, "CHUNK", 8)  # several chunks, written in turn by the workers
    with open_store(store_url) as store:
        store.create_patient({"family": "BEFORE"}, site=None, actor="nurse-1")
        generate(store, 30, seed=3, workers=workers)
        store.create_patient({"family": "AFTER"}, site=None, actor="nurse-1")
        with store.engine.connect() as conn:
            report = verify_chain(conn)
        assert report.rows > 60 and report.broken_count == 0


def test_postgresql_app_role_cannot_alter_the_audit(pg_url):
    """docs/store.md "PostgreSQL roles": the owner migrates; the app role appends and reads, never alters."""
    owner_url = pg_url
    with open_store(owner_url) as owner:
        database = owner.engine.url.database
        with owner.engine.begin() as conn:
            for statement in (
                "DO $$ BEGIN CREATE ROLE parcours_app LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                f'GRANT CONNECT ON DATABASE "{database}" TO parcours_app',
                "GRANT USAGE ON SCHEMA public TO parcours_app",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO parcours_app",
                "REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM parcours_app",
                "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM parcours_app",
                "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO parcours_app",
            ):
                conn.execute(text(statement))
    app_url = owner_url.replace("postgres@", "parcours_app@", 1)
    with open_store(app_url) as app:
        p = app.create_patient({"family": "DUPONT"}, site=None, actor="nurse-1")
        app.record_access(p.id, actor="nurse-1", purpose="show")
        for statement in ("ALTER TABLE audit DISABLE TRIGGER audit_no_change", "DROP TRIGGER audit_no_change ON audit",
                          "UPDATE audit SET actor = 'x'", "TRUNCATE audit", "DELETE FROM audit"):
            with pytest.raises(DBAPIError) as err, app.engine.begin() as conn:
                conn.execute(text(statement))
            assert "must be owner" in str(err.value) or "permission denied" in str(err.value)
        assert check_database(app.engine) == []
    admin = create_engine(owner_url)
    with admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit")).scalar() == 2
    admin.dispose()


def test_a_site_renamed_by_a_document_is_audited(store):
    doc = screening("2026-11-20")
    doc["organization"] = {"finess": "540000000", "name": "MSP renommée"}
    store.save_document(RecordKind.ICOPE_SCREENING, doc, actor="nurse-3")
    with store.engine.connect() as conn:
        row = conn.execute(
            text("SELECT actor, before, after FROM audit WHERE entity = 'site' AND action = 'update'")).one()
    assert row.actor == "nurse-3" and orjson.loads(row.before) == {"name": "MSP"}
    assert orjson.loads(row.after) == {"name": "MSP renommée"}
    assert check_database(store.engine) == []
