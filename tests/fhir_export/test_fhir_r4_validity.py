"""docs/interchange.md §5.4 item 2, validators 1 and 2 (docs/fhir.md §7): fhir.resources R4B; R4 schema + invariants."""

from __future__ import annotations

import orjson
import pytest

from fhir_export.validate import FhirValidationFailed, validate_resource


def test_every_bundle_passes_r4_schema_invariants_and_bindings(bundles, r4check):
    for label, bundle in bundles:
        assert r4check(bundle) == [], label


def test_every_resource_kind_passes_fhir_resources_r4b(bundles):
    from fhir.resources.R4B.bundle import Bundle

    seen = set()
    for label, bundle in bundles:
        Bundle.model_validate(bundle)
        for entry in bundle["entry"]:
            validate_resource(entry["resource"], label)
            seen.add(entry["resource"]["resourceType"])
    assert {"Patient", "Practitioner", "PractitionerRole", "Organization", "Device", "Observation", "ServiceRequest",
            "Task", "Medication", "MedicationStatement", "Composition", "RiskAssessment", "DetectedIssue"} <= seen


def test_bulk_resources_pass_both_validators(fx, r4check, tmp_path):
    from fhir_export.bulk import export_bulk

    export_bulk(fx.sample_patients(), tmp_path, transaction_time="2026-11-22T10:15:00+00:00")
    exported = fx.read_export(tmp_path)
    assert {"CarePlan", "Goal", "Encounter", "MedicationRequest", "Communication", "Task"} <= set(exported)
    for rtype, resources in exported.items():
        for res in resources:
            assert r4check(res) == [], (rtype, res["id"])
            validate_resource(res, rtype)


def test_validation_gate_reports_type_and_role():
    with pytest.raises(FhirValidationFailed) as info:
        validate_resource({"resourceType": "Observation", "status": "final"}, "step1")
    assert info.value.rtype == "Observation" and info.value.role == "step1"


def test_validate_flag_gives_the_same_bytes(fx):
    for command, _, doc in fx.documents():
        assert fx.fhir(command, doc, validate=True) == fx.fhir(command, doc)


def test_validate_failure_exits_1(fx, monkeypatch, capsys):
    import fhir_export.icope as mapping

    monkeypatch.setattr(mapping, "_SURVEY", [{"coding": [{"system": "not a uri with spaces", "code": ""}]}])
    with pytest.raises(SystemExit) as info:
        fx.fhir("score", fx.SAMPLES["score"][3], validate=True)
    assert info.value.code == 1
    assert "Observation" in capsys.readouterr().err
    assert orjson.loads(fx.fhir("score", fx.SAMPLES["score"][3]))  # without --validate: written as built
