"""The pharmacist's editor speaks French (issue 17): sources ticked by label, units and routes picked by
label, the drug lookup fills the line, errors under their field with no JSON path; Act-IP codes all
reachable from the keyboard with their labels. Pilot at 80×24, French and English."""

from __future__ import annotations

from pathlib import Path

import pytest

from medisis.interventions import InterventionType, Problem
from medisis.vocab import HistorySource
from parcours.messages import message
from tui.pickers import CheckList, PickField
from tui.screens.intervention import InterventionScreen
from tui.screens.reconciliation import ReconciliationScreen

SAMPLE = Path(__file__).resolve().parents[1] / "medisis" / "data" / "bdpm"


async def _open(app, pilot, screen):
    await app.push_screen(screen)
    await pilot.pause()
    return screen


def _text(widget) -> str:
    return str(widget.render())


@pytest.mark.asyncio
@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_sources_are_a_checklist_of_the_18_labels(make_app, patient, lang) -> None:
    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, ReconciliationScreen(patient))
        sources = screen.query_one("#f-sources", CheckList)
        sources.focus()
        await pilot.pause()
        shown = _text(sources)
        for code in HistorySource:
            assert message(f"report.source.{code.value}", lang)[:20] in shown
        assert "10000001" not in shown
        await pilot.press("1", "i", "3", "3", "down", "space")  # 3 ticked then unticked; the cursor moves to 4
        await pilot.pause()
        assert screen.values["sources"] == ["10000001", "10000004", "10000018"]
        await pilot.press("z")  # not an item: nothing changes
        await pilot.press("tab")
        await pilot.pause()
        folded = _text(sources)
        assert message("report.source.10000001", lang) in folded and "100000" not in folded
        doc, issues = screen.document()
        assert doc["sources"] == ["10000001", "10000004", "10000018"] and issues == []


@pytest.mark.asyncio
@pytest.mark.parametrize(("lang", "typed", "unit_label", "route_label"), [
    ("fr", ("u", "g"), "µg", "orale"), ("en", ("u", "g"), "µg", "oral")])
async def test_units_and_routes_are_picked_by_label(make_app, patient, lang, typed, unit_label, route_label) -> None:
    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, ReconciliationScreen(patient))
        unit = screen.query_one("#f-bm-0-dose-unit", PickField)
        unit.focus()
        await pilot.press(*typed)
        await pilot.pause()
        assert screen.values["bm.0.dose.unit"] == "ug" and f"[{unit_label}]" in _text(unit)
        await pilot.press("m")  # a new start: the first label beginning with m
        assert screen.values["bm.0.dose.unit"] == "mg"
        route = screen.query_one("#f-bm-0-route", PickField)
        route.focus()
        await pilot.press("o")
        await pilot.pause()
        assert screen.values["bm.0.route"] == "oral" and f"[{route_label}]" in _text(route)
        await pilot.press("right")
        assert screen.values["bm.0.route"] == "sublingual"
        await pilot.press("backspace")
        assert screen.values["bm.0.route"] is None


@pytest.mark.asyncio
@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_errors_are_under_their_field_without_json_paths(make_app, patient, lang) -> None:
    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, ReconciliationScreen(patient))
        screen.field_changed("bm.0.dose.value", "40")  # a line with a dose but no drug
        screen.field_changed("bm.0.dose.unit", "mg")
        screen.field_changed("orders.0.atc", "C03CA01")
        screen.field_changed("orders.0.equivalence", True)  # equivalence without a paired line
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        label = screen.query_one("#row-bm-0-label")
        assert label.has_class("invalid"), _text(screen.query_one("#form-errors"))
        assert message("tui.error.drug_identification_missing", lang) in _text(label.query_one(".error"))
        screen.field_changed("bm.0.atc", "N05BA12")
        await pilot.press("ctrl+s")
        await pilot.pause()
        equivalence = screen.query_one("#row-orders-0-equivalence")
        assert message("tui.error.equivalence_unpaired", lang) in _text(equivalence.query_one(".error"))
        everything = " ".join(_text(w) for w in screen.query(".error")) + _text(screen.query_one("#form-errors"))
        for raw in ("bm[0]", "orders[0]", "sources[0]", "bm_id", "atc, cis", "equivalence:"):
            assert raw not in everything
        assert screen.saved is None


@pytest.mark.asyncio
@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_drug_lookup_fills_the_line(make_app, store, patient, lang) -> None:
    store.import_drugs(str(SAMPLE), actor="test")
    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, ReconciliationScreen(patient))
        screen.query_one("#f-orders-0-label").focus()
        await pilot.press(*"3400991000015", "enter")  # a CIP13 scanned from the box
        await pilot.pause()
        v = screen.values
        assert v["orders.0.label"] == "FUROSÉMIDE FICTIF 40 mg, comprimé sécable"
        assert (v["orders.0.atc"], v["orders.0.form"], v["orders.0.dose.value"], v["orders.0.dose.unit"],
                v["orders.0.route"]) == ("C03CA01", "comprimé sécable", "40", "mg", "oral")
        assert screen.focused is screen.query_one("#f-orders-0-frequency-times_per_day")
        doc, _ = screen.document()
        assert doc["orders"][0]["cis"] == "61000001" and doc["orders"][0]["cip13"] == "3400991000015"

        screen.query_one("#f-bm-0-label").focus()
        await pilot.press(*"ALPRA")
        await pilot.pause()
        box = _text(screen.query_one("#row-bm-0-label").query_one("Suggestions"))
        assert "ALPRAZOLAM FICTIF 0,25 mg" in box and message("tui.drug.not_marketed", lang) in box
        await pilot.press("down", "up", "down", "enter")  # the second match: 0,50 mg
        await pilot.pause()
        assert screen.values["bm.0.dose.value"] == ("0,5" if lang == "fr" else "0.5")
        screen.query_one("#f-bm-0-label").focus()
        await pilot.press("x")  # the name typed over: the codes of the pick no longer hold
        await pilot.pause()
        doc, _ = screen.document()
        assert "cis" not in doc["bm"][0] and doc["bm"][0]["atc"] == "N05BA12"

        await pilot.press("f6", *"3400893213322", "enter")  # a UCD13: kept on the line
        await pilot.pause()
        doc, _ = screen.document()
        assert doc["bm"][1]["ucd13"] == "3400893213322"


@pytest.mark.asyncio
async def test_drug_lookup_without_a_database_says_how_to_load_it(make_app, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, ReconciliationScreen(patient))
        screen.query_one("#f-bm-0-label").focus()
        await pilot.press(*"furo")
        await pilot.pause()
        box = screen.query_one("#row-bm-0-label").query_one("Suggestions")
        assert "parcours drugs import" in _text(box) and box.display
        await pilot.press("escape")  # closes the list, stays on the form
        await pilot.pause()
        assert app.screen is screen and not box.display and screen.values["bm.0.label"] == "furo"


@pytest.mark.asyncio
@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_every_act_ip_code_is_reachable_with_its_label(make_app, patient, lang) -> None:
    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, InterventionScreen(patient, drug={"label": "furosémide", "atc": "C03CA01"}))
        for field, vocabulary, prefix in (("problem", Problem, "tui.ip.problem"),
                                          ("intervention", InterventionType, "tui.ip.type")):
            control = screen.query_one(f"#f-{field}", PickField)
            control.focus()
            seen = []
            for _ in vocabulary:
                await pilot.press("right")
                seen.append(screen.values[field])
                assert f"[{message(f'{prefix}.{seen[-1]}', lang)}]" in _text(control)
            assert sorted(seen) == sorted(m.value for m in vocabulary)
        problem = screen.query_one("#f-problem", PickField)
        problem.focus()
        for typed, code in ((("6", ".", "3"), "6.3"), (("1", "0"), "10"), (("9",), "9"), (("1",), "1")):
            await pilot.press("left")  # a move starts a new typed code
            await pilot.press(*typed)
            assert screen.values["problem"] == code, typed
        await pilot.press("backspace")
        await pilot.press("ctrl+s")  # an intervention with no problem: said in words under the field
        await pilot.pause()
        error = _text(screen.query_one("#row-problem").query_one(".error"))
        assert error == message("tui.error.required_for_intervention", lang)
        assert "INTERVENTION" not in error and screen.saved is None
