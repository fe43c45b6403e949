"""A relevance review's `unchecked` rules in FHIR (docs/fhir.md): one Observation each, coded with the
rule, `dataAbsentReason` not-performed, `focus` its drugs, one component per missing input."""

from __future__ import annotations

from typing import Any

import orjson

from fhir_export.urls import CS_REVIEW, DATA_ABSENT_REASON
from parcours.cli import fhir_commands

BODY = {"date": "2026-11-20", "patient": {"birth_date": "1944-05-02", "falls_12m": 0, "conditions_icd10": ["I10"]},
        "drugs": [{"id": "d1", "atc": "M01AE01", "label": "ibuprofène"},
                  {"id": "d2", "atc": "N05CF02", "started": "2026-11-10"}]}


def _resources(body: dict[str, Any], rtype: str) -> list[dict[str, Any]]:
    bundle = orjson.loads(fhir_commands.review(orjson.dumps(body), validate=True))
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == rtype]


def test_unchecked_rule_is_an_observation_not_performed() -> None:
    bundle = orjson.loads(fhir_commands.review(orjson.dumps(BODY), validate=True))

    def of(rtype: str) -> list[dict]:
        return [e for e in bundle["entry"] if e["resource"]["resourceType"] == rtype]

    (obs,) = [e["resource"] for e in of("Observation") if e["resource"]["code"]["coding"][0]["code"] == "STOPP-E4"]
    assert obs["code"]["coding"][0]["system"] == CS_REVIEW and obs["status"] == "final"
    assert obs["dataAbsentReason"]["coding"] == [{"system": DATA_ABSENT_REASON, "code": "not-performed"}]
    assert [c["code"]["text"] for c in obs["component"]] == ["patient.egfr"]
    statements = {e["fullUrl"] for e in of("MedicationStatement")}
    (focus,) = obs["focus"]
    assert focus["reference"] in statements and "valueInteger" not in obs
    assert of("DetectedIssue") == []  # not a finding: nothing fired


def test_one_observation_per_unchecked_entry_and_none_when_complete() -> None:
    observations = _resources(BODY, "Observation")
    assert [o["code"]["coding"][0]["code"] for o in observations] == ["STOPP-E4"]
    complete = {**BODY, "patient": {**BODY["patient"], "egfr": 60}}
    found = _resources(complete, "Observation")  # the eGFR itself is an Observation (LOINC, issue 16)
    assert [o["code"]["coding"][0]["code"] for o in found] == ["62238-1"]
    assert found[0]["valueQuantity"]["value"] == 60
    no_start = {**BODY, "drugs": [{"id": "z", "atc": "N05CF02"}]}
    codes = [o["code"]["coding"][0]["code"] for o in _resources(no_start, "Observation")]
    assert codes == ["STOPP-D11", "FR-HYPNOTIC-4W"]
