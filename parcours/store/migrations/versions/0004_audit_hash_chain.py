"""Chain the audit trail: a `row_hash` per row, sha256 over its content and the previous row's hash.

Existing rows get their hashes here, in id order (parcours.store.audit_chain.backfill); the
append-only guard is lifted for that one UPDATE inside this migration's transaction and put back
as it was. Issue 20: a rewritten audit row must be visible to `parcours db check`.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | Sequence[str] | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE_NO_UPDATE = ("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
                     "BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END")


def upgrade() -> None:
    """Upgrade schema."""
    from parcours.store.audit_chain import backfill

    op.add_column('audit', sa.Column('row_hash', sa.String(length=64), nullable=True))
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER audit_no_update")
        backfill(bind)
        op.execute(_SQLITE_NO_UPDATE)
    else:
        op.execute("ALTER TABLE audit DISABLE TRIGGER audit_no_change")
        backfill(bind)
        op.execute("ALTER TABLE audit ENABLE TRIGGER audit_no_change")


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("ALTER TABLE audit DROP COLUMN row_hash")
