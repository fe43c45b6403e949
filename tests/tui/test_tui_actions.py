"""Patient edit (optimistic locking) and delete, alert status, stays and their worklist, step-1 options."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from parcours.core.records import RecordKind
from tui.screens.home import HomeScreen
from tui.screens.modals import PickScreen, ReasonScreen
from tui.screens.patient import PatientScreen
from tui.screens.patient_form import PatientFormScreen
from tui.screens.stay import StayScreen
from tui.screens.step1 import Step1Screen


def _decline(store, patient) -> None:
    """Vision negative then positive: a decline alert (docs/icope.md §3.2)."""
    for day, eyes in (("2026-05-01", False), ("2026-11-01", True)):
        store.save_document(RecordKind.ICOPE_SCREENING, {"date": day, "vision": {"eye_problems": eyes}},
                            actor="t", patient_id=patient.id)


async def _patient_file(app, pilot, patient) -> PatientScreen:
    screen = PatientScreen(patient.id)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


@pytest.mark.asyncio
async def test_edit_patient_conflict_keeps_values_then_reload_and_save(make_app, store, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _patient_file(app, pilot, patient)
        await pilot.press("m")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PatientFormScreen)
        assert form.values["birth_date"] == "02/05/1944" and form.values["given"] == "Jeanne"
        # someone else changes the patient meanwhile
        store.update_patient(patient.id, {"family": "MARTIN", "given": ["Jeanne", "Marie"], "birth_date": "1944-05-02",
                                          "sex": "female"},
                             version=patient.version, actor="other")
        form.field_changed("family", "MARTIN-DUBOIS")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and form.saved is None
        assert "modifié entre-temps" in str(form.query_one("#form-errors").render())
        assert form.values["family"] == "MARTIN-DUBOIS"
        await pilot.press("f5")
        await pilot.pause()
        assert "Jeanne Marie" in str(form.query_one("#form-errors").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.saved is not None
        assert store.get_patient(patient.id).family == "MARTIN-DUBOIS"
        assert store.list_drafts() == []


@pytest.mark.asyncio
async def test_delete_needs_a_reason(make_app, store, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _patient_file(app, pilot, patient)
        await pilot.press("delete")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ReasonScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is modal
        assert str(modal.query_one("#reason-error").render()) == "Le motif est obligatoire."
        await pilot.press(*"doublon", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, (PatientScreen, ReasonScreen))
        assert store.search_patients("martin") == []


@pytest.mark.asyncio
async def test_alert_status_from_worklist_and_patient_file(make_app, store, patient) -> None:
    _decline(store, patient)
    app = make_app(home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert app.screen.list_id == "alerts" and len(app.screen.rows) == 1
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        await pilot.press("enter")  # confirmed: still open
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert [a.detail for a in store.open_alerts()]
        assert any("confirmée" in str(n.message) for n in app._notifications)
        await pilot.press("enter")  # the patient's file
        await pilot.pause()
        assert isinstance(app.screen, PatientScreen)
        await pilot.press("a")  # one open alert: straight to its status
        await pilot.pause()
        await pilot.press("down", "enter")  # closed
        await pilot.pause()
        assert store.open_alerts() == []
        assert "close" in str(app.screen.query_one("#pf-alerts").render())


@pytest.mark.asyncio
async def test_stay_form_and_discharge_worklist(make_app, store, patient) -> None:
    app = make_app(home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.push_screen(PatientScreen(patient.id))
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        stay = app.screen
        assert isinstance(stay, StayScreen)
        await pilot.press(*"S-42", "tab", *"10/11/2026", "tab", *"01/11/2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is stay and stay.query_one("#row-discharge_date").has_class("invalid")
        stay.query_one("#f-discharge_date").focus()
        await pilot.press("home", "delete", "delete", "2", "0")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert stay.saved is not None
        await pilot.press("escape")  # back home
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert app.screen.list_id == "discharges"
        assert [str(table.get_row_at(0)[0]), str(table.get_row_at(0)[2])] == ["MARTIN Jeanne", "20/11/2026"]


@pytest.mark.asyncio
async def test_step1_options_collapsed_and_used(make_app, store, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = Step1Screen(patient)
        await app.push_screen(screen)
        await pilot.pause()
        assert screen.query_one("#options").collapsed
        screen.field_changed("nutrition.weight_loss", "unknown")
        screen.field_changed("nutrition.appetite_loss", False)
        await pilot.pause()
        assert "POSITIF" in str(screen.query_one("#domain-nutrition").render())  # icope's default
        screen.field_changed("options.weight_loss_unknown", "incomplete")
        await pilot.pause()
        assert "INCOMPLET" in str(screen.query_one("#domain-nutrition").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved is not None
    (doc,) = [d for d in store.patient_records(patient.id).documents if d.kind is RecordKind.ICOPE_SCREENING]
    assert doc.document["options"] == {"weight_loss_unknown": "incomplete"}
