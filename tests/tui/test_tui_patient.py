"""The patient file: history of screenings, step-2 scores, alerts, MEDISIS lines; exports with a status."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from parcours.core.records import RecordKind
from tui.screens.modals import PickScreen
from tui.screens.patient import PatientScreen
from tui.screens.step1 import Step1Screen
from tui.screens.step2 import Step2Screen


def _text(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


@pytest.fixture
def history(store, patient):
    save = store.save_document
    save(RecordKind.ICOPE_SCREENING, {"date": "2026-05-01", "vision": {"eye_problems": False}},
         actor="t", patient_id=patient.id)
    save(RecordKind.ICOPE_SCREENING, {"date": "2026-11-01", "vision": {"eye_problems": True},
                                      "psychology": {"feeling_down": False, "little_interest": False}},
         actor="t", patient_id=patient.id)
    save(RecordKind.ICOPE_ASSESSMENT, {"instrument": "hearwho", "date": "2026-11-02", "score": 40}, actor="t",
         patient_id=patient.id)
    return patient


@pytest.mark.asyncio
async def test_history_lines(make_app, history, tmp_path: Path) -> None:
    app = make_app(export_folder=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = PatientScreen(history.id)
        await app.push_screen(screen)
        await pilot.pause()
        table = screen.query_one("#pf-screenings", DataTable)
        rows = [tuple(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        assert rows == [
            ("01/05/2026", "incomplet", "?", "?", "?", "−", "?", "?"),
            ("01/11/2026", "positif", "?", "?", "?", "+", "?", "−"),
        ]
        assert "hearWHO  40/100  à adresser  anormal" in _text(screen, "#pf-step2")
        assert "Vision" in _text(screen, "#pf-alerts")
        assert "01/05/2027" in _text(screen, "#pf-identity")  # dd/mm/yyyy (DEVELOPERS.md)
        assert "02/05/1944" in _text(screen, "#pf-identity")
        assert "02/11/2026  hearWHO" in _text(screen, "#pf-step2")


@pytest.mark.asyncio
async def test_actions_open_forms(make_app, history) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(PatientScreen(history.id))
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, Step1Screen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        assert app.screen.options[0][0] == "visual_acuity"  # proposed by the last screening, first
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Step2Screen)
        assert app.screen.instrument == "visual_acuity"


@pytest.mark.asyncio
async def test_export_pdf_and_fhir_status(make_app, history, tmp_path: Path) -> None:
    app = make_app(export_folder=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = PatientScreen(history.id)
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert screen.last_export.path.read_bytes().startswith(b"%PDF")
        assert any("PDF écrit" in str(n.message) for n in app._notifications)
        await pilot.press("f")
        await pilot.pause()
        folder = screen.last_export.path
        assert (folder / "export.json").exists()
        assert screen.last_export.count > 0
        assert any("FHIR :" in str(n.message) for n in app._notifications)


@pytest.mark.asyncio
async def test_exports_are_private_under_umask_0_and_audited(make_app, store, history, tmp_path: Path) -> None:
    """Issue 20: the PDF and the FHIR files 0600 in 0700 folders whatever the umask; each read audited."""
    import os
    import stat

    import orjson
    from sqlalchemy import text

    folder = tmp_path / "exports"
    app = make_app(export_folder=folder)
    old = os.umask(0)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = PatientScreen(history.id)
            await app.push_screen(screen)
            await pilot.pause()
            await pilot.press("x")
            await pilot.pause()
            pdf = screen.last_export.path
            await pilot.press("f")
            await pilot.pause()
            fhir = screen.last_export.path
    finally:
        os.umask(old)

    def mode(p: Path) -> int:
        return stat.S_IMODE(p.stat().st_mode)

    assert mode(folder) == 0o700 and mode(fhir) == 0o700 and mode(pdf) == 0o600
    assert sorted(mode(f) for f in fhir.iterdir()) == [0o600] * len(list(fhir.iterdir()))
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT entity_id, after FROM audit WHERE action = 'read' ORDER BY id")).all()
    assert [(r.entity_id, orjson.loads(r.after)["purpose"]) for r in rows] == [
        (history.id, "tui-open"), (history.id, "tui-export-pdf"), (history.id, "tui-export-fhir")]


@pytest.fixture
def two_alerts(store, patient):
    """A patient whose second screening declines in vision and hearing: two open D1 alerts."""
    save = store.save_document
    save(RecordKind.ICOPE_SCREENING, {"date": "2026-05-01", "vision": {"eye_problems": False},
                                      "hearing": {"hearwho_score": 80}}, actor="t", patient_id=patient.id)
    save(RecordKind.ICOPE_SCREENING, {"date": "2026-11-01", "vision": {"eye_problems": True},
                                      "hearing": {"hearwho_score": 40}}, actor="t", patient_id=patient.id)
    return patient


@pytest.mark.asyncio
async def test_alert_status_with_several_alerts(make_app, store, two_alerts) -> None:
    """`a` with two open alerts: pick one, then its status; both dialogs stack without an id clash."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = PatientScreen(two_alerts.id)
        await app.push_screen(screen)
        await pilot.pause()
        before = screen.open_alerts()
        assert len(before) >= 2
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)  # the status list, second dialog
        await pilot.press("down", "enter")  # « clôturée »
        await pilot.pause()
        assert app.screen is screen
        assert screen.open_alerts() == before[1:]  # the first alert, closed, left the list


@pytest.mark.asyncio
async def test_patient_file_speaks_french(make_app, store, patient) -> None:
    """« Née le » from the sex, each empty section says what it lacks, acuity in tenths, no capitals."""
    store.save_document(RecordKind.ICOPE_ASSESSMENT, {"instrument": "visual_acuity", "date": "2026-11-02",
                                                       "right": 0.5, "left": "4/10"}, actor="t", patient_id=patient.id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = PatientScreen(patient.id)
        await app.push_screen(screen)
        await pilot.pause()
        assert _text(screen, "#pf-identity").startswith("Née le 02/05/1944")  # MARTIN Jeanne, female
        assert _text(screen, "#pf-alerts") == "aucune alerte"
        assert _text(screen, "#pf-plan") == "aucun plan de soins"
        step2 = _text(screen, "#pf-step2")
        assert "Acuité visuelle  4/10" in step2 and "anormal" in step2 and "ANORMAL" not in step2
