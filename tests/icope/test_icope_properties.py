"""Hypothesis properties of the ICOPE engine: ranges, monotonicity, totality, batch = one-by-one."""

from __future__ import annotations

import io
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from icope import (
    InvalidAssessment,
    InvalidScreening,
    assess_instrument,
    parse_assessment,
    parse_screening,
    score_screening,
)
from parcours.cli import icope_commands
from parcours.core.errors import InvalidInput
from parcours.cli.runner import run_batch, run_one
from parcours.core.plausibility import BOUNDS

answer = st.sampled_from(["correct", "wrong", "unknown"])
maybe = lambda s: st.one_of(st.none(), s)  # noqa: E731
seconds = st.floats(min_value=BOUNDS["chair_rise_seconds"].low, max_value=120, allow_nan=False)  # plausible times

screenings = st.fixed_dictionaries(
    {"date": st.dates().map(lambda d: d.isoformat())},
    optional={
        "cognition": st.fixed_dictionaries({}, optional={
            "orientation": st.fixed_dictionaries({}, optional={
                k: answer for k in ("year", "month", "day_of_month", "day_of_week", "place")}),
            "words_recalled": maybe(st.integers(0, 3)), "memory_complaint": maybe(st.booleans())}),
        "locomotion": st.fixed_dictionaries({}, optional={
            "completed": maybe(st.booleans()), "chair_rise_seconds": maybe(seconds),
            "used_arms": maybe(st.booleans())}),
        "nutrition": st.fixed_dictionaries({}, optional={
            "weight_loss": maybe(st.sampled_from(["yes", "no", "unknown"])),
            "weight_loss_kg": maybe(st.floats(-5, 30, allow_nan=False)), "appetite_loss": maybe(st.booleans())}),
        "vision": st.fixed_dictionaries({}, optional={"eye_problems": maybe(st.booleans())}),
        "hearing": st.fixed_dictionaries({}, optional={
            "whisper_right": maybe(st.sampled_from(["pass", "fail"])),
            "whisper_left": maybe(st.sampled_from(["pass", "fail"])),
            "hearwho_score": maybe(st.floats(0, 100, allow_nan=False)),
            "audiometry_db": maybe(st.floats(-10, 120, allow_nan=False))}),
        "psychology": st.fixed_dictionaries({}, optional={
            "feeling_down": maybe(st.booleans()), "little_interest": maybe(st.booleans())}),
    },
)


def _score(doc: dict[str, Any]) -> dict[str, Any]:
    return orjson.loads(orjson.dumps(score_screening(parse_screening(orjson.dumps(doc))).to_json()))


@settings(max_examples=200, deadline=None)
@given(screenings)
def test_every_screening_scores_consistently(doc: dict[str, Any]) -> None:
    out = _score(doc)
    results = [v["result"] for v in out["domains"].values()]
    assert set(results) <= {"positive", "negative", "incomplete"}
    expected = "positive" if "positive" in results else "incomplete" if "incomplete" in results else "negative"
    assert out["overall"] == expected
    for domain in out["domains"].values():
        assert bool(domain["reasons"]) == (domain["result"] == "positive")
    assert [s["domain"] for s in out["step2"]] == [d for d, v in out["domains"].items() if v["result"] == "positive"]


@settings(max_examples=150, deadline=None)
@given(st.floats(BOUNDS["chair_rise_seconds"].low, 60, allow_nan=False), st.floats(0, 20, allow_nan=False),
       st.booleans())
def test_slower_chair_rise_never_turns_positive_into_negative(t: float, extra: float, age_adjusted: bool) -> None:
    def loco(s: float) -> str:
        doc = {"date": "2026-11-20", "birth_date": "1940-01-01",
               "locomotion": {"completed": True, "chair_rise_seconds": s},
               "options": {"age_adjusted_chair_rise": age_adjusted}}
        return _score(doc)["domains"]["locomotion"]["result"]
    if loco(t) == "positive":
        assert loco(t + extra) == "positive"


@settings(max_examples=150, deadline=None)
@given(st.floats(-5, 30, allow_nan=False), st.floats(0, 20, allow_nan=False))
def test_more_weight_lost_never_turns_positive_into_negative(kg: float, extra: float) -> None:
    def nut(k: float) -> str:
        out = _score({"date": "2026-11-20", "nutrition": {"weight_loss_kg": k, "appetite_loss": False}})
        return out["domains"]["nutrition"]["result"]
    if nut(kg) == "positive":
        assert nut(kg + extra) == "positive"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(json_values, screenings.map(lambda d: {**d, "extra": 1}), st.binary(max_size=40)))
def test_any_input_gives_a_result_or_a_typed_error(value: Any) -> None:
    raw = value if isinstance(value, bytes) else orjson.dumps(value)
    try:
        score_screening(parse_screening(raw))
    except InvalidScreening as exc:
        assert exc.issues
    try:
        assess_instrument(parse_assessment(raw))
    except InvalidAssessment as exc:
        assert exc.issues


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(screenings, json_values), min_size=1, max_size=8))
def test_batch_equals_one_by_one(docs: list[Any]) -> None:
    lines = [orjson.dumps(d) for d in docs]
    out = io.BytesIO()
    status = run_batch(icope_commands.score, [line + b"\n" for line in lines], "en", out)
    got = out.getvalue().splitlines()
    assert len(got) == len(lines)
    bad = 0
    for number, (line, result) in enumerate(zip(lines, got, strict=True), start=1):
        single, err = io.BytesIO(), io.BytesIO()
        if run_one(icope_commands.score, line, "en", single, err, "-") == 0:
            assert single.getvalue() == result + b"\n"
        else:
            bad += 1
            payload = orjson.loads(result)
            assert payload["line"] == number
            assert payload["error"] == err.getvalue().decode().splitlines()[1:]
    assert status == (1 if bad else 0)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 12), st.integers(0, 12))
def test_sppb_score_in_range(a: int, b: int) -> None:
    doc = {"instrument": "sppb", "date": "2026-11-20", "side_by_side_s": min(a, 10), "semi_tandem_s": min(b, 10),
           "tandem_s": min(a + b, 10) / 1.5, "gait_times_s": [a + 1.5], "chair_single_stand": b % 2 == 0,
           "chair_stands_s": 5.0 * b + 1}
    out = assess_instrument(parse_assessment(orjson.dumps(doc)))
    assert 0 <= out.score <= out.max_score == 12


@settings(max_examples=200, deadline=None)
@given(screenings)
def test_cached_rendering_equals_plain_serialization(doc: dict[str, Any]) -> None:
    from parcours.cli.icope_commands import render_step1

    result = score_screening(parse_screening(orjson.dumps(doc)))
    assert render_step1(result) == orjson.dumps(result.to_json()) + b"\n"


@settings(max_examples=200, deadline=None)
@given(screenings)
def test_score_handler_bytes_equal_the_result_model(doc: dict[str, Any]) -> None:
    """The batch handler renders without a Step1Result: its bytes must equal the model's JSON."""
    raw = orjson.dumps(doc)
    try:
        expected = orjson.dumps(score_screening(parse_screening(raw)).to_json()) + b"\n"
    except InvalidInput:
        return
    assert icope_commands.score(raw) == expected


@pytest.mark.parametrize("depth", [63, 64, 65, 200])
def test_deep_screening_is_too_deep_only_beyond_64(depth: int) -> None:
    """docs/interchange.md: nesting deeper than 64 is invalid input (checked after a failed validation)."""
    nested: Any = 1
    for _ in range(depth - 1):
        nested = [nested]
    raw = orjson.dumps({"date": "2026-11-20", "cognition": nested})
    with pytest.raises(InvalidInput) as err:
        parse_screening(raw)
    codes = {issue.code for issue in err.value.issues}
    assert ("too_deep" in codes) == (depth > 64)


weighed = st.tuples(screenings, maybe(st.floats(30, 150, allow_nan=False))).map(
    lambda pair: pair[0] if pair[1] is None
    else {**pair[0], "nutrition": {**pair[0].get("nutrition", {}), "weight_kg": pair[1]}})


@settings(max_examples=150, deadline=None)
@given(st.lists(weighed, min_size=2, max_size=4, unique_by=lambda d: d["date"]))
def test_followup_with_the_previous_result_given_equals_followup_alone(docs: list[dict[str, Any]]) -> None:
    """`previous_result` (a history evaluated a visit at a time, as the demo does) changes nothing."""
    from icope import InvalidFollowup, evaluate_followup, parse_followup

    history = sorted(docs, key=lambda d: d["date"])
    try:
        whole = parse_followup(orjson.dumps({"screenings": history}))
        before = parse_followup(orjson.dumps({"screenings": history[:-1]}))
    except InvalidFollowup:
        return  # an invalid history is the parser's business (tested elsewhere)
    previous = evaluate_followup(before).latest
    assert evaluate_followup(whole, previous_result=previous) == evaluate_followup(whole)
