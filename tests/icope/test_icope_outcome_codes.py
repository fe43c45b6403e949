"""The declared outcome vocabularies (icope.outcome_codes) are exactly what the scorers give, and all are labelled."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from icope.outcome_codes import FLAGS, INSTRUMENT_BANDS, REASONS, Band
from icope.step1 import parse_screening, score_screening
from icope.step2 import mna_sf, mood, sensory, sppb
from icope.vocab import Instrument
from parcours.messages import message

_maybe_bool = st.one_of(st.none(), st.booleans())
_screenings = st.fixed_dictionaries({"date": st.just("2026-11-20")}, optional={
    "cognition": st.fixed_dictionaries({}, optional={
        "orientation": st.fixed_dictionaries({}, optional={
            k: st.sampled_from(["correct", "wrong", "unknown"])
            for k in ("year", "month", "day_of_month", "day_of_week", "place")}),
        "words_recalled": st.integers(0, 3), "memory_complaint": _maybe_bool}),
    "locomotion": st.fixed_dictionaries({}, optional={
        "completed": _maybe_bool, "chair_rise_seconds": st.floats(1, 60), "used_arms": _maybe_bool}),  # plausible
    "nutrition": st.fixed_dictionaries({}, optional={
        "weight_loss": st.sampled_from(["yes", "no", "unknown"]), "weight_loss_kg": st.floats(0, 10),
        "appetite_loss": _maybe_bool}),
    "vision": st.fixed_dictionaries({}, optional={"eye_problems": _maybe_bool}),
    "hearing": st.fixed_dictionaries({}, optional={
        "whisper_right": st.sampled_from(["pass", "fail"]), "whisper_left": st.sampled_from(["pass", "fail"]),
        "hearwho_score": st.floats(0, 100), "audiometry_db": st.floats(-10, 120)}),
    "psychology": st.fixed_dictionaries({}, optional={"feeling_down": _maybe_bool, "little_interest": _maybe_bool}),
})


@settings(max_examples=300, deadline=None)
@given(_screenings)
def test_every_reason_and_flag_a_screening_gives_is_declared(doc: dict[str, Any]) -> None:
    result = score_screening(parse_screening(orjson.dumps(doc)))
    for outcome in result.domains.values():
        assert set(outcome.reasons) <= set(REASONS)
        assert set(outcome.flags) <= set(FLAGS)


def test_the_scorers_band_tables_are_the_declared_bands() -> None:
    assert {name for _, name in sppb.BANDS} == set(INSTRUMENT_BANDS[Instrument.SPPB])
    assert {name for _, name in mna_sf.BANDS} == set(INSTRUMENT_BANDS[Instrument.MNA_SF])
    assert {name for _, name in mood.GDS_BANDS} == set(INSTRUMENT_BANDS[Instrument.GDS15])
    assert {name for _, name in mood.PHQ_BANDS} == set(INSTRUMENT_BANDS[Instrument.PHQ9])
    assert {name for _, name in sensory.AUDIOMETRY_GRADES} | {"normal", "unilateral"} == set(
        INSTRUMENT_BANDS[Instrument.AUDIOMETRY])
    assert set(INSTRUMENT_BANDS) == set(Instrument)
    assert {b for bands in INSTRUMENT_BANDS.values() for b in bands} == set(Band)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_declared_code_is_labelled(lang: str) -> None:
    for code in REASONS:
        assert message(f"report.reason.{code}", lang)
    for code in FLAGS:
        assert message(f"report.flag.{code}", lang)
    for band in Band:
        assert message(f"report.band.{band.value}", lang)


def test_the_unilateral_band_is_given_and_declared() -> None:
    """docs/icope.md §2.5: better ear < 20 dB and worse ear ≥ 35 dB."""
    from icope.step2 import assess_instrument, parse_assessment

    doc = b'{"instrument": "audiometry", "date": "2026-11-20", "pta_right_db": 10, "pta_left_db": 40}'
    result = assess_instrument(parse_assessment(doc))
    assert result.band == Band.UNILATERAL and result.band in INSTRUMENT_BANDS[Instrument.AUDIOMETRY]
