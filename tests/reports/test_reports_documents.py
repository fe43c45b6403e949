"""The three report kinds from a file: content as the engines compute it, in French and English."""

from __future__ import annotations

import io

import orjson
import pytest
from pypdf import PdfReader

from parcours.cli.icope_commands import followup as followup_command
from parcours.cli.icope_commands import score as score_command
from parcours.cli.medisis_commands import reconcile as reconcile_command
from parcours.core.errors import InvalidInput
from parcours.messages import render_issue
from reports import build_report, render_pdf, report_kind

from .conftest import BASE14, EXAMPLES, flat, fonts, pages_text

A4 = (595.276, 841.89)


def render(kind: str, lang: str = "fr") -> bytes:
    return render_pdf(build_report(EXAMPLES[kind].read_bytes()), lang)


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_example_kinds_are_detected(kind: str) -> None:
    assert report_kind(EXAMPLES[kind].read_bytes()) == kind
    assert build_report(EXAMPLES[kind].read_bytes()).kind == kind


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_every_page_is_a4_with_identity_and_page_numbers(kind: str, lang: str) -> None:
    pdf = render(kind, lang)
    reader = PdfReader(io.BytesIO(pdf))
    texts = pages_text(pdf)
    family = "BERNARD Louis" if kind == "reconciliation" else "MARTIN Jeanne"
    for number, (page, text) in enumerate(zip(reader.pages, texts, strict=True), start=1):
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == (595.28, 841.89)
        assert f"page {number}/{len(texts)}" in text
        assert family in text
    assert pdf.startswith(b"%PDF-")


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_fonts_embedded_never_base14(kind: str) -> None:
    found = fonts(render(kind))
    assert found, "no font found"
    assert all(embedded for _, embedded in found), found
    assert not {name for name, _ in found} & BASE14
    assert {name for name, _ in found} <= {
        "DejaVuSans", "DejaVuSans-Bold", "BitstreamVeraSans-Roman", "BitstreamVeraSans-Bold"}


@pytest.mark.parametrize(("lang", "tag", "title"), [
    ("fr", "fr-FR", "Dépistage ICOPE — étape 1"), ("en", "en-GB", "ICOPE screening — step 1")])
def test_metadata_and_language(lang: str, tag: str, title: str) -> None:
    reader = PdfReader(io.BytesIO(render("screening", lang)))
    meta = reader.metadata
    assert meta.title == title
    assert meta.author == "DURAND Claire"
    assert meta.subject and "ICOPE" in meta.subject
    assert reader.trailer["/Root"]["/Lang"] == tag


def test_screening_shows_the_engine_results_in_french() -> None:
    raw = EXAMPLES["screening"].read_bytes()
    doc = orjson.loads(raw)
    plain = {k: v for k, v in doc.items() if k not in ("assessments", "care_plan")}
    result = orjson.loads(score_command(orjson.dumps(plain)))
    text = flat(render("screening"))
    assert "20/11/2026" in text and "2026-11-20" not in text
    assert f"le {'/'.join(reversed(result['next_step1_due'].split('-')))}" in text  # 20/05/2027
    assert "orientation : jour de la semaine erronée" in text and "moins de 3 mots rappelés" in text
    assert "5 levers de chaise en plus de 14 s" in text and "perte d'appétit" in text
    assert "plainte mnésique" in text and "hearWHO entre 50 et 75" in text
    assert "22 / 30" in text and "8 / 12" in text and "11 / 14" in text  # MMSE, SPPB, MNA-SF
    assert "Domaines confirmés par l'étape 2" in text
    assert "Continuer à faire ses courses à pied au village" in text
    assert "consultation mémoire" in text and "kinésithérapeute" in text and "15/01/2027" in text
    assert "Accord du médecin traitant" in text and "02/12/2026" in text
    assert "MSP de Gerbéviller" in text and "née le 02/05/1944" in text


def test_screening_in_english() -> None:
    text = flat(render("screening", "en"))
    assert "ICOPE screening — step 1" in text and "Next step-1 screening due on 20/05/2027" in text
    assert "orientation: day of the week wrong" in text and "memory clinic" in text
    assert "Dépistage" not in text and "négatif" not in text


def test_followup_shows_chart_alerts_and_due_date() -> None:
    raw = EXAMPLES["followup"].read_bytes()
    result = orjson.loads(orjson.dumps(followup_command(raw)))
    text = flat(render("followup"))
    for day in ("18/11/2025", "19/05/2026", "22/08/2026", "20/11/2026"):
        assert day in text
    assert "Évolution des six domaines" in text and "Légende" in text
    for alert in result["alerts"]:
        assert alert["rule"] in text
    assert "D1 nouveau positif" in text
    assert "GDS-15" in text and "Prochain dépistage (étape 1) à faire le 20/05/2027" in text


def test_reconciliation_sheet_lines_side_by_side() -> None:
    raw = EXAMPLES["reconciliation"].read_bytes()
    result = reconcile_command(raw)
    en = flat(render("reconciliation", "en"))
    fr = flat(render("reconciliation", "fr"))
    assert "Medication reconciliation — discharge" in en and "Conciliation médicamenteuse — sortie" in fr
    assert "Hospital treatment" in en and "Discharge prescription" in en
    assert "Traitement hospitalier" in fr and "Ordonnance de sortie" in fr
    assert en.count("(absent)") == sum(
        1 for line in result["lines"] if line["order_id"] is None or line["bm_id"] is None)
    assert "unintentional (DNI)" in en and "severity: major" in en and "resolution: dose corrected" in en
    assert "non intentionnelle (DNI)" in fr and "gravité : majeure" in fr
    assert "2,5 mg, orale, 2 fois par jour" in fr and "1 fois tous les 2 jours" in fr
    s = result["summary"]
    assert f"{s['lines']} ligne(s), {s['discrepant']} divergence(s) : {s['dni']} DNI" in fr
    assert "des divergences restent à qualifier avec le prescripteur" in fr
    assert "Entretien avec le pharmacien hospitalier" in fr


def test_reproducible_bytes_with_source_date_epoch() -> None:
    first, second = render("followup"), render("followup")
    assert first == second
    assert PdfReader(io.BytesIO(first)).metadata["/CreationDate"].startswith("D:20260101")
    assert "01/01/2026" in pages_text(first)[0]  # printed date = SOURCE_DATE_EPOCH's day


def test_anonymous_document_says_so() -> None:
    raw = b'{"date": "2026-11-20", "birth_date": "1944-05-02", "vision": {"eye_problems": true}}'
    text = pages_text(render_pdf(build_report(raw), "fr"))[0]
    assert "Patient non identifié" in text and "né(e) le 02/05/1944" in text and "page 1/1" in text


def test_markup_in_user_text_is_shown_literally() -> None:
    doc = orjson.loads(EXAMPLES["screening"].read_bytes())
    doc["care_plan"]["goals"] = ["<b>marcher</b> & <danser>"]
    text = flat(render_pdf(build_report(orjson.dumps(doc)), "fr"))
    assert "<b>marcher</b> & <danser>" in text


@pytest.mark.parametrize(("doc", "expected"), [
    ({"date": "2026-11-20", "care_plan": {"goals": [""], "x": 1}},
     ["care_plan.goals[0]: must have at least 1 character(s)", "care_plan.x: unknown field"]),
    ({"date": "2026-11-20", "assessments": [{"instrument": "mmse", "date": "2026-11-21", "score": 31}]},
     ["assessments[0].score: must be ≤ 30"]),
    ({"date": "2026-11-20", "care_plan": {"interventions": [
        {"domain": "x", "type": "exercise", "assignee_role": "nurse", "due": "2027-01-01"}]}},
     ["care_plan.interventions[0].domain: must be one of: "
      "cognition | locomotion | nutrition | vision | hearing | psychology"]),
    ({"screenings": [{"date": "2026-01-01"}, {"date": "2026-01-01"}]},
     ["screenings[1].date: two screenings on the same date (2026-01-01)"]),
    ({"moment": "discharge", "date": "2026-11-20", "bm": [{"id": "a"}], "orders": []},
     ["bm[0]: drug identification missing: give atc, cis, cip13 or ucd13"]),
])
def test_invalid_documents_name_each_field(doc: dict, expected: list[str]) -> None:
    with pytest.raises(InvalidInput) as caught:
        build_report(orjson.dumps(doc))
    assert [render_issue(i, "en") for i in caught.value.issues] == expected
