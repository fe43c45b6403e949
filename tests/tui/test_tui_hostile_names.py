"""Names are data, never markup: hostile names stored in the database, shown literally by every screen.

Issue 20: a patient named `DUPONT [/]` crashed the home screen at start-up (every workstation of a
shared database), and `[@click=app.quit]` became a live action; control characters must be shown,
never sent to the terminal.
"""

from __future__ import annotations

import orjson
import pytest
from sqlalchemy import text
from textual.widgets import DataTable, OptionList

from tui.screens.home import HomeScreen
from tui.screens.patient import PatientScreen

HOSTILE = ["DUPONT [/]", "[@click=app.quit]CLIQUEZ[/]", "[b]GRAS", "[link=https://evil.example]LIEN[/link]",
           "\\[/]", "ESC\x1b[31mROUGE", "[red]ROUGE[/red", "BIDI\u202eETIRW"]
GIVEN = "[i]Anne[/i]"


def shown(name: str) -> str:
    """What the screen must show for a stored name: the same characters, control ones made visible."""
    return name.replace("\x1b", "\u241b").replace("\u202e", "<U+202E>")


@pytest.fixture
def hostile(store):
    return [store.create_patient({"family": name, "given": [GIVEN], "birth_date": "1944-05-02"},
                                 site=None, actor="test") for name in HOSTILE]


def _cells(app) -> list[str]:
    table = app.screen.query_one(DataTable)
    # a name longer than its column goes on two lines (issue 17): compared without the line breaks
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def _flat(texts) -> list[str]:
    return sorted("".join(t.split()) for t in texts)


@pytest.mark.asyncio
async def test_home_lists_hostile_names_literally_and_stays_up(make_app, store, hostile) -> None:
    app = make_app(home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert _flat(_cells(app)) == _flat(f"{shown(name)} {GIVEN}" for name in HOSTILE)
        table = app.screen.query_one(DataTable)
        y = 1 + table.ordered_rows[0].height  # the row after the cursor's (a long name takes lines, issue 17)
        for row in table.ordered_rows[1:]:  # a click on every other row in view: no name is a live action
            if y >= table.size.height:
                break
            await pilot.click(DataTable, offset=(3, y))
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, HomeScreen)
            y += row.height
        rendered = app.export_screenshot()
        assert "\x1b" not in rendered and "app.quit]CLIQU" in rendered  # literal; split when wider than its column


@pytest.mark.asyncio
async def test_patient_file_shows_hostile_names_and_audits_the_read(make_app, store, hostile) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for patient, name in zip(hostile, HOSTILE, strict=True):
            app.push_screen(PatientScreen(patient.id))
            await pilot.pause()
            who = app.screen.query_one("#pf-who")
            assert str(who.render()) == f"{shown(name)} {GIVEN}"
            await pilot.click("#pf-who")
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, PatientScreen)
            app.status(app.t("tui.pf.deleted", name=name))  # a status quoting the name: literal too
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
    with store.engine.connect() as conn:
        opened = conn.execute(text("SELECT actor, entity_id, after FROM audit WHERE action = 'read' ORDER BY id")).all()
    assert [(r.actor, r.entity_id, orjson.loads(r.after)["purpose"]) for r in opened] == [
        ("test", p.id, "tui-open") for p in hostile]


@pytest.mark.asyncio
async def test_pick_list_of_hostile_labels(make_app, store) -> None:
    from tui.screens.modals import PickScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(PickScreen("[/]", [(str(i), name) for i, name in enumerate(HOSTILE)]))
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert [str(options.get_option_at_index(i).prompt) for i in range(len(HOSTILE))] == [shown(n) for n in HOSTILE]
        assert app.is_running


def test_every_screen_takes_label_and_static_from_tui_plain():
    """A textual Label or Static parses markup: the app's come from tui.plain (a new screen included)."""
    import re
    from pathlib import Path

    import tui

    root = Path(tui.__file__).parent
    offending = [str(p.relative_to(root)) for p in root.rglob("*.py") if p.name != "plain.py" and re.search(
        r"from textual\.widgets import [^\n]*\b(Label|Static)\b", p.read_text(encoding="utf-8"))]
    assert offending == []
