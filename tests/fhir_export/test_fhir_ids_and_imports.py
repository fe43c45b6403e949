"""Deterministic ids (docs/fhir.md §2.3), the light package import, and properties of step-1 Bundles."""

from __future__ import annotations

import subprocess
import sys
import uuid

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from fhir_export.artefacts import code_systems
from fhir_export.ids import NS, doc_hash, patient_key, rid


@given(st.text(max_size=60), st.sampled_from(["Patient", "Observation", "Bundle"]))
def test_rid_is_uuid5(key, rtype):
    assert uuid.uuid5(uuid.NAMESPACE_URL, "https://parcours.example/fhir") == NS
    assert rid(rtype, key) == str(uuid.uuid5(NS, f"{rtype}|{key}"))


def test_doc_hash_ignores_identity_and_actors_only():
    doc = {"date": "2026-11-20", "patient": {"identifier": {"system": "urn:x", "value": "1"}, "family": "A",
                                             "given": ["B"], "sex": "female"},
           "practitioner": {"rpps": "10101010101"}, "organization": {"finess": "540000000"}}
    assert doc_hash(doc) == doc_hash({"date": "2026-11-20", "patient": {"sex": "female"}})
    assert doc_hash({"date": "2026-11-20", "patient": {"ins": "x"}}) == doc_hash({"date": "2026-11-20"})
    assert doc_hash({"date": "2026-11-20", "patient": {"sex": "male"}}) != doc_hash({"date": "2026-11-20"})
    assert patient_key({"ins": "244057512345692"}, "h") == "urn:oid:1.2.250.1.213.1.4.8|244057512345692"
    assert patient_key(None, "h") == "doc|h"


def test_store_and_export_agree_on_patient_ids():
    from fhir_export.patient import patient_resource_id
    from parcours.core.records import PatientRecords
    from parcours.store.ids import patient_fhir_id

    ident = {"system": "urn:oid:1.2.250.1.213.1.4.11", "value": "244057512345692"}
    assert patient_resource_id(PatientRecords("7", {"identifier": ident}, ())) == patient_fhir_id(
        7, (ident["system"], ident["value"]))
    assert patient_resource_id(PatientRecords("7", {}, ())) == patient_fhir_id(7, None)


def test_import_is_light():
    code = ("import sys, fhir_export, fhir_export.bulk, fhir_export.bundle, parcours.cli.fhir_commands; "
            "heavy = [m for m in ('fhir.resources', 'sqlalchemy', 'textual', 'reportlab') if m in sys.modules]; "
            "print(heavy)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


_ANSWER = st.sampled_from(["correct", "wrong", "unknown", None])
_SCREENING = st.fixed_dictionaries(
    {"date": st.dates().map(str)},
    optional={
        "administered_by": st.sampled_from(["self", "nurse", "caregiver"]),
        "cognition": st.fixed_dictionaries({}, optional={
            "orientation": st.fixed_dictionaries({}, optional={k: _ANSWER for k in ("year", "month", "place")}),
            "words_recalled": st.integers(0, 3)}),
        "locomotion": st.fixed_dictionaries({}, optional={
            "completed": st.booleans(),
            "chair_rise_seconds": st.floats(1, 60) | st.integers(1, 60)}),  # plausible (docs/plausibility.md)
        "nutrition": st.fixed_dictionaries({}, optional={"weight_loss": st.sampled_from(["yes", "no", "unknown"]),
                                                         "weight_loss_kg": st.floats(-5, 20)}),
        "hearing": st.fixed_dictionaries({}, optional={"hearwho_score": st.floats(0, 100),
                                                       "whisper_left": st.sampled_from(["pass", "fail"])}),
        "psychology": st.fixed_dictionaries({}, optional={"feeling_down": st.booleans()}),
    },
)


@settings(max_examples=60, deadline=None)
@given(_SCREENING)
def test_any_screening_gives_a_consistent_bundle(doc):
    from parcours.cli import fhir_commands, icope_commands

    raw = orjson.dumps(doc)
    result = orjson.loads(icope_commands.score(raw))
    bundle = orjson.loads(fhir_commands.score(raw, validate=False))
    types = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert types == ["Patient"] + ["Observation"] * 7 + ["ServiceRequest"] * (len(result["step2"]) + 1)
    urls = {e["fullUrl"] for e in bundle["entry"]}
    assert len(urls) == len(types)
    assert fhir_commands.score(raw, validate=False) == orjson.dumps(bundle) + b"\n"
    reasons = {c["code"] for c in _REASONS["concept"]}
    assert all(r in reasons for d in result["domains"].values() for r in d["reasons"])


_REASONS = next(r for r in code_systems() if r["id"] == "icope-reason")
