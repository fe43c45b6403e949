"""Patient search by first name, « NOM Prénom », birth date and INS, each an indexed range scan.

Adds patients.given_key (the given names upper-cased without accents, filled for existing rows),
indexes (given_key, family_key, id), (birth_date, family_key, id) and identifier_value, and
carries given_key at the end of the two family-name indexes so « NOM Prénom » is checked in the
index (issue 17, docs/store.md "Patient search").

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""
from typing import Sequence, Union
import unicodedata

from alembic import op
import orjson
import sqlalchemy as sa

revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
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
    """Upgrade schema: no table rebuild (a rebuild of `patients` fails its foreign keys inside the
    one migration transaction on SQLite); ADD COLUMN and index changes work in place."""
    op.add_column('patients', sa.Column('given_key', sa.Text(), server_default=sa.text("''"), nullable=False))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, given FROM patients WHERE given IS NOT NULL")).all()
    if rows:
        conn.execute(sa.text("UPDATE patients SET given_key = :key WHERE id = :id"),
                     [{"id": r.id, "key": _key(r.given)} for r in rows])
    op.drop_index('ix_patients_family_key', table_name='patients')
    op.drop_index('ix_patients_site', table_name='patients')
    op.create_index('ix_patients_family_key', 'patients', ['family_key', 'id', 'given_key'], unique=False)
    op.create_index('ix_patients_site', 'patients', ['site_id', 'family_key', 'id', 'given_key'], unique=False)
    op.create_index('ix_patients_given_key', 'patients', ['given_key', 'family_key', 'id'], unique=False)
    op.create_index('ix_patients_birth', 'patients', ['birth_date', 'family_key', 'id'], unique=False)
    op.create_index('ix_patients_identifier_value', 'patients', ['identifier_value'], unique=False)


def downgrade() -> None:
    """Downgrade schema (indexes first: they name the column)."""
    for name in ('ix_patients_identifier_value', 'ix_patients_birth', 'ix_patients_given_key', 'ix_patients_site',
                 'ix_patients_family_key'):
        op.drop_index(name, table_name='patients')
    op.create_index('ix_patients_site', 'patients', ['site_id', 'family_key', 'id'], unique=False)
    op.create_index('ix_patients_family_key', 'patients', ['family_key', 'id'], unique=False)
    op.execute("ALTER TABLE patients DROP COLUMN given_key")  # SQLite >= 3.35: no table rebuild
