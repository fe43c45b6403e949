"""The ten step-2 forms: live score from icope, errors under fields, save to the store, keyboard entry."""

from __future__ import annotations

import pytest

from tui.screens.step2 import Step2Screen
from tui.step2_model import INSTRUMENT_FIELDS

NO_15 = {f"answers.{i}": False for i in range(15)}

CASES = {
    "sppb": ({"side_by_side_s": "10", "semi_tandem_s": "10", "tandem_s": "10", "gait_course_m": 4,
              "gait_times_s.0": "4,5", "chair_single_stand": True, "chair_stands_s": "12,1"},
             "Score 11/12 — élevé — normal"),
    "mna_sf": ({"food_intake": "no_decrease", "weight_loss": "none", "mobility": "goes_out",
                "acute_disease_or_stress": False, "neuropsychological": "none", "bmi": "24"},
               "Score 14/14 — normal — normal"),
    "gds15": (NO_15, "Score 5/15 — léger — anormal"),
    "phq9": ({**{f"items.{i}": 0 for i in range(8)}, "items.8": 1}, "Score 1/27 — minimal — normal"),
    "moca": ({"raw_score": "25", "education_years": "10"}, "Score 26/30 — normal — normal"),
    "mini_cog": ({"words_recalled": "2", "clock_normal": True}, "Score 4/5 — normal — normal"),
    "mmse": ({"score": "23"}, "Score 23/30 — altéré — anormal"),
    "visual_acuity": ({"right": "0,4", "left": "5/10"}, "à adresser — anormal"),
    "audiometry": ({"pta_right_db": "30", "pta_left_db": "40"}, "léger — normal"),
    "hearwho": ({"score": "80"}, "Score 80/100 — bon — normal"),
}


def test_every_instrument_has_a_case() -> None:
    assert set(CASES) == set(INSTRUMENT_FIELDS)


@pytest.mark.asyncio
@pytest.mark.parametrize("instrument", sorted(CASES))
async def test_live_score_and_save(make_app, store, patient, instrument: str) -> None:
    values, expected = CASES[instrument]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = Step2Screen(instrument, patient)
        await app.push_screen(screen)
        await pilot.pause()
        for key, value in values.items():
            screen.field_changed(key, value)
        await pilot.pause()
        assert expected in str(screen.query_one("#result").render())
        if instrument == "phq9":
            assert "risque suicidaire" in str(screen.query_one("#result").render())
        assert len(store.list_drafts(kind="icope.assessment")) == 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.saved is not None and screen.saved.result["instrument"] == instrument
        assert store.list_drafts(kind="icope.assessment") == []


@pytest.mark.asyncio
async def test_missing_items_named_at_save_not_while_typing(make_app, patient) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = Step2Screen("moca", patient)
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("tab", *"31")
        row = screen.query_one("#row-raw_score")
        assert str(row.query_one(".error").render()) == "doit être ≤ 30"  # at once
        assert not screen.query_one("#row-education_years").has_class("invalid")  # missing: not yet
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.query_one("#row-education_years").has_class("invalid")
        assert str(screen.query_one("#row-education_years .error").render()) == "champ obligatoire manquant"
        assert screen.query_one("#f-raw_score").value == "31"


@pytest.mark.asyncio
async def test_gds15_by_keyboard(make_app, patient) -> None:
    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = Step2Screen("gds15", patient)
        await app.push_screen(screen)
        await pilot.pause()
        for _ in range(15):
            await pilot.press("tab", "1")  # "yes" to every question
        await pilot.pause()
        assert "Score 10/15 — moderate — abnormal" in str(screen.query_one("#result").render())
