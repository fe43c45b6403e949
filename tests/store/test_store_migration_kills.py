"""A process killed (SIGKILL) at every step of the migrations: the next open works, data intact.

Why (issue 20): before, pysqlite ran DDL outside any transaction, and a kill during the first open
or `db upgrade` left databases that could never be opened again. Each child process below runs
the migrations and kills itself just before its N-th SQL statement, for every N until a run
completes; the parent then opens the database as a user would.
"""

from __future__ import annotations

import itertools
import os
import signal
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text

from parcours.store import open_store
from parcours.store.check import check_database
from parcours.store.engine import HEAD_REVISION, current_revision, make_engine, upgrade

KILLED, COMPLETED = "killed", "completed"
_TABLES = ("patients", "records", "screenings", "alerts", "assessments", "stays", "reconciliations",
           "reconciliation_lines", "daily_counts", "audit", "sites")


def _run_killed_at(step: int, migrate: Callable[[], None], engine_factory: Callable[[], object]) -> str:
    """Fork a child that migrates and SIGKILLs itself before its `step`-th statement."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            engine = engine_factory()
            counter = itertools.count(1)

            def kill(*_: object) -> None:
                if next(counter) == step:
                    os.kill(os.getpid(), signal.SIGKILL)

            event.listen(engine, "before_cursor_execute", kill)
            migrate(engine)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return KILLED if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL else COMPLETED


def _kill_everywhere(
    path, prepare: Callable[[str], None], migrate, engine_factory, after: Callable[[str], None]
) -> int:
    """Kill at step 1, 2, … until a run completes; `after(url)` checks each killed database; the kills."""
    for kills, step in enumerate(itertools.count(1)):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(f"{path}{suffix}"):
                os.remove(f"{path}{suffix}")
        url = f"sqlite:///{path}"
        prepare(url)
        outcome = _run_killed_at(step, migrate, partial(engine_factory, url))
        if outcome == COMPLETED:
            return kills
        after(url)
    raise AssertionError("unreachable")


def _opens_sound(url: str, problems: list | None = None) -> None:
    with open_store(url) as store:
        assert current_revision(store.engine) == HEAD_REVISION
        assert check_database(store.engine) == (problems or [])


def _nothing(url: str) -> None:
    return None


def test_killed_first_open_never_leaves_an_unopenable_database(tmp_path):
    kills = _kill_everywhere(tmp_path / "p.db", _nothing, upgrade, make_engine, _opens_sound)
    assert kills > 40  # every table, index, trigger and stamp of 0001-0005 was a kill point


def test_databases_left_half_migrated_by_the_old_release_are_repaired(tmp_path):
    """A plain engine migrates as the release before issue 20 did (DDL in autocommit)."""
    kills = _kill_everywhere(tmp_path / "p.db", _nothing, upgrade, create_engine, _opens_sound)
    assert kills > 40


def _at_0001(url: str) -> None:
    engine = make_engine(url)
    upgrade(engine, "0001")
    engine.dispose()


def test_a_0001_database_killed_mid_upgrade_by_the_old_release_is_repaired(tmp_path):
    """The state seen in issue 20: index 0002 drops gone, revision still 0001 (`no such index`)."""
    kills = _kill_everywhere(tmp_path / "p.db", _at_0001, upgrade, create_engine, _opens_sound)
    assert kills >= 2


#: Columns the migrations after 0004 add (filled by them): left out of a before/after comparison.
_ADDED_AFTER_0004 = frozenset({"content_key", "given_key", "fhir_key"})


def _snapshot(url: str) -> dict[str, list[tuple]]:
    engine = make_engine(url)
    with engine.connect() as conn:
        found = {}
        for table in _TABLES:
            keys = conn.execute(text(f"SELECT * FROM {table} LIMIT 0")).keys()
            columns = [c for c in keys if c not in _ADDED_AFTER_0004]
            names = ", ".join(f'"{c}"' for c in columns)
            found[table] = [tuple(r) for r in conn.execute(text(f"SELECT {names} FROM {table} ORDER BY 1, 2"))]
    engine.dispose()
    return found


def _downgrade(conn, target: str) -> None:
    """Alembic downgrade to `target` on `conn` (the migrations folder of parcours.store)."""
    from alembic import command
    from alembic.config import Config

    import parcours.store.engine as engine_module

    config = Config()
    config.set_main_option("script_location", str(Path(engine_module.__file__).parent / "migrations"))
    config.attributes["connection"] = conn
    command.downgrade(config, target)


@pytest.fixture(scope="module")
def data_at_0004(tmp_path_factory):
    """A database at revision 0004 holding demo patients and one document stored twice (the old bug)."""
    from parcours.store.demo import generate

    path = tmp_path_factory.mktemp("data") / "seed.db"
    with open_store(f"sqlite:///{path}") as store:
        generate(store, 40, seed=4, workers=1)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # a downgrade may rebuild a table (batch mode)
        conn.commit()
        with conn.begin():
            _downgrade(conn, "0004")  # the later migrations' own downgrades (content key, drugs, …)
            conn.execute(text(  # the same screening stored twice, as before content keys
                "INSERT INTO records (version, patient_id, kind, recorded_on, site_id, document, result, "
                "document_hash, actor, created_at, updated_at) SELECT version, patient_id, kind, recorded_on, "
                "site_id, document, result, document_hash, actor, created_at, updated_at "
                "FROM records WHERE kind = 'icope.screening' "
                "ORDER BY id LIMIT 1"))
    engine.dispose()
    return path.read_bytes(), _snapshot(f"sqlite:///{path}")


def test_killed_upgrade_keeps_every_row(tmp_path, data_at_0004):
    content, before = data_at_0004

    def prepare(url: str) -> None:
        (tmp_path / "p.db").write_bytes(content)

    def intact(url: str) -> None:
        assert _snapshot(url) == before  # as it was, killed before the commit
        _opens_sound(url, [("duplicates", {"count": 1})])  # the old copy is kept, and reported
        assert _snapshot(url) == before  # migrated on open: the same rows
        engine = make_engine(url)
        with engine.connect() as conn:
            keyed = conn.execute(text("SELECT count(*) FROM records WHERE content_key IS NOT NULL")).scalar()
            hashed = conn.execute(text("SELECT count(*) FROM records WHERE document_hash IS NOT NULL")).scalar()
        engine.dispose()
        assert keyed == hashed - 1  # every record but the copy (alerts carry no hash: saved so, demo too)
        assert keyed_alerts(url) == 0  # derived records: no content key

    kills = _kill_everywhere(tmp_path / "p.db", prepare, upgrade, make_engine, intact)
    assert kills >= 4


def keyed_alerts(url: str) -> int:
    """Alerts with a content key (none: they are derived records)."""
    engine = make_engine(url)
    with engine.connect() as conn:
        found = conn.execute(text("SELECT count(*) FROM records WHERE kind = 'icope.alert' "
                                  "AND content_key IS NOT NULL")).scalar()
    engine.dispose()
    return found
