"""Names are data, never markup: hostile names stored in the database, shown literally by every screen.

Issue 20: a patient named `DUPONT [/]` crashed the home screen at start-up (every workstation of a
shared database), and `[@click=app.quit]` became a live action.
"""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from tui.screens.home import HomeScreen
from tui.screens.patient import PatientScreen

HOSTILE = ["DUPONT [/]", "[@click=app.quit]CLIQUEZ[/]", "[b]GRAS", "[link=https://evil.example]LIEN[/link]",
           "\\[/]", "ESC\x1b[31mROUGE", "[red]ROUGE[/red"]


@pytest.fixture
def hostile(store):  # noqa: ANN001, ANN201
    return [store.create_patient({"family": name, "given": ["[i]Anne[/i]"], "birth_date": "1944-05-02"},
                                 site=None, actor="test") for name in HOSTILE]


def _cells(app) -> list[str]:  # noqa: ANN001
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def _screen_text(app) -> str:  # noqa: ANN001
    return "\n".join(str(line.text) for line in app.screen._compositor.render_update(full=True).strips) \
        if False else app.export_screenshot()


@pytest.mark.asyncio
async def test_home_lists_hostile_names_literally_and_stays_up(make_app, store, hostile) -> None:  # noqa: ANN001
    app = make_app(home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        shown = _cells(app)
        assert len(shown) == len(HOSTILE)
        for name in HOSTILE:
            visible = name.replace("\x1b", "^[")
            assert any(cell.startswith(visible) for cell in shown), (name, shown)
        await pilot.click(DataTable, offset=(4, 2))
        await pilot.pause()
        assert app.is_running  # no live [@click] action
