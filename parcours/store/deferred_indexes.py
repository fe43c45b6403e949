"""Worklist indexes set aside during a large `parcours demo` load and built once after it (SQLite).

Why: their keys (due dates, screening and alert dates) land all over the year, so each chunk of a
large load rewrote thousands of their pages: at 600,000 patients 40 % of the pages a 5,000-patient
chunk wrote, for ~6 s to build them all by sorting at 785,000 patients (bench/README.md). A load
stopped before the rebuild (a crash, SIGKILL) leaves them missing; `restore_indexes` runs on every
open and builds whatever index of the schema is missing, so worklists are never left slow. Opening
the database while such a load runs builds them then: the data stay right, the load slows down.
"""

from __future__ import annotations

from sqlalchemy import Engine, Index, text
from sqlalchemy.schema import CreateIndex

from parcours.store.schema import metadata

__all__ = ["DEFERRABLE", "drop_deferrable", "restore_indexes"]

#: Secondary indexes with no constraint behind them and spread-out keys (not the unique ones).
DEFERRABLE = (
    "ix_patients_due", "ix_patients_due_all", "ix_patients_step2_pending", "ix_screenings_site_date",
    "ix_alerts_open", "ix_alerts_open_all", "ix_alerts_open_urgent", "ix_alerts_site_date", "ix_stays_awaiting",
    "ix_reconciliations_review30",
)


def _indexes() -> dict[str, Index]:
    return {index.name: index for table in metadata.sorted_tables for index in table.indexes if index.name}


def drop_deferrable(engine: Engine) -> None:
    """Drop the DEFERRABLE indexes (SQLite only; one transaction)."""
    if engine.dialect.name != "sqlite":
        return
    with engine.begin() as conn:
        for name in DEFERRABLE:
            conn.execute(text(f'DROP INDEX IF EXISTS "{name}"'))


def restore_indexes(engine: Engine) -> list[str]:
    """Build every index of the schema that the SQLite database lacks; their names (usually none).

    Each index is built in its own transaction, so a writer waiting for the database waits for one
    index at a time (the longest took ~2 s at 785,000 patients).
    """
    if engine.dialect.name != "sqlite":
        return []
    with engine.connect() as conn:
        present = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'")).scalars())
    missing = {name: index for name, index in _indexes().items() if name not in present}
    for index in missing.values():
        with engine.begin() as conn:
            conn.execute(CreateIndex(index, if_not_exists=True))  # another process may build it first
    return list(missing)
