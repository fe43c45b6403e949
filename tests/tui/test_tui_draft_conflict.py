"""The draft autosave carries its version: a draft changed on another workstation is not overwritten.

Why (issue 20): two workstations resuming the same draft overwrote each other's typing silently
(last writer wins); the screen now writes with the version it last wrote and says when it lost.
"""

from __future__ import annotations

import pytest

from tui.screens.step1 import Step1Screen


@pytest.mark.asyncio
async def test_autosave_after_another_workstation_changed_the_draft_is_reported(make_app, store, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = Step1Screen(patient)
        await app.push_screen(screen)
        await pilot.pause()
        screen.query_one("#f-cognition-words_recalled").focus()
        await pilot.pause()
        await pilot.press("2")
        [draft] = store.list_drafts(kind="icope.screening")
        other = {**draft.data, "values": {**draft.data["values"], "cognition.words_recalled": "1"}}
        store.save_draft("icope.screening", other, actor="poste2", draft_id=draft.id, version=draft.version)
        await pilot.press("backspace", "3")
        await pilot.pause()
        assert any("Brouillon non enregistré (conflict)" in str(n.message) for n in app._notifications)
    assert store.get_draft(draft.id).data["values"]["cognition.words_recalled"] == "1"  # the other's change kept
