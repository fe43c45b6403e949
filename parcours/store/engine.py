"""Open a database: the engine, SQLite's pragmas, the schema migrated to head.

Why: one function gives every caller (CLI, TUI, tests, benchmarks) the same safe settings —
WAL, foreign keys and a busy timeout on SQLite, the file private to its user — and the same
schema, migrated on open so a new release never meets an old database.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from parcours.store.errors import DatabaseError
from parcours.store.settings import create_private_file

__all__ = ["HEAD_REVISION", "current_revision", "make_engine", "upgrade"]

#: The newest migration (parcours/store/migrations/versions); a test checks Alembic agrees.
HEAD_REVISION = "0004"
BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 65_536  # SQLite page cache per connection (64 MiB)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API connection
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # FULL: a committed save survives a power cut too (NORMAL in WAL mode may lose the last ones)
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")  # a territory's indexes: the 2 MiB default thrashes
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for `url`; an SQLite file is created 0600 and switched to WAL."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            create_private_file(Path(database))
            engine = create_engine(url)
        else:  # in-memory: one shared connection, or each checkout would see an empty database
            engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        return engine
    return create_engine(url, pool_pre_ping=True)


def current_revision(engine: Engine) -> str | None:
    """The schema revision recorded in `alembic_version`, None for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> str:
    """Migrate to head with Alembic (imported only when the database is behind); the new revision."""
    try:
        revision = current_revision(engine)
        if revision == HEAD_REVISION:
            return revision
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
        return current_revision(engine) or ""
    except SQLAlchemyError as exc:
        raise DatabaseError(reason=str(exc.orig if getattr(exc, "orig", None) else exc)) from exc


def ping(engine: Engine) -> None:
    """Fail early with a DatabaseError if the server cannot be reached."""
    try:
        with engine.connect() as conn:
            conn.execute(select(1))
    except SQLAlchemyError as exc:
        raise DatabaseError(reason=str(exc.orig if getattr(exc, "orig", None) else exc)) from exc
