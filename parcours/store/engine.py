"""Open a database: the engine, SQLite's pragmas, the schema migrated to head.

Why: one function gives every caller (CLI, TUI, tests, benchmarks) the same safe settings —
WAL, foreign keys and a busy timeout on SQLite, the file private to its user — and the same
schema, migrated on open so a new release never meets an old database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from parcours.store.errors import DatabaseError
from parcours.store.settings import create_private_file

__all__ = ["HEAD_REVISION", "current_revision", "driver_connection", "make_engine", "upgrade", "writer"]

#: The newest migration (parcours/store/migrations/versions); a test checks Alembic agrees.
HEAD_REVISION = "0009"
#: Execution option of a connection that will write: SQLite begins it IMMEDIATE (see `_begin`).
WRITE_OPTION = "parcours_write"
BULK_OPTION = "parcours_bulk"
MIGRATION_LOCK = 0x70617263  # PostgreSQL advisory lock key held while migrating ("parc")
BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 65_536  # SQLite page cache per connection (64 MiB)


def driver_connection(conn: Connection) -> Any:
    """The driver's own connection under `conn` (sqlite3 or psycopg), for what SQLAlchemy cannot say.

    Why a function: SQLAlchemy types it optional (None once the pool invalidated it), which a
    connection in use never is.
    """
    raw = conn.connection.driver_connection
    if raw is None:
        raise DatabaseError(reason="the database connection was invalidated")
    return raw


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API connection
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # FULL: a committed save survives a power cut too (NORMAL in WAL mode may lose the last ones)
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")  # a territory's indexes: the 2 MiB default thrashes
    cursor.execute("PRAGMA journal_mode=WAL")  # persistent; here, before any transaction can be open
    cursor.close()
    # The driver then leaves transactions to `_begin`: left to itself, pysqlite begins one only
    # before INSERT/UPDATE/DELETE, so DDL ran in autocommit and a killed migration left half a
    # schema (issue 20: `table audit already exists`).
    dbapi_connection.isolation_level = None


def _begin(conn) -> None:  # noqa: ANN001 - a Connection
    """Every SQLAlchemy transaction is a real SQLite one, DDL included; writers begin IMMEDIATE.

    Why IMMEDIATE: a writer then holds the write lock from its first read, so what it read is
    still true when it writes (a deferred one fails with "database is locked" if another writer
    committed in between, whatever the busy timeout).
    """
    options = conn.get_execution_options()
    if options.get(BULK_OPTION):  # cannot change inside a transaction (parcours.store.bulk says why)
        conn.exec_driver_sql("PRAGMA temp_store=MEMORY")
    conn.exec_driver_sql(f"BEGIN {'IMMEDIATE' if options.get(WRITE_OPTION) else 'DEFERRED'}")


def writer(engine: Engine, *, bulk: bool = False) -> Engine:
    """The same engine, its transactions marked as writes (`with writer(engine).begin() as conn`).

    `bulk`: SQLite keeps the statement journal of multi-row INSERTs in memory (parcours.store.bulk).
    """
    return engine.execution_options(**{WRITE_OPTION: True, BULK_OPTION: bulk})


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
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def current_revision(engine: Engine) -> str | None:
    """The schema revision recorded in `alembic_version`, None for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, target: str = "head") -> str:
    """Migrate to head with Alembic (imported only when the database is behind); the new revision.

    Every pending migration and the revision stamp run in ONE transaction (SQLite has
    transactional DDL once `_begin` opens the transaction): a process killed at any step leaves
    the database as it was. A database left half-migrated by an earlier release is repaired
    first (parcours.store.repair). Two processes opening a new database at once: the second
    waits (SQLite write lock; PostgreSQL advisory lock) and then finds it migrated.
    """
    try:
        revision = current_revision(engine)
        if revision == HEAD_REVISION and target == "head":
            return revision
        from alembic import command
        from alembic.config import Config

        from parcours.store.repair import repair_half_migrated

        config = Config()
        config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        with writer(engine).begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            repair_half_migrated(conn)
            config.attributes["connection"] = conn
            command.upgrade(config, target)
        return current_revision(engine) or ""
    except SQLAlchemyError as exc:
        raise DatabaseError(reason=str(getattr(exc, "orig", None) or exc)) from exc  # a DBAPIError's driver error


def ping(engine: Engine) -> None:
    """Fail early with a DatabaseError if the server cannot be reached."""
    try:
        with engine.connect() as conn:
            conn.execute(select(1))
    except SQLAlchemyError as exc:
        raise DatabaseError(reason=str(getattr(exc, "orig", None) or exc)) from exc  # a DBAPIError's driver error
