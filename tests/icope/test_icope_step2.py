"""Step-2 instruments (docs/interchange.md §2, docs/icope.md §2): scoring, boundaries, bands, errors."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from icope import InvalidAssessment, assess_instrument, parse_assessment
from parcours.messages import render_issue


def run(instrument: str, **items: Any) -> dict[str, Any]:
    doc = {"instrument": instrument, "date": "2026-11-20", **items}
    return orjson.loads(orjson.dumps(assess_instrument(parse_assessment(orjson.dumps(doc))).to_json()))


def errors(instrument: str | None, **items: Any) -> list[str]:
    doc = {"date": "2026-11-20", **items}
    if instrument:
        doc["instrument"] = instrument
    with pytest.raises(InvalidAssessment) as exc:
        parse_assessment(orjson.dumps(doc))
    return [render_issue(i, "en") for i in exc.value.issues]


SPPB_FULL = {"side_by_side_s": 10, "semi_tandem_s": 10, "tandem_s": 10, "gait_times_s": [4.0, 4.5],
             "chair_single_stand": True, "chair_stands_s": 10.0}


class TestSppb:
    def test_maximum(self) -> None:
        out = run("sppb", **SPPB_FULL)
        assert out == {"instrument": "sppb", "score": 12, "max_score": 12, "band": "high", "abnormal": False,
                       "components": {"balance": 4, "gait": 4, "chair": 4}}

    @pytest.mark.parametrize(("side", "semi", "tandem", "points"), [
        (9.99, 10, 10, 0), (10, 9.99, 10, 1), (10, None, 10, 1), (10, 10, 2.99, 2), (10, 10, 3.0, 3),
        (10, 10, 9.99, 3), (10, 10, 10, 4), (10, 10, None, 2), (None, 10, 10, 0)])
    def test_balance_sequence(self, side: float | None, semi: float | None, tandem: float | None, points: int) -> None:
        out = run("sppb", **{**SPPB_FULL, "side_by_side_s": side, "semi_tandem_s": semi, "tandem_s": tandem})
        assert out["components"]["balance"] == points

    @pytest.mark.parametrize(("times", "course", "points"), [
        ([4.81], 4, 4), ([4.82], 4, 3), ([6.20], 4, 3), ([6.21], 4, 2), ([8.70], 4, 2), ([8.71], 4, 1),
        ([9.0, 4.0], 4, 4), (None, 4, 0), ([3.61], 3, 4), ([3.62], 3, 3), ([4.65], 3, 3), ([4.66], 3, 2),
        ([6.52], 3, 2), ([6.53], 3, 1), ([4.8149], 4, 4), ([4.815], 4, 3)])
    def test_gait_bands(self, times: list[float] | None, course: int, points: int) -> None:
        out = run("sppb", **{**SPPB_FULL, "gait_times_s": times, "gait_course_m": course})
        assert out["components"]["gait"] == points

    @pytest.mark.parametrize(("single", "seconds", "points"), [
        (True, 11.19, 4), (True, 11.2, 3), (True, 13.69, 3), (True, 13.7, 2), (True, 14.0, 2), (True, 16.69, 2),
        (True, 16.7, 1), (True, 60.0, 1), (True, 60.01, 0), (True, None, 0), (False, 9.0, 0)])
    def test_chair_bands(self, single: bool, seconds: float | None, points: int) -> None:
        out = run("sppb", **{**SPPB_FULL, "chair_single_stand": single, "chair_stands_s": seconds})
        assert out["components"]["chair"] == points

    @pytest.mark.parametrize(("total_parts", "band", "abnormal"), [
        ((None, [9.0], False, None), "severe", True), ((10, [9.0], False, None), "severe", True),
        ((10, [9.0], True, 61.0), "severe", True), ((10, [6.5], True, 17.0), "low", True),
        ((10, [5.0], True, 13.0), "moderate", True), ((10, [4.0], True, 14.0), "moderate", True)])
    def test_bands(self, total_parts: tuple[Any, ...], band: str, abnormal: bool) -> None:
        side, gait, single, chair = total_parts
        out = run("sppb", side_by_side_s=side, semi_tandem_s=None, tandem_s=None, gait_times_s=gait,
                  chair_single_stand=single, chair_stands_s=chair)
        assert (out["band"], out["abnormal"]) == (band, abnormal)

    def test_items_are_required_and_bounded(self) -> None:
        assert errors("sppb", tandem_s=11) == [
            "side_by_side_s: required field is missing", "semi_tandem_s: required field is missing",
            "tandem_s: must be ≤ 10", "gait_times_s: required field is missing",
            "chair_single_stand: required field is missing", "chair_stands_s: required field is missing"]


MNA = {"food_intake": "no_decrease", "weight_loss": "none", "mobility": "goes_out",
       "acute_disease_or_stress": False, "neuropsychological": "none", "bmi": 23.0}


class TestMnaSf:
    def test_normal_maximum(self) -> None:
        assert run("mna_sf", **MNA)["score"] == 14

    @pytest.mark.parametrize(("bmi", "points"), [(18.99, 0), (19.0, 1), (20.99, 1), (21.0, 2), (22.99, 2), (23.0, 3)])
    def test_bmi(self, bmi: float, points: int) -> None:
        assert run("mna_sf", **{**MNA, "bmi": bmi})["score"] == 11 + points

    @pytest.mark.parametrize(("kg", "points"), [(-1.0, 3), (0.0, 3), (0.99, 3), (1.0, 2), (3.0, 2), (3.01, 0)])
    def test_weight_kg(self, kg: float, points: int) -> None:
        doc = {**MNA, "weight_loss_kg": kg}
        doc.pop("weight_loss")
        assert run("mna_sf", **doc)["score"] == 11 + points

    def test_calf_only_without_bmi(self) -> None:
        doc = {**MNA, "calf_circumference_cm": 30.9}
        doc.pop("bmi")
        assert run("mna_sf", **doc)["score"] == 11
        assert errors("mna_sf", **{**MNA, "calf_circumference_cm": 31}) == [
            "calf_circumference_cm: must not be given with bmi"]

    @pytest.mark.parametrize(("changes", "score", "band"), [
        ({"acute_disease_or_stress": True}, 12, "normal"),
        ({"food_intake": "moderate_decrease", "acute_disease_or_stress": True}, 11, "at_risk"),
        ({"weight_loss": "over_3kg", "neuropsychological": "mild"}, 10, "at_risk"),
        ({"weight_loss": "over_3kg", "mobility": "bed_or_chair_bound", "food_intake": "severe_decrease"},
         7, "malnourished")])
    def test_bands(self, changes: dict[str, Any], score: int, band: str) -> None:
        out = run("mna_sf", **{**MNA, **changes})
        assert (out["score"], out["band"], out["abnormal"]) == (score, band, score <= 11)


class TestMood:
    @pytest.mark.parametrize(("depressive", "band"), [
        (0, "normal"), (4, "normal"), (5, "mild"), (8, "mild"), (9, "moderate"), (11, "moderate"), (12, "severe"),
        (15, "severe")])
    def test_gds15(self, depressive: int, band: str) -> None:
        reversed_items = {1, 5, 7, 11, 13}
        healthy = [n in reversed_items for n in range(1, 16)]
        answers = [not a if i < depressive else a for i, a in enumerate(healthy)]
        out = run("gds15", answers=answers)
        assert (out["score"], out["band"], out["abnormal"]) == (depressive, band, depressive >= 5)

    def test_gds15_needs_15_answers(self) -> None:
        assert errors("gds15", answers=[True] * 14) == ["answers: must have at least 15 item(s)"]

    @pytest.mark.parametrize(("items", "band", "urgent"), [
        ([0] * 9, "minimal", False), ([1] * 4 + [0] * 5, "minimal", False), ([1] * 5 + [0] * 4, "mild", False),
        ([2] * 5 + [0] * 4, "moderate", False), ([3] * 5 + [0] * 4, "moderately_severe", False),
        ([3] * 6 + [2] + [0, 0], "severe", False), ([0] * 8 + [1], "minimal", True)])
    def test_phq9(self, items: list[int], band: str, urgent: bool) -> None:
        out = run("phq9", items=items)
        assert (out["band"], out["urgent"], out["abnormal"]) == (band, urgent, sum(items) >= 10)


class TestCognitive:
    @pytest.mark.parametrize(("raw", "years", "score", "band"), [
        (25, 12, 26, "normal"), (25, 13, 25, "impaired"), (30, 5, 30, "normal"), (26, 20, 26, "normal")])
    def test_moca(self, raw: int, years: int, score: int, band: str) -> None:
        out = run("moca", raw_score=raw, education_years=years)
        assert (out["score"], out["raw_score"], out["band"]) == (score, raw, band)

    @pytest.mark.parametrize(("words", "clock", "score", "band"), [
        (3, True, 5, "normal"), (1, True, 3, "normal"), (0, True, 2, "positive"), (2, False, 2, "positive")])
    def test_mini_cog(self, words: int, clock: bool, score: int, band: str) -> None:
        out = run("mini_cog", words_recalled=words, clock_normal=clock)
        assert (out["score"], out["band"], out["abnormal"]) == (score, band, band == "positive")

    @pytest.mark.parametrize(("score", "band"), [(23, "impaired"), (24, "normal")])
    def test_mmse(self, score: int, band: str) -> None:
        assert run("mmse", score=score)["band"] == band


class TestSensory:
    @pytest.mark.parametrize(("right", "left", "near", "band", "score"), [
        ("5/10", "10/10", None, "normal", 0.5), ("4/10", 1.0, None, "refer", 0.4), ("6/12", "6/6", "N6", "normal", 0.5),
        ("6/18", "6/6", None, "refer", 0.333), (1.0, 1.0, "N8", "refer", 1.0), (1.0, 1.0, "P2", "normal", 1.0),
        (1.0, 1.0, "P3", "refer", 1.0), ("20/40", "20/20", "P1,5", "normal", 0.5)])
    def test_visual_acuity(self, right: Any, left: Any, near: str | None, band: str, score: float) -> None:
        out = run("visual_acuity", right=right, left=left, near=near)
        assert (out["band"], out["score"], out["abnormal"]) == (band, score, band == "refer")

    def test_visual_acuity_errors(self) -> None:
        assert errors("visual_acuity", right="4/0", left=0, near="X2") == [
            "right: invalid acuity: a decimal > 0 or a fraction such as 4/10 or 6/12",
            "left: invalid acuity: a decimal > 0 or a fraction such as 4/10 or 6/12",
            "near: invalid near acuity: P1.5 to P20 (Parinaud) or N5 to N48"]

    @pytest.mark.parametrize(("db", "grade"), [
        (19.9, "unilateral"), (20, "mild"), (34.9, "mild"), (35, "moderate"), (50, "moderately_severe"),
        (65, "severe"), (80, "profound"), (94.9, "profound"), (95, "complete")])
    def test_audiometry_grades_use_the_better_ear(self, db: float, grade: str) -> None:
        out = run("audiometry", pta_right_db=db, pta_left_db=110)
        assert (out["band"], out["score"], out["abnormal"]) == (grade, db, db >= 35 or grade == "unilateral")

    @pytest.mark.parametrize(("score", "band"), [(49, "refer"), (50, "monitor"), (75, "monitor"), (76, "good")])
    def test_hearwho(self, score: int, band: str) -> None:
        out = run("hearwho", score=score)
        assert (out["band"], out["abnormal"]) == (band, score < 50)


def test_unknown_instrument_and_missing_instrument() -> None:
    assert errors("tug") == [
        "instrument: must be one of: sppb | mna_sf | gds15 | phq9 | moca | mini_cog | mmse | visual_acuity"
        " | audiometry | hearwho"]
    assert errors(None, score=3) == ["instrument: required field is missing"]


def test_context_objects_are_accepted_on_a_document() -> None:
    out = run("mmse", score=20, patient={"ins": "244057512345692"}, practitioner={"rpps": "10101010101"})
    assert out["band"] == "impaired"
