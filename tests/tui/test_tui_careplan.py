"""The care plan editor: icope's proposals pre-filled, live check, errors under fields, save."""

from __future__ import annotations

import pytest

from parcours.core.records import RecordKind
from tui.screens.careplan import CarePlanScreen


@pytest.fixture
def confirmed(store, patient):
    store.save_document(RecordKind.ICOPE_SCREENING, {"date": "2026-11-01", "vision": {"eye_problems": True}},
                        actor="t", patient_id=patient.id)
    store.save_document(RecordKind.ICOPE_ASSESSMENT, {"instrument": "visual_acuity", "date": "2026-11-05",
                                                      "right": 0.3, "left": 0.4}, actor="t", patient_id=patient.id)
    return patient


@pytest.mark.asyncio
async def test_proposals_prefilled_and_saved(make_app, store, confirmed) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = CarePlanScreen(confirmed)
        await app.push_screen(screen)
        await pilot.pause()
        assert screen.values["interventions.0.domain"] == "vision"
        assert screen.values["interventions.0.type"] == "eye_care"
        assert screen.values["interventions.0.due"] == "20/05/2027"
        assert "orientation ophtalmologique" in str(screen.query_one("#result").render())
        screen.query_one("#f-goals-0").focus()
        await pilot.press(*"Lire le journal")
        assert "1 objectif(s), 1 intervention(s)" in str(screen.query_one("#result").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved is not None
    plans = [d for d in store.patient_records(confirmed.id).documents if d.kind is RecordKind.ICOPE_CARE_PLAN]
    assert plans[0].document["goals"] == ["Lire le journal"]
    assert plans[0].document["interventions"][0]["type"] == "eye_care"
    assert plans[0].document["screening"] is not None


@pytest.mark.asyncio
async def test_due_before_plan_is_shown_under_its_field(make_app, confirmed) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = CarePlanScreen(confirmed)
        await app.push_screen(screen)
        await pilot.pause()
        screen.field_changed("interventions.0.due", "01/01/2026")
        await pilot.pause()
        row = screen.query_one("#row-interventions-0-due")
        assert row.has_class("invalid")
        assert screen.values["interventions.0.due"] == "01/01/2026"
