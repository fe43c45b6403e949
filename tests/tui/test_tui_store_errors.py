"""The TUI says why the database cannot be opened (issue 18), instead of « Ouverture de la base… » forever."""

from __future__ import annotations

from pathlib import Path

import pytest

from parcours.store import open_store
from tui import make_app


async def _wait_for_error(app, pilot) -> None:
    for _ in range(200):
        await pilot.pause(0.05)
        if app.store_error:
            break
    await pilot.pause()


@pytest.mark.asyncio
async def test_a_folder_that_does_not_exist_is_named(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/missing/parcours.db"
    app = make_app(lambda: open_store(url), "fr", actor="test")
    async with app.run_test(size=(80, 24)) as pilot:
        await _wait_for_error(app, pilot)
        assert app.store_error is not None and f"{tmp_path}/missing" in app.store_error
        assert "Ouverture de la base" not in str(app.screen.query_one("#which").render())
    assert not (tmp_path / "missing").exists()  # never created for an explicit URL


@pytest.mark.asyncio
async def test_an_unexpected_error_while_opening_is_shown_too() -> None:
    def open_db():  # runs in the app's worker thread
        raise RuntimeError("the driver fell over")

    app = make_app(open_db, "en", actor="test")
    async with app.run_test(size=(80, 24)) as pilot:
        await _wait_for_error(app, pilot)
        assert app.store_error is not None and app.store_error.startswith("unexpected error RuntimeError")
        assert "fell over" not in app.store_error  # a driver's text may hold a URL with its password
        log = Path(app.store_error.split("technical details in ")[1].rstrip(")"))
        assert log.is_file() and "builtins.RuntimeError (message withheld" in log.read_text()
        assert "The database cannot be opened" in str(app.screen.query_one("#which").render())
