"""Focus on a form: a resumed draft reopens on the field typed last, in view with its heading; a
key typed before the first field has the focus is not lost."""

from __future__ import annotations

import pytest

from tui.screens.patient_form import PatientFormScreen
from tui.screens.step1 import Step1Screen


@pytest.mark.asyncio
async def test_resumed_screening_reopens_on_the_last_field_typed(make_app, store, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = Step1Screen(patient)
        await app.push_screen(screen)
        await pilot.pause()
        screen.query_one("#f-hearing-whisper_left").focus()
        await pilot.pause()
        await pilot.press("2")
    (draft,) = store.list_drafts(kind="icope.screening")
    assert draft.data["focus"] == "hearing.whisper_left"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = Step1Screen(patient, draft=draft)
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.pause()
        field = screen.query_one("#f-hearing-whisper_left")
        assert screen.focused is field
        assert screen.can_view_entire(field)
        assert screen.can_view_entire(screen.query_one("#domain-hearing"))  # the domain and its result
        await pilot.press("1")  # lands in the resumed field
        assert screen.values["hearing.whisper_left"] == "pass"


@pytest.mark.asyncio
async def test_a_key_typed_before_the_first_field_has_the_focus_lands_in_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = PatientFormScreen()
        await app.push_screen(screen)
        await pilot.pause()
        screen.set_focus(None)  # as while the screen is still opening, under load
        await pilot.press("M", "A")
        assert screen.query_one("#f-family").value == "MA"
        assert screen.values["family"] == "MA"
