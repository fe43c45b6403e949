"""The drug database loaded from the BDPM: specialties (indexed folded name), presentations, imports.

`parcours drugs import DIR` fills them (parcours/store/drugs.py); the TUI's drug lookup reads them
(issue 17). name_key compares bytes on PostgreSQL (collation "C") so a prefix is an index range.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('drug_specialties',
    sa.Column('cis', sa.String(length=8), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_key', sa.Text().with_variant(sa.Text(collation='C'), 'postgresql'), nullable=False),
    sa.Column('form', sa.Text(), nullable=True),
    sa.Column('routes', sa.Text(), nullable=True),
    sa.Column('route', sa.String(length=16), nullable=True),
    sa.Column('atc', sa.String(length=7), nullable=True),
    sa.Column('dose_value', sa.Float(), nullable=True),
    sa.Column('dose_unit', sa.String(length=12), nullable=True),
    sa.Column('marketed', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('cis', name=op.f('pk_drug_specialties'))
    )
    op.create_index('ix_drug_specialties_name_key', 'drug_specialties', ['name_key', 'cis'], unique=False)
    op.create_table('drug_presentations',
    sa.Column('cip13', sa.String(length=13), nullable=False),
    sa.Column('cis', sa.String(length=8), nullable=False),
    sa.Column('cip7', sa.String(length=7), nullable=True),
    sa.Column('label', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['cis'], ['drug_specialties.cis'],
                            name=op.f('fk_drug_presentations_cis_drug_specialties')),
    sa.PrimaryKeyConstraint('cip13', name=op.f('pk_drug_presentations'))
    )
    op.create_index('ix_drug_presentations_cis', 'drug_presentations', ['cis'], unique=False)
    op.create_table('drug_imports',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.Text(), nullable=False),
    sa.Column('specialties', sa.Integer(), nullable=False),
    sa.Column('presentations', sa.Integer(), nullable=False),
    sa.Column('files', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drug_imports'))
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('drug_imports')
    op.drop_index('ix_drug_presentations_cis', table_name='drug_presentations')
    op.drop_table('drug_presentations')
    op.drop_index('ix_drug_specialties_name_key', table_name='drug_specialties')
    op.drop_table('drug_specialties')
