"""The drug lookup by UCD (issue 17): a UCD13 or UCD7 typed in the drug field finds its specialty through the
UCD correspondence loaded with the BDPM, and the pick fills ATC, form, route, dose and the UCD13; without a
correspondence the field says how to load one, and Enter keeps the UCD13 on the line. Pilot at 80×24."""

from __future__ import annotations

from pathlib import Path

import pytest

from medisis.ucd import parse_columns
from parcours.messages import message
from tui.screens.reconciliation import ReconciliationScreen

DATA = Path(__file__).resolve().parents[1] / "medisis" / "data"
BDPM, UCD = DATA / "bdpm", DATA / "cip_ucd.csv"
COLUMNS = parse_columns("Code UCD,Code CIP13")


def _box(screen, key: str) -> str:
    return str(screen.query_one(f"#row-{key}-label").query_one("Suggestions").render())


@pytest.mark.asyncio
@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_a_ucd13_fills_the_line_with_its_specialty_and_keeps_the_ucd(make_app, store, patient, lang) -> None:
    store.import_drugs(str(BDPM), actor="test", ucd=str(UCD), ucd_columns=COLUMNS)
    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = ReconciliationScreen(patient)
        await app.push_screen(screen)
        await pilot.pause()
        screen.query_one("#f-orders-0-label").focus()
        await pilot.press(*"3400899100015")  # the UCD13 of a hospital dispensing unit
        await pilot.pause()
        assert "FUROSÉMIDE FICTIF 40 mg, comprimé sécable" in _box(screen, "orders-0")
        await pilot.press("enter")
        await pilot.pause()
        v = screen.values
        assert v["orders.0.label"] == "FUROSÉMIDE FICTIF 40 mg, comprimé sécable"
        assert (v["orders.0.atc"], v["orders.0.form"], v["orders.0.dose.value"], v["orders.0.dose.unit"],
                v["orders.0.route"]) == ("C03CA01", "comprimé sécable", "40", "mg", "oral")
        assert screen.focused is screen.query_one("#f-orders-0-frequency-times_per_day")
        doc, _ = screen.document()
        line = doc["orders"][0]
        assert (line["ucd13"], line["cis"]) == ("3400899100015", "61000001") and "cip13" not in line

        screen.query_one("#f-bm-0-label").focus()
        await pilot.press(*"9910003", "enter")  # a UCD7: the same unit by its 7 digits
        await pilot.pause()
        doc, _ = screen.document()
        assert doc["bm"][0]["ucd13"] == "3400899100039" and doc["bm"][0]["atc"] == "N05BA12"
        assert screen.values["bm.0.dose.value"] == ("0,25" if lang == "fr" else "0.25")


@pytest.mark.asyncio
@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_without_a_correspondence_a_ucd13_says_how_to_load_one(make_app, store, patient, lang) -> None:
    store.import_drugs(str(BDPM), actor="test")  # the BDPM alone: it has no UCD
    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = ReconciliationScreen(patient)
        await app.push_screen(screen)
        await pilot.pause()
        screen.query_one("#f-bm-0-label").focus()
        await pilot.press(*"3400899100015")
        await pilot.pause()
        box = " ".join(_box(screen, "bm-0").split())
        assert " ".join(message("tui.drug.ucd_not_loaded", lang, code="3400899100015").split()) in box
        assert "--ucd" in box and message("tui.drug.none", lang) not in box
        await pilot.press("enter")  # kept on the line as typed
        await pilot.pause()
        doc, _ = screen.document()
        assert doc["bm"][0]["ucd13"] == "3400899100015" and "cis" not in doc["bm"][0]


@pytest.mark.asyncio
async def test_a_ucd13_missing_from_the_correspondence_is_said_so(make_app, store, patient) -> None:
    store.import_drugs(str(BDPM), actor="test", ucd=str(UCD), ucd_columns=COLUMNS)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = ReconciliationScreen(patient)
        await app.push_screen(screen)
        await pilot.pause()
        screen.query_one("#f-bm-0-label").focus()
        await pilot.press(*"3400899100084")  # valid, but its pack is not in the BDPM: not loaded
        await pilot.pause()
        box = " ".join(_box(screen, "bm-0").split())
        assert " ".join(message("tui.drug.ucd_unknown", "fr", code="3400899100084").split()) in box
