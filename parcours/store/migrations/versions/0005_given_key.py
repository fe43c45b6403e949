"""Patient search by first name, « NOM Prénom », birth date and INS, each an indexed range scan.

Adds patients.given_key (the given names upper-cased without accents, filled for existing rows),
indexes (given_key, family_key, id), (birth_date, family_key, id) and identifier_value, and
carries given_key at the end of the two family-name indexes so « NOM Prénom » is checked in the
index (issue 17, docs/store.md "Patient search").

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""
from typing import Sequence, Union
import unicodedata

from alembic import op
import orjson
import sqlalchemy as sa

revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _key(given: str | None) -> str:
    """As parcours.store.patients.given_key (a migration keeps its own copy: the code may change)."""
    if not given:
        return ""
    text = " ".join(orjson.loads(given))
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper().strip()


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('patients', schema=None) as batch_op:
        batch_op.add_column(sa.Column('given_key', sa.Text(), server_default=sa.text("''"), nullable=False))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, given FROM patients WHERE given IS NOT NULL")).all()
    if rows:
        conn.execute(sa.text("UPDATE patients SET given_key = :key WHERE id = :id"),
                     [{"id": r.id, "key": _key(r.given)} for r in rows])
    with op.batch_alter_table('patients', schema=None) as batch_op:
        batch_op.drop_index('ix_patients_family_key')
        batch_op.drop_index('ix_patients_site')
        batch_op.create_index('ix_patients_family_key', ['family_key', 'id', 'given_key'], unique=False)
        batch_op.create_index('ix_patients_site', ['site_id', 'family_key', 'id', 'given_key'], unique=False)
        batch_op.create_index('ix_patients_given_key', ['given_key', 'family_key', 'id'], unique=False)
        batch_op.create_index('ix_patients_birth', ['birth_date', 'family_key', 'id'], unique=False)
        batch_op.create_index('ix_patients_identifier_value', ['identifier_value'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('patients', schema=None) as batch_op:
        batch_op.drop_index('ix_patients_identifier_value')
        batch_op.drop_index('ix_patients_birth')
        batch_op.drop_index('ix_patients_given_key')
        batch_op.drop_index('ix_patients_site')
        batch_op.drop_index('ix_patients_family_key')
        batch_op.create_index('ix_patients_site', ['site_id', 'family_key', 'id'], unique=False)
        batch_op.create_index('ix_patients_family_key', ['family_key', 'id'], unique=False)
        batch_op.drop_column('given_key')
