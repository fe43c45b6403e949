"""Issue 15 in the PDF: an S1 PHQ-9 prints first, boxed; a step-2 result confirms its domain on its own."""

from __future__ import annotations

from datetime import date

import orjson
import pytest

from parcours.core.records import PatientRecords, RecordKind, StoredDocument
from reports import build_report, render_pdf
from reports.history import history_report

from .conftest import EXAMPLES, pages_text

S1_PHQ9 = {"instrument": "phq9", "date": "2026-11-27", "items": [0, 0, 0, 0, 0, 0, 0, 0, 1]}


def with_assessments(*entries: dict) -> bytes:
    doc = orjson.loads(EXAMPLES["screening"].read_bytes())
    doc["assessments"] = list(entries)
    return orjson.dumps(doc)


@pytest.mark.parametrize(("lang", "title", "line", "first_heading"), [
    ("fr", "ALERTE S1 — À TRAITER LE JOUR MÊME", "PHQ-9 du 27/11/2026 : item 9", "Résultat global"),
    ("en", "S1 ALERT — TO HANDLE TODAY", "PHQ-9 of 27/11/2026: item 9", "Overall result"),
])
def test_s1_box_comes_first(lang: str, title: str, line: str, first_heading: str) -> None:
    text = " ".join(pages_text(render_pdf(build_report(with_assessments(S1_PHQ9)), lang))).replace("\n", " ")
    assert title in text and line in text
    assert text.index(title) < text.index(first_heading)  # before the screening detail


def test_no_box_without_item9() -> None:
    quiet = {**S1_PHQ9, "items": [3, 3, 3, 3, 0, 0, 0, 0, 0]}
    text = " ".join(pages_text(render_pdf(build_report(with_assessments(quiet)), "fr")))
    assert "ALERTE S1" not in text and "item 9" not in text


def test_step2_confirms_a_domain_negative_at_step1() -> None:
    acuity = {"instrument": "visual_acuity", "date": "2026-11-27", "right": 0.1, "left": 0.2}
    report = build_report(with_assessments(acuity))  # the example's vision is negative at step 1
    assert report.screenings[0].result["domains"]["vision"]["result"] == "negative"
    assert report.confirmed_domains == ("vision",)


def test_history_prints_s1_with_its_status_and_without_any_screening() -> None:
    phq9 = StoredDocument(RecordKind.ICOPE_ASSESSMENT, "a1", date(2026, 11, 27), S1_PHQ9,
                          {"instrument": "phq9", "score": 1, "max_score": 27, "band": "minimal", "abnormal": False,
                           "urgent": True})
    alert = StoredDocument(RecordKind.ICOPE_ALERT, "al1", date(2026, 11, 27),
                           {"rule": "S1", "domain": "psychology", "date": "2026-11-27", "status": "confirmed",
                            "assessment": "a1"}, None)
    text = " ".join(pages_text(render_pdf(history_report(PatientRecords("p", {}, (phq9, alert))), "fr")))
    assert "ALERTE S1" in text and "Alerte S1 : confirmée" in text
    assert "Aucun dossier enregistré" not in text
