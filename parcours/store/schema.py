"""The database schema (SQLAlchemy Core), identical on SQLite and PostgreSQL.

Why: every stored record keeps its validated input document and its JSON result (`records`), so
exports and reports re-read the contract's own shapes; narrow side tables hold only the columns
worklists and counts filter on, with partial indexes so that a page stays a short index range
scan at a million patients. Alembic migrations (parcours/store/migrations) create the same tables.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.sql.elements import TextClause

from icope.vocab import DOMAIN_NAMES, SafetyRule

__all__ = [
    "alerts", "assessments", "audit", "daily_counts", "drafts", "drug_imports", "drug_presentations",
    "drug_specialties", "drug_ucd", "metadata", "patients", "professionals",
    "reconciliations", "reconciliation_lines", "records", "screenings", "sites", "stays",
]

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

#: Partial-index predicates. Worklist queries use these same texts (`partial(...)`): SQLite uses a
#: partial index only when the query's WHERE contains the index's WHERE term as written
#: (`flag = 1` or `x != :param` do not match `flag` or `x <> 0`; seen with EXPLAIN QUERY PLAN).
STEP2_PENDING = "step2_pending <> 0"
ALERT_OPEN = '"open"'
#: An open safety alert (docs/icope.md "Safety rules": S1 sorts first in the open-alerts worklist).
ALERT_URGENT = f"rule = '{SafetyRule.S1.value}'"
AWAITING_DISCHARGE = "awaiting_discharge_reconciliation"
AWAITING_REVIEW30 = "awaiting_review30"
DRAFT_LIVE = "discarded_at IS NULL"

Id = BigInteger().with_variant(Integer(), "sqlite")  # SQLite's rowid alias needs INTEGER
Stamp = DateTime(timezone=True)

sites = Table(
    "sites", metadata,
    Column("id", Id, primary_key=True),
    Column("finess", String(9), nullable=False, unique=True),
    Column("name", Text),
    Column("kind", String(16), nullable=False),  # msp | cpts | hospital | ward
    Column("territory", Text),
)

professionals = Table(
    "professionals", metadata,
    Column("id", Id, primary_key=True),
    Column("rpps", String(11), nullable=False, unique=True),
    Column("family", Text),
    Column("given", Text),
    Column("role", String(16)),
)

patients = Table(
    "patients", metadata,
    Column("id", Id, primary_key=True),
    Column("version", Integer, nullable=False),
    Column("identifier_system", Text),
    Column("identifier_value", Text),
    Column("fhir_id", String(36), nullable=False, unique=True),  # docs/fhir.md §2.3 Patient rid
    Column("family", Text),
    Column("family_key", Text, nullable=False),  # upper-cased, accent-free ('' without a name): prefix search
    Column("given", Text),  # JSON array
    # the given names upper-cased, accent-free, space-separated ('' without one): prefix search
    Column("given_key", Text, nullable=False, server_default=text("''")),
    Column("birth_date", Date),
    Column("sex", String(8)),
    Column("site_id", ForeignKey("sites.id")),
    Column("next_step1_due", Date),
    Column("last_screened_on", Date),
    Column("step2_pending", SmallInteger, nullable=False, server_default=text("0")),  # bit i = DOMAINS[i]
    Column("created_at", Stamp, nullable=False),
    Column("updated_at", Stamp, nullable=False),
    Column("deleted_at", Stamp),
    Column("deleted_reason", Text),
    UniqueConstraint("identifier_system", "identifier_value"),
    Index("ix_patients_due", "site_id", "next_step1_due", "id"),
    Index("ix_patients_due_all", "next_step1_due", "id"),
    # given_key last: « NOM Prénom » is checked in the index, before the row is read (docs/store.md)
    Index("ix_patients_family_key", "family_key", "id", "given_key"),
    Index("ix_patients_site", "site_id", "family_key", "id", "given_key"),
    Index("ix_patients_given_key", "given_key", "family_key", "id"),
    Index("ix_patients_birth", "birth_date", "family_key", "id"),
    Index("ix_patients_identifier_value", "identifier_value"),
    Index("ix_patients_updated", "updated_at", "id"),  # export fhir --since (docs/fhir.md)
    Index(
        "ix_patients_step2_pending", "site_id", "last_screened_on", "id",
        sqlite_where=text(STEP2_PENDING), postgresql_where=text(STEP2_PENDING),
    ),
)

records = Table(
    "records", metadata,
    Column("id", Id, primary_key=True),
    Column("version", Integer, nullable=False),
    Column("patient_id", ForeignKey("patients.id"), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("recorded_on", Date, nullable=False),
    Column("site_id", ForeignKey("sites.id")),
    Column("professional_id", ForeignKey("professionals.id")),
    Column("document", Text, nullable=False),  # the validated input document (orjson)
    Column("result", Text),  # the JSON result, as printed by the command
    Column("document_hash", String(64)),  # docs/fhir.md §2.3 H of the current document
    # H again, unique per patient and kind: the same document is stored once (NULL: alerts, deleted)
    Column("content_key", String(64)),
    #: The FHIR key fixed at first save (H then), never changed by a correction: the record's
    #: resource ids (docs/fhir.md "Ids"). NULL for database-only kinds: keyed by kind and store id.
    Column("fhir_key", String(64)),
    Column("actor", Text, nullable=False),
    Column("created_at", Stamp, nullable=False),
    Column("updated_at", Stamp, nullable=False),
    Column("deleted_at", Stamp),
    Column("deleted_reason", Text),
    Index("ix_records_patient", "patient_id", "recorded_on", "id"),  # every records query is per patient
    Index("uq_records_content", "patient_id", "kind", "content_key", unique=True),  # migration 0005
    Index("ix_records_updated", "updated_at", "id"),  # export fhir --since: changed and deleted records
)

screenings = Table(
    "screenings", metadata,
    Column("record_id", ForeignKey("records.id"), primary_key=True),
    Column("patient_id", ForeignKey("patients.id"), nullable=False),
    Column("site_id", ForeignKey("sites.id")),
    Column("screened_on", Date, nullable=False),
    Column("overall", String(10), nullable=False),
    Column("cognition", String(10), nullable=False),
    Column("locomotion", String(10), nullable=False),
    Column("nutrition", String(10), nullable=False),
    Column("vision", String(10), nullable=False),
    Column("hearing", String(10), nullable=False),
    Column("psychology", String(10), nullable=False),
    Column("next_step1_due", Date, nullable=False),
    Column("live", Boolean, nullable=False, server_default=text("true")),
    Column("positive_mask", SmallInteger, nullable=False),  # bit i = DOMAINS[i] positive
    Index("ix_screenings_site_date", "site_id", "screened_on"),
    Index("ix_screenings_patient", "patient_id", "screened_on"),
)

assessments = Table(
    "assessments", metadata,
    Column("record_id", ForeignKey("records.id"), primary_key=True),
    Column("patient_id", ForeignKey("patients.id"), nullable=False),
    Column("instrument", String(16), nullable=False),
    Column("domain", String(12), nullable=False),
    Column("assessed_on", Date, nullable=False),
    Column("score", Text),
    Column("abnormal", Boolean),
    Index("ix_assessments_patient", "patient_id", "assessed_on"),
)

alerts = Table(
    "alerts", metadata,
    Column("record_id", ForeignKey("records.id"), primary_key=True),
    Column("patient_id", ForeignKey("patients.id"), nullable=False),
    Column("site_id", ForeignKey("sites.id")),
    Column("screening_id", ForeignKey("records.id"), nullable=False),
    Column("rule", String(4), nullable=False),
    Column("domain", String(12), nullable=False),
    Column("raised_on", Date, nullable=False),
    Column("status", String(10), nullable=False),  # new | confirmed | closed | refuted
    Column("open", Boolean, nullable=False),
    Index(
        "ix_alerts_open", "site_id", "raised_on", "record_id",
        sqlite_where=text(ALERT_OPEN), postgresql_where=text(ALERT_OPEN),
    ),
    Index("ix_alerts_open_all", "raised_on", "record_id", sqlite_where=text(ALERT_OPEN),
          postgresql_where=text(ALERT_OPEN)),
    Index("ix_alerts_open_urgent", "raised_on", "record_id", sqlite_where=text(f"{ALERT_OPEN} AND {ALERT_URGENT}"),
          postgresql_where=text(f"{ALERT_OPEN} AND {ALERT_URGENT}")),
    Index("ix_alerts_site_date", "site_id", "raised_on"),
)

stays = Table(
    "stays", metadata,
    Column("record_id", ForeignKey("records.id"), primary_key=True),
    Column("patient_id", ForeignKey("patients.id"), nullable=False),
    Column("site_id", ForeignKey("sites.id")),
    Column("stay", Text),
    Column("admission_date", Date, nullable=False),
    Column("discharge_date", Date),
    Column("awaiting_discharge_reconciliation", Boolean, nullable=False),
    Index(
        "ix_stays_awaiting", "site_id", "discharge_date", "record_id",
        sqlite_where=text(AWAITING_DISCHARGE), postgresql_where=text(AWAITING_DISCHARGE),
    ),
    Index("ix_stays_patient", "patient_id", "admission_date"),
)

reconciliations = Table(
    "reconciliations", metadata,
    Column("record_id", ForeignKey("records.id"), primary_key=True),
    Column("patient_id", ForeignKey("patients.id"), nullable=False),
    Column("site_id", ForeignKey("sites.id")),
    Column("moment", String(10), nullable=False),
    Column("reconciled_on", Date, nullable=False),
    Column("unintentional", Integer, nullable=False),
    Column("review30_due", Date),
    Column("awaiting_review30", Boolean, nullable=False),
    Index(
        "ix_reconciliations_review30", "site_id", "review30_due", "record_id",
        sqlite_where=text(AWAITING_REVIEW30), postgresql_where=text(AWAITING_REVIEW30),
    ),
    Index("ix_reconciliations_patient", "patient_id", "reconciled_on"),
)

reconciliation_lines = Table(
    "reconciliation_lines", metadata,
    Column("record_id", ForeignKey("records.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("bm_id", Text),
    Column("order_id", Text),
    Column("status", String(24)),
    Column("discrepancy", String(24)),
)

drafts = Table(
    "drafts", metadata,
    Column("id", Id, primary_key=True),
    Column("version", Integer, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("patient_id", ForeignKey("patients.id")),
    Column("data", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("created_at", Stamp, nullable=False),
    Column("updated_at", Stamp, nullable=False),
    Column("discarded_at", Stamp),
    Index("ix_drafts_live", "kind", "updated_at", sqlite_where=text(DRAFT_LIVE), postgresql_where=text(DRAFT_LIVE)),
)

#: Per site and day: what population counts add up (parcours/store/counts.py keeps it in step with
#: every write). site_id 0 = no site. A year of a site is at most 366 rows, whatever the population.
daily_counts = Table(
    "daily_counts", metadata,
    Column("site_id", Id, primary_key=True),
    Column("day", Date, primary_key=True),
    Column("screened", Integer, nullable=False),
    *(Column(f"positive_{name}", Integer, nullable=False) for name in DOMAIN_NAMES),
    Column("due", Integer, nullable=False),  # patients whose next step-1 screening is due that day
    Column("open_alerts", Integer, nullable=False),  # alerts raised that day, still open
)

#: Append-only (triggers refuse UPDATE and DELETE; migration 0001): who, when, what, before/after;
#: `row_hash` chains each row to the one before it (parcours.store.audit_chain, migration 0004).
audit = Table(
    "audit", metadata,
    Column("id", Id, primary_key=True),
    Column("at", Stamp, nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", String(8), nullable=False),  # create | update | delete | read
    Column("entity", String(24), nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("before", Text),
    Column("after", Text),
    Column("row_hash", String(64)),
    Index("ix_audit_entity", "entity", "entity_id"),
)


#: The drug database loaded from the BDPM (`parcours drugs import`, parcours/store/drugs.py; migration 0006).
#: `name_key` is the folded name (medisis.bdpm_fields.name_key): a prefix search is a range scan of its
#: index; on PostgreSQL it compares bytes (collation "C") so that the range is the prefix whatever the locale.
NameKey = Text().with_variant(Text(collation="C"), "postgresql")

drug_specialties = Table(
    "drug_specialties", metadata,
    Column("cis", String(8), primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_key", NameKey, nullable=False),
    Column("form", Text),
    Column("routes", Text),  # the BDPM routes, `;`-separated, as written
    Column("route", String(16)),  # medisis.vocab.Route when the BDPM names one known route
    Column("atc", String(7)),
    Column("dose_value", Float),
    Column("dose_unit", String(12)),  # medisis.vocab.DoseUnit
    Column("marketed", Boolean, nullable=False),
    Index("ix_drug_specialties_name_key", "name_key", "cis"),
)

drug_presentations = Table(
    "drug_presentations", metadata,
    Column("cip13", String(13), primary_key=True),
    Column("cis", ForeignKey("drug_specialties.cis"), nullable=False),
    Column("cip7", String(7)),
    Column("label", Text),
    Index("ix_drug_presentations_cis", "cis"),
)

#: The UCD correspondence loaded with the BDPM (`drugs import --ucd FILE`, docs/medisis.md §7.3; migration 0009):
#: which specialty a UCD13 (hospital dispensing unit) is; a UCD7 is looked up as its UCD13.
drug_ucd = Table(
    "drug_ucd", metadata,
    Column("ucd13", String(13), primary_key=True),
    Column("cis", ForeignKey("drug_specialties.cis"), primary_key=True),
)

#: One row per import (the last one is the database in use): when, from which files, what was skipped.
drug_imports = Table(
    "drug_imports", metadata,
    Column("id", Id, primary_key=True),
    Column("imported_at", Stamp, nullable=False),
    Column("actor", Text, nullable=False),
    Column("specialties", Integer, nullable=False),
    Column("presentations", Integer, nullable=False),
    Column("files", Text, nullable=False),  # JSON: {file: {"encoding": …, "skipped": n}}
)


def partial(table: Table, predicate: str) -> TextClause:
    """A worklist condition written exactly as its partial index's WHERE (see STEP2_PENDING)."""
    return text(f"{table.name}.{predicate}")
