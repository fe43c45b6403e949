"""What the store hands to the database exports (FHIR bulk, PDF history): a patient's documents.

Why: the store keeps every record as the validated input document of its contract (docs/interchange.md)
plus the JSON result it produced; exporters read these plain shapes, never SQL rows, so that
`fhir_export/` and `reports/` do not depend on SQLAlchemy and map stored and stateless input alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

__all__ = ["DeletedRecords", "PatientRecords", "RecordKind", "StoredDocument"]


class RecordKind(StrEnum):
    """Kinds of stored records and the shape of their `document` / `result`.

    - ICOPE_SCREENING: a step-1 input (docs/interchange.md §1, with its §5.2 context objects); result §1.
    - ICOPE_ASSESSMENT: a step-2 input (§2) with its context; result §2.
    - ICOPE_CARE_PLAN: `{"date", "screening": <record_id> | None, "status": "active"|"completed",
      "goals": [str], "interventions": [{"domain", "type", "assignee_role", "due"}],
      "review_date": date | None, "gp_agreement", "motivational_interview", "rci"}` (docs/icope.md §3.3); result None.
    - ICOPE_ALERT: `{"rule", "domain", "date", "status": "new"|"confirmed"|"closed"|"refuted",
      "screening": <record_id of the newer screening>, "previous": <record_id>}` (§3); result None.
    - MEDISIS_STAY: `{"stay", "admission_date", "discharge_date" | None, "status",
      "organization": {finess, name} | None}`.
    - MEDISIS_RECONCILIATION / MEDISIS_RISK / MEDISIS_REVIEW: §4.1 / §4.2 / §4.3 input and result.
    - MEDISIS_INTERVENTION: `medisis.interventions.InterventionRecord` as JSON; result None.
    - MEDISIS_CONSULTATION30: `medisis.consultation30.ConsultationRecord` as JSON plus
      `"reconciliation": <record_id>`; result None.
    Dates inside documents are ISO strings, as in the contract.
    """

    ICOPE_SCREENING = "icope.screening"
    ICOPE_ASSESSMENT = "icope.assessment"
    ICOPE_CARE_PLAN = "icope.care_plan"
    ICOPE_ALERT = "icope.alert"
    MEDISIS_STAY = "medisis.stay"
    MEDISIS_RECONCILIATION = "medisis.reconciliation"
    MEDISIS_RISK = "medisis.risk"
    MEDISIS_REVIEW = "medisis.review"
    MEDISIS_INTERVENTION = "medisis.intervention"
    MEDISIS_CONSULTATION30 = "medisis.consultation30"


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """One stored record: its kind, stable store id, clinical date, input document and result.

    `key`: the FHIR key fixed at its first save (None: keyed by kind and store id); `version` and
    `updated_at` (UTC) give `meta.versionId` / `meta.lastUpdated`; `site` (`{finess, name}`) and
    `professional` (`{rpps, family, given, role}`) are the store's, for records whose document
    names none (docs/fhir.md "Who and where").
    """

    kind: RecordKind
    record_id: str
    recorded_on: date
    document: dict[str, Any]
    result: dict[str, Any] | None = None
    key: str | None = None
    version: int = 1
    updated_at: datetime | None = None
    site: dict[str, Any] | None = None
    professional: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class PatientRecords:
    """A patient (store id and §5.2 `patient` context object) with their records, oldest first."""

    patient_id: str
    patient: dict[str, Any]
    documents: tuple[StoredDocument, ...]
    version: int = 1
    updated_at: datetime | None = None
    #: with `export fhir --since`: whether every record of `documents` is sent (the patient changed)
    #: or only the changed ones (those with `updated_at` at or after the instant, and what they need)
    changed_only: datetime | None = None


@dataclass(frozen=True, slots=True)
class DeletedRecords:
    """What an incremental export must DELETE for one patient: deleted records, or the whole patient.

    `records` are the records deleted since the instant (their documents give their resource ids);
    `live` the patient's live records (links resolve through them); `patient_deleted`: the patient
    itself was deleted, so its Patient resource and `live` records go too.
    """

    patient_id: str
    patient: dict[str, Any]
    records: tuple[StoredDocument, ...]
    live: tuple[StoredDocument, ...]
    patient_deleted: bool = False
