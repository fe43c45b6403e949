"""A dose or frequency known on one side only is a change, with warning `incomplete_lines`
(docs/medisis.md §2.7 A, §2.8 revised 2026-12-01): never a silent `continued`."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parcours.cli.medisis_commands import reconcile

SOURCES = ["10000001", "10000009", "10000003"]
DOSE = {"value": 5, "unit": "mg"}
FREQ = {"times_per_day": 1}


def run(bm: list[dict[str, Any]], orders: list[dict[str, Any]]) -> dict[str, Any]:
    body = {"moment": "admission", "date": "2026-11-20", "sources": SOURCES, "bm": bm, "orders": orders}
    return orjson.loads(orjson.dumps(reconcile(orjson.dumps(body))))


def warfarin(id_: str, **fields: Any) -> dict[str, Any]:
    return {"id": id_, "atc": "B01AA03", **fields}


def test_warfarin_5_mg_against_warfarin_without_dose() -> None:
    out = run([warfarin("b1", dose=DOSE, frequency=FREQ)], [warfarin("o1", frequency=FREQ)])
    (row,) = out["lines"]
    assert row["status"] == "modified" and row["is_discrepant"] and row["changes"] == ["dose"]
    assert row["category"] == "unqualified"
    assert out["warnings"] == ["unqualified_discrepancies", "incomplete_lines"]


@pytest.mark.parametrize(("bm", "order", "changes"), [
    ({"dose": DOSE}, {}, ["dose"]),
    ({}, {"dose": DOSE}, ["dose"]),
    ({"frequency": FREQ}, {}, ["frequency"]),
    ({}, {"frequency": FREQ}, ["frequency"]),
    ({"dose": DOSE}, {"frequency": FREQ}, ["dose", "frequency"]),
    ({"dose": DOSE, "frequency": FREQ}, {}, ["dose", "frequency"]),
])
def test_one_sided_dose_or_frequency_is_a_change(bm, order, changes) -> None:
    out = run([warfarin("b1", **bm)], [warfarin("o1", **order)])
    assert out["lines"][0]["changes"] == changes and out["lines"][0]["status"] == "modified"
    assert "incomplete_lines" in out["warnings"]


@pytest.mark.parametrize(("bm", "order"), [
    ({}, {}),  # absent on both sides: not compared (§2.7 A)
    ({"dose": DOSE, "frequency": FREQ}, {"dose": {"value": 0.005, "unit": "g"}, "frequency": FREQ}),
])
def test_both_sides_alike_stay_continued_without_warning(bm, order) -> None:
    out = run([warfarin("b1", **bm)], [warfarin("o1", **order)])
    assert out["lines"][0]["status"] == "continued" and out["warnings"] == []


def test_qualified_as_unintentional_is_a_posology_error() -> None:
    out = run([warfarin("b1", dose=DOSE)], [warfarin("o1", intentional=False, severity="major")])
    row = out["lines"][0]
    assert row["category"] == "dni" and row["error_type"] == "posology"
    assert out["warnings"] == ["incomplete_lines"]  # qualified, but the line is still incomplete


def test_equivalence_keeps_the_warning() -> None:
    """The pharmacist's equivalence decides the status (§2.7 C3); the missing dose is still reported."""
    out = run([warfarin("b1", dose=DOSE)], [{"id": "o1", "atc": "B01AA07", "bm_id": "b1", "equivalence": True}])
    assert out["lines"][0]["status"] == "equivalence" and out["warnings"] == ["incomplete_lines"]


def test_unpaired_lines_are_not_incomplete() -> None:
    out = run([warfarin("b1", dose=DOSE)], [{"id": "o1", "atc": "C03CA01"}])
    assert [r["status"] for r in out["lines"]] == ["stopped", "initiated"]
    assert "incomplete_lines" not in out["warnings"]


def test_warning_order_with_all_four() -> None:
    out = run([warfarin("b1", dose=DOSE), {"id": "b2", "atc": "A02BC05", "intentional": True}], [warfarin("o1")])
    assert out["warnings"][-2:] == ["undocumented_intentional_discrepancies", "incomplete_lines"]


SIDE = st.fixed_dictionaries({}, optional={
    "dose": st.fixed_dictionaries({"value": st.sampled_from([1, 5, 40]),
                                   "unit": st.sampled_from(["mg", "g", "tablet"])}),
    "frequency": st.one_of(st.fixed_dictionaries({"times_per_day": st.sampled_from([1, 2])}),
                           st.fixed_dictionaries({"times": st.integers(1, 2), "every": st.integers(1, 2),
                                                  "period": st.sampled_from(["day", "week", "month"])})),
})


@settings(max_examples=300, deadline=None)
@given(SIDE, SIDE)
def test_property_one_sided_never_continued(bm, order) -> None:
    out = run([warfarin("b1", **bm)], [warfarin("o1", **order)])
    row = out["lines"][0]
    one_sided = ("dose" in bm) != ("dose" in order) or ("frequency" in bm) != ("frequency" in order)
    assert ("incomplete_lines" in out["warnings"]) is one_sided
    if one_sided:
        assert row["status"] == "modified" and row["is_discrepant"]
    if ("dose" in bm) != ("dose" in order):
        assert "dose" in row["changes"]
    if ("frequency" in bm) != ("frequency" in order):
        assert "frequency" in row["changes"]
