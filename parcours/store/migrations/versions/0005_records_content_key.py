"""Content key of a record: the same document for the same patient is stored once (issue 20).

`records.content_key` is the document hash H (docs/fhir.md §2.3: the sorted-key document without its
identity context), unique with (patient_id, kind): saving a file twice, or re-running an
interrupted `--batch --save`, finds the record already there. Derived records (alerts) and
deleted ones have none. Copies stored before this revision are kept as they are (a migration
never changes clinical data): the oldest gets the key, the later ones none, and `db check`
counts them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column('records', sa.Column('content_key', sa.String(length=64), nullable=True))
    op.execute("UPDATE records SET content_key = document_hash WHERE document_hash IS NOT NULL AND deleted_at IS NULL"
               " AND kind <> 'icope.alert'")  # alerts are derived records
    op.execute(
        "UPDATE records SET content_key = NULL WHERE id IN (SELECT id FROM ("
        "SELECT id, row_number() OVER (PARTITION BY patient_id, kind, content_key ORDER BY id) AS copy "
        "FROM records WHERE content_key IS NOT NULL) AS numbered WHERE copy > 1)"
    )
    op.create_index('uq_records_content', 'records', ['patient_id', 'kind', 'content_key'], unique=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('uq_records_content', table_name='records')
    op.execute("ALTER TABLE records DROP COLUMN content_key")  # SQLite >= 3.35: no table rebuild
