"""Add drug_ucd: the UCD ↔ specialty correspondence loaded with the BDPM (`drugs import --ucd FILE`).

Why (issue 17, docs/medisis.md §7.3): the BDPM carries no UCD, so a pharmacist's UCD13 found nothing;
the correspondence comes from outside the BDPM and is kept beside it. A new table: nothing is rebuilt.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | Sequence[str] | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('drug_ucd',
    sa.Column('ucd13', sa.String(length=13), nullable=False),
    sa.Column('cis', sa.String(length=8), nullable=False),
    sa.ForeignKeyConstraint(['cis'], ['drug_specialties.cis'], name=op.f('fk_drug_ucd_cis_drug_specialties')),
    sa.PrimaryKeyConstraint('ucd13', 'cis', name=op.f('pk_drug_ucd'))
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('drug_ucd')
