"""Every canonical URL, system and profile the FHIR output names, in one table (docs/fhir.md §1, §2).

Why: the FR Medication IG is a draft whose canonicals move between builds; a site following a
newer build edits this file only. `BASE` must never change once published (docs/fhir.md §2.1).
"""

from __future__ import annotations

from typing import Final

from parcours.core.ids import BASE as _BASE

#: The project's canonical base (docs/fhir.md §2.1), the kernel's (ids are built on it).
#: Never change it after a release.
BASE: Final = _BASE
SID_RESOURCE: Final = BASE + "/sid/resource-id"
SID_PRESCRIPTION: Final = BASE + "/sid/prescription"


def cs(name: str) -> str:
    """A project CodeSystem canonical, e.g. `cs("icope-step1")`."""
    return f"{BASE}/CodeSystem/{name}"


def sd(name: str) -> str:
    """A project StructureDefinition (extension) canonical."""
    return f"{BASE}/StructureDefinition/{name}"


CS_STEP1: Final = cs("icope-step1")
CS_RESULT: Final = cs("icope-result")
CS_REASON: Final = cs("icope-reason")
CS_FLAG: Final = cs("icope-flag")
CS_ANSWER: Final = cs("icope-answer")
CS_ADMINISTERED_BY: Final = cs("icope-administered-by")
CS_STEP2: Final = cs("icope-step2")
CS_INSTRUMENT: Final = cs("icope-instrument")
CS_BAND: Final = cs("icope-band")
CS_ALERT: Final = cs("icope-alert")
CS_INTERVENTION: Final = cs("icope-intervention")
CS_RISK: Final = cs("medisis-risk")
CS_REVIEW: Final = cs("medisis-review")
EXT_REASON: Final = sd("icope-reason")
EXT_FLAG: Final = sd("icope-flag")
EXT_INTENTIONAL_DOCUMENTED: Final = sd("medisis-intentional-documented")

# External systems (docs/fhir.md §2.2).
LOINC: Final = "http://loinc.org"
SNOMED: Final = "http://snomed.info/sct"
UCUM: Final = "http://unitsofmeasure.org"
OBS_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/observation-category"
V3_INTERPRETATION: Final = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
RISK_PROBABILITY: Final = "http://terminology.hl7.org/CodeSystem/risk-probability"
LIST_EMPTY_REASON: Final = "http://terminology.hl7.org/CodeSystem/list-empty-reason"
DATA_ABSENT_REASON: Final = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
MS_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/medication-statement-category"
V2_0203: Final = "http://terminology.hl7.org/CodeSystem/v2-0203"
V3_ACT_CODE: Final = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
FR_V2_0203: Final = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203"
INS_TYPES: Final = {
    "urn:oid:1.2.250.1.213.1.4.8": "INS-NIR",
    "urn:oid:1.2.250.1.213.1.4.9": "INS-NIA",
    "urn:oid:1.2.250.1.213.1.4.10": "INS-NIR-TEST",
    "urn:oid:1.2.250.1.213.1.4.11": "INS-NIR-DEMO",
}
INS_NIR: Final = "urn:oid:1.2.250.1.213.1.4.8"
IDNPS: Final = "urn:oid:1.2.250.1.71.4.2.1"
RPPS: Final = "https://rpps.esante.gouv.fr"
FINESS: Final = "https://finess.esante.gouv.fr"
IDNST: Final = "urn:oid:1.2.250.1.71.4.2.2"
TRE_G15: Final = "https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante"
#: Drug code systems (FR Core 2.2 / ANS SMT), in the coding order of docs/fhir.md §5.1.
DRUG_SYSTEMS: Final = (
    ("cip13", "https://smt.esante.gouv.fr/terminologie-bdpm"),
    ("ucd13", "https://smt.esante.gouv.fr/terminologie-cip_ucd"),
    ("cis", "https://smt.esante.gouv.fr/terminologie-bdpm"),
    # docs/interchange.md §5.5 (revised): the WHO ATC system, not the French SMT one
    ("atc", "http://www.whocc.no/atc"),
)

# FR Core profiles.
FR_CORE: Final = "https://hl7.fr/ig/fhir/core"
P_PATIENT: Final = FR_CORE + "/StructureDefinition/fr-core-patient"
P_PRACTITIONER: Final = FR_CORE + "/StructureDefinition/fr-core-practitioner"
P_PRACTITIONER_ROLE: Final = FR_CORE + "/StructureDefinition/fr-core-practitioner-role"
P_ORGANIZATION: Final = FR_CORE + "/StructureDefinition/fr-core-organization"

# FR Medication IG (draft; docs/fhir.md §1, §5).
FR_MED: Final = "https://hl7.fr/ig/fhir/medication"


def fr_med_sd(name: str) -> str:
    """A FR Medication IG profile or extension canonical."""
    return f"{FR_MED}/StructureDefinition/{name}"


def fr_med_cs(name: str) -> str:
    """A FR Medication IG CodeSystem canonical."""
    return f"{FR_MED}/CodeSystem/{name}"


P_HISTORY_MS: Final = fr_med_sd("fr-medication-history-medicationstatement")
P_HISTORY_COMPOSITION: Final = fr_med_sd("fr-medication-history-composition")
P_CURRENT_MS: Final = fr_med_sd("fr-current-medication-medicationstatement")
P_CURRENT_COMPOSITION: Final = fr_med_sd("fr-current-medication-composition")
P_RECONCILIATION_MS: Final = fr_med_sd("fr-medication-reconciliation-statement")
P_RECONCILIATION_COMPOSITION: Final = fr_med_sd("fr-medication-reconciliation-composition")
P_ANALYSIS_RESULT: Final = fr_med_sd("fr-inpatient-pharmaceutical-analysis-result")
P_INTERVENTION_SUGGESTION: Final = fr_med_sd("fr-inpatient-pharmaceutical-intervention-suggestion")
EXT_HISTORY_SOURCES: Final = fr_med_sd("fr-medication-history-sources")
EXT_RECONCILIATION_PROPERTIES: Final = fr_med_sd("fr-medicationstatement-reconciliation-properties")
CS_HISTORY_SOURCE_TYPE: Final = fr_med_cs("fr-medication-history-source-type")
CS_DOCUMENT_TYPE: Final = fr_med_cs("fr-document-type")
CS_REC_STATUS: Final = fr_med_cs("fr-medication-reconciliation-status")
CS_REC_DISCREPANCY: Final = fr_med_cs("fr-medication-reconciliation-discrepancy")
CS_REC_TYPE: Final = fr_med_cs("fr-medication-reconciliation-type")
CS_REC_OUTCOME: Final = fr_med_cs("fr-medication-reconciliation-outcome")
CS_REC_RESOLUTION: Final = fr_med_cs("fr-medication-reconciliation-resolution")
CS_IP_PROBLEM: Final = fr_med_cs("fr-pharmaceutical-intervention-problem-code")
CS_IP_TYPE: Final = fr_med_cs("fr-pharmaceutical-intervention-type-code")
CS_IP_DEVENIR: Final = fr_med_cs("fr-pharmaceutical-intervention-devenir-code")

# --- measurements and allergies (docs/interchange.md §5.5 revised; docs/fhir.md "Codes you will meet") ---
#: LOINC codes of the measured values: (code, display, UCUM unit). 29463-7 is the contract's; the
#: three laboratory codes are the LOINC serum/plasma codes of the units the contract stores (µmol/L,
#: mmol/L) and the CKD-EPI formula docs/medisis.md §6.2 names: confirm them against the integrator's release.
LOINC_MEASURES: Final = {
    "weight_kg": ("29463-7", "Body weight", "kg"),
    "egfr": ("62238-1", ("Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or "
                         "Blood by Creatinine-based formula (CKD-EPI)"), "mL/min/{1.73_m2}"),
    "creatinine_umol_l": ("14682-9", "Creatinine [Moles/volume] in Serum or Plasma", "umol/L"),
    "potassium_mmol_l": ("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L"),
}
ALLERGY_CLINICAL: Final = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
