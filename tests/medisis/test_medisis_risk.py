"""Readmission risk: docs/interchange.md §4.2 example, docs/medisis.md §13 examples 6–7, boundaries, properties."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medisis.config import parse_protocol
from medisis.errors import InvalidRiskInput
from medisis.lace import Comorbidity, length_of_stay_points
from parcours.cli.medisis_commands import risk
from parcours.messages import render_issue


def score(**doc: Any) -> dict[str, Any]:
    return orjson.loads(orjson.dumps(risk(orjson.dumps(doc))))


def lace_doc(los: int = 0, emergent: bool = False, ed: int = 0, **extra: Any) -> dict[str, Any]:
    return {"score": "lace", "length_of_stay_days": los, "emergent_admission": emergent, "ed_visits_6m": ed, **extra}


def test_interchange_4_2_lace_example() -> None:
    out = score(score="lace", length_of_stay_days=8, emergent_admission=True,
                comorbidities=["myocardial_infarction", "renal_disease"], ed_visits_6m=1)
    assert out == {"score": "lace", "value": 12, "max_value": 19, "band": "high", "high_risk": True,
                   "components": {"length_of_stay": 5, "acuity": 3, "comorbidity": 3, "ed_visits": 1}}


@pytest.mark.parametrize(
    ("doc", "component", "points", "value", "band"),
    [
        pytest.param(lace_doc(0, charlson_index=0), "length_of_stay", 0, 0, "low", id="example_6_lace_zero"),
        pytest.param(lace_doc(14, charlson_index=0), "length_of_stay", 7, 7, "moderate", id="example_6_lace_los14"),
        pytest.param({**lace_doc(14, comorbidities=[]), "score": "lace_modified"}, "length_of_stay", 6, 6, "moderate",
                     id="example_6_lace_modified_los14"),
        pytest.param(lace_doc(0, ed=6, charlson_index=0), "ed_visits", 4, 4, "low", id="example_6_lace_ed6"),
        pytest.param({**lace_doc(0, ed=6, comorbidities=[]), "score": "lace_modified"}, "ed_visits", 4, 4, "low",
                     id="example_6_lace_modified_ed6"),
    ],
)
def test_medisis_section_13_example_6(doc, component, points, value, band) -> None:
    out = score(**doc)
    assert (out["components"][component], out["value"], out["band"]) == (points, value, band)


def test_medisis_section_13_example_7_hospital() -> None:
    out = score(score="hospital", hemoglobin_g_dl=11.2, oncology_discharge=False, sodium_mmol_l=133,
                procedure=True, urgent_admission=True, admissions_12m=3, length_of_stay_days=6)
    assert out == {"score": "hospital", "value": 8, "max_value": 13, "band": "high", "high_risk": True,
                   "components": {"hemoglobin": 1, "oncology": 0, "sodium": 1, "procedure": 1,
                                  "index_admission": 1, "admissions": 2, "length_of_stay": 2}}


@pytest.mark.parametrize(("days", "lace", "modified"), [
    (0, 0, 0), (1, 1, 1), (3, 3, 3), (4, 4, 4), (6, 4, 4), (7, 5, 5), (13, 5, 5), (14, 7, 6), (400, 7, 6)])
def test_length_of_stay_table(days, lace, modified) -> None:
    assert (length_of_stay_points(days), length_of_stay_points(days, modified=True)) == (lace, modified)


@pytest.mark.parametrize(("index", "points"), [(0, 0), (3, 3), (4, 5), (9, 5)])
def test_charlson_index_4_gives_5(index, points) -> None:
    assert score(**lace_doc(charlson_index=index))["components"]["comorbidity"] == points


def test_comorbidity_weights_differ_between_variants() -> None:
    conds = ["dementia", "congestive_heart_failure", "hemiplegia_paraplegia", "dementia"]
    assert score(**lace_doc(comorbidities=conds))["components"]["comorbidity"] == 5  # index 1 + 1 + 2 = 4 → 5
    mod = score(**{**lace_doc(comorbidities=conds), "score": "lace_modified"})
    assert mod["components"]["comorbidity"] == 5  # 3 + 2 + 0
    capped = score(**{**lace_doc(comorbidities=["metastatic_solid_tumour", "dementia"]), "score": "lace_modified"})
    assert capped["components"]["comorbidity"] == 6


@pytest.mark.parametrize(("admissions", "points"), [(0, 0), (1, 0), (2, 2), (5, 2), (6, 5)])
def test_hospital_admissions(admissions, points) -> None:
    out = score(score="hospital", hemoglobin_g_dl=12.0, oncology_discharge=True, sodium_mmol_l=135,
                procedure=False, urgent_admission=False, admissions_12m=admissions, length_of_stay_days=4)
    components = out["components"]
    assert components["admissions"] == points
    assert (components["hemoglobin"], components["sodium"], components["length_of_stay"]) == (0, 0, 0)


def trst_doc(**items: Any) -> dict[str, Any]:
    base = {"score": "trst", "cognitive_impairment": False, "walking_difficulty_or_falls": False,
            "medication_count": 0, "recent_ed_or_hospitalisation": False, "lives_alone_or_no_caregiver": False,
            "professional_concern": False}
    return {**base, **items}


@pytest.mark.parametrize(("items", "value", "band"), [
    ({}, 0, "low"),
    ({"cognitive_impairment": True}, 1, "high"),
    ({"medication_count": 4}, 0, "low"),
    ({"medication_count": 5}, 1, "low"),
    ({"medication_count": 5, "professional_concern": True}, 2, "high"),
])
def test_trst(items, value, band) -> None:
    out = score(**trst_doc(**items))
    assert (out["value"], out["band"], out["high_risk"], out["max_value"]) == (value, band, band == "high", 6)
    assert "five_or_more_medications" in out["components"]


def test_trst_french_variant_uses_adl() -> None:
    doc = trst_doc(variant="french", adl_dependence=True)
    del doc["professional_concern"]
    out = score(**doc)
    assert out["components"]["adl_dependence"] == 1 and "professional_concern" not in out["components"]


@pytest.mark.parametrize(("doc", "expected"), [
    ({"score": "nope"}, ["score: must be one of: lace | lace_modified | hospital | trst"]),
    ({}, ["score: required field is missing"]),
    (lace_doc(), ["comorbidities: give charlson_index or comorbidities"]),
    (lace_doc(charlson_index=1, comorbidities=[]), ["comorbidities: must not be given with charlson_index"]),
    (lace_doc(length_of_stay_days=-1, charlson_index=0), ["length_of_stay_days: must be ≥ 0"]),
    (lace_doc(comorbidities=["gout"]),
     ["comorbidities[0]: must be one of: " + " | ".join(c.value for c in Comorbidity)]),
    ({**lace_doc(charlson_index=0), "score": "lace_modified"}, ["comorbidities: required field is missing",
                                                                  "charlson_index: unknown field"]),
    (trst_doc(variant="french"), ["adl_dependence: required field is missing",
                                  "professional_concern: not used by the french variant"]),
])
def test_invalid_risk_input(doc, expected) -> None:
    with pytest.raises(InvalidRiskInput) as exc:
        risk(orjson.dumps(doc))
    assert sorted(render_issue(i, "en") for i in exc.value.issues) == sorted(expected)


def test_bands_from_protocol() -> None:
    protocol = parse_protocol({"risk": {"lace": {"bands": {"low": 0, "high": 13}}}})
    raw = orjson.dumps(lace_doc(8, True, 1, charlson_index=3))
    assert risk(raw)["band"] == "high"
    assert risk(raw, protocol)["band"] == "low"


LACE_ITEMS = st.fixed_dictionaries({
    "los": st.integers(0, 60), "emergent": st.booleans(), "ed": st.integers(0, 20),
    "conds": st.lists(st.sampled_from(list(Comorbidity)), max_size=8),
})


@settings(max_examples=150, deadline=None)
@given(LACE_ITEMS, st.sampled_from(["lace", "lace_modified"]), st.sampled_from(["los", "ed", "emergent", "conds"]))
def test_lace_range_and_monotone(items, variant, bump) -> None:
    def value(x):
        return score(score=variant, length_of_stay_days=x["los"], emergent_admission=x["emergent"],
                     ed_visits_6m=x["ed"], comorbidities=[c.value for c in x["conds"]])["value"]

    more = dict(items)
    if bump == "los":
        more["los"] += 1
    elif bump == "ed":
        more["ed"] += 1
    elif bump == "emergent":
        more["emergent"] = True
    else:
        more["conds"] = [*items["conds"], Comorbidity.CANCER]
    low, high = value(items), value(more)
    assert 0 <= low <= high <= 19


@settings(max_examples=150, deadline=None)
@given(st.floats(4, 25), st.booleans(), st.floats(100, 160), st.booleans(), st.booleans(),
       st.integers(0, 30), st.integers(0, 60))
def test_hospital_range_and_monotone(hb, onc, na, proc, urgent, adm, los) -> None:
    def value(**over):
        doc = {"score": "hospital", "hemoglobin_g_dl": hb, "oncology_discharge": onc, "sodium_mmol_l": na,
               "procedure": proc, "urgent_admission": urgent, "admissions_12m": adm, "length_of_stay_days": los}
        return score(**{**doc, **over})["value"]

    base = value()
    assert 0 <= base <= 13
    assert value(admissions_12m=adm + 1) >= base and value(length_of_stay_days=los + 1) >= base
    assert value(hemoglobin_g_dl=hb / 2) >= base and value(sodium_mmol_l=na - 1) >= base
    assert value(oncology_discharge=True, procedure=True, urgent_admission=True) >= base


@settings(max_examples=100, deadline=None)
@given(st.lists(st.booleans(), min_size=5, max_size=5), st.integers(0, 20))
def test_trst_range_and_monotone(flags, meds) -> None:
    names = ["cognitive_impairment", "walking_difficulty_or_falls", "recent_ed_or_hospitalisation",
             "lives_alone_or_no_caregiver", "professional_concern"]
    doc = trst_doc(medication_count=meds, **dict(zip(names, flags, strict=True)))
    base = score(**doc)["value"]
    assert 0 <= base <= 6
    assert score(**{**doc, "medication_count": meds + 1})["value"] >= base
    for name in names:
        assert score(**{**doc, name: True})["value"] >= base
