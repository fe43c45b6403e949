"""docs/icope.md §7 worked cases and §1 boundaries, through the public parse + score path."""

from __future__ import annotations

import importlib.util
import pathlib
import sys
from typing import Any

import orjson
import pytest

from icope import parse_screening, score_screening

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from conftest import dumps, make


def score(doc: dict[str, Any]) -> dict[str, Any]:
    """The JSON the CLI prints, read back."""
    return orjson.loads(orjson.dumps(score_screening(parse_screening(dumps(doc))).to_json()))


def results(doc: dict[str, Any]) -> dict[str, str]:
    return {d: v["result"] for d, v in score(doc)["domains"].items()}


CASES = [
    pytest.param(make(), {}, "negative", id="case-1-all-negative"),
    pytest.param(make(locomotion={"chair_rise_seconds": 14.0}), {}, "negative", id="case-2-chair-14.00-negative"),
    pytest.param(make(locomotion={"chair_rise_seconds": 14.01}), {"locomotion": "positive"}, "positive",
                 id="case-3-chair-14.01-positive"),
    pytest.param(make(locomotion={"completed": False, "chair_rise_seconds": None}),
                 {"locomotion": "positive"}, "positive", id="case-4-stopped-after-3"),
    pytest.param(make(locomotion={"chair_rise_seconds": 12.0, "used_arms": True}),
                 {"locomotion": "positive"}, "positive", id="case-5-arms-used"),
    pytest.param(make(birth_date="1944-05-02", locomotion={"chair_rise_seconds": 15.2}),
                 {"locomotion": "positive"}, "positive", id="case-6-age-82-default"),
    pytest.param(make(birth_date="1944-05-02", locomotion={"chair_rise_seconds": 15.2},
                      options={"age_adjusted_chair_rise": True}),
                 {}, "negative", id="case-6-age-82-age-adjusted"),
    pytest.param(make(nutrition={"weight_loss": None, "weight_loss_kg": 3.0}), {}, "negative", id="case-7-exactly-3kg"),
    pytest.param(make(nutrition={"weight_loss": "yes", "weight_loss_kg": 3.5}), {"nutrition": "positive"}, "positive",
                 id="case-8-3.5kg"),
    pytest.param(make(nutrition={"appetite_loss": True}), {"nutrition": "positive"}, "positive", id="case-9-appetite"),
    pytest.param(make(nutrition={"weight_loss": "unknown"}), {"nutrition": "positive"}, "positive",
                 id="case-10-unknown-default"),
    pytest.param(make(nutrition={"weight_loss": "unknown"}, options={"weight_loss_unknown": "incomplete"}),
                 {"nutrition": "incomplete"}, "incomplete", id="case-10-unknown-lenient"),
    pytest.param(make(cognition={"words_recalled": 2}), {"cognition": "positive"}, "positive",
                 id="case-12-recall-2-of-3"),
]


@pytest.mark.parametrize(("doc", "changed", "overall"), CASES)
def test_worked_case(doc: dict[str, Any], changed: dict[str, str], overall: str) -> None:
    expected = {d: "negative" for d in ("cognition", "locomotion", "nutrition", "vision", "hearing", "psychology")}
    expected.update(changed)
    out = score(doc)
    assert {d: v["result"] for d, v in out["domains"].items()} == expected
    assert out["overall"] == overall


def test_case_1_next_due_in_six_months_and_no_step2() -> None:
    out = score(make())
    assert out["step2"] == [] and out["next_step1_due"] == "2027-05-20"


def test_case_6_shows_which_rule_applied() -> None:
    adjusted = score(make(birth_date="1944-05-02", locomotion={"chair_rise_seconds": 15.2},
                          options={"age_adjusted_chair_rise": True}))
    assert "chair_rise_age_adjusted_cutoff" in adjusted["flags"]
    assert "chair_rise_age_adjusted_cutoff" not in score(make(locomotion={"chair_rise_seconds": 15.2}))["flags"]


def test_age_adjusted_cutoff_only_from_80() -> None:
    # 79 years old on the screening date: the 14 s WHO cut-off still applies.
    doc = make(birth_date="1946-11-21", locomotion={"chair_rise_seconds": 15.0},
               options={"age_adjusted_chair_rise": True})
    assert results(doc)["locomotion"] == "positive"
    doc["birth_date"] = "1946-11-20"  # 80 today
    assert results(doc)["locomotion"] == "negative"
    doc["locomotion"]["chair_rise_seconds"] = 16.01
    assert results(doc)["locomotion"] == "positive"


def test_chair_comparator_ge_flags_exactly_14() -> None:
    ge = {"chair_rise_comparator": "ge"}
    assert results(make(locomotion={"chair_rise_seconds": 14.0}, options=ge))["locomotion"] == "positive"
    assert results(make(locomotion={"chair_rise_seconds": 13.99}, options=ge))["locomotion"] == "negative"


def test_reason_codes_are_stable() -> None:
    out = score(make(
        cognition={"orientation": {"year": "correct", "place": "unknown", "day_of_week": "wrong"}, "words_recalled": 1},
        locomotion={"completed": False, "used_arms": True},
        nutrition={"weight_loss": "yes", "appetite_loss": True},
        vision={"eye_problems": True},
        hearing={"whisper_right": "fail", "whisper_left": "fail", "hearwho_score": 40, "audiometry_db": 40},
        psychology={"feeling_down": True, "little_interest": True},
    ))
    reasons = {d: v["reasons"] for d, v in out["domains"].items()}
    assert reasons == {
        "cognition": ["orientation_day_of_week_wrong", "orientation_place_unknown", "words_recalled_below_3"],
        "locomotion": ["chair_rise_not_completed", "chair_rise_used_arms"],
        "nutrition": ["weight_loss_reported", "appetite_loss"],
        "vision": ["eye_problems"],
        "hearing": ["whisper_right_failed", "whisper_left_failed", "hearwho_below_50", "audiometry_above_pass_level"],
        "psychology": ["feeling_down", "little_interest"],
    }
    assert [s["domain"] for s in out["step2"]] == [
        "cognition", "locomotion", "nutrition", "vision", "hearing", "psychology"]
    assert out["step2"][0]["instruments"] == ["mmse", "moca", "mini_cog"]
    assert out["step2"][4]["instruments"] == ["audiometry", "hearwho"]
    assert out["step2"][5]["instruments"] == ["gds15", "phq9"]


def test_contract_example() -> None:
    path = pathlib.Path(__file__).parents[2] / "examples" / "screening.json"
    out = orjson.loads(orjson.dumps(score_screening(parse_screening(path.read_bytes())).to_json()))
    assert out == {
        "overall": "positive",
        "domains": {
            "cognition": {"result": "positive", "reasons": ["orientation_day_of_week_wrong"]},
            **{d: {"result": "negative", "reasons": []}
               for d in ("locomotion", "nutrition", "vision", "hearing", "psychology")},
        },
        "step2": [{"domain": "cognition", "instruments": ["mmse", "moca", "mini_cog"]}],
        "flags": [],
        "next_step1_due": "2027-05-20",
    }


@pytest.mark.parametrize(("day", "due"), [
    ("2026-08-31", "2027-02-28"), ("2027-08-31", "2028-02-29"),
    ("2026-12-31", "2027-06-30"), ("2026-01-15", "2026-07-15")])
def test_next_due_is_end_of_month_clamped(day: str, due: str) -> None:
    assert score(make(date=day))["next_step1_due"] == due


def test_rescreen_months_option() -> None:
    assert score(make(options={"rescreen_months": 4}))["next_step1_due"] == "2027-03-20"


class TestIncomplete:
    def test_missing_domain_is_incomplete(self) -> None:
        out = score(make(vision=None))
        assert out["domains"]["vision"]["result"] == "incomplete" and out["overall"] == "incomplete"

    def test_positive_item_wins_over_missing_items(self) -> None:
        assert results(make(psychology={"feeling_down": True, "little_interest": None}))["psychology"] == "positive"
        assert results(make(psychology={"feeling_down": False, "little_interest": None}))["psychology"] == "incomplete"

    def test_positive_overall_beats_incomplete(self) -> None:
        assert score(make(vision={"eye_problems": True}, hearing=None))["overall"] == "positive"

    def test_chair_time_missing(self) -> None:
        assert results(make(locomotion={"chair_rise_seconds": None}))["locomotion"] == "incomplete"

    def test_orientation_needs_a_time_item_and_the_place(self) -> None:
        assert results(make(cognition={"orientation": {"place": "correct"}}))["cognition"] == "incomplete"
        both = {"day_of_week": "correct", "place": "correct"}
        assert results(make(cognition={"orientation": both}))["cognition"] == "negative"

    def test_recall_missing(self) -> None:
        assert results(make(cognition={"words_recalled": None}))["cognition"] == "incomplete"

    def test_empty_document_is_incomplete_everywhere(self) -> None:
        out = score({"date": "2026-11-20"})
        assert out["overall"] == "incomplete" and out["step2"] == []


class TestHearing:
    def test_one_ear_failed_is_positive(self) -> None:
        assert results(make(hearing={"whisper_left": "fail"}))["hearing"] == "positive"

    def test_one_ear_only_is_incomplete(self) -> None:
        assert results(make(hearing={"whisper_left": None}))["hearing"] == "incomplete"

    def test_both_ears_rule(self) -> None:
        opts = {"whisper_rule": "both_ears"}
        assert results(make(hearing={"whisper_left": "fail"}, options=opts))["hearing"] == "negative"
        both = {"whisper_left": "fail", "whisper_right": "fail"}
        assert results(make(hearing=both, options=opts))["hearing"] == "positive"

    @pytest.mark.parametrize(("value", "result", "flags"), [
        (49.9, "positive", []), (50, "negative", ["hearing_monitor"]), (75, "negative", ["hearing_monitor"]),
        (75.5, "negative", [])])
    def test_hearwho_bands(self, value: float, result: str, flags: list[str]) -> None:
        out = score(make(hearing={"whisper_right": None, "whisper_left": None, "hearwho_score": value}))
        assert out["domains"]["hearing"]["result"] == result and out["flags"] == flags

    @pytest.mark.parametrize(("db", "result"), [(35, "negative"), (35.1, "positive")])
    def test_audiometry_pass_level(self, db: float, result: str) -> None:
        hearing = {"whisper_right": None, "whisper_left": None, "audiometry_db": db}
        assert results(make(hearing=hearing))["hearing"] == result


def test_kilograms_only_add_a_positive() -> None:
    # docs/interchange.md §1 (revised): an explicit "yes" is never overruled by a small figure.
    assert results(make(nutrition={"weight_loss": "yes", "weight_loss_kg": 1.0}))["nutrition"] == "positive"
    assert results(make(nutrition={"weight_loss": "no", "weight_loss_kg": 3.01}))["nutrition"] == "positive"


def test_memory_complaint_is_a_flag_not_a_result() -> None:
    out = score(make(cognition={"memory_complaint": True}))
    assert out["domains"]["cognition"]["result"] == "negative" and out["flags"] == ["memory_complaint"]


def test_domain_modules_load_without_the_shell() -> None:
    assert importlib.util.find_spec("icope.step1") is not None
