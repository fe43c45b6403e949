"""MEDISIS screens: reconciliation pairs and classification, intervention, risk score, review, 30-day review."""

from __future__ import annotations

import pytest

from parcours.core.records import RecordKind
from tui.screens.medisis_forms import Consultation30Screen, RiskScreen
from tui.screens.medisis_review import ReviewScreen
from tui.screens.reconciliation import InterventionScreen, ReconciliationScreen


def _result(screen) -> str:
    return str(screen.query_one("#result").render())


async def _open(app, pilot, screen):
    await app.push_screen(screen)
    await pilot.pause()
    return screen


@pytest.mark.asyncio
async def test_reconciliation_pairs_side_by_side(make_app, store, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, ReconciliationScreen(patient))
        await pilot.press("f6")  # a second history line
        values = {
            "sources": "10000001;10000009;10000003",
            "bm.0.label": "amlodipine 5 mg", "bm.0.atc": "C08CA01", "bm.0.dose.value": "5", "bm.0.dose.unit": "mg",
            "bm.0.frequency.times_per_day": "1", "bm.0.route": "oral",
            "bm.1.label": "furosémide 40 mg", "bm.1.atc": "C03CA01", "bm.1.dose.value": "40", "bm.1.dose.unit": "mg",
            "bm.1.frequency.times_per_day": "1", "bm.1.route": "oral",
            "orders.0.label": "furosémide 40 mg", "orders.0.atc": "C03CA01", "orders.0.dose.value": "40",
            "orders.0.dose.unit": "mg", "orders.0.frequency.times_per_day": "1", "orders.0.route": "oral",
        }
        for key, value in values.items():
            screen.field_changed(key, value)
        await pilot.pause()
        text = _result(screen)
        assert "b1 amlodipine 5 mg" in text and "Arrêté · NON QUALIFIÉE" in text
        assert "b2 furosémide 40 mg" in text and "o1 furosémide 40 mg" in text and "Continué · sans divergence" in text
        screen.field_changed("bm.0.intentional", False)
        screen.field_changed("bm.0.severity", "significant")
        await pilot.pause()
        assert "Arrêté · DNI" in _result(screen)
        assert "1 DNI" in _result(screen)
        screen.query_one("#f-bm-0-label").focus()
        await pilot.press("f4")
        await pilot.pause()
        ip = app.screen
        assert isinstance(ip, InterventionScreen)
        assert ip.values["drugs.0.label"] == "amlodipine 5 mg"
        ip.field_changed("problem", "2")
        ip.field_changed("intervention", "1")
        ip.field_changed("outcome", "accepted")
        await pilot.pause()
        assert "Acceptée" in _result(ip)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert ip.saved is not None
        assert app.screen is screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved.result["summary"]["dni"] == 1
    kinds = [d.kind for d in store.patient_records(patient.id).documents]
    assert RecordKind.MEDISIS_INTERVENTION in kinds and RecordKind.MEDISIS_RECONCILIATION in kinds


@pytest.mark.asyncio
async def test_reconciliation_error_names_line_field(make_app, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, ReconciliationScreen(patient))
        screen.field_changed("bm.0.label", "x")
        screen.field_changed("bm.0.atc", "C08")
        await pilot.pause()
        assert screen.query_one("#row-bm-0-atc").has_class("invalid")


@pytest.mark.asyncio
async def test_risk_lace(make_app, store, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, RiskScreen(patient, "lace"))
        for key, value in {"length_of_stay_days": "8", "emergent_admission": True, "ed_visits_6m": "1",
                           "comorbidities.0": "myocardial_infarction", "comorbidities.12": "renal_disease"}.items():
            screen.field_changed(key, value)
        await pilot.pause()
        assert "Score 12/19 — élevé — RISQUE ÉLEVÉ" in _result(screen)  # docs/interchange.md §4.2 example
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved.result["value"] == 12


@pytest.mark.asyncio
async def test_review_findings(make_app, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, ReviewScreen(patient))
        for key, value in {"patient.egfr": "42", "patient.conditions_icd10": "I48.1",
                           "drugs.0.atc": "M01AE01", "drugs.0.label": "ibuprofène", "drugs.0.started": "01/10/2026",
                           "drugs.1.atc": "B01AF02", "drugs.1.label": "apixaban"}.items():
            screen.field_changed(key, value)
        await pilot.pause()
        text = _result(screen)
        assert "Âge 82 ans" in text
        assert "STOPP-C10 : d1, d2" in text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved is not None


@pytest.mark.asyncio
async def test_consultation30_linked_and_due_date(make_app, store, patient) -> None:
    saved = store.save_document(RecordKind.MEDISIS_RECONCILIATION,
                                {"moment": "discharge", "date": "2026-11-10", "bm": [], "orders": []},
                                actor="t", patient_id=patient.id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, Consultation30Screen(patient))
        assert screen.reconciliation == saved.record_id
        assert screen.values["due_date"] == "10/12/2026"
        assert "Prévue" in _result(screen)
        screen.field_changed("status", "done")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved is None  # done needs performed_at and mode (docs/medisis.md §8)
        assert screen.query_one("#row-performed_at").has_class("invalid")
        screen.field_changed("status", "planned")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved is not None


@pytest.mark.asyncio
async def test_review_says_what_it_could_not_check(make_app, patient) -> None:
    """docs/medisis.md §6.2: no eGFR, no start date — « non vérifiable », even with no finding (80×24)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, ReviewScreen(patient))
        for key, value in {"patient.conditions_icd10": "I10", "patient.falls_12m": "0",
                           "drugs.0.atc": "M01AE01", "drugs.0.label": "ibuprofène",
                           "drugs.1.atc": "N05CF02", "drugs.1.label": "zolpidem"}.items():
            screen.field_changed(key, value)
        await pilot.pause()
        text = _result(screen)
        assert "0 alerte(s)" in text and "⚠ 3 règle(s) non vérifiable(s)" in text
        assert "STOPP-D11 (d2) — non vérifiable : date de début de d2 manquante" in text
        assert "STOPP-E4 (d1) — non vérifiable : DFG manquant" in text
        region = screen.query_one("#result").region
        # every line shown at 80×24, above the keys
        assert region.height >= len(text.splitlines()) and region.bottom <= 23
        screen.field_changed("patient.egfr", "60")
        screen.field_changed("drugs.1.started", "01/11/2026")
        await pilot.pause()
        assert "non vérifiable" not in _result(screen)
        screen.field_changed("drugs.1.started", "")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved.result["unchecked"] == [
            {"rule": "STOPP-D11", "drugs": ["d2"], "missing": ["drugs[1].started"]},
            {"rule": "FR-HYPNOTIC-4W", "drugs": ["d2"], "missing": ["drugs[1].started"]}]


@pytest.mark.asyncio
async def test_review_unchecked_in_english(make_app, patient) -> None:
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, ReviewScreen(patient))
        screen.field_changed("drugs.0.atc", "B01AC06")
        screen.field_changed("drugs.0.dose.value", "75")
        screen.field_changed("drugs.0.dose.unit", "mg")
        await pilot.pause()
        assert "STOPP-C1 (d1) — not checkable: frequency of d1 missing or monthly" in _result(screen)
        assert "START-C1 (—) — not checkable: ICD-10 diagnoses missing" in _result(screen)


def test_patient_file_line_counts_unchecked_rules(store, patient) -> None:
    from parcours.messages import message
    from tui.patient_view import medisis_lines

    body = {"date": "2026-11-20", "patient": {"birth_date": "1944-05-02", "conditions_icd10": []},
            "drugs": [{"id": "d1", "atc": "M01AE01"}]}
    store.save_document(RecordKind.MEDISIS_REVIEW, body, actor="t", patient_id=patient.id)
    (line,) = medisis_lines(store.patient_records(patient.id).documents, lambda key, **p: message(key, "fr", **p))
    assert line.endswith("pertinence : 0 alerte(s), ACB 0 — ⚠ 1 règle(s) non vérifiable(s)")


@pytest.mark.asyncio
async def test_reconciliation_one_sided_dose_is_modified_and_warned(make_app, patient) -> None:
    """docs/medisis.md §2.7 A, §2.8 (revised): "warfarine 5 mg" against "warfarine" is never Continué."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, ReconciliationScreen(patient))
        for key, value in {"sources": "10000001;10000009;10000003",
                           "bm.0.label": "warfarine 5 mg", "bm.0.atc": "B01AA03", "bm.0.dose.value": "5",
                           "bm.0.dose.unit": "mg", "orders.0.label": "warfarine", "orders.0.atc": "B01AA03"}.items():
            screen.field_changed(key, value)
        await pilot.pause()
        text = _result(screen)
        assert "Continué" not in text and "Modifié" in text
        assert "⚠ dose ou fréquence d'un seul côté : à compléter" in text
