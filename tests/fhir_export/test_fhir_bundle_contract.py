"""docs/interchange.md §5.4 items 1 and 3–6: the shape every transaction Bundle must have; spec examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest

DATA = Path(__file__).resolve().parent / "data"


def _references(node: Any) -> list[str]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference" and isinstance(value, str):
                found.append(value)
            else:
                found += _references(value)
    elif isinstance(node, list):
        for item in node:
            found += _references(item)
    return found


def _revised(bundle: dict[str, Any]) -> dict[str, Any]:
    """fhir.md §8's example with interchange.md §5.4 item 3 and §5.5 (revised) applied: each resource
    has its client-assigned `id`, each entry is `PUT <type>/<id>`, and the Patient (no identity
    reliability) and Compositions (no attester) claim no profile; ATC is the WHO system; LOINC has display."""
    entries = []
    for entry in bundle["entry"]:
        res = dict(entry["resource"])
        id_ = entry["fullUrl"].removeprefix("urn:uuid:")
        if res["resourceType"] in ("Patient", "Composition"):
            res.pop("meta", None)
        res = {"resourceType": res.pop("resourceType"), "id": id_, **res}
        entries.append({"fullUrl": entry["fullUrl"], "resource": res,
                        "request": {"method": "PUT", "url": f"{res['resourceType']}/{id_}"}})
    text = orjson.dumps({**bundle, "entry": entries}).decode()
    # ATC in the WHO system (§5.5): a Medication keyed by its ATC coding gets that system's id
    from fhir_export.ids import rid

    old_atc, new_atc = "https://smt.esante.gouv.fr/terminologie-atc", "http://www.whocc.no/atc"
    for entry in entries:
        res = entry["resource"]
        if res["resourceType"] == "Medication" and res["code"]["coding"][0]["system"] == old_atc:
            text = text.replace(res["id"], rid("Medication", f"{new_atc}|{res['code']['coding'][0]['code']}"))
    text = text.replace(old_atc, new_atc)
    # LOINC codings carry their display (§5.5)
    bilan = '{"system":"http://loinc.org","code":"10160-0"'
    text = text.replace(bilan + "}", bilan + ',"display":"History of Medication use Narrative"}')
    return orjson.loads(text)


@pytest.mark.parametrize("command", ["score", "reconcile"])
def test_spec_examples_byte_identical(fx, command):
    """fhir.md §8: the normative examples as revised (`_revised`), byte for byte (compact, construction order)."""
    raw = (DATA / f"spec_{command}_input.json").read_bytes()
    expected = orjson.dumps(_revised(json.loads((DATA / f"spec_{command}_bundle.json").read_text("utf-8")))) + b"\n"
    assert fx.fhir(command, raw) == expected


def test_item1_one_bundle_line_per_document(fx):
    for command, _, doc in fx.documents():
        out = fx.fhir(command, doc)
        assert out.endswith(b"\n") and out.count(b"\n") == 1
        bundle = orjson.loads(out)
        assert bundle["resourceType"] == "Bundle" and bundle["type"] == "transaction"


def test_item3_entries(bundles):
    for label, bundle in bundles:
        urls = [e["fullUrl"] for e in bundle["entry"]]
        assert len(urls) == len(set(urls)), label
        for entry in bundle["entry"]:
            res = entry["resource"]
            assert entry["fullUrl"].startswith("urn:uuid:") and len(entry["fullUrl"]) == 45, label
            assert entry["fullUrl"] == "urn:uuid:" + res["id"], label  # client-assigned id (§5.4 item 3 revised)
            req = entry["request"]
            assert req == {"method": "PUT", "url": f"{res['resourceType']}/{res['id']}"}, label
            idents = res["identifier"] if isinstance(res["identifier"], list) else [res["identifier"]]
            assert not any(i["value"].startswith("urn:uuid:") for i in idents), label
            assert "text" not in res  # no narrative (docs/fhir.md §1)


def test_item4_references_resolve_in_bundle(bundles):
    for label, bundle in bundles:
        urls = {e["fullUrl"] for e in bundle["entry"]}
        refs = _references(bundle["entry"])
        assert refs and set(refs) <= urls, label


def test_item5_exactly_one_patient(fx, bundles):
    for label, bundle in bundles:
        patients = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"]
        assert len(patients) == 1, label
        patient = patients[0]
        if label.endswith("+context"):
            ident = fx.SAMPLES["patient"]["identifier"]
            assert {"system": ident["system"], "value": ident["value"]}.items() <= patient["identifier"][0].items()
            assert patient["name"] == [{"use": "official", "family": "MARTIN", "given": ["Jeanne"]}]
        else:
            assert "name" not in patient and patient["identifier"][0]["system"].endswith("/sid/resource-id")
    anonymous = orjson.loads(fx.fhir("score", fx.SAMPLES["score"][0]))
    assert anonymous["entry"][0]["resource"]["birthDate"] == "1944-05-02"
    assert "gender" not in anonymous["entry"][0]["resource"]


def test_patient_ins_and_local_identifiers(fx):
    doc = dict(fx.SAMPLES["score"][3])
    doc["patient"] = {"ins": "244057512345692"}
    patient = orjson.loads(fx.fhir("score", doc))["entry"][0]
    assert patient["resource"]["identifier"][0]["type"]["coding"][0]["code"] == "INS-NIR"
    from fhir_export.ids import rid

    assert patient["request"]["url"] == "Patient/" + rid("Patient", "urn:oid:1.2.250.1.213.1.4.8|244057512345692")
    doc["patient"] = {"identifier": {"system": "https://hopital.example/ipp", "value": "A12"}, "given": "Léa"}
    patient = orjson.loads(fx.fhir("score", doc))["entry"][0]["resource"]
    pi = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "PI"}]}
    assert patient["identifier"] == [
        {"use": "usual", "type": pi, "system": "https://hopital.example/ipp", "value": "A12"}]
    assert patient["name"] == [{"use": "official", "given": ["Léa"]}]


def test_item6_determinism_and_patient_identity(fx):
    for command, _, doc in fx.documents():
        assert fx.fhir(command, doc) == fx.fhir(command, orjson.loads(orjson.dumps(doc)))
    a = fx.with_context("score", fx.SAMPLES["score"][0])
    b = fx.with_context("score", fx.SAMPLES["score"][1])

    def first(out: bytes) -> str:
        return orjson.loads(out)["entry"][0]["fullUrl"]

    assert first(fx.fhir("score", a)) == first(fx.fhir("score", b))  # same person, two documents
    plain = fx.SAMPLES["score"][0]
    assert first(fx.fhir("score", plain)) != first(fx.fhir("score", fx.with_context("score", plain, actors=False)))
    assert first(fx.fhir("score", plain)) != first(fx.fhir("score", fx.SAMPLES["score"][1]))  # anonymous: two patients
    # a follow-up repeats its newest screening's ids (docs/fhir.md §4.3) for a patient given by identity
    # keys only (a clinical key such as `sex` enters H of `icope score`, not of a follow-up's screening)
    follow = {**fx.SAMPLES["followup"][0], "patient": {"identifier": fx.SAMPLES["patient"]["identifier"]}}
    newest = {**follow["screenings"][0], "patient": follow["patient"]}
    score_urls = {e["fullUrl"] for e in orjson.loads(fx.fhir("score", newest))["entry"]}
    follow_urls = {e["fullUrl"] for e in orjson.loads(fx.fhir("followup", follow))["entry"]}
    assert len(score_urls & follow_urls) == len(score_urls)  # the rescreen has the same due date here


def test_item6_batch_equals_single(fx, tmp_path):
    docs = fx.SAMPLES["score"]
    path = tmp_path / "batch.ndjson"
    path.write_bytes(b"".join(orjson.dumps(d) + b"\n" for d in docs) + b'{"date": "bad"}\n')
    done = fx.run_cli("icope", "score", "--batch", "--format", "fhir", str(path))
    lines = done.stdout.splitlines(keepends=True)
    assert done.returncode == 1
    assert lines[: len(docs)] == [fx.fhir("score", d) for d in docs]
    assert orjson.loads(lines[-1])["line"] == len(docs) + 1


def test_cli_single_document_and_invalid_input(fx, tmp_path):
    path = tmp_path / "doc.json"
    path.write_bytes(orjson.dumps(fx.SAMPLES["reconcile"][0]))
    done = fx.run_cli("medisis", "reconcile", "--format", "fhir", "--validate", str(path))
    assert done.returncode == 0 and done.stdout == fx.fhir("reconcile", fx.SAMPLES["reconcile"][0])
    bad = fx.run_cli("icope", "score", "--format", "fhir", "-", stdin=b'{"date": "2026-11-20", "vision": {"eye": 1}}')
    assert bad.returncode == 2 and bad.stdout == b"" and b"vision.eye" in bad.stderr
    none = fx.run_cli("medisis", "indicators", "--format", "fhir", "-", stdin=b"{}")
    assert none.returncode == 2 and b"--format" in none.stderr
