"""The migrations build exactly schema.py, on both databases; the head revision constant is right."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

import parcours.store.engine as engine_module
from parcours.store import open_store
from parcours.store.check import check_database
from parcours.store.schema import metadata


def test_head_revision_constant_matches_alembic():
    config = Config()
    config.set_main_option("script_location", str(Path(engine_module.__file__).parent / "migrations"))
    assert ScriptDirectory.from_config(config).get_current_head() == engine_module.HEAD_REVISION


def test_migrated_database_equals_schema(store_url):
    store = open_store(store_url)
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diff == []
        assert check_database(store.engine) == []
    finally:
        store.close()


def test_a_0001_database_upgrades_on_open_and_keeps_its_data(store_url):
    """0002 drops the unused (kind, date) index of records; the rows stay."""
    from alembic import command
    from sqlalchemy import inspect, text

    from parcours.store.engine import current_revision, make_engine

    engine = make_engine(store_url)
    try:
        config = Config()
        config.set_main_option("script_location", str(Path(engine_module.__file__).parent / "migrations"))
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0001")
        assert current_revision(engine) == "0001"
        with engine.connect() as conn:
            assert "ix_records_kind_date" in {i["name"] for i in inspect(conn).get_indexes("records")}
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO sites (finess, name, kind) VALUES ('540099901', 'MSP', 'msp')"))
    finally:
        engine.dispose()
    with open_store(store_url) as store:
        assert current_revision(store.engine) == engine_module.HEAD_REVISION
        with store.engine.connect() as conn:
            assert "ix_records_kind_date" not in {i["name"] for i in inspect(conn).get_indexes("records")}
            assert conn.execute(text("SELECT name FROM sites")).scalars().all() == ["MSP"]
