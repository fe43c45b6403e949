"""The reconciliation editor's lines grow and shrink: F6/F7 add one, F8 removes the current one
(confirmed when filled), the next lines are renumbered with their pairings, drafts keep them."""

from __future__ import annotations

import pytest

from tui.reconcile_model import line_count, line_filled, remove_line
from tui.screens.modals import ConfirmScreen
from tui.screens.reconciliation import ReconciliationScreen


def test_remove_line_moves_the_next_lines_up_and_their_pairings_with_them() -> None:
    values = {
        "moment": "admission",
        "bm.0.label": "amlodipine", "bm.1.label": "furosémide", "bm.2.label": "metformine", "bm.2.atc": "A10BA02",
        "orders.0.label": "furosémide", "orders.0.bm_id": "b2",
        "orders.1.label": "metformine", "orders.1.bm_id": "B3",
        "orders.2.label": "amlodipine", "orders.2.bm_id": "b1",
    }
    out = remove_line(values, "bm", 0)
    assert out["bm.0.label"] == "furosémide" and out["bm.1.label"] == "metformine" and out["bm.1.atc"] == "A10BA02"
    assert "bm.2.label" not in out and line_count(out, "bm") == 2
    assert [out[f"orders.{i}.bm_id"] for i in range(3)] == ["b1", "b2", ""]  # b1 removed: its order is unpaired
    assert out["moment"] == "admission"
    orders = remove_line(values, "orders", 1)
    assert orders["orders.1.label"] == "amlodipine" and line_count(orders, "orders") == 2
    assert orders["bm.2.label"] == "metformine"
    assert line_filled(values, "bm", 2) and not line_filled({"bm.0.label": " "}, "bm", 0)


async def _open(app, pilot, screen):
    await app.push_screen(screen)
    await pilot.pause()
    return screen


def _focus_line(screen, side: str, i: int) -> None:
    screen.query_one(f"#f-{side}-{i}-label").focus()


@pytest.mark.asyncio
async def test_lines_are_added_removed_and_kept_in_the_draft(make_app, store, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, ReconciliationScreen(patient))
        assert screen.lines == {"bm": 1, "orders": 1}
        await pilot.press("f6")  # a second history line, focused
        await pilot.pause()
        assert screen.lines["bm"] == 2
        assert screen.focused is screen.query_one("#f-bm-1-label")
        await pilot.press(*"metformine")
        await pilot.press("f6", "f7")
        await pilot.pause()
        assert screen.lines == {"bm": 3, "orders": 2}
        assert screen.focused is screen.query_one("#f-orders-1-label")
        assert str(screen.query_one("#sec-orders-1").render()) == "Prescription — ligne o2"
        (draft,) = store.list_drafts(kind="medisis.reconciliation")
        assert draft.data["args"]["lines"] == {"bm": 3, "orders": 2}  # empty lines are kept too
        assert draft.data["values"]["bm.1.label"] == "metformine"

        _focus_line(screen, "bm", 2)
        await pilot.press("f8")  # empty: removed at once
        await pilot.pause()
        assert screen.lines["bm"] == 2 and not screen.query("#sec-bm-2")
        assert not isinstance(app.screen, ConfirmScreen)

        screen.field_changed("bm.0.label", "amlodipine")
        _focus_line(screen, "bm", 0)
        await pilot.press("f8")  # filled: asked first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "b1 (amlodipine)" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("n")  # no: nothing changes
        await pilot.pause()
        assert app.screen is screen and screen.values["bm.0.label"] == "amlodipine"
        await pilot.press("f8", "o")
        await pilot.pause()
        assert screen.lines["bm"] == 1
        assert screen.values["bm.0.label"] == "metformine"  # b2 became b1
        assert screen.query_one("#f-bm-0-label").value == "metformine"
        (draft,) = store.list_drafts(kind="medisis.reconciliation")
        assert draft.data["args"]["lines"] == {"bm": 1, "orders": 2}
        assert "bm.1.label" not in draft.data["values"]

    app = make_app()  # the draft reopens with its lines
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, ReconciliationScreen(patient, draft=draft, **draft.data["args"]))
        assert screen.lines == {"bm": 1, "orders": 2}
        assert screen.query_one("#f-bm-0-label").value == "metformine"
        assert screen.query("#f-orders-1-label")


@pytest.mark.asyncio
async def test_f8_outside_a_line_says_where_to_go(make_app, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, ReconciliationScreen(patient))
        await pilot.press("f8")
        await pilot.pause()
        assert screen.lines == {"bm": 1, "orders": 1}
        assert any("Placez-vous" in str(n.message) for n in app._notifications)
