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
