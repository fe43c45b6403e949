"""Plausibility bounds (docs/plausibility.md): outside → a typed error naming the field; inside → accepted.

Every bound of parcours.core.plausibility is exercised through a real document of each model that
carries the field, with hypothesis drawing values on both sides of it.
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parcours.core.errors import InvalidInput, format_path
from parcours.core.plausibility import BOUNDS

ROOT = pathlib.Path(__file__).parents[2]
DATE = "2026-11-20"
SPPB = {"instrument": "sppb", "date": DATE, "side_by_side_s": 10, "semi_tandem_s": 10, "tandem_s": 10,
        "gait_times_s": [4.0], "chair_single_stand": True, "chair_stands_s": 12.0}
MNA = {"instrument": "mna_sf", "date": DATE, "food_intake": "no_decrease", "weight_loss_kg": 0.0,
       "mobility": "goes_out", "acute_disease_or_stress": False, "neuropsychological": "none", "bmi": 24.0}
MNA_CALF = {k: v for k, v in MNA.items() if k != "bmi"} | {"calf_circumference_cm": 33.0}
AUDIO = {"instrument": "audiometry", "date": DATE, "pta_right_db": 20.0, "pta_left_db": 20.0}
MOCA = {"instrument": "moca", "date": DATE, "raw_score": 27, "education_years": 10}
RECONCILE = {"moment": "admission", "date": DATE, "bm": [], "orders": [], "patient": {}}
REVIEW = {"date": DATE, "patient": {"birth_date": "1944-05-02"}, "drugs": []}
HOSPITAL = {"score": "hospital", "hemoglobin_g_dl": 12.0, "oncology_discharge": False, "sodium_mmol_l": 140.0,
            "procedure": False, "urgent_admission": False, "admissions_12m": 0, "length_of_stay_days": 3}


def _parser(kind: str) -> Any:
    from icope.step1 import parse_screening, read_screening
    from icope.step2 import parse_assessment
    from medisis.reconciliation import parse_reconciliation
    from medisis.review import parse_review
    from medisis.risk import parse_risk

    return {"screening": parse_screening, "read_screening": read_screening, "assess": parse_assessment,
            "reconcile": parse_reconciliation, "review": parse_review, "risk": parse_risk}[kind]


#: (parser, base document, path of the field, bound name)
CARRIERS: list[tuple[str, dict[str, Any], tuple[Any, ...], str]] = [
    *((kind, {"date": DATE}, path, path[-1]) for kind in ("screening", "read_screening") for path in (
        ("nutrition", "weight_kg"), ("nutrition", "weight_loss_kg"), ("locomotion", "chair_rise_seconds"),
        ("hearing", "audiometry_db"))),
    ("assess", SPPB, ("chair_stands_s",), "chair_stands_s"),
    ("assess", SPPB, ("gait_times_s", 0), "gait_times_s"),
    ("assess", MNA, ("weight_loss_kg",), "weight_loss_kg"),
    ("assess", MNA, ("bmi",), "bmi"),
    ("assess", MNA_CALF, ("calf_circumference_cm",), "calf_circumference_cm"),
    ("assess", AUDIO, ("pta_right_db",), "pta_right_db"),
    ("assess", AUDIO, ("pta_left_db",), "pta_left_db"),
    ("assess", MOCA, ("education_years",), "education_years"),
    *(("reconcile", RECONCILE, ("patient", name), name)
      for name in ("weight_kg", "egfr", "creatinine_umol_l", "potassium_mmol_l")),
    ("review", REVIEW, ("patient", "egfr"), "egfr"),
    ("risk", HOSPITAL | {"patient": {}}, ("patient", "potassium_mmol_l"), "potassium_mmol_l"),
    ("risk", HOSPITAL, ("hemoglobin_g_dl",), "hemoglobin_g_dl"),
    ("risk", HOSPITAL, ("sodium_mmol_l",), "sodium_mmol_l"),
]
INTEGER_FIELDS = {"education_years"}


def _with(doc: dict[str, Any], path: tuple[Any, ...], value: Any) -> bytes:
    out = orjson.loads(orjson.dumps(doc))
    node = out
    for part in path[:-1]:
        node = node.setdefault(part, {}) if isinstance(node, dict) else node[part]
    node[path[-1]] = value
    return orjson.dumps(out)


def _outside(name: str) -> st.SearchStrategy[float | int]:
    bound = BOUNDS[name]
    if name in INTEGER_FIELDS:
        return st.integers(-10**6, int(bound.low) - 1) | st.integers(int(bound.high) + 1, 10**6)
    below = st.floats(-1e6, bound.low, exclude_max=True, allow_nan=False)
    above = st.floats(bound.high, 1e6, exclude_min=True, allow_nan=False)
    return below | above


def _inside(name: str) -> st.SearchStrategy[float | int]:
    bound = BOUNDS[name]
    if name in INTEGER_FIELDS:
        return st.integers(int(bound.low), int(bound.high))
    return st.floats(bound.low, bound.high, allow_nan=False)


@pytest.mark.parametrize(("kind", "doc", "path", "name"), CARRIERS, ids=lambda x: x if isinstance(x, str) else None)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_outside_the_bounds_is_a_typed_error_naming_the_field(kind: str, doc: dict[str, Any], path: tuple[Any, ...],
                                                              name: str, data: st.DataObject) -> None:
    value = data.draw(_outside(name))
    with pytest.raises(InvalidInput) as caught:
        _parser(kind)(_with(doc, path, value))
    issues = {format_path(i.path): i for i in caught.value.issues}
    issue = issues[format_path(path)]
    assert issue.code == BOUNDS[name].code and issue.code.startswith("implausible")
    assert issue.params == BOUNDS[name].params()


@pytest.mark.parametrize(("kind", "doc", "path", "name"), CARRIERS, ids=lambda x: x if isinstance(x, str) else None)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_inside_the_bounds_is_accepted(kind: str, doc: dict[str, Any], path: tuple[Any, ...], name: str,
                                       data: st.DataObject) -> None:
    value = data.draw(_inside(name))
    _parser(kind)(_with(doc, path, value))


def test_every_bound_is_carried_by_a_model_field() -> None:
    carried = {name for *_, name in CARRIERS} | {"acuity_decimal"}  # acuity: its own parser, below
    assert carried == set(BOUNDS)


@settings(max_examples=60, deadline=None)
@given(st.floats(-1e6, 1e6, allow_nan=False))
def test_decimal_acuity_outside_its_bounds_is_refused(value: float) -> None:
    from icope.step2 import parse_assessment

    bound = BOUNDS["acuity_decimal"]
    doc = orjson.dumps({"instrument": "visual_acuity", "date": DATE, "right": value, "left": 1.0})
    if bound.low < value <= bound.high:
        parse_assessment(doc)
    else:
        with pytest.raises(InvalidInput) as caught:
            parse_assessment(doc)
        assert [(format_path(i.path), i.code) for i in caught.value.issues] == [("right", "not_acuity")]


def test_docs_table_lists_every_bound_with_its_numbers() -> None:
    text = (ROOT / "docs" / "plausibility.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip().strip("`"): line for line in text.splitlines() if line.startswith("| `")}
    for name, bound in BOUNDS.items():
        assert name in rows, name
        low, high = (str(int(x)) if float(x).is_integer() else str(x) for x in (bound.low, bound.high))
        assert f"{low} – {high}" in rows[name], (name, rows[name])


def _cli(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    return subprocess.run([sys.executable, "-m", "parcours", *args, "-"], input=stdin, capture_output=True, env=env,
                          check=False)


def test_haemoglobin_in_g_per_litre_exits_2_saying_so_in_both_languages() -> None:
    doc = _with(HOSPITAL, ("hemoglobin_g_dl",), 95)
    fr = _cli("medisis", "risk", stdin=doc)
    assert fr.returncode == 2 and fr.stdout == b""
    assert ("hemoglobin_g_dl: valeur invraisemblable : attendue entre 2 et 25 g/dL — une valeur en g/L se divise "
            "par 10 (95 g/L = 9,5 g/dL)") in fr.stderr.decode().splitlines()
    en = _cli("medisis", "risk", "--lang", "en", stdin=doc)
    assert en.returncode == 2
    assert ("hemoglobin_g_dl: implausible value: expected between 2 and 25 g/dL — a value in g/L is divided by 10 "
            "(95 g/L = 9.5 g/dL)") in en.stderr.decode().splitlines()


def test_weight_typed_in_grams_exits_2_naming_the_field() -> None:
    run = _cli("icope", "score", "--lang", "en", stdin=orjson.dumps({"date": DATE, "nutrition": {"weight_kg": 65000}}))
    assert run.returncode == 2
    assert "nutrition.weight_kg: implausible value: expected between 20 and 350 kg" in run.stderr.decode().splitlines()
