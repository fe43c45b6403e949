"""The relevance review in the patient history PDF: findings, and « non vérifiable » for what could
not be checked (docs/medisis.md §6.2 `unchecked`), in French and English."""

from __future__ import annotations

from datetime import date
from typing import Any

import orjson

from parcours.cli.medisis_commands import review
from parcours.core.records import PatientRecords, RecordKind, StoredDocument
from reports import history_report, render_pdf

from .conftest import flat

PATIENT = {"family": "Martin", "given": ["Jeanne"], "birth_date": "1944-05-02", "sex": "female"}
DRUGS = [
    {"id": "d1", "atc": "M01AE01", "label": "ibuprofène 400 mg cp", "dose": {"value": 400, "unit": "mg"},
     "frequency": {"times_per_day": 3}, "started": "2026-10-01"},
    {"id": "d2", "atc": "B01AF02", "label": "apixaban 2,5 mg cp"},
    {"id": "d3", "atc": "N05CF02", "label": "zolpidem 10 mg cp", "indication": "anxiety"},
]


def _stored(patient: dict[str, Any], drugs: list[dict[str, Any]], *, drop_unchecked: bool = False) -> StoredDocument:
    body = {"date": "2026-11-20", "patient": {"birth_date": "1944-05-02", **patient}, "drugs": drugs}
    result = orjson.loads(orjson.dumps(review(orjson.dumps(body))))
    if drop_unchecked:  # a review saved before the field existed
        result.pop("unchecked")
    return StoredDocument(RecordKind.MEDISIS_REVIEW, "rv", date(2026, 11, 20), body, result)


def _pdf(*docs: StoredDocument, lang: str = "fr") -> str:
    return flat(render_pdf(history_report(PatientRecords("p-1", PATIENT, docs)), lang))


def test_unchecked_rules_are_printed_non_verifiable() -> None:
    text = _pdf(_stored({"falls_12m": 0, "conditions_icd10": ["I10"], "potassium_mmol_l": 4.2}, DRUGS))
    assert "Révision de pertinence des prescriptions — 20/11/2026" in text
    assert "STOPP-C10 — AINS avec un anticoagulant oral ibuprofène 400 mg cp, apixaban 2,5 mg cp" in text
    assert "Non vérifiable : données manquantes" in text
    assert "STOPP-E4 — AINS avec DFG < 50 (ibuprofène 400 mg cp) — non vérifiable : DFG manquant" in text
    assert ("STOPP-D11 — hypnotique apparenté (Z) depuis 2 semaines ou plus (zolpidem 10 mg cp) — non vérifiable : "
            "date de début de zolpidem 10 mg cp manquante") in text
    assert text.index("Critères déclenchés") < text.index("Non vérifiable") < text.index("Charge anticholinergique")


def test_nothing_found_still_says_what_could_not_be_checked() -> None:
    text = _pdf(_stored({"falls_12m": 0, "conditions_icd10": ["I10"]}, [DRUGS[0]]))
    assert "Aucun critère déclenché parmi ceux qui ont pu être vérifiés." in text
    assert "STOPP-E4 — AINS avec DFG < 50 (ibuprofène 400 mg cp) — non vérifiable : DFG manquant" in text


def test_everything_checked_and_old_records() -> None:
    complete = _stored({"egfr": 60, "falls_12m": 0, "conditions_icd10": ["I10"]}, [DRUGS[0]])
    assert "Tous les critères concernés par ces traitements ont pu être vérifiés." in _pdf(complete)
    old = _pdf(_stored({}, [DRUGS[0]], drop_unchecked=True))
    assert "les critères non vérifiables n'y sont pas listés" in old and "Tous les critères concernés" not in old


def test_english_and_missing_dose() -> None:
    aspirin = {"id": "a", "atc": "B01AC06", "label": "aspirine 75 mg", "dose": {"value": 1, "unit": "tablet"},
               "frequency": {"times_per_day": 1}}
    text = _pdf(_stored({"egfr": 60, "falls_12m": 0, "conditions_icd10": []}, [aspirin]), lang="en")
    assert "Not checkable: missing data" in text
    assert ("STOPP-C1 — long-term aspirin above 100 mg/day (aspirine 75 mg) — not checkable: "
            "dose of aspirine 75 mg missing or not a mass") in text
    assert "START-C1 — atrial fibrillation without an anticoagulant" not in text  # conditions given: checked
    assert "non vérifiable" not in text


def test_reconciliation_sheet_warns_of_incomplete_lines() -> None:
    from reports.inputs import build_report

    body = {"moment": "admission", "date": "2026-11-20", "sources": ["10000001", "10000009", "10000003"],
            "bm": [{"id": "b1", "atc": "B01AA03", "label": "warfarine 5 mg", "dose": {"value": 5, "unit": "mg"}}],
            "orders": [{"id": "o1", "atc": "B01AA03", "label": "warfarine"}]}
    report = build_report(orjson.dumps(body))
    fr, en = flat(render_pdf(report, "fr")), flat(render_pdf(report, "en"))
    assert "modifié" in fr and "changé : dose" in fr
    assert "dose ou fréquence connue d'un seul côté : ligne à compléter et à qualifier" in fr
    assert "dose or frequency known on one side only: complete and qualify the line" in en
