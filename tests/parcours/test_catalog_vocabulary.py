"""Labels come from the domain's vocabularies: every member of a labelled StrEnum has its words, none is left over.

Why: the reports, the FHIR displays and the TUI label codes the engines emit; if an enum gains a
member, its label must be written (in both languages), and a label whose code left the enum must go.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from icope import vocab as icope_vocab
from icope.careplan import CarePlanStatus
from icope.option_values import ChairRiseComparator, UnknownWeightLoss, WhisperRule
from icope.outcome_codes import FLAGS, INSTRUMENT_BANDS, REASONS, Band
from icope.step2.mna_sf import FoodIntake, Mobility, Neuropsychological, WeightLoss
from medisis import interventions as acts
from medisis import vocab as medisis_vocab
from medisis.consultation30 import ConsultationStatus
from medisis.lace import Comorbidity
from medisis.review_data import RULE_IDS
from medisis.risk import RiskScore
from medisis.stays import StayStatus
from medisis.trst import TrstVariant
from parcours.catalog.vocabulary import VOCABULARIES, VOCABULARY
from parcours.core.identifiers import ProfessionalRole, Sex
from parcours.core.records import RecordKind
from parcours.messages import EN, FR
from parcours.store.alerts import AlertStatus

#: `report.<vocabulary>` (parcours.catalog.vocabulary) -> the domain's codes, exactly.
REPORT_VOCABULARIES: dict[str, Iterable[str]] = {
    "reason": REASONS, "flag": FLAGS, "instrument": icope_vocab.Instrument, "band": Band,
    "rule": (*icope_vocab.DeclineRule, *icope_vocab.SafetyRule), "alert_status": AlertStatus,
    "role": icope_vocab.AdministeredBy, "intervention_type": icope_vocab.InterventionType,
    "moment": medisis_vocab.Moment, "mode": medisis_vocab.Mode, "status": medisis_vocab.Status,
    "discrepancy": medisis_vocab.Discrepancy, "category": medisis_vocab.Category,
    "error_type": medisis_vocab.ErrorType, "severity": medisis_vocab.Severity,
    "resolution": medisis_vocab.Resolution, "change": medisis_vocab.Change,
    "warning": medisis_vocab.ReconciliationWarning, "route": medisis_vocab.Route, "unit": medisis_vocab.DoseUnit,
    "source": medisis_vocab.HistorySource, "problem": acts.Problem, "pi_type": acts.InterventionType,
    "outcome": acts.Outcome,
}

#: Other labelled vocabularies: key prefix -> the codes that must each have a label under it.
LABELLED: dict[str, Iterable[str]] = {
    # ICOPE, shared by the TUI, the reports and the CLI
    "icope.domain.": icope_vocab.Domain,
    "icope.result.": icope_vocab.DomainResult,
    "fhir.display.domain.": icope_vocab.Domain,
    "fhir.display.icope-result.": icope_vocab.DomainResult,
    "fhir.display.icope-answer.": (*icope_vocab.OrientationAnswer, *icope_vocab.WeightLossAnswer,
                                   *icope_vocab.WhisperResult),
    "fhir.display.risk.": RiskScore,
    "report.overall.": icope_vocab.DomainResult,
    "report.symbol.": icope_vocab.DomainResult,
    "report.care_plan_status.": CarePlanStatus,
    "report.sex.": Sex,
    "report.role.": ProfessionalRole,
    "report.freq.per.": medisis_vocab.Period,
    "report.review.rule.": RULE_IDS,
    "store.kind.": RecordKind,
    # the TUI's step 1 and step 2
    "tui.pf.short.": icope_vocab.Domain,
    "tui.s1.instruction.": icope_vocab.Domain,
    "tui.orient.": icope_vocab.OrientationAnswer,
    "tui.answer.": icope_vocab.WeightLossAnswer,
    "tui.whisper.": icope_vocab.WhisperResult,
    "tui.by.": icope_vocab.AdministeredBy,
    "tui.reason.": REASONS,
    "tui.instrument.": icope_vocab.Instrument,
    "tui.band.": Band,
    "tui.s2.mna.": (*FoodIntake, *WeightLoss, *Mobility),
    "tui.s2.mna.neuro.": Neuropsychological,
    "tui.cp.type.": icope_vocab.InterventionType,
    "tui.cp.status.": CarePlanStatus,
    "tui.s1.options.cmp.": ChairRiseComparator,
    "tui.s1.options.wl.": UnknownWeightLoss,
    "tui.s1.options.whisper.": WhisperRule,
    # the TUI's MEDISIS forms and the patient file
    "tui.moment.": medisis_vocab.Moment,
    "tui.rec.mode.": medisis_vocab.Mode,
    "tui.rec.status.": medisis_vocab.Status,
    "tui.rec.category.": medisis_vocab.Category,
    "tui.rec.severity.": medisis_vocab.Severity,
    "tui.rec.resolution.": medisis_vocab.Resolution,
    "tui.rec.warning.": medisis_vocab.ReconciliationWarning,
    "tui.ip.result.": acts.AnalysisResult,
    "tui.ip.problem.": acts.Problem,
    "tui.ip.type.": acts.InterventionType,
    "tui.ip.outcome.": acts.Outcome,
    "tui.c30.status.": ConsultationStatus,
    "tui.stay.status.": StayStatus,
    "tui.risk.name.": RiskScore,
    "tui.risk.variant.": TrstVariant,
    "tui.comorb.": Comorbidity,
    "tui.alert.": AlertStatus,
    "tui.sex.": Sex,
}


def test_every_vocabulary_of_the_reports_is_a_domain_vocabulary() -> None:
    assert set(VOCABULARIES) == set(REPORT_VOCABULARIES)


@pytest.mark.parametrize("name", sorted(REPORT_VOCABULARIES))
def test_report_labels_are_exactly_the_domain_codes(name: str) -> None:
    """Each code has its label, and each label a code: the labels cannot drift from the enum."""
    assert set(VOCABULARY[name]) == {str(code) for code in REPORT_VOCABULARIES[name]}
    for code in VOCABULARY[name]:
        assert f"report.{name}.{code}" in FR and f"report.{name}.{code}" in EN


@pytest.mark.parametrize("prefix", sorted(LABELLED))
def test_every_code_of_a_labelled_vocabulary_has_a_label(prefix: str) -> None:
    missing = [str(code) for code in LABELLED[prefix] if f"{prefix}{code}" not in FR or f"{prefix}{code}" not in EN]
    assert missing == []


def test_every_band_an_instrument_gives_has_a_label() -> None:
    for instrument, bands in INSTRUMENT_BANDS.items():
        for band in bands:
            assert f"report.band.{band}" in FR and f"tui.band.{band}" in FR, (instrument, band)
