"""Add records.fhir_key (the FHIR key fixed at first save) and the "changed since" indexes.

Why (issue 16, docs/fhir.md "Ids" and "Incremental export"): a record's FHIR ids came from its
content, so a correction made new resources; the key is now stored once, from the same derivation
(the document hash), so existing exports keep their ids and corrections keep them too. Patients
with a non-INS identifier get the Patient id of that identifier (both load paths agree).
`export fhir --since` reads records and patients by `updated_at` (a delete bumps it too).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | Sequence[str] | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INS = ('urn:oid:1.2.250.1.213.1.4.8', 'urn:oid:1.2.250.1.213.1.4.9', 'urn:oid:1.2.250.1.213.1.4.10',
        'urn:oid:1.2.250.1.213.1.4.11')


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column('records', sa.Column('fhir_key', sa.String(length=64), nullable=True))  # in place, no rebuild
    op.create_index('ix_records_updated', 'records', ['updated_at', 'id'], unique=False)
    op.create_index('ix_patients_updated', 'patients', ['updated_at', 'id'], unique=False)
    op.execute("UPDATE records SET fhir_key = document_hash WHERE fhir_key IS NULL")
    from parcours.core.ids import rid  # the one derivation (docs/fhir.md §2.3), as the store uses it

    conn = op.get_bind()
    patients = sa.table('patients', sa.column('id'), sa.column('identifier_system'),
                        sa.column('identifier_value'), sa.column('fhir_id'))
    rows = conn.execute(sa.select(patients.c.id, patients.c.identifier_system, patients.c.identifier_value)
                        .where(patients.c.identifier_system.is_not(None),
                               patients.c.identifier_system.not_in(_INS))).all()
    for row in rows:
        conn.execute(sa.update(patients).where(patients.c.id == row.id).values(
            fhir_id=rid('Patient', f'{row.identifier_system}|{row.identifier_value}')))


def downgrade() -> None:
    """Downgrade schema (Patient ids of non-INS identifiers stay those of the new derivation)."""
    op.drop_index('ix_patients_updated', table_name='patients')
    op.drop_index('ix_records_updated', table_name='records')
    op.execute("ALTER TABLE records DROP COLUMN fhir_key")  # SQLite >= 3.35: no table rebuild
