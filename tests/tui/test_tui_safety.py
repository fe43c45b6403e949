"""Issue 15 in the TUI: the S1 banner must be acknowledged with `o`; the patient file shows open S1 alerts."""

from __future__ import annotations

import pytest

from tui.screens.safety import SafetyBanner
from tui.screens.step2 import Step2Screen

ITEM9 = {**{f"items.{i}": 0 for i in range(8)}, "items.8": 1}  # total 1: "minimal", yet S1


async def _save_phq9(app, pilot, patient, values):
    screen = Step2Screen("phq9", patient)
    await app.push_screen(screen)
    await pilot.pause()
    for key, value in values.items():
        screen.field_changed(key, value)
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    return screen


@pytest.mark.asyncio
@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_s1_banner_stays_until_acknowledged(make_app, store, patient, lang) -> None:
    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _save_phq9(app, pilot, patient, ITEM9)
        assert isinstance(app.screen, SafetyBanner)
        text = str(app.screen.query_one("#safety-body").render())
        assert "20/11/2026" in text and "PHQ-9" in text
        for key in ("escape", "enter", "space", "ctrl+s"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, SafetyBanner), key  # no stray key closes it
        await pilot.press("o")
        await pilot.pause()
        assert not isinstance(app.screen, SafetyBanner) and app.screen is not form  # then the form closes as usual
    alerts = [d.document for d in store.patient_records(patient.id).documents if d.kind.value == "icope.alert"]
    assert [(a["rule"], a["domain"]) for a in alerts] == [("S1", "psychology")]
    assert [r.detail for r in store.open_alerts()] == ["S1:psychology"]


@pytest.mark.asyncio
async def test_no_banner_without_item9(make_app, store, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        values = {**{f"items.{i}": 3 for i in range(8)}, "items.8": 0}  # total 24 without item 9
        form = await _save_phq9(app, pilot, patient, values)
        assert not isinstance(app.screen, SafetyBanner) and app.screen is not form
    assert store.open_alerts() == []


@pytest.mark.asyncio
async def test_patient_file_shows_open_s1_first(make_app, store, patient) -> None:
    from parcours.core.records import RecordKind
    from tui.screens.patient import PatientScreen

    store.save_document(RecordKind.ICOPE_ASSESSMENT, {"instrument": "phq9", "date": "2026-11-19",
                                                      "items": [0, 0, 0, 0, 0, 0, 0, 0, 2]},
                        actor="test", patient_id=patient.id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = PatientScreen(patient.id)
        await app.push_screen(screen)
        await pilot.pause()
        banner = screen.query_one("#pf-safety")
        assert "Alerte S1 ouverte (19/11/2026)" in str(banner.render()) and banner.display
        assert str(screen.query_one("#pf-alerts").render()).startswith("19/11/2026 S1")
        assert "⚠ Item 9 > 0" in str(screen.query_one("#pf-step2").render())
        record_id = screen.open_alerts()[0][0]
        store.set_alert_status(record_id, "closed", actor="test")
        screen.reload()
        await pilot.pause()
        assert not screen.query_one("#pf-safety").display
