"""The TUI's identity edit goes through the store's correction (interchange.md §5.5): a birth date
after one of the patient's records is refused under the birth date, nothing saved; a good edit is
audited as `parcours patients correct` audits it."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from parcours.core.records import RecordKind
from tui.screens.patient_form import PatientFormScreen

from .conftest import field_error, retype


@pytest.mark.asyncio
async def test_birth_after_a_record_is_refused_under_the_birth_date(make_app, store, patient) -> None:
    saved = store.save_document(RecordKind.ICOPE_SCREENING, {"date": "2026-05-01", "vision": {"eye_problems": False}},
                                actor="t", patient_id=patient.id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = PatientFormScreen(store.get_patient(patient.id))
        await app.push_screen(screen)
        await pilot.pause()
        await retype(pilot, screen, "birth_date", "02/05/2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved is None and app.screen is screen
        assert field_error(screen, "row-birth_date") == (
            f"ne peut pas être après la date d'un dossier du patient (dossier {saved.record_id})")
        assert store.get_patient(patient.id).birth_date.isoformat() == "1944-05-02"
        await retype(pilot, screen, "birth_date", "03/05/1944")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved is not None
    assert store.get_patient(patient.id).birth_date.isoformat() == "1944-05-03"
    with store.engine.connect() as conn:
        after = conn.execute(text("SELECT after FROM audit WHERE entity = 'patient' AND action = 'update'"))
        after = after.scalars().all()
    assert len(after) == 1 and '"version":2' in after[0] and '"birth_date":"1944-05-03"' in after[0]
