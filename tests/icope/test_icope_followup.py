"""Follow-up (docs/interchange.md §3, docs/icope.md §3.2): decline rules D1–D6, ordering, errors."""

from __future__ import annotations

import pathlib
import sys
from typing import Any

import orjson
import pytest

from icope import InvalidFollowup, evaluate_followup, parse_followup
from parcours.messages import render_issue

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from conftest import make


def follow(screenings: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    doc = {"screenings": screenings, **extra}
    return orjson.loads(orjson.dumps(evaluate_followup(parse_followup(orjson.dumps(doc))).to_json()))


def alerts(screenings: list[dict[str, Any]], **extra: Any) -> list[tuple[str, str]]:
    return [(a["rule"], a["domain"]) for a in follow(screenings, **extra)["alerts"]]


PREV = make(date="2026-05-20")
NOW = make(date="2026-11-20")


def test_single_screening_every_positive_domain_is_d1() -> None:
    out = follow([make(vision={"eye_problems": True}, cognition={"words_recalled": 1})])
    assert [(a["rule"], a["domain"], a["date"]) for a in out["alerts"]] == [
        ("D1", "cognition", "2026-11-20"), ("D1", "vision", "2026-11-20")]


def test_newest_against_previous_whatever_the_input_order() -> None:
    now = make(date="2026-11-20", vision={"eye_problems": True})
    older = make(date="2025-11-20", vision={"eye_problems": True})
    for order in ([now, PREV, older], [older, now, PREV], [PREV, older, now]):
        out = follow(order)
        assert out["latest"]["domains"]["vision"]["result"] == "positive"
        assert alerts(order) == [("D1", "vision")]
        assert out["next_step1_due"] == "2027-05-20"


def test_d2_persistent_positive_without_step2() -> None:
    prev, now = make(date="2026-05-20", vision={"eye_problems": True}), make(vision={"eye_problems": True})
    assert alerts([prev, now]) == [("D2", "vision")]
    acuity = {"instrument": "visual_acuity", "date": "2026-05-20", "right": 1.0, "left": 1.0}
    assert alerts([prev, now], assessments=[acuity]) == []
    other = {"instrument": "mmse", "date": "2026-06-01", "score": 29}
    assert alerts([prev, now], assessments=[other]) == [("D2", "vision")]
    before = {**acuity, "date": "2026-05-19"}
    assert alerts([prev, now], assessments=[before]) == [("D2", "vision")]


@pytest.mark.parametrize(("before", "after", "fires"), [
    (10.0, 12.6, True), (10.0, 12.59, False), (5.0, 6.385, True), (5.0, 6.38, False), (9.0, 11.5, True)])
def test_d3_chair_rise_worsening(before: float, after: float, fires: bool) -> None:
    out = alerts([make(date="2026-05-20", locomotion={"chair_rise_seconds": before}),
                  make(locomotion={"chair_rise_seconds": after})])
    assert (("D3", "locomotion") in out) is fires


def test_case_11_measured_weight_loss() -> None:
    prev = make(date="2026-08-22", nutrition={"weight_kg": 71.0})
    now = make(date="2026-11-20", nutrition={"weight_kg": 67.9})  # 90 days later, self-report "no"
    out = follow([prev, now])
    assert out["latest"]["domains"]["nutrition"] == {"result": "positive", "reasons": ["measured_weight_loss"]}
    assert [(a["rule"], a["domain"]) for a in out["alerts"]] == [("D1", "nutrition"), ("D4", "nutrition")]


@pytest.mark.parametrize(("weights", "fires"), [
    ([("2026-08-22", 70.9)], False),  # exactly 3.0 kg (decimal arithmetic), 4.2 % in 90 days
    ([("2026-08-22", 71.0)], True),
    ([("2026-09-20", 72.0)], True),  # 61 days: any weight of the 106 previous days counts (revised)
    ([("2026-10-21", 77.9)], True),  # a 10 kg loss in 30 days is a loss "within three months"
    ([("2026-08-06", 72.0)], True),  # 106 days: still in the window
    ([("2026-08-05", 72.0)], False),  # 107 days: out of it, and 5.7 % is below the 10 % of 190 days
    ([("2026-08-05", 70.0), ("2026-09-20", 71.5)], True),  # the highest weight of the window
])
def test_d4_window(weights: list[tuple[str, float]], fires: bool) -> None:
    history = [make(date=day, nutrition={"weight_kg": kg}) for day, kg in weights]
    out = alerts([*history, make(nutrition={"weight_kg": 67.9})])
    assert (("D4", "nutrition") in out) is fires
    assert (("D1", "nutrition") in out) is fires  # the same loss makes the step-1 item positive


def test_self_reported_yes_is_never_overridden() -> None:
    prev = make(date="2026-08-22", nutrition={"weight_kg": 68.0})
    now = make(nutrition={"weight_kg": 67.9, "weight_loss": "yes"})
    assert follow([prev, now])["latest"]["domains"]["nutrition"]["reasons"] == ["weight_loss_reported"]


def test_d5_cognition_worsening() -> None:
    prev = make(date="2026-05-20")
    assert ("D5", "cognition") in alerts([prev, make(cognition={"words_recalled": 2})])
    weekday = make(cognition={"orientation": {"day_of_week": "unknown"}})
    assert alerts([prev, weekday]) == [("D1", "cognition"), ("D5", "cognition")]
    assert alerts([prev, make()]) == []


@pytest.mark.parametrize(("before", "after", "fires"), [
    (50, 49, True), (80, 70, True), (80, 70.5, False), (49, 45, False), (60, 51, False)])
def test_d6_hearwho_drop(before: float, after: float, fires: bool) -> None:
    hearing = lambda s: {"whisper_right": None, "whisper_left": None, "hearwho_score": s}  # noqa: E731
    out = alerts([make(date="2026-05-20", hearing=hearing(before)), make(hearing=hearing(after))])
    assert (("D6", "hearing") in out) is fires


def test_rules_are_switchable_and_ordered_by_rule_then_domain() -> None:
    prev = make(date="2026-08-22", nutrition={"weight_kg": 71.0}, locomotion={"chair_rise_seconds": 9.0},
                vision={"eye_problems": True})
    now = make(nutrition={"weight_kg": 67.9}, locomotion={"chair_rise_seconds": 14.5}, cognition={"words_recalled": 2},
               vision={"eye_problems": True})
    every = alerts([prev, now])
    assert every == [("D1", "cognition"), ("D1", "locomotion"), ("D1", "nutrition"), ("D2", "vision"),
                     ("D3", "locomotion"), ("D4", "nutrition"), ("D5", "cognition")]
    assert alerts([prev, now], options={"rules": []}) == []
    assert alerts([prev, now], options={"rules": ["D5", "D3"]}) == [("D3", "locomotion"), ("D5", "cognition")]


def issues(doc: dict[str, Any]) -> list[str]:
    with pytest.raises(InvalidFollowup) as exc:
        parse_followup(orjson.dumps(doc))
    return [render_issue(i, "en") for i in exc.value.issues]


def test_errors_name_their_paths() -> None:
    assert issues({"screenings": []}) == ["screenings: must have at least 1 item(s)"]
    assert issues({"screenings": [PREV, NOW, {**PREV, "vision": {"eye_problems": True}}]}) == [
        "screenings[2].date: two screenings on the same date (2026-05-20)"]
    assert issues({"screenings": [NOW], "options": {"rules": ["D7"]}}) == [
        "options.rules[0]: must be one of: D1 | D2 | D3 | D4 | D5 | D6"]
    assert issues({"screenings": [{**NOW, "patient": {}}]}) == ["screenings[0].patient: unknown field"]
    mmse = {"instrument": "mmse", "date": "2026-11-21"}
    assert issues({"screenings": [NOW], "assessments": [{**mmse, "score": 31}]}) == [
        "assessments[0].score: must be ≤ 30"]
    assert issues({"screenings": [NOW], "assessments": [{**mmse, "score": 20, "patient": {}}]}) == [
        "assessments[0].patient: unknown field"]
