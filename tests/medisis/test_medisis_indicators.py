"""Indicators: docs/interchange.md §4.4 example, docs/medisis.md §13 example 5, rounding, nulls, validations."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medisis.errors import InvalidIndicators
from medisis.indicators import ratio, round_half_away
from parcours.cli.medisis_commands import indicators
from parcours.messages import render_issue

BASE = {"eligible_patients": 40, "reconciled_patients": 30, "reconciled_within_24h": 30, "dni_total": 36,
        "patients_with_dni": 14}


def run(**doc: Any) -> dict[str, Any]:
    return orjson.loads(orjson.dumps(indicators(orjson.dumps(doc))))


def test_interchange_4_4_example_exactly() -> None:
    out = run(site="CH Lunéville", period={"start": "2026-01-01", "end": "2026-03-31"}, **BASE,
              dni_by_severity={"minor": 20, "significant": 12, "major": 4, "critical": 0, "catastrophic": 0},
              interventions={"accepted": 41, "accepted_modified": 3, "not_accepted": 6, "not_recorded": 2},
              discharged_patients=120, readmitted_30d=14)
    assert out == {
        "reconciliation_rate_pct": 75.0, "mr1_pct": 75.0, "mr2": 1.2, "mr3_pct": 46.7,
        "dni_severity_pct": {"minor": 55.6, "significant": 33.3, "major": 11.1, "critical": 0.0, "catastrophic": 0.0},
        "ip_acceptance_pct": 88.0, "readmission_30d_pct": 11.7,
    }
    assert list(out) == ["reconciliation_rate_pct", "mr1_pct", "mr2", "mr3_pct", "dni_severity_pct",
                         "ip_acceptance_pct", "readmission_30d_pct"]


def test_medisis_section_13_example_5() -> None:
    out = run(**BASE)
    assert (out["reconciliation_rate_pct"], out["mr1_pct"], out["mr2"], out["mr3_pct"]) == (75.0, 75.0, 1.2, 46.7)
    assert (out["dni_severity_pct"], out["ip_acceptance_pct"], out["readmission_30d_pct"]) == (None, None, None)


@pytest.mark.parametrize(("num", "den", "percent", "decimals", "expected"), [
    (1, 16, True, 1, 6.3), (2, 16, False, 2, 0.13), (1, 3, True, 1, 33.3), (2, 3, True, 1, 66.7),
    (1, 8, True, 1, 12.5), (1, 400, True, 1, 0.3), (1, 2000, True, 1, 0.1), (1, 2001, True, 1, 0.0),
])
def test_rounding_half_away_from_zero_on_exact_value(num, den, percent, decimals, expected) -> None:
    assert ratio(num, den, percent=percent, decimals=decimals) == expected


def test_round_negative_half_away() -> None:
    assert str(round_half_away(Fraction(-1, 8), 2)) == "-0.13"


def test_zero_denominators_give_null() -> None:
    out = run(eligible_patients=0, reconciled_patients=0, reconciled_within_24h=0, dni_total=0, patients_with_dni=0,
              dni_by_severity={}, interventions={"not_recorded": 5}, discharged_patients=0, readmitted_30d=0)
    assert set(out.values()) == {None}


@pytest.mark.parametrize(("changes", "expected"), [
    ({"reconciled_within_24h": 31}, ["reconciled_within_24h: cannot exceed reconciled_patients"]),
    ({"reconciled_patients": 41, "reconciled_within_24h": 0}, ["reconciled_patients: cannot exceed eligible_patients"]),
    ({"patients_with_dni": 31, "dni_total": 40}, ["patients_with_dni: cannot exceed reconciled_patients"]),
    ({"patients_with_dni": 14, "dni_total": 13}, ["patients_with_dni: cannot exceed dni_total"]),
    ({"patients_with_dni": 0}, ["dni_total: DNI are counted but patients_with_dni is 0"]),
    ({"dni_by_severity": {"minor": 37}}, ["dni_by_severity: cannot exceed dni_total"]),
    ({"discharged_patients": 10, "readmitted_30d": 11}, ["readmitted_30d: cannot exceed discharged_patients"]),
    ({"discharged_patients": 10}, ["readmitted_30d: required with discharged_patients"]),
    ({"period": {"start": "2026-04-01", "end": "2026-03-31"}}, ["period.start: cannot be after period.end"]),
    ({"eligible_patients": -1}, ["eligible_patients: must be ≥ 0"]),
    ({"eligible_patients": 4.0}, ["eligible_patients: must be an integer"]),
    ({"interventions": {"refused": 1}}, ["interventions.refused: unknown field"]),
])
def test_invalid_indicators(changes, expected) -> None:
    with pytest.raises(InvalidIndicators) as exc:
        indicators(orjson.dumps({**BASE, **changes}))
    assert [render_issue(i, "en") for i in exc.value.issues] == expected


COUNTS = st.integers(0, 10_000)


@settings(max_examples=200, deadline=None)
@given(COUNTS, COUNTS, COUNTS, COUNTS, COUNTS, COUNTS, COUNTS)
def test_percentages_within_0_100_for_any_valid_counts(a, b, c, d, e, f, g) -> None:
    eligible = max(a, b, c)
    reconciled = sorted((a, b, c))[1]
    within = min(a, b, c)
    patients = min(d, reconciled)
    dni = max(patients, e) if patients else 0
    doc = {"eligible_patients": eligible, "reconciled_patients": reconciled, "reconciled_within_24h": within,
           "dni_total": dni, "patients_with_dni": patients, "interventions": {"accepted": f, "not_accepted": g},
           "discharged_patients": max(f, g), "readmitted_30d": min(f, g),
           "dni_by_severity": {"minor": dni // 2, "major": dni - dni // 2}}
    out = run(**doc)
    pcts = [out[k] for k in
            ("reconciliation_rate_pct", "mr1_pct", "mr3_pct", "ip_acceptance_pct", "readmission_30d_pct")]
    pcts += list((out["dni_severity_pct"] or {}).values())
    assert all(p is None or 0.0 <= p <= 100.0 for p in pcts)
    assert out["mr2"] is None or out["mr2"] >= 0
