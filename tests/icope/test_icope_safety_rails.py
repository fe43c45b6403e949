"""Issue 15 safety rails of the ICOPE engine.

Rules: docs/icope.md "Safety rules"; docs/icope.md §1.4, §2.5, §3.1, §3.2 revised.
"""

from __future__ import annotations

import pathlib
import sys
from datetime import date, timedelta
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from icope import (
    assess_instrument,
    parse_assessment,
    parse_screening,
    propose_interventions,
    rescreen_due,
    safety_alerts,
    score_screening,
)
from icope.weights import has_relative_loss, measured_weight_loss

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from conftest import make

TODAY = date(2026, 11, 20)


def nutrition(**items: Any) -> dict[str, Any]:
    doc = make(nutrition={"weight_loss": None, "appetite_loss": False, **items})
    out = orjson.loads(orjson.dumps(score_screening(parse_screening(orjson.dumps(doc))).to_json()))
    return out["domains"]["nutrition"]


def step2(instrument: str, **items: Any):
    return assess_instrument(parse_assessment(orjson.dumps({"instrument": instrument, "date": "2026-11-20", **items})))


# --- §1.4 revised: a figure only adds a positive -------------------------------------------------

@pytest.mark.parametrize(("answer", "kg", "result", "reasons"), [
    ("yes", 1.0, "positive", ["weight_loss_reported"]),  # a small figure never overrules "yes"
    ("yes", 0.0, "positive", ["weight_loss_reported"]),
    ("unknown", 2.0, "positive", ["weight_loss_unknown"]),  # nor "don't know"
    ("unknown", 3.0, "positive", ["weight_loss_unknown"]),
    ("no", 3.0, "negative", []),  # exactly 3.0 kg is not "more than 3 kg"
    ("no", 3.01, "positive", ["weight_loss_over_3kg"]),  # the figure adds the positive
    ("yes", 3.5, "positive", ["weight_loss_reported", "weight_loss_over_3kg"]),
    (None, 2.0, "negative", []),  # with no answer, the figure answers the item
    (None, 3.5, "positive", ["weight_loss_over_3kg"]),
])
def test_given_kilograms_only_add_a_positive(answer: str | None, kg: float, result: str, reasons: list[str]) -> None:
    assert nutrition(weight_loss=answer, weight_loss_kg=kg) == {"result": result, "reasons": reasons}


def test_unknown_stays_incomplete_under_the_lenient_option_whatever_a_small_figure() -> None:
    doc = make(nutrition={"weight_loss": "unknown", "weight_loss_kg": 1.0, "appetite_loss": False},
               options={"weight_loss_unknown": "incomplete"})
    out = score_screening(parse_screening(orjson.dumps(doc)))
    assert out.to_json()["domains"]["nutrition"]["result"] == "incomplete"


@given(answer=st.sampled_from([None, "yes", "no", "unknown"]), kg=st.floats(-5, 30, allow_nan=False),
       appetite=st.booleans())
def test_a_figure_never_removes_a_positive(answer: str | None, kg: float, appetite: bool) -> None:
    without = nutrition(weight_loss=answer, appetite_loss=appetite)
    with_kg = nutrition(weight_loss=answer, weight_loss_kg=kg, appetite_loss=appetite)
    if without["result"] == "positive":
        assert with_kg["result"] == "positive"
        assert set(without["reasons"]) <= set(with_kg["reasons"])
    assert (with_kg["result"] == "positive") is (answer in ("yes", "unknown") or appetite or kg > 3.0)


# --- measured loss over 106 days, D4 with the HAS 2021 criteria ------------------------------------

def weighed(days_ago: int, kg: float) -> tuple[date, float]:
    return TODAY - timedelta(days=days_ago), kg


@pytest.mark.parametrize(("history", "loss"), [
    ([], None), ([weighed(107, 80.0)], None), ([weighed(106, 80.0)], 10.0), ([weighed(1, 75.0)], 5.0),
    ([weighed(30, 75.0), weighed(100, 74.0), weighed(107, 90.0)], 5.0),
])
def test_measured_loss_window(history: list[tuple[date, float]], loss: float | None) -> None:
    assert measured_weight_loss(history, TODAY, 70.0) == loss


@pytest.mark.parametrize(("history", "today", "fires"), [
    ([weighed(35, 50.0)], 47.5, True),  # exactly 5 % in 35 days (2.5 kg: the 3-kg rule would not fire)
    ([weighed(35, 50.0)], 47.51, False),
    ([weighed(36, 50.0)], 47.5, False),  # 36 days: past the month
    ([weighed(190, 80.0)], 72.0, True),  # exactly 10 % in 190 days
    ([weighed(190, 80.0)], 72.01, False),
    ([weighed(191, 80.0)], 72.0, False),  # 191 days: past the six months
    ([weighed(150, 80.0), weighed(20, 60.0)], 71.9, True),
])
def test_has_relative_loss_boundaries(history: list[tuple[date, float]], today: float, fires: bool) -> None:
    assert has_relative_loss(history, TODAY, today) is fires


@pytest.mark.parametrize(("days", "before", "now", "fires"), [
    (35, 50.0, 47.5, True), (36, 50.0, 47.5, False), (190, 80.0, 72.0, True), (191, 80.0, 72.0, False),
    (150, 80.0, 72.01, False),
])
def test_d4_fires_on_the_has_criteria(days: int, before: float, now: float, fires: bool) -> None:
    from icope import evaluate_followup, parse_followup

    prev = make(date=(TODAY - timedelta(days=days)).isoformat(), nutrition={"weight_kg": before})
    doc = {"screenings": [prev, make(nutrition={"weight_kg": now})]}
    out = evaluate_followup(parse_followup(orjson.dumps(doc)))
    assert (("D4", "nutrition") in [(a.rule, a.domain) for a in out.alerts]) is fires


@given(before=st.floats(30, 200), share=st.floats(0, 0.5), days=st.integers(1, 400))
def test_relative_loss_is_monotone_and_bounded_in_time(before: float, share: float, days: int) -> None:
    now = round(before * (1 - share), 2)
    history = [weighed(days, before)]
    fires = has_relative_loss(history, TODAY, now)
    if fires:
        assert days <= 190
        assert has_relative_loss(history, TODAY, now - 0.5)  # a bigger loss fires too
    if days > 190:
        assert not fires
    if days <= 35 and now <= before * 0.95 - 0.01:
        assert fires


# --- §2.5 revised: unilateral hearing loss ----------------------------------------------------------

@pytest.mark.parametrize(("right", "left", "band", "abnormal"), [
    (19.9, 35, "unilateral", True), (35, 19.9, "unilateral", True), (-10, 120, "unilateral", True),
    (19.9, 34.9, "normal", False),  # worse ear below 35: not a unilateral loss
    (20, 35, "mild", False),  # better ear at 20: graded as the better ear
    (35, 35, "moderate", True),
])
def test_audiometry_unilateral_boundaries(right: float, left: float, band: str, abnormal: bool) -> None:
    out = step2("audiometry", pta_right_db=right, pta_left_db=left)
    assert (out.band, out.abnormal, out.score) == (band, abnormal, min(right, left))


@given(right=st.floats(-10, 120, allow_nan=False), left=st.floats(-10, 120, allow_nan=False))
def test_audiometry_unilateral_property(right: float, left: float) -> None:
    out = step2("audiometry", pta_right_db=right, pta_left_db=left)
    better, worse = min(right, left), max(right, left)
    assert (out.band == "unilateral") is (better < 20 and worse >= 35)
    assert out.abnormal is (better >= 35 or out.band == "unilateral")


def test_unilateral_loss_proposes_an_ent_referral_first() -> None:
    proposals = propose_interventions(None, [step2("audiometry", pta_right_db=10, pta_left_db=60)], TODAY)
    assert [p.action for p in proposals] == ["ent_referral", "hearing_aid_assessment"]


# --- S1: PHQ-9 item 9 > 0 -----------------------------------------------------------------------------

NEGATIVE_STEP1 = score_screening(parse_screening(orjson.dumps(make())))


@pytest.mark.parametrize(("items", "s1"), [
    ([0, 0, 0, 0, 0, 0, 0, 0, 1], True),  # total 1, "minimal": still an emergency
    ([0, 0, 0, 0, 0, 0, 0, 0, 3], True),
    ([3, 3, 3, 3, 3, 3, 3, 3, 0], False),  # total 24 without item 9: no safety alert
])
def test_s1_whatever_the_total(items: list[int], s1: bool) -> None:
    result = step2("phq9", items=items)
    assert safety_alerts([result]) == ((("S1", "psychology"),) if s1 else ())
    actions = [p.action for p in propose_interventions(NEGATIVE_STEP1, [result], TODAY)]
    if s1:
        assert actions[0] == "same_day_safety_assessment"
        assert actions.count("same_day_safety_assessment") == 1
    else:
        assert actions == ["psychological_support"]


def test_s1_comes_before_every_other_domain_and_is_due_the_same_day() -> None:
    results = [step2("mmse", score=18), step2("phq9", items=[3, 3, 3, 0, 0, 0, 0, 0, 2])]
    proposals = propose_interventions(NEGATIVE_STEP1, results, TODAY)
    assert [p.action for p in proposals] == ["same_day_safety_assessment", "memory_clinic_referral",
                                             "psychological_support"]
    assert proposals[0].intervention.due == TODAY
    assert proposals[1].intervention.due == date(2027, 5, 20)


@given(items=st.lists(st.integers(0, 3), min_size=9, max_size=9))
def test_s1_property(items: list[int]) -> None:
    result = step2("phq9", items=items)
    actions = [p.action for p in propose_interventions(NEGATIVE_STEP1, [result], TODAY)]
    assert (actions[:1] == ["same_day_safety_assessment"]) is (items[8] > 0)
    assert ("psychological_support" in actions) is (sum(items) >= 10)


# --- a step-2 result confirms its domain on its own ---------------------------------------------------

@pytest.mark.parametrize("vision", [None, {"eye_problems": None}, {"eye_problems": False}])
def test_step2_confirms_without_a_positive_step1(vision: dict[str, Any] | None) -> None:
    step1 = score_screening(parse_screening(orjson.dumps(make(vision=vision))))
    assert step1.to_json()["domains"]["vision"]["result"] in ("incomplete", "negative")
    proposals = propose_interventions(step1, [step2("visual_acuity", right=0.1, left=0.2)], TODAY)
    assert [(p.action, p.intervention.domain) for p in proposals] == [("eye_care_referral", "vision")]
    assert propose_interventions(step1, [step2("visual_acuity", right=0.5, left=0.5)], TODAY) == ()


# --- §3.1: a care plan moves the re-screen date -------------------------------------------------------

@pytest.mark.parametrize(("start", "due"), [
    (date(2026, 11, 20), date(2027, 5, 20)), (date(2026, 8, 31), date(2027, 2, 28)),
    (date(2027, 8, 31), date(2028, 2, 29)),
])
def test_plan_start_plus_six_months(start: date, due: date) -> None:
    assert rescreen_due(start) == due


def test_only_an_active_plan_moves_the_date() -> None:
    from icope.careplan import parse_care_plan_record, plan_moves_rescreen

    active = parse_care_plan_record(orjson.dumps({"date": "2026-12-01"}))
    done = parse_care_plan_record(orjson.dumps({"date": "2026-12-01", "status": "completed"}))
    assert (plan_moves_rescreen(active), plan_moves_rescreen(done)) == (date(2027, 6, 1), None)
