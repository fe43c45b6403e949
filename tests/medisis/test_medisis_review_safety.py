"""Relevance-review safety rails (docs/medisis.md §6.2–§6.4 revised 2026-12-01, docs/interchange.md §4.3 `unchecked`).

Each revised rule at its boundaries; hypothesis properties: a listed missing input is really missing,
a complete document leaves nothing unchecked, and removing an input turns a finding into `unchecked`.
"""

from __future__ import annotations

import re
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medisis import review_data as rd
from medisis.acb import DEFAULT_ACB_TABLE
from medisis.config import parse_protocol
from parcours.cli.medisis_commands import review

DATE = "2026-11-20"
OLD = "1944-05-02"  # 82 at DATE


def run(
    drugs: list[dict[str, Any]], patient: dict[str, Any] | None = None, protocol: Any = None, **extra: Any
) -> dict[str, Any]:
    body = {"date": DATE, "patient": {"birth_date": OLD, **(patient or {})}, "drugs": drugs, **extra}
    return orjson.loads(orjson.dumps(review(orjson.dumps(body), protocol)))


def drug(id_: str, atc: str, **fields: Any) -> dict[str, Any]:
    return {"id": id_, "atc": atc, **fields}


def fired(out: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(f["rule"], f["drugs"]) for f in out["findings"]]


def gaps(out: dict[str, Any]) -> list[tuple[str, list[str], list[str]]]:
    return [(u["rule"], u["drugs"], u["missing"]) for u in out["unchecked"]]


#: every input a rule may miss, given: no rule can be left unchecked.
FULL_PATIENT = {"egfr": 60.0, "potassium_mmol_l": 4.0, "falls_12m": 0, "conditions_icd10": ["I10"]}
DAILY = {"dose": {"value": 10, "unit": "mg"}, "frequency": {"times_per_day": 1}, "started": "2026-11-01"}


# ---- STOPP-A3: the same ATC on two regular lines (revised) ----

@pytest.mark.parametrize(("drugs", "expected"), [
    ([drug("a", "M01AE01"), drug("b", "M01AE01")], [("STOPP-A3", ["a", "b"])]),
    ([drug("a", "M01AE01"), drug("b", "M01AE01"), drug("c", "M01AE01")], [("STOPP-A3", ["a", "b", "c"])]),
    ([drug("a", "M01AE01"), drug("b", "M01AE01", as_needed=True)], []),  # one regular line only
    ([drug("a", "M01AE01")], []),
    ([drug("a", "N06AB04"), drug("b", "N06AB04"), drug("c", "C03CA01"), drug("d", "C03CA01")],
     [("STOPP-A3", ["a", "b"]), ("STOPP-A3", ["c", "d"])]),
    ([drug("a", "N05AN01"), drug("b", "N05AN01")], []),  # lithium is not an antipsychotic here (§6.4)
])
def test_a3_same_atc_on_two_regular_lines(drugs, expected) -> None:
    assert [f for f in fired(run(drugs, FULL_PATIENT)) if f[0] == "STOPP-A3"] == expected


# ---- STOPP-D11: a Z-drug whatever its indication (revised) ----

@pytest.mark.parametrize("indication", [None, "anxiety", "insomnia", "pain"])
@pytest.mark.parametrize(("started", "fires"), [("2026-11-06", True), ("2026-11-07", False)])  # 14 / 13 days
def test_d11_needs_no_indication(indication, started, fires) -> None:
    z = drug("z", "N05CF02", started=started, **({"indication": indication} if indication else {}))
    assert (("STOPP-D11", ["z"]) in fired(run([z], FULL_PATIENT))) is fires


def test_d10_still_needs_insomnia_for_a_benzodiazepine() -> None:
    bzd = drug("b", "N05CD02", started="2026-11-06")
    assert "STOPP-D10" not in [r for r, _ in fired(run([bzd], FULL_PATIENT))]


# ---- METFORMIN: every A10BD combination containing metformin (revised) ----

METFORMIN_COMBINATIONS = ["A10BD02", "A10BD03", "A10BD05", "A10BD07", "A10BD08", "A10BD10", "A10BD11", "A10BD13",
                          "A10BD14", "A10BD15", "A10BD16", "A10BD17", "A10BD18", "A10BD20", "A10BD22", "A10BD23",
                          "A10BD25", "A10BD26", "A10BD27", "A10BD28"]
#: A10BD combinations without metformin (WHO ATC index): never E6.
NO_METFORMIN = ["A10BD01", "A10BD04", "A10BD06", "A10BD09", "A10BD12", "A10BD19", "A10BD21", "A10BD24", "A10BD29"]


@pytest.mark.parametrize("atc", ["A10BA02", *METFORMIN_COMBINATIONS])
@pytest.mark.parametrize(("egfr", "fires"), [(29.9, True), (30.0, False)])
def test_e6_every_metformin_combination(atc, egfr, fires) -> None:
    out = run([drug("m", atc)], {**FULL_PATIENT, "egfr": egfr})
    assert (("STOPP-E6", ["m"]) in fired(out)) is fires


@pytest.mark.parametrize("atc", NO_METFORMIN)
def test_e6_not_for_combinations_without_metformin(atc) -> None:
    assert "STOPP-E6" not in [r for r, _ in fired(run([drug("m", atc)], {**FULL_PATIENT, "egfr": 10.0}))]


# ---- STOPP-M1: every ACB-3 drug (revised) ----

ACB3 = sorted(atc for atc, score in DEFAULT_ACB_TABLE.items() if score == 3)


def test_every_acb3_drug_of_the_shipped_table_is_in_m1() -> None:
    assert ACB3 and all(atc in rd.ANTICHOLINERGICS_M1 for atc in ACB3)
    assert "N03AF01" not in rd.ANTICHOLINERGICS_M1  # carbamazepine scores 2: not added


@pytest.mark.parametrize("atc", ACB3)
def test_m1_fires_with_any_acb3_drug_and_another_anticholinergic(atc) -> None:
    other = "R06AB04" if atc != "R06AB04" else "N06AA09"
    out = run([drug("a", atc), drug("b", other)], FULL_PATIENT)
    assert ("STOPP-M1", ["a", "b"]) in fired(out)


def test_m1_olanzapine_with_quetiapine_and_paroxetine_alone() -> None:
    assert ("STOPP-M1", ["a", "b"]) in fired(run([drug("a", "N05AH03"), drug("b", "N05AH04")], FULL_PATIENT))
    assert "STOPP-M1" not in [r for r, _ in fired(run([drug("a", "N06AB05")], FULL_PATIENT))]  # two or more


def test_m1_counts_the_acb3_drugs_of_a_configured_table() -> None:
    drugs = [drug("a", "N06AB05"), drug("b", "A02BC05")]  # esomeprazole: not anticholinergic in the v2 list
    assert "STOPP-M1" not in [r for r, _ in fired(run(drugs, FULL_PATIENT))]
    three = parse_protocol({"review": {"acb_table": {"N06AB05": 3, "A02BC05": 3}}})
    assert ("STOPP-M1", ["a", "b"]) in fired(run(drugs, FULL_PATIENT, three))
    two = parse_protocol({"review": {"acb_table": {"N06AB05": 3, "A02BC05": 2}}})
    assert "STOPP-M1" not in [r for r, _ in fired(run(drugs, FULL_PATIENT, two))]


# ---- unchecked (docs/interchange.md §4.3) ----

def test_interchange_example_nsaid_without_egfr() -> None:
    out = run([drug("d1", "M01AE01")], {k: v for k, v in FULL_PATIENT.items() if k != "egfr"})
    assert out["findings"] == []
    assert out["unchecked"] == [{"rule": "STOPP-E4", "drugs": ["d1"], "missing": ["patient.egfr"]}]


@pytest.mark.parametrize(("drugs", "remove", "expected"), [
    ([drug("a", "C09AA05")], "potassium_mmol_l", [("STOPP-B12", ["a"], ["patient.potassium_mmol_l"])]),
    ([drug("a", "B01AE07")], "egfr", [("STOPP-E2", ["a"], ["patient.egfr"])]),
    ([drug("a", "B01AF02")], "egfr", [("STOPP-E3", ["a"], ["patient.egfr"])]),
    ([drug("a", "M04AC01")], "egfr", [("STOPP-E5", ["a"], ["patient.egfr"])]),
    ([drug("a", "A10BD15")], "egfr", [("STOPP-E6", ["a"], ["patient.egfr"])]),
    ([drug("a", "J01XE01")], "egfr", [("STOPP-E8", ["a"], ["patient.egfr"])]),
    ([drug("a", "A10BB12")], "conditions_icd10",
     [("STOPP-J1", ["a"], ["patient.conditions_icd10"]), ("START-C1", [], ["patient.conditions_icd10"])]),
    ([drug("a", "N05BA12", started="2026-11-01")], "falls_12m", [("STOPP-K1", ["a"], ["patient.falls_12m"])]),
    ([drug("a", "N05CF01", started="2026-11-01")], "falls_12m", [("STOPP-K4", ["a"], ["patient.falls_12m"])]),
    ([drug("a", "B01AA03")], "conditions_icd10", []),  # START-C1's drug condition (no anticoagulant) fails
])
def test_missing_patient_value_is_listed(drugs, remove, expected) -> None:
    out = run(drugs, {k: v for k, v in FULL_PATIENT.items() if k != remove})
    assert gaps(out) == expected and not [f for f in fired(out) if f[0] in {e[0] for e in expected}]


@pytest.mark.parametrize(("atc", "indication", "rules"), [
    ("N05BA12", None, ["STOPP-D8", "FR-ANXIOLYTIC-12W"]),
    ("N05BA12", "insomnia", ["STOPP-D8", "STOPP-D10", "FR-HYPNOTIC-4W"]),
    ("N05CD02", None, ["STOPP-D8", "FR-HYPNOTIC-4W"]),
    ("N05CF02", None, ["STOPP-D11", "FR-HYPNOTIC-4W"]),
    ("N03AE01", None, ["STOPP-D8"]),
])
def test_duration_rule_without_started(atc, indication, rules) -> None:
    d = drug("a", atc, **({"indication": indication} if indication else {}))
    assert gaps(run([d], FULL_PATIENT)) == [(r, ["a"], ["drugs[0].started"]) for r in rules]


@pytest.mark.parametrize(("fields", "missing"), [
    ({}, ["drugs[1].dose", "drugs[1].frequency"]),
    ({"dose": {"value": 75, "unit": "mg"}}, ["drugs[1].frequency"]),
    ({"frequency": {"times_per_day": 1}}, ["drugs[1].dose"]),
    ({"dose": {"value": 1, "unit": "tablet"}, "frequency": {"times_per_day": 1}}, ["drugs[1].dose"]),  # not a mass
    ({"dose": {"value": 75, "unit": "mg"}, "frequency": {"times": 1, "every": 1, "period": "month"}},
     ["drugs[1].frequency"]),
])
def test_c1_aspirin_without_a_usable_daily_dose(fields, missing) -> None:
    out = run([drug("x", "C03CA01"), drug("a", "B01AC06", **fields)], FULL_PATIENT)
    assert gaps(out) == [("STOPP-C1", ["a"], missing)]
    as_needed = run([drug("x", "C03CA01"), drug("a", "B01AC06", as_needed=True, **fields)], FULL_PATIENT)
    assert gaps(as_needed) == []  # C1 reads regular aspirin only


DIGOXIN_125 = {"dose": {"value": 125, "unit": "ug"}, "frequency": {"times_per_day": 1}}
DIGOXIN_62 = {"dose": {"value": 62.5, "unit": "ug"}, "frequency": {"times_per_day": 1}}


@pytest.mark.parametrize(("egfr", "fields", "expected"), [
    (None, DIGOXIN_125, [("STOPP-E1", ["g"], ["patient.egfr"])]),
    (None, DIGOXIN_62, []),  # below 0.125 mg/day: cannot fire whatever the eGFR
    (None, {}, [("STOPP-E1", ["g"], ["patient.egfr", "drugs[0].dose", "drugs[0].frequency"])]),
    (29.9, {}, [("STOPP-E1", ["g"], ["drugs[0].dose", "drugs[0].frequency"])]),
    (30.0, {}, []),  # eGFR ≥ 30: cannot fire whatever the dose
])
def test_e1_digoxin_listed_only_while_the_outcome_depends_on_the_missing_input(egfr, fields, expected) -> None:
    if egfr is not None:
        patient = {**FULL_PATIENT, "egfr": egfr}
    else:
        patient = {k: v for k, v in FULL_PATIENT.items() if k != "egfr"}
    assert gaps(run([drug("g", "C01AA05", **fields)], patient)) == expected


def test_disabled_rules_and_age_filter_unchecked_like_findings() -> None:
    nsaid = [drug("d1", "M01AE01"), drug("h", "N05CF02")]
    assert [u[0] for u in gaps(run(nsaid, {}, options={"rules": ["STOPP-E4"]}))] == ["STOPP-E4"]
    assert gaps(run(nsaid, {}, options={"rules": ["STOPP-C10"]})) == []
    young = run(nsaid, {"birth_date": "1990-01-01"})
    assert [u[0] for u in gaps(young)] == ["FR-HYPNOTIC-4W"]  # the French rules apply at any age


def test_unchecked_in_section_order() -> None:
    drugs = [drug("h", "N05CF02"), drug("n", "M01AE01"), drug("r", "C09AA05")]
    assert [u[0] for u in gaps(run(drugs))] == [
        "STOPP-B12", "STOPP-D11", "STOPP-E4", "STOPP-K4", "START-C1", "FR-HYPNOTIC-4W"]


def test_a_checked_drug_fires_while_another_is_unchecked() -> None:
    drugs = [drug("a", "N05BA12", started="2026-10-01"), drug("b", "N05BA04")]
    out = run(drugs, FULL_PATIENT)
    assert ("STOPP-D8", ["a"]) in fired(out) and ("STOPP-D8", ["b"], ["drugs[1].started"]) in gaps(out)


# ---- properties ----

ATCS = ["M01AE01", "B01AF02", "B01AE07", "B01AA03", "B01AC06", "C01AA05", "C09AA05", "N05BA12", "N05CF02",
        "N05CD02", "A10BD15", "A10BB12", "J01XE01", "M04AC01", "N06AB05", "N02AA01", "C03CA01"]
DOSES = st.one_of(st.fixed_dictionaries({"value": st.sampled_from([0.0625, 0.125, 75, 100, 400]),
                                         "unit": st.sampled_from(["mg", "ug", "g", "tablet"])}))
FREQS = st.one_of(st.fixed_dictionaries({"times_per_day": st.sampled_from([1, 2, 3])}),
                  st.fixed_dictionaries({"times": st.integers(1, 3), "every": st.integers(1, 2),
                                         "period": st.sampled_from(["day", "week", "month"])}))
DRUG = st.fixed_dictionaries({"atc": st.sampled_from(ATCS)}, optional={
    "dose": DOSES, "frequency": FREQS, "as_needed": st.booleans(),
    "started": st.sampled_from(["2026-01-01", "2026-10-23", "2026-11-06", "2026-11-20"]),
    "indication": st.sampled_from(["insomnia", "anxiety", "pain"]),
})
PATIENT = st.fixed_dictionaries({}, optional={
    "egfr": st.floats(5, 120, allow_nan=False), "potassium_mmol_l": st.floats(3, 7, allow_nan=False),
    "falls_12m": st.integers(0, 5), "conditions_icd10": st.sampled_from([[], ["E11.9"], ["I48.1"], ["I10"]]),
})


@st.composite
def documents(draw: st.DrawFn) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    drugs = [{"id": f"d{i}", **d} for i, d in enumerate(draw(st.lists(DRUG, max_size=6)))]
    return drugs, draw(PATIENT)


def _absent(path: str, drugs: list[dict[str, Any]], patient: dict[str, Any]) -> bool:
    """The path names a value the document lacks or that a rule cannot use (§6.2)."""
    if path.startswith("patient."):
        return path.removeprefix("patient.") not in patient
    m = re.fullmatch(r"drugs\[(\d+)\]\.(started|dose|frequency)", path)
    assert m is not None, path
    d, field = drugs[int(m[1])], m[2]
    if field == "dose":
        return "dose" not in d or d["dose"]["unit"] == "tablet"
    if field == "frequency":
        return "frequency" not in d or d["frequency"].get("period") == "month"
    return field not in d


@settings(max_examples=300, deadline=None)
@given(documents())
def test_property_every_listed_input_is_really_missing(doc) -> None:
    drugs, patient = doc
    out = run(drugs, patient)
    ids = [d["id"] for d in drugs]
    for u in out["unchecked"]:
        assert u["rule"] in rd.RULE_IDS and u["missing"]
        assert all(_absent(p, drugs, patient) for p in u["missing"])
        assert all(d in ids for d in u["drugs"])
    assert [u["rule"] for u in out["unchecked"]] == sorted((u["rule"] for u in out["unchecked"]), key=rd.RULE_IDS.index)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ATCS), max_size=6), st.floats(5, 120, allow_nan=False))
def test_property_a_complete_document_leaves_nothing_unchecked(atcs, egfr) -> None:
    drugs = [drug(f"d{i}", a, **DAILY) for i, a in enumerate(atcs)]
    assert run(drugs, {**FULL_PATIENT, "egfr": egfr})["unchecked"] == []


@settings(max_examples=200, deadline=None)
@given(documents(), st.floats(1, 59.9, allow_nan=False))
def test_property_removing_egfr_never_hides_an_egfr_finding(doc, egfr) -> None:
    """Every eGFR finding (E2–E8 read no other input) reappears in `unchecked` when eGFR is removed."""
    drugs, patient = doc
    with_egfr = run(drugs, {**patient, "egfr": egfr})
    without = run(drugs, {k: v for k, v in patient.items() if k != "egfr"})
    listed = {u["rule"]: u for u in without["unchecked"]}
    for rule, ids in fired(with_egfr):
        if rule in {"STOPP-E2", "STOPP-E3", "STOPP-E4", "STOPP-E5", "STOPP-E6", "STOPP-E8", "STOPP-E1"}:
            assert rule in listed and "patient.egfr" in listed[rule]["missing"]
            assert set(ids) <= set(listed[rule]["drugs"])
    assert not [r for r, _ in fired(without) if r.startswith("STOPP-E")]


def _doc_blocks(title: str) -> list[str]:
    from pathlib import Path

    text = (Path(__file__).parents[2] / "docs" / "medisis.md").read_text(encoding="utf-8")
    section = text[text.index(title):]
    return re.findall(r"```json\n(.*?)```", section, flags=re.DOTALL)[:2]


def test_docs_worked_example_review() -> None:
    source, expected = _doc_blocks("### Exemple commenté (révision de pertinence, données incomplètes)")
    assert orjson.loads(orjson.dumps(review(source.encode()))) == orjson.loads(expected)


def test_docs_worked_example_reconciliation() -> None:
    from parcours.cli.medisis_commands import reconcile

    source = _doc_blocks("### Exemple commenté (conciliation, dose d'un seul côté)")[0]
    out = orjson.loads(orjson.dumps(reconcile(source.encode())))
    assert out["lines"][0]["status"] == "modified" and out["lines"][0]["changes"] == ["dose"]
    assert out["warnings"] == ["unqualified_discrepancies", "incomplete_lines"]
