"""Pharmaceutical interventions, SFPC Act-IP: vocabularies and the record (docs/medisis.md §5).

Codes of the FR IG code systems [M8] and of a public IP-logging script [M21]. Interventions are
recorded in the store and the TUI (no CLI command); this module validates one record.
"""

from __future__ import annotations

from collections.abc import Iterator
import datetime as dt
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Annotated, Literal

from pydantic import Field

from medisis.errors import InvalidIntervention
from medisis.lines import Atc, Cip13, Cis, Ucd13
from parcours.core.documents import load
from parcours.core.errors import FieldIssue
from parcours.core.identity import NonEmpty
from parcours.core.models import InputModel


class Problem(StrEnum):
    """`fr-pharmaceutical-intervention-problem-code`: 14 codes, no bare `6` (§5.1)."""

    NON_CONFORMITY = "1"
    UNTREATED_INDICATION = "2"
    UNDERDOSE = "3"
    OVERDOSE = "4"
    NOT_INDICATED = "5"
    INTERACTION_TO_CONSIDER = "6.1"
    INTERACTION_PRECAUTION = "6.2"
    INTERACTION_INADVISABLE = "6.3"
    INTERACTION_CONTRAINDICATED = "6.4"
    INTERACTION_PUBLISHED = "6.5"
    ADVERSE_EFFECT = "7"
    INAPPROPRIATE_ROUTE = "8"
    TREATMENT_NOT_RECEIVED = "9"
    MONITORING = "10"


PROBLEM_DISPLAY = MappingProxyType({
    Problem.NON_CONFORMITY: "Non conformité aux référentiels / Contre-indication",
    Problem.UNTREATED_INDICATION: "Indication non traitée",
    Problem.UNDERDOSE: "Sous-dosage",
    Problem.OVERDOSE: "Surdosage",
    Problem.NOT_INDICATED: "Médicament non indiqué",
    Problem.INTERACTION_TO_CONSIDER: "Interaction - A prendre en compte",
    Problem.INTERACTION_PRECAUTION: "Interaction - Précaution d'emploi",
    Problem.INTERACTION_INADVISABLE: "Interaction - Association déconseillée",
    Problem.INTERACTION_CONTRAINDICATED: "Interaction - Association contre-indiquée",
    Problem.INTERACTION_PUBLISHED: "Interaction - Publiée (=hors GTIAM de l'AFSSAPS)",
    Problem.ADVERSE_EFFECT: "Effet indésirable",
    Problem.INAPPROPRIATE_ROUTE: "Voie/administration inappropriée",
    Problem.TREATMENT_NOT_RECEIVED: "Traitement non reçu (incl. défaut d'observance)",
    Problem.MONITORING: "Monitorage à suivre",
})


def problem_form_number(problem: Problem) -> str:
    """Act-IP form numbering (UNCONFIRMED): 1.1–1.10, the five interaction levels all 1.6."""
    return f"1.{problem.value.split('.')[0]}"


#: Optional finer sub-codes used in practice [M21] (stored in `problem_subcode`).
PROBLEM_SUBCODES = MappingProxyType({
    "1.1": "non-conformité au livret", "1.2": "non-conformité aux consensus", "1.3": "contre-indication",
    "2.1": "absence de thérapeutique pour indication validée", "2.2": "médicament non prescrit après transfert",
    "2.3": "absence de prophylaxie/prémédication", "2.4": "médicament synergique ou correcteur à associer",
    "3.1": "posologie infra-thérapeutique", "3.2": "durée anormalement raccourcie",
    "4.1": "posologie supra-thérapeutique", "4.2": "même principe actif prescrit plusieurs fois",
    "5.1": "sans indication justifiée", "5.2": "durée trop longue sans risque de surdosage",
    "5.3": "redondance pharmacologique",
    "8.1": "autre voie plus efficace/moins coûteuse", "8.2": "méthode d'administration inadéquate",
    "8.3": "mauvais choix de galénique", "8.4": "libellé incomplet", "8.5": "plan de prise non optimal",
    "9.1": "incompatibilité physico-chimique", "9.2": "problème d'observance",
})


class InterventionType(StrEnum):
    """`fr-pharmaceutical-intervention-type-code`: 7 types (form numbering 2.1–2.7, UNCONFIRMED)."""

    ADDITION = "1"
    DISCONTINUATION = "2"
    SUBSTITUTION = "3"
    ROUTE_CHOICE = "4"
    THERAPEUTIC_MONITORING = "5"
    ADMINISTRATION_OPTIMISATION = "6"
    DOSE_ADJUSTMENT = "7"


INTERVENTION_DISPLAY = MappingProxyType({
    InterventionType.ADDITION: "Ajout (prescription nouvelle)",
    InterventionType.DISCONTINUATION: "Arrêt",
    InterventionType.SUBSTITUTION: "Substitution/Echange",
    InterventionType.ROUTE_CHOICE: "Choix de la voie d'administration",
    InterventionType.THERAPEUTIC_MONITORING: "Suivi thérapeutique",
    InterventionType.ADMINISTRATION_OPTIMISATION: "Optimisation modalités d'administration",
    InterventionType.DOSE_ADJUSTMENT: "Adaptation posologique",
})


class Outcome(StrEnum):
    """Devenir, `fr-pharmaceutical-intervention-devenir-code` (all four FSH codes shipped)."""

    ACCEPTED = "accepted"
    NOT_ACCEPTED = "not_accepted"
    NOT_RECORDED = "not_recorded"
    ACCEPTED_MODIFIED = "accepted_modified"


OUTCOME_CODE = MappingProxyType({
    Outcome.ACCEPTED: "1", Outcome.NOT_ACCEPTED: "2", Outcome.NOT_RECORDED: "3", Outcome.ACCEPTED_MODIFIED: "4",
})


class AnalysisResult(StrEnum):
    """`fr-pharmaceutical-analysis-result-code`."""

    VALIDATION = "VALIDATION"
    INTERVENTION = "INTERVENTION"


class PrescriberStatus(StrEnum):
    """Who the prescriber was (§5.4)."""

    INTERN = "intern"
    SENIOR = "senior"
    MIDWIFE = "midwife"
    OTHER = "other"


class Transmission(StrEnum):
    """How the intervention reached the prescriber (§5.4)."""

    ORAL = "oral"
    PHONE = "phone"
    PRESCRIBING_SOFTWARE = "prescribing_software"
    PAPER = "paper"
    MAIL = "mail"
    OTHER = "other"


#: CLEO impact grid (UNCONFIRMED as an SFPC document) [M21]; ND = not determinable.
ClinicalImpact = Literal["-1C", "0C", "1C", "2C", "3C", "4C", "ND"]
EconomicImpact = Literal["-1E", "0E", "1E", "ND"]
OrganisationalImpact = Literal["-1P", "0P", "1P", "ND"]


class InterventionDrug(InputModel):
    """A drug the intervention is about, with optional links to order and FCT lines."""

    atc: Atc | None = None
    cis: Cis | None = None
    cip13: Cip13 | None = None
    ucd13: Ucd13 | None = None
    label: str | None = None
    order_line: str | None = None
    reconciliation_line: str | None = None


class InterventionRecord(InputModel):
    """One pharmaceutical analysis / intervention (docs/medisis.md §5.4, PROJECT DECISION fields)."""

    id: NonEmpty
    patient: str | None = None
    stay: str | None = None
    site: str | None = None
    ward: str | None = None
    date: date
    pharmacist: str | None = None
    analysis_level: Literal[1, 2, 3] | None = None
    result: AnalysisResult
    drugs: Annotated[list[InterventionDrug], Field(min_length=1, max_length=2)]
    problem: Problem | None = None
    problem_subcode: str | None = None
    intervention: InterventionType | None = None
    description: str | None = None
    proposal: str | None = None
    prescriber_status: PrescriberStatus | None = None
    transmission: Transmission | None = None
    contacted_at: datetime | None = None
    outcome: Outcome | None = None
    outcome_date: dt.date | None = None
    impact_clinical: ClinicalImpact | None = None
    impact_economic: EconomicImpact | None = None
    impact_organisational: OrganisationalImpact | None = None
    from_reconciliation: bool = False
    justification: str | None = None
    comment: str | None = None


def check_intervention(doc: InterventionRecord) -> Iterator[FieldIssue]:
    """An INTERVENTION names its problem and intervention; a sub-code belongs to its problem."""
    if doc.result is AnalysisResult.INTERVENTION:
        for name in ("problem", "intervention"):
            if getattr(doc, name) is None:
                yield FieldIssue((name,), "required_with", {"other": "result = INTERVENTION"})
    if doc.problem_subcode is not None:
        if doc.problem_subcode not in PROBLEM_SUBCODES:
            yield FieldIssue(("problem_subcode",), "not_one_of", {"expected": " | ".join(PROBLEM_SUBCODES)})
        elif doc.problem is not None and doc.problem_subcode.split(".")[0] != doc.problem.value.split(".")[0]:
            yield FieldIssue(("problem_subcode",), "subcode_mismatch", {"problem": doc.problem.value})
    if doc.outcome_date is not None and doc.outcome_date < doc.date:
        yield FieldIssue(("date",), "date_after", {"other": "outcome_date"})


def parse_intervention(raw: bytes | str) -> InterventionRecord:
    """Validate one intervention record; raise InvalidIntervention naming each bad field."""
    return load(InterventionRecord, raw, error=InvalidIntervention, check=check_intervention)
