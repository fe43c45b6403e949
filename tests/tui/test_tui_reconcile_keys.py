"""The worked example of docs/medisis.md typed from the patient file, every key counted (issue 17:
under 90 keys, ~210 before the drug lookup and the pickers); docs/tui.md records the count."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.screens.patient import PatientScreen
from tui.screens.reconciliation import ReconciliationScreen

SAMPLE = Path(__file__).resolve().parents[1] / "medisis" / "data" / "bdpm"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "tui.md"

#: docs/medisis.md « Exemple commenté (pharmacien, conciliation d'entrée) », as a pharmacist types it.
#: Each step: the keys, then what the screen must show after them.
WORKED_EXAMPLE: tuple[tuple[str, ...], ...] = (
    ("c",),                                  # patient file → reconciliation (moment admission, date today)
    ("tab", "tab", "1", "tab"),              # mode: proactive; on to the sources
    ("1", "9", "3", "tab"),                  # sources: patient, DP, community pharmacist; on to b1
    (*"furo", "down", "enter"),              # b1: furosémide 40 mg cp (2nd match), fills ATC, form, dose, unit, route
    ("1",),                                  # once a day
    ("f6", *"alpr", "enter", "2"),           # b2: alprazolam 0,25 mg, twice a day
    ("tab", "tab", "tab", "1"),              # b2 intentional: yes
    ("tab", "tab", "tab", "tab"),            # on to o1
    (*"furo", "down", "enter", "2"),         # o1: furosémide 40 mg, twice a day
    ("tab", "tab", "tab", "tab", "2"),       # o1 intentional: no
    ("tab", "tab", "2", "tab", "1"),         # severity significant, resolution dose corrected
    ("ctrl+s",),
)
KEY_COUNT = sum(len(step) for step in WORKED_EXAMPLE)


@pytest.mark.asyncio
@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_worked_example_in_under_90_keys(make_app, store, patient, lang) -> None:
    store.import_drugs(str(SAMPLE), actor="test")
    app = make_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(PatientScreen(patient.id))
        await pilot.pause()
        editor = None
        for step in WORKED_EXAMPLE:
            await pilot.press(*step)
            await pilot.pause()
            editor = editor or app.screen
        assert isinstance(editor, ReconciliationScreen)
        assert editor.saved is not None, editor.values
        (doc,) = [d.document for d in store.patient_records(patient.id).documents
                  if d.record_id == editor.saved.record_id]
        assert doc["mode"] == "proactive" and doc["sources"] == ["10000001", "10000003", "10000009"]
        b1, b2 = doc["bm"]
        assert (b1["atc"], b1["dose"], b1["route"], b1["frequency"]) == (
            "C03CA01", {"value": 40.0, "unit": "mg"}, "oral", {"times_per_day": 1.0})
        assert b1["cis"] == "61000001" and b1["form"] == "comprimé sécable"
        assert (b2["atc"], b2["dose"], b2["frequency"], b2["intentional"]) == (
            "N05BA12", {"value": 0.25, "unit": "mg"}, {"times_per_day": 2.0}, True)
        (o1,) = doc["orders"]
        assert (o1["atc"], o1["frequency"], o1["intentional"], o1["severity"], o1["resolution"]) == (
            "C03CA01", {"times_per_day": 2.0}, False, "significant", "dose_corrected")
        result = editor.saved.result  # the result printed by docs/medisis.md
        assert [(line["bm_id"], line["order_id"], line["status"], line["category"]) for line in result["lines"]] == [
            ("b1", "o1", "modified", "dni"), ("b2", None, "stopped", "dind")]
        assert result["lines"][0]["error_type"] == "posology" and result["lines"][0]["changes"] == ["frequency"]
        assert result["warnings"] == ["undocumented_intentional_discrepancies"]
    assert KEY_COUNT < 90


def test_docs_record_the_key_count() -> None:
    assert f"**{KEY_COUNT} touches**" in DOCS.read_text(encoding="utf-8")
