"""Add ix_alerts_open_urgent: open S1 safety alerts, listed first in the open-alerts worklist.

Why (docs/icope.md "Safety rules", issue 15): a PHQ-9 with item 9 > 0 raises an S1 alert that the
worklist shows before every decline alert; this partial index keeps that first page an index
range scan whatever the number of open decline alerts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_WHERE = '"open" AND rule = \'S1\''


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.create_index('ix_alerts_open_urgent', ['raised_on', 'record_id'], unique=False,
                              sqlite_where=sa.text(_WHERE), postgresql_where=sa.text(_WHERE))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.drop_index('ix_alerts_open_urgent', sqlite_where=sa.text(_WHERE), postgresql_where=sa.text(_WHERE))
