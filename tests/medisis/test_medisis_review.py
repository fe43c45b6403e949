"""Relevance review: docs/interchange.md §4.3 example, docs/medisis.md §13 example 8, each rule's boundary."""

from __future__ import annotations

from datetime import date
from typing import Any

import orjson
import pytest

from medisis.config import parse_protocol
from medisis.errors import InvalidReview
from medisis.review import completed_years
from medisis.review_data import RULE_IDS
from parcours.cli.medisis_commands import review
from parcours.messages import render_issue


def run(drugs: list[dict[str, Any]], patient: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    body = {"date": "2026-11-20", "patient": {"birth_date": "1944-05-02", **(patient or {})}, "drugs": drugs, **extra}
    return orjson.loads(orjson.dumps(review(orjson.dumps(body))))


def rules(out: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(f["rule"], f["drugs"]) for f in out["findings"]]


def drug(id_: str, atc: str, **fields: Any) -> dict[str, Any]:
    return {"id": id_, "atc": atc, **fields}


IBUPROFEN = drug("d1", "M01AE01", dose={"value": 400, "unit": "mg"}, frequency={"times_per_day": 3}, as_needed=False)
APIXABAN = drug("d2", "B01AF02", dose={"value": 2.5, "unit": "mg"}, frequency={"times_per_day": 2})


def test_interchange_4_3_example_exactly() -> None:
    out = run(
        [{**IBUPROFEN, "label": "ibuprofène 400 mg", "started": "2026-10-01", "indication": "pain"},
         {**APIXABAN, "label": "apixaban 2,5 mg"}],
        {"sex": "female", "egfr": 42.0, "potassium_mmol_l": 4.2, "falls_12m": 0, "conditions_icd10": ["I48.1"]},
        options={"acb_threshold": 3, "recurrent_falls_min": 2},
    )
    assert out == {"age": 82, "findings": [{"rule": "STOPP-C10", "drugs": ["d1", "d2"]},
                                           {"rule": "STOPP-E4", "drugs": ["d1"]}], "acb_total": 0, "acb": [],
                   "unchecked": []}


@pytest.mark.parametrize(("egfr", "expected"), [
    pytest.param(42.0, [("STOPP-C10", ["d1", "d2"]), ("STOPP-E4", ["d1"])], id="example_8_egfr_42"),
    pytest.param(50.0, [("STOPP-C10", ["d1", "d2"])], id="example_8_egfr_50_exactly"),
    pytest.param(49.9, [("STOPP-C10", ["d1", "d2"]), ("STOPP-E4", ["d1"])], id="example_8_egfr_49_9"),
    pytest.param(14.9, [("STOPP-C10", ["d1", "d2"]), ("STOPP-E3", ["d2"]), ("STOPP-E4", ["d1"])],
                 id="example_8_egfr_below_15"),
])
def test_medisis_section_13_example_8(egfr, expected) -> None:
    out = run([IBUPROFEN, APIXABAN], {"birth_date": "1944-05-02", "egfr": egfr})
    assert rules(out) == expected and out["acb_total"] == 0


def test_egfr_missing_rules_not_evaluated() -> None:
    assert rules(run([IBUPROFEN, APIXABAN])) == [("STOPP-C10", ["d1", "d2"])]


def test_stopp_rules_only_from_65_but_acb_and_french_rules_at_any_age() -> None:
    drugs = [IBUPROFEN, APIXABAN, drug("d3", "N06AA09"), drug("d4", "N05CF02", started="2026-10-01")]
    young = run(drugs, {"birth_date": "1961-11-21"})  # 64 the day before the 65th birthday
    assert [r for r, _ in rules(young)] == ["ACB-TOTAL", "FR-HYPNOTIC-4W"]
    birthday = run(drugs, {"birth_date": "1961-11-20"})
    assert "STOPP-C10" in [r for r, _ in rules(birthday)]


def test_completed_years_birthday_counts() -> None:
    assert completed_years(date(1944, 5, 2), date(2026, 5, 2)) == 82
    assert completed_years(date(1944, 5, 2), date(2026, 5, 1)) == 81


@pytest.mark.parametrize(("drugs", "patient", "expected"), [
    ([drug("a", "M01AE01"), drug("b", "M01AB05"), drug("c", "C03CA01"), drug("d", "C03CA02")], {},
     [("STOPP-A3", ["a", "b"]), ("STOPP-A3", ["c", "d"])]),
    ([drug("a", "M01AE01"), drug("b", "M01AE01")], {}, [("STOPP-A3", ["a", "b"])]),  # revised: same ATC twice
    ([drug("a", "M01AE01"), drug("b", "M01AB05", as_needed=True)], {}, []),
    ([drug("a", "N05AN01"), drug("b", "N05AX08")], {}, []),
    ([drug("a", "N05AX08"), drug("b", "N05AD01")], {}, [("STOPP-A3", ["a", "b"])]),
    ([drug("a", "C07AB02"), drug("b", "C08DB01")], {}, [("STOPP-B3", ["a", "b"])]),
    ([drug("a", "C09AA05")], {"potassium_mmol_l": 5.5}, []),
    ([drug("a", "C09AA05")], {"potassium_mmol_l": 5.6}, [("STOPP-B12", ["a"])]),
    ([drug("a", "B01AC06", dose={"value": 100, "unit": "mg"}, frequency={"times_per_day": 1})], {}, []),
    ([drug("a", "B01AC06", dose={"value": 75, "unit": "mg"}, frequency={"times_per_day": 2})], {},
     [("STOPP-C1", ["a"])]),
    ([drug("a", "B01AC06", dose={"value": 0.3, "unit": "g"}, frequency={"times": 1, "every": 1, "period": "month"})],
     {}, []),
    ([drug("a", "N05BA04", started="2026-10-24")], {}, []),
    ([drug("a", "N05BA04", started="2026-10-23")], {}, [("STOPP-D8", ["a"])]),
    ([drug("a", "N05CD02", started="2026-11-06", indication="insomnia")], {}, [("STOPP-D10", ["a"])]),
    ([drug("a", "N05CF02", started="2026-11-07", indication="insomnia")], {}, []),
    ([drug("a", "N05CF02", started="2026-11-06", indication="insomnia")], {}, [("STOPP-D11", ["a"])]),
    ([drug("a", "C01AA05", dose={"value": 125, "unit": "ug"}, frequency={"times_per_day": 1})], {"egfr": 29.9},
     [("STOPP-E1", ["a"])]),
    ([drug("a", "C01AA05", dose={"value": 62.5, "unit": "ug"}, frequency={"times_per_day": 1})], {"egfr": 20}, []),
    ([drug("a", "B01AE07")], {"egfr": 29}, [("STOPP-E2", ["a"])]),
    ([drug("a", "M04AC01")], {"egfr": 10}, []),
    ([drug("a", "A10BA02")], {"egfr": 29}, [("STOPP-E6", ["a"])]),
    ([drug("a", "J01XE01")], {"egfr": 44}, [("STOPP-E8", ["a"])]),
    ([drug("a", "A10BB12")], {"conditions_icd10": ["E11.9"]}, [("STOPP-J1", ["a"])]),
    ([drug("a", "A10BB12")], {"conditions_icd10": ["E10"]}, []),
    ([drug("a", "N05BA12")], {"falls_12m": 2}, [("STOPP-K1", ["a"])]),
    ([drug("a", "N05CF01")], {"falls_12m": 1}, []),
    ([drug("a", "N05CF01")], {"falls_12m": 2}, [("STOPP-K4", ["a"])]),
    ([drug("a", "N02AA01"), drug("b", "N02AX02", as_needed=True)], {}, [("STOPP-L2", ["a"])]),
    ([drug("a", "N02AA01"), drug("b", "A06AD11")], {}, []),
    ([drug("a", "G04BD04"), drug("b", "R06AB04")], {}, [("STOPP-M1", ["a", "b"]), ("ACB-TOTAL", ["a"])]),
    ([drug("a", "C03CA01")], {"conditions_icd10": ["I48"]}, [("START-C1", [])]),
    ([drug("a", "B01AA03")], {"conditions_icd10": ["I48"]}, []),
    ([drug("a", "N05BA12", started="2026-08-28")], {}, [("STOPP-D8", ["a"])]),
    ([drug("a", "N05BA12", started="2026-08-27")], {}, [("STOPP-D8", ["a"]), ("FR-ANXIOLYTIC-12W", ["a"])]),
    ([drug("a", "N05BA12", started="2026-10-22", indication="insomnia")], {},
     [("STOPP-D8", ["a"]), ("STOPP-D10", ["a"]), ("FR-HYPNOTIC-4W", ["a"])]),
])
def test_rules_6_3(drugs, patient, expected) -> None:
    assert rules(run(drugs, patient)) == expected


def test_acb_distinct_atc_and_listing() -> None:
    out = run([drug("a", "C03CA01"), drug("b", "C03CA01"), drug("c", "N02AX02"), drug("d", "A02BC05")])
    assert out["acb_total"] == 3 and out["acb"] == [
        {"drug": "a", "score": 1}, {"drug": "b", "score": 1}, {"drug": "c", "score": 2}]
    assert ("ACB-TOTAL", ["a", "b", "c"]) in rules(out)
    assert rules(run([drug("a", "C03CA01"), drug("c", "N02AX02", as_needed=True)])) == [("ACB-TOTAL", ["a", "c"])]
    assert rules(run([drug("c", "N02AX02", as_needed=True)])) == []


def test_options_select_rules_and_thresholds() -> None:
    drugs = [IBUPROFEN, APIXABAN, drug("x", "N02AX02")]
    assert rules(run(drugs, {"egfr": 42}, options={"rules": ["STOPP-E4"]})) == [("STOPP-E4", ["d1"])]
    assert rules(run(drugs, options={"rules": [], "acb_threshold": 1})) == []
    assert ("ACB-TOTAL", ["x"]) in rules(run(drugs, options={"acb_threshold": 2}))
    protocol = parse_protocol({"review": {"rules": ["ACB-TOTAL"], "acb_threshold": 1, "acb_table": {"M01AE01": 3}}})
    body = {"date": "2026-11-20", "patient": {"birth_date": "1944-05-02"}, "drugs": drugs}
    assert review(orjson.dumps(body), protocol)["acb_total"] == 3


def test_every_rule_id_has_a_function() -> None:
    from medisis.review import RULES

    assert tuple(RULES) == RULE_IDS and len(RULE_IDS) == 24


@pytest.mark.parametrize(("body", "expected"), [
    ({"patient": {"birth_date": "1944-05-02"}, "drugs": [], "options": {"rules": ["STOPP-Z9"]}},
     ["options.rules[0]: unknown rule: STOPP-Z9"]),
    ({"patient": {}, "drugs": []}, ["patient.birth_date: required field is missing"]),
    ({"patient": {"birth_date": "2027-01-01"}, "drugs": []}, ["patient.birth_date: cannot be after date"]),
    ({"patient": {"birth_date": "1944-05-02"}, "drugs": [{"id": "a"}]}, ["drugs[0].atc: required field is missing"]),
    ({"patient": {"birth_date": "1944-05-02"}, "drugs": [drug("a", "C03CA01"), drug("a", "C03CA02")]},
     ["drugs[1].id: duplicate id: a"]),
    ({"patient": {"birth_date": "1944-05-02"}, "drugs": [drug("a", "C03CA01", started="2026-11-21")]},
     ["drugs[0].started: cannot be after date"]),
    ({"patient": {"birth_date": "1944-05-02", "conditions_icd10": ["fibrillation"]}, "drugs": []},
     ["patient.conditions_icd10[0]: invalid format"]),
    ({"patient": {"birth_date": "1944-05-02"}, "drugs": [], "options": {"acb_threshold": 0}},
     ["options.acb_threshold: must be ≥ 1"]),
])
def test_invalid_review(body, expected) -> None:
    with pytest.raises(InvalidReview) as exc:
        review(orjson.dumps({"date": "2026-11-20", **body}))
    assert [render_issue(i, "en") for i in exc.value.issues] == expected
