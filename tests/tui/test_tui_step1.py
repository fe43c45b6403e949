"""The step-1 screen: live domain results, decimal comma, stopwatch, autosaved draft, save."""

from __future__ import annotations

import pytest

from tui.rows import FieldRow
from tui.screens.modals import PickScreen
from tui.screens.step1 import Step1Screen


async def _open(app, pilot, patient, **kw):
    screen = Step1Screen(patient, **kw)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


def _label(screen, domain: str) -> str:
    return str(screen.query_one(f"#domain-{domain}").render())


async def _focus(pilot, screen, key: str) -> None:
    screen.query_one("#f-" + key.replace(".", "-")).focus()
    await pilot.pause()


@pytest.mark.asyncio
async def test_domain_result_shows_as_soon_as_filled(make_app, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, patient)
        assert _label(screen, "vision") == "Vision"
        await _focus(pilot, screen, "vision.eye_problems")
        await pilot.press("1")  # Oui, and the focus moves on to the next question
        assert "POSITIF" in _label(screen, "vision")
        assert screen.focused is screen.query_one("#f-hearing-whisper_right")
        assert screen.query_one("#offer-vision").has_class("shown")
        button = screen.query_one("#s2-vision-visual_acuity")
        assert not button.has_class("off") and "Acuité visuelle" in str(button.render())
        assert not button.can_focus  # offered, never a Tab stop (F2 opens it)
        await _focus(pilot, screen, "vision.eye_problems")
        await pilot.press("2")  # Non
        assert "NÉGATIF" in _label(screen, "vision")
        assert not screen.query_one("#offer-vision").has_class("shown")
        assert button.has_class("off")


@pytest.mark.asyncio
async def test_typing_never_mounts_nor_relays_out_the_form(make_app, patient, monkeypatch) -> None:
    """Keystroke latency (issue 8): the step-2 offers are pre-mounted, fixed-size fields only repaint."""
    from textual.widget import Widget

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, patient)
        count = len(screen.query("*"))
        layouts: list[str] = []
        refresh = Widget.refresh

        def spy(self, *regions, layout=False, **kw):
            if layout:
                layouts.append(f"{type(self).__name__}#{self.id}")
            return refresh(self, *regions, layout=layout, **kw)

        monkeypatch.setattr(Widget, "refresh", spy)
        await _focus(pilot, screen, "vision.eye_problems")
        await pilot.press("1")  # a positive domain: its step-2 offer shows
        await _focus(pilot, screen, "nutrition.weight_kg")
        await pilot.press(*"67,9")
        assert "POSITIF" in _label(screen, "vision")
        assert not screen.query_one("#s2-vision-visual_acuity").has_class("off")
        assert len(screen.query("*")) == count
        assert screen.values["nutrition.weight_kg"] == "67,9"
        assert layouts == []


@pytest.mark.asyncio
async def test_decimal_comma_and_boundary_come_from_icope(make_app, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, patient)
        await _focus(pilot, screen, "locomotion.completed")
        await pilot.press("1")
        await _focus(pilot, screen, "locomotion.chair_rise_seconds")
        await pilot.press(*"14,01")
        await _focus(pilot, screen, "locomotion.used_arms")
        await pilot.press("2")
        assert "POSITIF" in _label(screen, "locomotion")
        assert "trop lent" in _label(screen, "locomotion")
        await _focus(pilot, screen, "locomotion.chair_rise_seconds")
        await pilot.press("end", "backspace", "backspace", "0", "0")  # 14,00 passes (docs/icope.md §1.3)
        assert screen.values["locomotion.chair_rise_seconds"] == "14,00"
        assert "NÉGATIF" in _label(screen, "locomotion")


@pytest.mark.asyncio
async def test_error_shown_under_field_keeps_text(make_app, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, patient)
        await _focus(pilot, screen, "hearing.hearwho_score")
        await pilot.press(*"120")
        row = screen.query_one("#row-hearing-hearwho_score", FieldRow)
        assert row.has_class("invalid")
        assert str(row.query_one(".error").render()) == "doit être ≤ 100"
        assert row.control.value == "120"
        await pilot.press("backspace", "backspace")
        assert not row.has_class("invalid")


@pytest.mark.asyncio
async def test_english_error(make_app, patient) -> None:
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, patient)
        await _focus(pilot, screen, "nutrition.weight_kg")
        await pilot.press(*"7x")
        row = screen.query_one("#row-nutrition-weight_kg", FieldRow)
        assert str(row.query_one(".error").render()) == "must be a number"


@pytest.mark.asyncio
async def test_stopwatch_space_starts_and_stops(make_app, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, patient)
        await _focus(pilot, screen, "locomotion.chair_rise_seconds")
        watch = screen.query_one("#f-locomotion-chair_rise_seconds")
        await pilot.press("space")
        assert watch.running
        await pilot.pause(0.25)
        await pilot.press("space")
        assert not watch.running
        seconds = float(watch.value.replace(",", "."))
        assert 0.2 <= seconds < 5
        assert "," in watch.value  # French decimal comma
        assert screen.values["locomotion.chair_rise_seconds"] == watch.value
        await pilot.press("end", "backspace", "backspace", "backspace", "backspace", "9")
        assert watch.value.endswith("9")  # the time stays editable


@pytest.mark.asyncio
async def test_autosave_then_resume_then_save(make_app, store, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, patient)
        await _focus(pilot, screen, "cognition.words_recalled")
        await pilot.press("2")
        drafts = store.list_drafts(kind="icope.screening", patient_id=patient.id)
        assert len(drafts) == 1
        assert drafts[0].data["values"]["cognition.words_recalled"] == "2"
    draft = store.list_drafts(kind="icope.screening")[0]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, patient, draft=draft)
        assert screen.query_one("#f-cognition-words_recalled").value == "2"
        assert "POSITIF" in _label(screen, "cognition")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved is not None
        assert screen.saved.result["overall"] == "positive"
        assert store.list_drafts(kind="icope.screening") == []
        kinds = [d.kind.value for d in store.patient_records(patient.id).documents]
        assert "icope.screening" in kinds


@pytest.mark.asyncio
async def test_save_invalid_keeps_values_and_names_field(make_app, store, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, patient)
        await _focus(pilot, screen, "date")
        assert screen.values["date"] == "20/11/2026"  # today, dd/mm/yyyy
        await pilot.press("end", *["backspace"] * 10, *"01/13/2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved is None
        row = screen.query_one("#row-date", FieldRow)
        assert row.has_class("invalid")
        assert row.control.value == "01/13/2026"
        assert str(row.query_one(".error").render()) == "doit être une date JJ/MM/AAAA (ex. 02/05/1944)"
        assert app.screen is screen


@pytest.mark.asyncio
async def test_offered_instrument_opens_from_the_keyboard(make_app, patient) -> None:
    from tui.screens.step2 import Step2Screen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, patient)
        await pilot.press("f2")  # nothing offered yet: said so
        await pilot.pause()
        assert app.screen is screen
        await _focus(pilot, screen, "vision.eye_problems")
        await pilot.press("1", "tab")  # Oui; Tab goes to the next question, not to the offered button
        assert screen.focused is screen.query_one("#f-hearing-whisper_left")
        await pilot.press("f2")  # the one instrument offered opens at once
        await pilot.pause()
        assert isinstance(app.screen, Step2Screen) and app.screen.instrument == "visual_acuity"
        await pilot.press("escape")
        await pilot.pause()
        await _focus(pilot, screen, "psychology.feeling_down")
        await pilot.press("1", "1")  # psychology positive too: F2 asks which, this domain first
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        assert [o[0] for o in app.screen.options][-1] == "visual_acuity"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Step2Screen) and app.screen.instrument != "visual_acuity"


@pytest.mark.asyncio
async def test_empty_screening_asks_before_saving_and_names_the_due_date(make_app, store, patient) -> None:
    from tui.screens.modals import ConfirmScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, patient)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#confirm-question").render())
        assert "Aucun domaine" in question and "passera au" in question
        await pilot.press("n")  # the default: nothing is stored
        await pilot.pause()
        assert app.screen is screen and screen.saved is None
        assert [d for d in store.patient_records(patient.id).documents if d.kind.value == "icope.screening"] == []
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert screen.saved is not None and screen.saved.result["overall"] == "incomplete"


@pytest.mark.asyncio
async def test_screening_not_dated_today_asks_before_saving(make_app, store, patient) -> None:
    from tui.screens.modals import ConfirmScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, patient)
        await _focus(pilot, screen, "date")
        await pilot.press("end", *["backspace"] * 10, *"02/11/2026")
        await _focus(pilot, screen, "vision.eye_problems")
        await pilot.press("2")  # Non
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#confirm-question").render())
        assert "02/11/2026" in question and "passera au 02/05/2027" in question  # incomplete: 6 months
        await pilot.press("o")
        await pilot.pause()
        assert screen.saved is not None


@pytest.mark.asyncio
async def test_answered_screening_of_today_saves_without_asking(make_app, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, patient)
        await _focus(pilot, screen, "vision.eye_problems")
        await pilot.press("2")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved is not None


@pytest.mark.asyncio
async def test_stray_keys_never_wipe_or_move_a_value(make_app, patient) -> None:
    """A key typed as the form opens adds to the date (no select-all); a wrong digit on a choice row is
    swallowed; Shift+Tab back into a field keeps its text."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, patient)
        assert screen.focused is screen.query_one("#f-date")
        await pilot.press("x")
        assert screen.values["date"] == "20/11/2026x"  # shown invalid under the field, never replaced
        await pilot.press("backspace")
        await _focus(pilot, screen, "nutrition.weight_kg")
        await pilot.press(*"61,5")
        await _focus(pilot, screen, "vision.eye_problems")
        await pilot.press("7", "9")  # not answers of a yes/no row
        assert screen.values.get("vision.eye_problems") is None
        assert screen.values["date"] == "20/11/2026"
        assert screen.values["nutrition.weight_kg"] == "61,5"
        await pilot.press("shift+tab", "0")
        assert screen.values["nutrition.weight_kg"] == "61,50"
