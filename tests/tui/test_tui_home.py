"""Home: search, new patient form, worklists, site filter, resume prompt at start; help screen."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from tui.screens.home import HomeScreen
from tui.screens.modals import ConfirmScreen, ResumeScreen
from tui.screens.patient import PatientScreen
from tui.screens.patient_form import PatientFormScreen
from tui.screens.step1 import Step1Screen


def _names(app) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


@pytest.mark.asyncio
async def test_search_and_open_patient(make_app, store, patient) -> None:
    store.create_patient({"family": "DURAND", "given": ["Paul"], "birth_date": "1950-01-01", "sex": "male"},
                         site=None, actor="test")
    app = make_app(home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert sorted(_names(app)) == ["DURAND Paul", "MARTIN Jeanne"]
        await pilot.press("slash", *"mar")
        await pilot.pause()
        assert _names(app) == ["MARTIN Jeanne"]
        await pilot.press("enter", "enter")  # leave the search, open the row
        await pilot.pause()
        assert isinstance(app.screen, PatientScreen)
        assert "MARTIN Jeanne" in str(app.screen.query_one("#pf-who").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.asyncio
async def test_new_patient_form_errors_then_created(make_app, store) -> None:
    app = make_app(home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PatientFormScreen)
        await pilot.press(*"BERNARD", "tab", *"Lucie", "tab", *"30/02/1948", "tab", "1", "tab", *"123")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # not saved: errors under the fields, text kept
        assert form.query_one("#row-birth_date").has_class("invalid")
        assert form.query_one("#f-birth_date").value == "30/02/1948"
        assert str(form.query_one("#row-birth_date .error").render()).startswith("doit être une date JJ/MM/AAAA")
        form.query_one("#f-birth_date").focus()
        await pilot.press("home", "delete", "delete", "2", "8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # the store refuses the INS: its message goes under the field
        assert not form.query_one("#row-birth_date").has_class("invalid")
        assert form.query_one("#row-ins").has_class("invalid")
        assert "INS" in str(form.query_one("#row-ins .error").render())
        form.query_one("#f-ins").focus()
        await pilot.press("end", "backspace", "backspace", "backspace")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PatientScreen)
        found = store.search_patients("bern")
        assert [(p.family, p.given, p.birth_date.isoformat()) for p in found] == [("BERNARD", ("Lucie",), "1948-02-28")]
        assert store.list_drafts(kind="patient") == []


@pytest.mark.asyncio
async def test_worklist_positive_without_step2(make_app, store, patient) -> None:
    from parcours.core.records import RecordKind

    store.save_document(RecordKind.ICOPE_SCREENING, {"date": "2026-11-01", "vision": {"eye_problems": True}},
                        actor="test", patient_id=patient.id)
    app = make_app(home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        assert app.screen.list_id == "step2"
        assert _names(app) == ["MARTIN Jeanne"]
        table = app.screen.query_one(DataTable)
        assert "Vision" in str(table.get_row_at(0)[3])
        await pilot.press("3")
        await pilot.pause()
        assert "Alertes ouvertes" in str(app.screen.query_one("#which").render())


@pytest.mark.asyncio
async def test_site_filter(make_app, store) -> None:
    store.ensure_site("540000000", "MSP de Gerbéviller", actor="nurse-1")
    store.create_patient({"family": "A", "birth_date": "1940-01-01"}, site="540000000", actor="test")
    store.create_patient({"family": "B", "birth_date": "1940-01-01"}, site=None, actor="test")
    app = make_app(home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(_names(app)) == 2
        await pilot.press("s")
        await pilot.pause()
        assert app.site == "540000000"
        assert _names(app) == ["A"]


@pytest.mark.asyncio
async def test_start_offers_to_resume_a_draft(make_app, store, patient) -> None:
    store.save_draft("icope.screening", {"values": {"vision.eye_problems": True}, "screen": "Step1Screen", "args": {}},
                     actor="test", patient_id=patient.id)
    app = make_app(home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        assert str(app.screen.query_one("#resume-question").render()) == "Reprendre la saisie ?"
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, Step1Screen)
        assert "POSITIF" in str(app.screen.query_one("#domain-vision").render())


@pytest.mark.asyncio
async def test_declining_resume_discards(make_app, store, patient) -> None:
    store.save_draft("icope.screening", {"values": {}, "screen": "Step1Screen", "args": {}}, actor="test",
                     patient_id=patient.id)
    app = make_app(home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")  # « Abandonner définitivement… ? » first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert len(store.list_drafts()) == 1
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert store.list_drafts() == []


@pytest.mark.asyncio
async def test_a_stray_n_on_resume_keeps_the_draft(make_app, store, patient) -> None:
    store.save_draft("icope.screening", {"values": {}, "screen": "Step1Screen", "args": {}}, actor="test",
                     patient_id=patient.id)
    app = make_app(home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n", "n")  # no, then « no, do not discard »
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert len(store.list_drafts()) == 1


@pytest.mark.asyncio
async def test_help_screen_lists_keys_in_french_and_english(make_app) -> None:
    for lang, word in (("fr", "Brouillons"), ("en", "Drafts")):
        app = make_app(lang, home=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            assert app.screen.id == "help"
            assert word in str(app.screen.query_one("#help-screen-keys").render())
            assert "ctrl+q" in str(app.screen.query_one("#help-global-keys").render())
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)


@pytest.mark.asyncio
async def test_contrast_theme_and_quit(make_app) -> None:
    app = make_app(home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "parcours"
        await pilot.press("f3")
        assert app.theme == "parcours-contrast"
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
