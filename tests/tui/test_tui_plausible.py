"""Plausible input in the TUI (issue 15): a future date under its own field, a birth after the visit
under the birth date, an implausible value under its field once saved — never only at the bottom."""

from __future__ import annotations

from datetime import date

import pytest

from parcours.core import clock

from .conftest import field_error, retype

TODAY = date(2026, 11, 20)  # the app's fixed date (tests/tui/conftest.py)


@pytest.mark.asyncio
async def test_future_screening_date_is_refused_under_the_date(make_app, patient) -> None:
    from tui.screens.step1 import Step1Screen

    app = make_app()
    with clock.fixed_today(TODAY):
        async with app.run_test(size=(80, 24)) as pilot:
            screen = Step1Screen(patient)
            await app.push_screen(screen)
            await pilot.pause()
            await retype(pilot, screen, "date", "21/11/2026")
            assert field_error(screen, "row-date") == "ne peut pas être après aujourd'hui (20/11/2026)"  # at once
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert screen.saved is None and app.screen is screen
            assert field_error(screen, "row-date") == "ne peut pas être après aujourd'hui (20/11/2026)"
            assert str(screen.query_one("#form-errors").render()) == ""
            await retype(pilot, screen, "date", "20/11/2026")
            assert field_error(screen, "row-date") == ""


@pytest.mark.asyncio
async def test_birth_after_the_screening_date_is_refused_under_the_birth_date(make_app, patient) -> None:
    from tui.screens.step1 import Step1Screen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = Step1Screen(patient)  # born 02/05/1944
        await app.push_screen(screen)
        await pilot.pause()
        info = screen.query_one("#row-patient-birth-date")
        assert "02/05/1944" in str(info.query_one(".info").render())
        await retype(pilot, screen, "date", "01/05/1944")
        assert field_error(screen, "row-patient-birth-date") == "ne peut pas être après date"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved is None
        assert field_error(screen, "row-patient-birth-date") == "ne peut pas être après date"
        assert str(screen.query_one("#form-errors").render()) == ""  # not as a raw message at the bottom
        await retype(pilot, screen, "date", "02/05/1944")
        assert field_error(screen, "row-patient-birth-date") == ""


@pytest.mark.asyncio
async def test_patient_born_after_today_is_refused_under_the_birth_date(make_app) -> None:
    from tui.screens.patient_form import PatientFormScreen

    app = make_app("en")
    with clock.fixed_today(TODAY):
        async with app.run_test(size=(80, 24)) as pilot:
            form = PatientFormScreen()
            await app.push_screen(form)
            await pilot.pause()
            await retype(pilot, form, "family", "BERNARD")
            await retype(pilot, form, "birth_date", "21/11/2026")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is form and form.saved is None
            assert field_error(form, "row-birth_date") == "cannot be after today (20/11/2026)"
            await retype(pilot, form, "birth_date", "20/11/2026")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert form.saved is not None and form.saved.birth_date == TODAY


@pytest.mark.asyncio
async def test_implausible_weight_is_named_under_its_field_on_save(make_app, patient) -> None:
    from tui.screens.step1 import Step1Screen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = Step1Screen(patient)
        await app.push_screen(screen)
        await pilot.pause()
        await retype(pilot, screen, "nutrition.weight_kg", "679")
        assert field_error(screen, "row-nutrition-weight_kg") == ""  # not while typing
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved is None
        assert field_error(screen, "row-nutrition-weight_kg") == "valeur invraisemblable : attendue entre 20 et 350 kg"


@pytest.mark.asyncio
async def test_review_birth_after_its_date_is_refused_under_the_birth_date(make_app, patient) -> None:
    from tui.screens.medisis_review import ReviewScreen

    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = ReviewScreen(patient)  # born 02/05/1944
        await app.push_screen(screen)
        await pilot.pause()
        await retype(pilot, screen, "date", "01/01/1944")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved is None
        assert field_error(screen, "row-patient-birth-date") == "cannot be after date"
        assert str(screen.query_one("#form-errors").render()) == ""
