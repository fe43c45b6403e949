"""The `--patient` history report as a pure function of PatientRecords built from example documents."""

from __future__ import annotations

from datetime import date

import orjson

from parcours.cli.icope_commands import assess, score
from parcours.cli.medisis_commands import reconcile
from parcours.core.records import PatientRecords, RecordKind, StoredDocument
from reports import history_report, render_pdf

from .conftest import EXAMPLES, flat, pages_text

PATIENT = orjson.loads(EXAMPLES["followup"].read_bytes())["patient"]


def _records() -> PatientRecords:
    followup = orjson.loads(EXAMPLES["followup"].read_bytes())
    docs: list[StoredDocument] = []
    for i, screening in enumerate(followup["screenings"]):
        result = orjson.loads(score(orjson.dumps(screening)))
        docs.append(StoredDocument(RecordKind.ICOPE_SCREENING, f"s{i}", date.fromisoformat(screening["date"]),
                                   screening, result))
    for i, item in enumerate(followup["assessments"]):
        docs.append(StoredDocument(RecordKind.ICOPE_ASSESSMENT, f"a{i}", date.fromisoformat(item["date"]), item,
                                   orjson.loads(orjson.dumps(assess(orjson.dumps(item))))))
    docs.append(StoredDocument(RecordKind.ICOPE_ALERT, "al1", date(2026, 11, 20),
                               {"rule": "D3", "domain": "locomotion", "date": "2026-11-20", "status": "confirmed",
                                "screening": "s3", "previous": "s2"}))
    docs.append(StoredDocument(RecordKind.ICOPE_CARE_PLAN, "cp1", date(2026, 12, 2), {
        "date": "2026-12-02", "screening": "s3", "status": "active", "goals": ["Marcher jusqu'à la boulangerie"],
        "interventions": [{"domain": "locomotion", "type": "exercise", "assignee_role": "physiotherapist",
                           "due": "2027-03-01"}],
        "review_date": "2027-06-02", "gp_agreement": "2026-12-02", "motivational_interview": None, "rci": None}))
    reconciliation = orjson.loads(EXAMPLES["reconciliation"].read_bytes())
    docs.append(StoredDocument(RecordKind.MEDISIS_RECONCILIATION, "r1", date(2026, 12, 4), reconciliation,
                               orjson.loads(orjson.dumps(reconcile(orjson.dumps(reconciliation))))))
    docs.append(StoredDocument(RecordKind.MEDISIS_INTERVENTION, "i1", date(2026, 12, 4), {
        "id": "i1", "date": "2026-12-04", "result": "INTERVENTION",
        "drugs": [{"atc": "B01AF02", "label": "apixaban 2,5 mg cp", "order_line": "s3"}],
        "problem": "3", "intervention": "7", "proposal": "revenir à 5 mg × 2", "outcome": "accepted",
        "outcome_date": "2026-12-04"}))
    docs.append(StoredDocument(RecordKind.MEDISIS_STAY, "st1", date(2026, 11, 28),
                               {"stay": "X", "admission_date": "2026-11-28"}))
    return PatientRecords("p-0001", PATIENT, tuple(docs))


def test_history_report_content_fr() -> None:
    report = history_report(_records())
    assert report.kind == "history" and len(report.screenings) == 4
    assert report.next_step1_due == date(2027, 6, 2)  # the plan of 02/12/2026 + 6 months (docs/icope.md §3.1)
    pdf = render_pdf(report, "fr")
    texts = pages_text(pdf)
    for number, page in enumerate(texts, start=1):
        assert f"page {number}/{len(texts)}" in page and "MARTIN Jeanne" in page and "INS 244055751234577" in page
    text = flat(pdf)
    assert "Historique du patient" in text and "Évolution des six domaines" in text
    assert "D3 lever de chaise ralenti" in text and "confirmée" in text
    assert "Marcher jusqu'à la boulangerie" in text and "Date de révision 02/06/2027" in text
    assert "Prochain dépistage (étape 1) à faire le 02/06/2027" in text
    assert "Conciliation médicamenteuse — sortie — 04/12/2026" in text and "non intentionnelle (DNI)" in text
    assert "Interventions pharmaceutiques" in text and "Adaptation posologique" in text and "acceptée" in text
    assert "revenir à 5 mg × 2" in text


def test_history_report_english_and_empty() -> None:
    text = flat(render_pdf(history_report(_records()), "en"))
    assert "Patient history" in text and "Dose adjustment" in text and "accepted" in text and "Historique" not in text
    empty = pages_text(render_pdf(history_report(PatientRecords("p-9", {}, ())), "en"))
    assert len(empty) == 1 and "No record stored for this patient." in empty[0] and "record p-9" in empty[0]


def test_history_shows_stored_results_as_they_are() -> None:
    records = _records()
    first = records.documents[0]
    tampered = StoredDocument(first.kind, first.record_id, first.recorded_on, first.document,
                              {**first.result, "next_step1_due": "2030-01-31"})
    later = tuple(d for d in records.documents[1:]
                  if d.kind not in (RecordKind.ICOPE_SCREENING, RecordKind.ICOPE_CARE_PLAN))  # no plan to move it
    report = history_report(PatientRecords("p", PATIENT, (tampered, *later)))
    assert report.next_step1_due == date(2030, 1, 31)  # displayed, never recomputed
