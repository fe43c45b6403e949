"""Start-up: the home screen appears before the store is open, then fills; a store error is shown."""

from __future__ import annotations

import threading

import pytest
from textual.widgets import DataTable

from parcours.store.errors import DatabaseError
from tui import make_app
from tui.screens.home import HomeScreen


@pytest.mark.asyncio
async def test_home_first_then_filled_when_store_opens(store, patient) -> None:
    release = threading.Event()

    def open_db():  # runs in the app's worker thread
        release.wait(10)
        return store

    app = make_app(open_db, "fr", actor="test")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen) and app.store is None
        assert str(home.query_one("#which").render()) == "Ouverture de la base…"
        await pilot.press("n")  # nothing to create a patient in yet: a message, no crash
        await pilot.pause()
        assert app.screen is home
        assert any("Ouverture de la base" in str(n.message) for n in app._notifications)
        release.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if home.loaded:
                break
        assert app.store is store and home.loaded
        table = home.query_one(DataTable)
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == ["MARTIN Jeanne"]
        assert str(table.get_row_at(0)[1]) == "02/05/1944"
    app.close_store()  # the app owns a store it opened


@pytest.mark.asyncio
async def test_store_error_is_shown_in_the_app() -> None:
    def open_db():
        raise DatabaseError(reason="disk I/O error")

    app = make_app(open_db, "en", actor="test")
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.store_error:
                break
        await pilot.pause()
        assert "disk I/O error" in app.store_error
        assert "The database cannot be opened" in str(app.screen.query_one("#which").render())
