"""Reconciliation: docs/interchange.md §4.1 example, docs/medisis.md §13 examples 1–4, pairing, changes, validation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from medisis.errors import InvalidReconciliation
from parcours.cli.medisis_commands import reconcile
from parcours.core.errors import InvalidInput
from parcours.messages import render_issue

EXAMPLES = Path(__file__).parents[2] / "examples"
SOURCES = ["10000001", "10000009", "10000003"]


def doc(bm: list[dict[str, Any]], orders: list[dict[str, Any]], **extra: Any) -> bytes:
    body = {"moment": "admission", "date": "2026-11-20", "sources": SOURCES, "bm": bm, "orders": orders}
    body.update(extra)
    return orjson.dumps(body)


def line(id_: str, atc: str = "C03CA01", **fields: Any) -> dict[str, Any]:
    return {"id": id_, "atc": atc, **fields}


def run(bm: list[dict[str, Any]], orders: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return reconcile(doc(bm, orders, **extra))


def issues(raw: bytes) -> list[str]:
    with pytest.raises(InvalidReconciliation) as exc:
        reconcile(raw)
    assert isinstance(exc.value, InvalidInput)
    return [render_issue(i, "en") for i in exc.value.issues]


def test_interchange_4_1_example_exactly() -> None:
    out = reconcile((EXAMPLES / "reconciliation.json").read_bytes())
    expected = {
        "moment": "admission",
        "lines": [
            {"bm_id": "b1", "order_id": None, "status": "stopped", "is_discrepant": True, "changes": [],
             "discrepancy": "unintentional", "documented": False, "category": "dni",
             "error_type": "omission_prescribed", "severity": "significant", "resolution": None},
            {"bm_id": "b2", "order_id": "o1", "status": "continued", "is_discrepant": False, "changes": [],
             "discrepancy": "none", "documented": None, "category": "none",
             "error_type": None, "severity": None, "resolution": None},
            {"bm_id": "b3", "order_id": "o2", "status": "equivalence", "is_discrepant": False,
             "changes": ["substance", "dose"], "discrepancy": "none", "documented": None, "category": "none",
             "error_type": None, "severity": None, "resolution": None},
            {"bm_id": "b4", "order_id": None, "status": "stopped", "is_discrepant": True, "changes": [],
             "discrepancy": "unqualified", "documented": False, "category": "unqualified",
             "error_type": None, "severity": None, "resolution": None},
            {"bm_id": None, "order_id": "o3", "status": "initiated", "is_discrepant": True, "changes": [],
             "discrepancy": "intentional", "documented": True, "category": "did",
             "error_type": None, "severity": None, "resolution": None},
        ],
        "summary": {"lines": 5, "discrepant": 3, "unqualified": 1, "did": 1, "dind": 0, "dni": 1},
        "warnings": ["unqualified_discrepancies"],
    }
    assert orjson.loads(orjson.dumps(out)) == expected
    assert list(out) == ["moment", "lines", "summary", "warnings"]
    assert list(out["lines"][0]) == list(expected["lines"][0])


AMLODIPINE = line("b1", "C08CA01", dose={"value": 5, "unit": "mg"}, frequency={"times_per_day": 1})
FUROSEMIDE = line("b1", "C03CA01", dose={"value": 40, "unit": "mg"}, frequency={"times_per_day": 1})
ESOMEPRAZOLE = line("b1", "A02BC05", dose={"value": 20, "unit": "mg"}, frequency={"times_per_day": 1})

SECTION_13 = [
    pytest.param(
        [{**AMLODIPINE, "intentional": False, "resolution": "resumed"}], [],
        {"bm_id": "b1", "order_id": None, "status": "stopped", "is_discrepant": True, "changes": [],
         "discrepancy": "unintentional", "documented": False, "category": "dni",
         "error_type": "omission_prescribed", "severity": None, "resolution": "resumed"},
        id="example_1_omission_unintentional",
    ),
    pytest.param(
        [FUROSEMIDE],
        [line("o1", "C03CA01", dose={"value": 40, "unit": "mg"}, frequency={"times_per_day": 2},
              intentional=False, resolution="dose_corrected")],
        {"bm_id": "b1", "order_id": "o1", "status": "modified", "is_discrepant": True, "changes": ["frequency"],
         "discrepancy": "unintentional", "documented": False, "category": "dni",
         "error_type": "posology", "severity": None, "resolution": "dose_corrected"},
        id="example_2_posology",
    ),
    pytest.param(
        [ESOMEPRAZOLE],
        [line("o1", "A02BC03", dose={"value": 15, "unit": "mg"}, frequency={"times_per_day": 1},
              bm_id="b1", equivalence=True, comment="livret")],
        {"bm_id": "b1", "order_id": "o1", "status": "equivalence", "is_discrepant": False,
         "changes": ["substance", "dose"], "discrepancy": "none", "documented": None, "category": "none",
         "error_type": None, "severity": None, "resolution": None},
        id="example_3_formulary_equivalence",
    ),
    pytest.param(
        [],
        [line("o1", "J01DD04", dose={"value": 1, "unit": "g"}, route="intravenous",
              frequency={"times_per_day": 1}, intentional=True, documented=True)],
        {"bm_id": None, "order_id": "o1", "status": "initiated", "is_discrepant": True, "changes": [],
         "discrepancy": "intentional", "documented": True, "category": "did",
         "error_type": None, "severity": None, "resolution": None},
        id="example_4_new_drug_intentional_documented",
    ),
]


@pytest.mark.parametrize(("bm", "orders", "expected"), SECTION_13)
def test_medisis_section_13_examples(bm: list, orders: list, expected: dict) -> None:
    out = orjson.loads(orjson.dumps(run(bm, orders)))
    assert out["lines"] == [expected]
    assert out["summary"]["dni"] == (1 if expected["category"] == "dni" else 0)
    assert out["summary"]["did"] == (1 if expected["category"] == "did" else 0)


def test_example_3_wrong_equivalence_is_a_substitution_error() -> None:
    out = run([ESOMEPRAZOLE], [line("o1", "A02BC03", dose={"value": 15, "unit": "mg"}, bm_id="b1", intentional=False)])
    assert out["lines"][0]["status"] == "modified"
    assert out["lines"][0]["error_type"] == "substitution"


@pytest.mark.parametrize(
    ("intentional", "documented", "category", "discrepancy", "warning"),
    [
        (None, True, "unqualified", "unqualified", "unqualified_discrepancies"),
        (True, True, "did", "intentional", None),
        (True, False, "dind", "intentional", "undocumented_intentional_discrepancies"),
        (True, None, "dind", "intentional", "undocumented_intentional_discrepancies"),
        (False, True, "dni", "unintentional", None),
        (False, None, "dni", "unintentional", None),
    ],
)
def test_qualification_table_2_5(intentional, documented, category, discrepancy, warning) -> None:
    out = run([line("b1", intentional=intentional, documented=documented)], [])
    got = out["lines"][0]
    assert (got["category"], got["discrepancy"], got["documented"]) == (category, discrepancy, documented is True)
    assert out["warnings"] == ([warning] if warning else [])


def test_answers_split_over_the_two_lines_of_a_pair() -> None:
    out = run([line("b1", dose={"value": 40, "unit": "mg"}, intentional=True)],
              [line("o1", dose={"value": 20, "unit": "mg"}, documented=True)])
    assert out["lines"][0]["category"] == "did"


def test_non_discrepant_lines_ignore_answers() -> None:
    out = run([line("b1", intentional=False, severity="major")], [line("o1", resolution="resumed")])
    got = out["lines"][0]
    assert (got["status"], got["category"], got["severity"], got["resolution"], got["documented"]) == (
        "continued", "none", None, None, None)


@pytest.mark.parametrize(
    ("bm_fields", "order_fields", "changes", "error_type"),
    [
        ({"dose": {"value": 1, "unit": "g"}}, {"dose": {"value": 1000, "unit": "mg"}}, [], None),
        ({"dose": {"value": 125, "unit": "ug"}}, {"dose": {"value": 0.125, "unit": "mg"}}, [], None),
        ({"dose": {"value": 1, "unit": "tablet"}}, {"dose": {"value": 1, "unit": "mg"}}, ["dose"], "posology"),
        ({"dose": {"value": 2, "unit": "puff"}}, {"dose": {"value": 2.0, "unit": "puff"}}, [], None),
        ({"frequency": {"times_per_day": 1}}, {"frequency": {"times": 7, "every": 1, "period": "week"}}, [], None),
        ({"frequency": {"times": 1, "every": 2, "period": "day"}}, {"frequency": {"times_per_day": 0.5}}, [], None),
        ({"frequency": {"times": 1, "every": 1, "period": "month"}},
         {"frequency": {"times": 1, "every": 4, "period": "week"}}, ["frequency"], "posology"),
        ({"frequency": {"times": 2, "every": 2, "period": "month"}},
         {"frequency": {"times": 1, "every": 1, "period": "month"}}, [], None),
        ({"form": " Comprimé   pelliculé"}, {"form": "COMPRIMÉ PELLICULÉ"}, [], None),
        ({"form": "comprimé"}, {"form": "gélule"}, ["form"], "dosage_form"),
        ({"release": "prolonged"}, {}, ["release"], "dosage_form"),
        ({"release": "immediate"}, {}, [], None),
        ({"route": "oral"}, {"route": "intravenous"}, ["route"], "other"),
        ({"route": "oral"}, {}, [], None),
        ({"as_needed": True}, {"as_needed": False}, ["as_needed"], "posology"),
        ({"form": "cp", "dose": {"value": 1, "unit": "g"}}, {"form": "gél", "dose": {"value": 2, "unit": "g"}},
         ["form", "dose"], "dosage_form"),
    ],
)
def test_changes_2_7_a_and_error_type_2_7_e(bm_fields, order_fields, changes, error_type) -> None:
    out = run([line("b1", **bm_fields)], [line("o1", **order_fields, intentional=False)])
    got = out["lines"][0]
    assert got["changes"] == changes
    assert got["status"] == ("modified" if changes else "continued")
    assert got["error_type"] == error_type


def test_substance_by_product_codes_when_atc_missing() -> None:
    same = run([{"id": "b1", "cis": "60000001"}], [{"id": "o1", "cis": "60000001", "bm_id": "b1"}])
    assert same["lines"][0]["changes"] == [] and same["lines"][0]["status"] == "continued"
    unseen = run([{"id": "b1", "cis": "60000001"}], [{"id": "o1", "ucd13": "3400893213322", "bm_id": "b1"}])
    assert unseen["lines"][0]["changes"] == ["substance"]


def test_same_atc_other_specialty_is_equivalence_2_7_b() -> None:
    out = run([line("b1", cis="60000001")], [line("o1", cis="60000002")])
    assert out["lines"][0]["status"] == "equivalence" and out["lines"][0]["is_discrepant"] is False


def test_self_medication_omission() -> None:
    out = run([line("b1", self_medication=True, intentional=False)], [])
    assert out["lines"][0]["error_type"] == "omission_self_medication"


def test_initiated_unintentional_is_addition_with_severity() -> None:
    out = run([], [line("o1", intentional=False, severity="minor")])
    assert (out["lines"][0]["error_type"], out["lines"][0]["severity"]) == ("addition", "minor")


def test_automatic_pairing_first_unpaired_bm_in_input_order() -> None:
    out = run([line("b1"), line("b2"), line("b3", "A02BC05")], [line("o1"), line("o2"), line("o3")])
    pairs = [(x["bm_id"], x["order_id"]) for x in out["lines"]]
    assert pairs == [("b1", "o1"), ("b2", "o2"), ("b3", None), (None, "o3")]


def test_explicit_pairing_wins_and_null_never_pairs() -> None:
    out = run([line("b1"), line("b2")], [line("o1", bm_id=None), line("o2", bm_id="b2"), line("o3")])
    pairs = [(x["bm_id"], x["order_id"]) for x in out["lines"]]
    assert pairs == [("b1", "o3"), ("b2", "o2"), (None, "o1")]


def test_first_common_identification_field_decides() -> None:
    # atc differs although the cis is equal: atc is looked at first, so not the same drug.
    out = run([line("b1", "C03CA01", cis="60000001")], [line("o1", "C03CA02", cis="60000001")])
    assert [(x["bm_id"], x["order_id"]) for x in out["lines"]] == [("b1", None), (None, "o1")]


@pytest.mark.parametrize(
    ("moment", "sources", "warned"),
    [
        ("admission", ["10000001", "10000009", "10000003"], False),
        ("admission", ["10000001", "10000009", "10000009", "10000001"], True),
        ("admission", None, True),
        ("transfer", [], False),
        ("discharge", None, False),
    ],
)
def test_three_sources_warning_2_2(moment, sources, warned) -> None:
    body = {"moment": moment, "date": "2026-11-20", "bm": [], "orders": []}
    if sources is not None:
        body["sources"] = sources
    out = reconcile(orjson.dumps(body))
    assert ("fewer_than_3_sources" in out["warnings"]) is warned
    assert out["lines"] == [] and out["summary"]["lines"] == 0


def test_warnings_in_fixed_order() -> None:
    out = run([line("b1"), line("b2", "A02BC05", intentional=True)], [], sources=["10000001"])
    assert out["warnings"] == [
        "fewer_than_3_sources", "unqualified_discrepancies", "undocumented_intentional_discrepancies"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (doc([line("b1"), line("b1")], []), ["bm[1].id: duplicate id: b1"]),
        (doc([line("x")], [line("x")]), ["orders[0].id: duplicate id: x"]),
        (doc([line("b1")], [line("o1", bm_id="zz")]), ["orders[0].bm_id: no bm line has the id zz"]),
        (doc([line("b1")], [line("o1", bm_id="o1")]), ["orders[0].bm_id: no bm line has the id o1"]),
        (doc([line("b1")], [line("o1", bm_id="b1"), line("o2", bm_id="b1")]),
         ["orders[1].bm_id: bm line b1 is already paired with order o1"]),
        (doc([], [line("o1", equivalence=True)]),
         ["orders[0].equivalence: equivalence: true on an unpaired line: set bm_id"]),
        (doc([line("b1", bm_id="x")], []), ["bm[0].bm_id: unknown field"]),
        (doc([line("b1", equivalence=False)], []), ["bm[0].equivalence: unknown field"]),
        (doc([line("b1", intentional=True)], [line("o1", intentional=False)]),
         ["orders[0].intentional: answer already given on the other line of the pair (bm[0].intentional)"]),
        (doc([line("b1"), line("b2"), {"id": "b3", "label": "x"}], []),
         ["bm[2]: drug identification missing: give atc, cis, cip13 or ucd13"]),
        (doc([line("b1", frequency={"times_per_day": 1, "times": 1, "every": 1, "period": "day"})], []),
         ["bm[0].frequency: give either times_per_day, or times, every and period"]),
        (doc([line("b1", frequency={"times": 1})], []),
         ["bm[0].frequency: give either times_per_day, or times, every and period"]),
        (doc([line("b1", dose={"value": -5, "unit": "mg"})], []), ["bm[0].dose.value: must be > 0"]),
        (doc([line("b1", dose={"value": 0, "unit": "mg"})], []), ["bm[0].dose.value: must be > 0"]),
        (doc([line("b1", cip13="3400949497295")], []), ["bm[0].cip13: invalid EAN-13 check digit"]),
        (doc([line("b1", cip13="3400893213322")], []), ["bm[0].cip13: invalid CIP13: 13 digits starting with 34009"]),
        (doc([line("b1", ucd13="3400893213323")], []), ["bm[0].ucd13: invalid EAN-13 check digit"]),
        (doc([line("b1", atc="C03CA1")], []), ["bm[0].atc: invalid format"]),
        (doc([line("b1", cis="1234567")], []), ["bm[0].cis: invalid format"]),
        (doc([line("b1", dosage=1)], []), ["bm[0].dosage: unknown field"]),
        (doc([], [], sources=["10000019"]),
         ["sources[0]: must be one of: " + " | ".join(f"{10000001 + i}" for i in range(18))]),
        (doc([], [], moment="mutation"), ["moment: must be one of: admission | transfer | discharge"]),
        (doc([], [], patient={"egfr": -1}),
         ["patient.egfr: implausible value: expected between 0 and 200 mL/min/1,73 m²"]),
        (doc([], [], patient={"ins": "123"}), ["patient.ins: invalid INS (13 characters and a 2-digit check key)"]),
        (b'{"moment": "admission", "date": "2026-11-20", "bm": []}', ["orders: required field is missing"]),
        (b'{"moment": "admission", "date": "2026-11-20", "orders": [], "bm": [{"id": "b1", "atc": "C03CA01",'
         b' "dose": {"value": NaN, "unit": "mg"}}]}', ["bm[0].dose.value: must be a finite number"]),
        (b"\xff", ["$: invalid JSON at line 1, column 1 (UTF-8 expected; NaN and Infinity refused)"]),
    ],
)
def test_invalid_input_names_the_path(raw: bytes, expected: list[str]) -> None:
    assert issues(raw) == expected


def test_invalid_input_french_message() -> None:
    with pytest.raises(InvalidReconciliation) as exc:
        reconcile(doc([line("b1", cip13="3400949497295")], []))
    assert render_issue(exc.value.issues[0], "fr") == "bm[0].cip13: clé de contrôle EAN-13 invalide"


def test_context_objects_accepted_and_not_echoed() -> None:
    out = run([], [], patient={"family": "MARTIN", "ins": None, "egfr": 30.0, "conditions_icd10": ["I48.1"]},
              practitioner={"rpps": "10101010101", "role": "pharmacist"},
              organization={"finess": "540000000", "name": "CH"})
    assert set(out) == {"moment", "lines", "summary", "warnings"}
