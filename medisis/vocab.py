"""Closed vocabularies of medication reconciliation (docs/medisis.md §2, docs/interchange.md §4.1).

Each contract value maps to its FR Medication IG code [M8] so that the FHIR export and the
reports show the same codes as the JSON result.
"""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType
from typing import TypeVar


class Moment(StrEnum):
    """Transition point of a reconciliation (docs/medisis.md §2.1; FR IG `mutation` maps to transfer)."""

    ADMISSION = "admission"
    TRANSFER = "transfer"
    DISCHARGE = "discharge"


class Mode(StrEnum):
    """Transmission before (proactive) or after (retroactive) the first prescription (§2.1)."""

    PROACTIVE = "proactive"
    RETROACTIVE = "retroactive"


class DoseUnit(StrEnum):
    """Dose units of docs/interchange.md §4.1; only mg, g and ug convert into each other (§2.7 A)."""

    MG = "mg"
    G = "g"
    UG = "ug"
    MMOL = "mmol"
    ML = "mL"
    IU = "IU"
    TABLET = "tablet"
    CAPSULE = "capsule"
    DROP = "drop"
    PUFF = "puff"
    SACHET = "sachet"
    PATCH = "patch"
    APPLICATION = "application"


class Release(StrEnum):
    """Immediate (default) or prolonged release: the LP/IR difference is a form change (§2.3)."""

    IMMEDIATE = "immediate"
    PROLONGED = "prolonged"


class Route(StrEnum):
    """Administration routes of docs/interchange.md §4.1."""

    ORAL = "oral"
    SUBLINGUAL = "sublingual"
    BUCCAL = "buccal"
    INTRAVENOUS = "intravenous"
    INTRAMUSCULAR = "intramuscular"
    SUBCUTANEOUS = "subcutaneous"
    TRANSDERMAL = "transdermal"
    INHALATION = "inhalation"
    NASAL = "nasal"
    OPHTHALMIC = "ophthalmic"
    OTIC = "otic"
    RECTAL = "rectal"
    VAGINAL = "vaginal"
    CUTANEOUS = "cutaneous"
    ENTERAL_TUBE = "enteral_tube"
    OTHER = "other"


class Period(StrEnum):
    """Period of a `{times, every, period}` frequency."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class HistorySource(StrEnum):
    """The 18 codes of `fr-medication-history-source-type` (docs/medisis.md §2.2 [M8])."""

    PATIENT_INTERVIEW = "10000001"
    FAMILY_INTERVIEW = "10000002"
    COMMUNITY_PHARMACIST_INTERVIEW = "10000003"
    HOSPITAL_PHARMACIST_INTERVIEW = "10000004"
    GP_INTERVIEW = "10000005"
    GP_LETTER = "10000006"
    DMP = "10000007"
    LIAISON_LETTERS = "10000008"
    DP = "10000009"
    COMMUNITY_MEDICATION_REVIEW = "10000010"
    EHPAD_TELE_EXPERTISE = "10000011"
    DRUGS_BROUGHT = "10000012"
    PRESCRIPTIONS_BROUGHT = "10000013"
    EHPAD_LIAISON_SHEET = "10000014"
    SPECIALIST = "10000015"
    HOME_CARE_LIAISON_SHEET = "10000016"
    PREVIOUS_STAY_RECORD = "10000017"
    MEDICAL_SUMMARY = "10000018"


#: FR IG displays of the source codes (docs/medisis.md §2.2).
HISTORY_SOURCE_DISPLAY = MappingProxyType({
    HistorySource.PATIENT_INTERVIEW: "Entretien avec le patient",
    HistorySource.FAMILY_INTERVIEW: "Entretien avec les proches",
    HistorySource.COMMUNITY_PHARMACIST_INTERVIEW: "Entretien avec le pharmacien d'officine",
    HistorySource.HOSPITAL_PHARMACIST_INTERVIEW: "Entretien avec le pharmacien hospitalier",
    HistorySource.GP_INTERVIEW: "Entretien avec le médecin traitant",
    HistorySource.GP_LETTER: "Lettre du médecin traitant",
    HistorySource.DMP: "Le dossier médical partagé (DMP)",
    HistorySource.LIAISON_LETTERS: "Lettres de liaison",
    HistorySource.DP: "Dossier pharmaceutique (DP)",
    HistorySource.COMMUNITY_MEDICATION_REVIEW: "Bilan de médication par le pharmacien d'officine",
    HistorySource.EHPAD_TELE_EXPERTISE: (
        "Compte-rendu de télé-expertise entre deux médecins généralistes pour un patient admis en EHPAD"
    ),
    HistorySource.DRUGS_BROUGHT: "Médicaments apportés par le patient",
    HistorySource.PRESCRIPTIONS_BROUGHT: "Ordonnances apportées par le patient",
    HistorySource.EHPAD_LIAISON_SHEET: "Fiche de liaison de l'EHPAD",
    HistorySource.SPECIALIST: "Entretien ou lettre du médecin spécialiste",
    HistorySource.HOME_CARE_LIAISON_SHEET: "Fiche de liaison avec le service de soins à domicile",
    HistorySource.PREVIOUS_STAY_RECORD: "Dossier patient d'une précédente hospitalisation",
    HistorySource.MEDICAL_SUMMARY: "Volet de synthèse médicale",
})


class Status(StrEnum):
    """FCT line status, `fr-medication-reconciliation-status` (§2.4)."""

    CONTINUED = "continued"
    EQUIVALENCE = "equivalence"
    STOPPED = "stopped"
    MODIFIED = "modified"
    INITIATED = "initiated"


class Discrepancy(StrEnum):
    """`fr-medication-reconciliation-discrepancy` (§2.4)."""

    NONE = "none"
    UNQUALIFIED = "unqualified"
    INTENTIONAL = "intentional"
    UNINTENTIONAL = "unintentional"


class Category(StrEnum):
    """DID / DIND / DNI category of a line (§2.5); `none` for non-discrepant lines."""

    NONE = "none"
    UNQUALIFIED = "unqualified"
    DID = "did"
    DIND = "dind"
    DNI = "dni"


class ErrorType(StrEnum):
    """`fr-medication-reconciliation-type`, for unintentional discrepancies (§2.4)."""

    POSOLOGY = "posology"
    OMISSION_PRESCRIBED = "omission_prescribed"
    OMISSION_SELF_MEDICATION = "omission_self_medication"
    SUBSTITUTION = "substitution"
    DOSAGE_FORM = "dosage_form"
    ADDITION = "addition"
    OTHER = "other"


class Severity(StrEnum):
    """`fr-medication-reconciliation-outcome`: grade of a medication error (§2.4)."""

    MINOR = "minor"
    SIGNIFICANT = "significant"
    MAJOR = "major"
    CRITICAL = "critical"
    CATASTROPHIC = "catastrophic"


class Resolution(StrEnum):
    """`fr-medication-reconciliation-resolution`, set by the prescriber (§2.4)."""

    DOSE_CORRECTED = "dose_corrected"
    RESUMED = "resumed"
    PRODUCT_CORRECTED = "product_corrected"
    FORM_CORRECTED = "form_corrected"
    DISCONTINUED = "discontinued"


class Change(StrEnum):
    """What changed between a BM line and its order line, in the fixed output order (§2.7 A)."""

    SUBSTANCE = "substance"
    FORM = "form"
    RELEASE = "release"
    ROUTE = "route"
    DOSE = "dose"
    FREQUENCY = "frequency"
    AS_NEEDED = "as_needed"


class ReconciliationWarning(StrEnum):
    """Warnings of a reconciliation result, in their fixed order (§2.8)."""

    FEWER_THAN_3_SOURCES = "fewer_than_3_sources"
    UNQUALIFIED_DISCREPANCIES = "unqualified_discrepancies"
    UNDOCUMENTED_INTENTIONAL_DISCREPANCIES = "undocumented_intentional_discrepancies"
    INCOMPLETE_LINES = "incomplete_lines"  # revised 2026-12-01: dose or frequency on one side only


E = TypeVar("E", bound=StrEnum)


def _codes(enum: type[E]) -> MappingProxyType[E, str]:
    return MappingProxyType({member: f"{10000001 + i}" for i, member in enumerate(enum)})


#: FR IG codes 10000001… in the order of the tables of docs/medisis.md §2.4 (the enums follow it).
STATUS_CODE = _codes(Status)
DISCREPANCY_CODE = _codes(Discrepancy)
ERROR_TYPE_CODE = _codes(ErrorType)
SEVERITY_CODE = _codes(Severity)
RESOLUTION_CODE = _codes(Resolution)
