"""Drop ix_records_kind_date: no query reads it, and every save paid for it.

Every query on records filters on one patient (ix_records_patient). At a million patients the
(kind, date) index took 165 bytes per patient and, with insertion points spread over every day,
16 % of the pages a `parcours demo` chunk writes (bench/README.md).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""
from typing import Sequence, Union

from alembic import op

revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema (idempotent: a kill before issue 20 could drop the index without the stamp)."""
    op.drop_index('ix_records_kind_date', table_name='records', if_exists=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.create_index('ix_records_kind_date', 'records', ['kind', 'recorded_on'], unique=False)
