"""The footer's keys fit an 80-column terminal on every main screen, in both languages."""

from __future__ import annotations

import pytest
from textual.widgets import Footer

from tui.screens.patient import PatientScreen
from tui.screens.reconciliation import ReconciliationScreen
from tui.screens.step1 import Step1Screen


@pytest.mark.asyncio
@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_footer_keys_fit_80_columns(make_app, patient, lang: str) -> None:
    app = make_app(lang, home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for make in (None, lambda: PatientScreen(patient.id), lambda: Step1Screen(patient),
                     lambda: ReconciliationScreen(patient)):
            if make is not None:
                await app.push_screen(make())
                await pilot.pause()
            footer = app.screen.query_one(Footer)
            keys = list(footer.query("FooterKey"))
            assert len(keys) >= 3, type(app.screen).__name__
            used = sum(key.outer_size.width for key in keys)
            assert used <= footer.size.width == 80, (type(app.screen).__name__, used)
            assert "f1" in {key.key for key in keys}  # the help, where every key is listed (F3 contrast too)
