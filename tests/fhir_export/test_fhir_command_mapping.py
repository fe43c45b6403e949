"""docs/interchange.md §5.4 items 7–11: what each command's Bundle says, checked against its JSON result."""

from __future__ import annotations

from typing import Any

import orjson

BASE = "https://parcours.example/fhir/CodeSystem/"
V3 = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
BASE_SD = "https://parcours.example/fhir/StructureDefinition/"
FR_MED = "https://hl7.fr/ig/fhir/medication/"
DOMAINS = ("cognition", "locomotion", "nutrition", "vision", "hearing", "psychology")


def _json(fx, command: str, doc: dict[str, Any]) -> dict[str, Any]:
    from parcours.cli import icope_commands, medisis_commands

    module = icope_commands if fx.GROUP[command] == "icope" else medisis_commands
    out = getattr(module, command)(orjson.dumps(doc))
    return orjson.loads(out if isinstance(out, bytes) else orjson.dumps(out))


def _resources(bundle: dict[str, Any], rtype: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == rtype]


def _url_of(bundle: dict[str, Any]) -> dict[int, str]:
    return {id(e["resource"]): e["fullUrl"] for e in bundle["entry"]}


def _code(res: dict[str, Any], key: str = "code") -> tuple[str, str]:
    coding = res[key]["coding"][-1]
    return coding["system"], coding["code"]


def _check_step1(fx, bundle: dict[str, Any], result: dict[str, Any], *, rescreen: str) -> dict[str, str]:
    urls = _url_of(bundle)
    obs = [o for o in _resources(bundle, "Observation") if o["code"]["coding"][0]["system"] == BASE + "icope-step1"]
    assert len(obs) == 7
    panel = next(o for o in obs if o["code"]["coding"][0]["code"] == "screening")
    assert panel["valueCodeableConcept"]["coding"][0] == {"system": BASE + "icope-result", "code": result["overall"]}
    domain_obs = {o["code"]["coding"][0]["code"]: o for o in obs if o is not panel}
    assert [m["reference"] for m in panel["hasMember"]] == [urls[id(domain_obs[d])] for d in DOMAINS]
    assert [e["valueCoding"]["code"] for e in panel.get("extension", ())] == result["flags"]
    for d in DOMAINS:
        o, expected = domain_obs[d], result["domains"][d]
        assert o["valueCodeableConcept"]["coding"][0]["code"] == expected["result"]
        interp = {"positive": "POS", "negative": "NEG"}.get(expected["result"])
        assert [i["coding"][0]["code"] for i in o.get("interpretation", ())] == ([interp] if interp else [])
        assert [e["valueCoding"]["code"] for e in o.get("extension", ())] == expected["reasons"]
    requests = _resources(bundle, "ServiceRequest")
    step2 = [r for r in requests if r["code"]["coding"][0]["system"] == BASE + "icope-step2"]
    assert [r["code"]["coding"][0]["code"] for r in step2] == [p["domain"] for p in result["step2"]]
    for r, p in zip(step2, result["step2"], strict=True):
        assert r["reasonReference"] == [{"reference": urls[id(domain_obs[p["domain"]])]}]
        assert [c["coding"][0]["code"] for c in r["orderDetail"]] == p["instruments"]
    again = [r for r in requests if r["code"]["coding"][0]["code"] == "screening"]
    assert len(again) == 1 and again[0]["occurrenceDateTime"] == rescreen
    assert len(step2) + 1 == len(requests)
    return {d: urls[id(domain_obs[d])] for d in DOMAINS}


def test_item7_score(fx):
    for doc in fx.SAMPLES["score"]:
        for variant in (doc, fx.with_context("score", doc)):
            result = _json(fx, "score", variant)
            _check_step1(fx, orjson.loads(fx.fhir("score", variant)), result, rescreen=result["next_step1_due"])


def test_item7_components_typed(fx):
    bundle = orjson.loads(fx.fhir("score", fx.SAMPLES["score"][2]))
    comps = {c["code"]["coding"][0]["code"]: c
             for o in _resources(bundle, "Observation") for c in o.get("component", ())}
    assert comps["hearing.audiometry_db"]["valueQuantity"] == {
        "value": 40.5, "unit": "dB HL", "system": "http://unitsofmeasure.org", "code": "dB"}
    assert comps["nutrition.weight_loss"]["valueCodeableConcept"]["coding"][0]["code"] == "unknown"
    assert comps["locomotion.completed"] == {"code": comps["locomotion.completed"]["code"], "valueBoolean": False}
    assert "locomotion.chair_rise_seconds" not in comps  # null: no component
    panel = _resources(bundle, "Observation")[0]
    patient_url = bundle["entry"][0]["fullUrl"]
    assert panel["performer"] == [{"reference": patient_url}]  # administered_by self
    assert panel["method"]["coding"][0]["code"] == "self"


def test_item8_assess(fx):
    standard = {"phq9": "44261-6", "mmse": "72106-8", "moca": "72172-0", "mna_sf": "107114-1", "mini_cog": "713408000",
                "gds15": "48545-8"}
    for doc in fx.SAMPLES["assess"]:
        result = _json(fx, "assess", doc)
        (obs,) = _resources(orjson.loads(fx.fhir("assess", doc)), "Observation")
        codes = [c["code"] for c in obs["code"]["coding"]]
        assert codes[-1] == doc["instrument"] and obs["code"]["coding"][-1]["system"] == BASE + "icope-instrument"
        assert codes[:-1] == ([standard[doc["instrument"]]] if doc["instrument"] in standard else [])
        assert all(c.get("display") for c in obs["code"]["coding"] if c["system"] == "http://loinc.org")
        assert obs["valueQuantity"]["value"] == result["score"]
        # docs/icope.md "Safety rules": a PHQ-9 with item 9 > 0 (S1) is critical abnormal, flagged
        if result.get("urgent"):
            code, display = "AA", "Critical abnormal"
        elif result["abnormal"]:
            code, display = "A", "Abnormal"
        else:
            code, display = "N", "Normal"
        assert obs["interpretation"][0]["coding"][0] == {"system": V3, "code": code, "display": display}
        flags = [e["valueCoding"]["code"] for e in obs.get("extension", ()) if e["url"] == BASE_SD + "icope-flag"]
        assert flags == (["self_harm_risk"] if result.get("urgent") else [])
        assert obs["interpretation"][1]["coding"][0]["code"] == f"{doc['instrument']}.{result['band']}"
    sppb = _resources(orjson.loads(fx.fhir("assess", fx.SAMPLES["assess"][0])), "Observation")[0]
    codes = [c["code"]["coding"][0]["code"] for c in sppb["component"]]
    assert codes[:3] == ["sppb.balance", "sppb.gait", "sppb.chair"]
    # then every item answer entered (interchange §5.5: nothing entered is dropped), in input order
    doc = fx.SAMPLES["assess"][0]
    expected = []
    for key, value in doc.items():
        if key not in ("instrument", "date"):
            if isinstance(value, list):
                expected += [f"sppb.{key}.{n}" for n in range(1, len(value) + 1)]
            else:
                expected += [f"sppb.{key}"]
    assert codes[3:] == expected
    phq9 = _resources(orjson.loads(fx.fhir("assess", fx.SAMPLES["assess"][1])), "Observation")[0]
    assert phq9["component"][0]["valueBoolean"] is True and phq9["category"][0]["coding"][0]["code"] == "survey"
    items = {c["code"]["coding"][0]["code"]: c["valueInteger"] for c in phq9["component"][1:]}
    assert items == {f"phq9.items.{n}": v for n, v in enumerate(fx.SAMPLES["assess"][1]["items"], 1)}


def test_item9_followup(fx):
    for doc in (fx.SAMPLES["followup"][0], fx.with_context("followup", fx.SAMPLES["followup"][0])):
        result = _json(fx, "followup", doc)
        bundle = orjson.loads(fx.fhir("followup", doc))
        domain_urls = _check_step1(fx, bundle, result["latest"], rescreen=result["next_step1_due"])
        tasks = _resources(bundle, "Task")
        assert result["alerts"] and len(tasks) == len(result["alerts"])
        for task, alert in zip(tasks, result["alerts"], strict=True):
            assert task["code"]["coding"][0] == {"system": BASE + "icope-alert", "code": alert["rule"]}
            assert task["focus"] == {"reference": domain_urls[alert["domain"]]}
            assert task["status"] == "requested" and task["authoredOn"] == alert["date"]


def test_item10_reconcile(fx):
    for doc in fx.SAMPLES["reconcile"]:
        result = _json(fx, "reconcile", doc)
        bundle = orjson.loads(fx.fhir("reconcile", doc))
        urls = _url_of(bundle)
        comps = _resources(bundle, "Composition")
        assert len(comps) == 3
        assert _code(comps[0], "type") == ("http://loinc.org", "10160-0")
        assert _code(comps[1], "type")[1] == ("10000012" if doc["moment"] == "admission" else "10000014")
        fct = comps[2]
        assert fct["type"]["coding"][0]["system"] == FR_MED + "CodeSystem/fr-document-type"
        assert "10000001" <= fct["type"]["coding"][0]["code"] <= "10000007"
        assert len(fct["section"]) == 3
        statements = {urls[id(r)]: r for r in _resources(bundle, "MedicationStatement")}
        third = fct["section"][2]
        lines = [statements[e["reference"]] for e in third.get("entry", ())]
        assert len(lines) == len(result["lines"])
        for line, expected in zip(lines, result["lines"], strict=True):
            (props,) = [e for e in line["extension"]
                        if e["url"].endswith("fr-medicationstatement-reconciliation-properties")]
            values = {p["url"]: p["extension"][0]["extension"][0] for p in props["extension"]}
            assert values["status"]["valueCoding"]["code"]
            assert values["isDiscrepant"]["valueBoolean"] == expected["is_discrepant"]
            want = {"unintentional": "10000004", "intentional": "10000003"}.get(expected["discrepancy"])
            assert values.get("discrepancy", {}).get("valueCoding", {}).get("code") == want
        if not result["lines"]:
            assert third["emptyReason"]["coding"][0]["code"] == "nilknown" and "text" in third
        if any(line["discrepancy"] == "unqualified" for line in result["lines"]):
            assert fct["status"] == "preliminary"


def test_reconcile_anonymous_author_is_device(fx):
    bundle = orjson.loads(fx.fhir("reconcile", fx.SAMPLES["reconcile"][1]))
    (device,) = [e for e in bundle["entry"] if e["resource"]["resourceType"] == "Device"]
    assert all(c["author"] == [{"reference": device["fullUrl"]}] for c in _resources(bundle, "Composition"))
    (line,) = [s for s in _resources(bundle, "MedicationStatement") if "dosage" in s]
    assert line["dosage"][0]["timing"]["repeat"] == {"frequency": 1, "period": 1, "periodUnit": "wk"}
    assert line["dosage"][0]["asNeededBoolean"] is True and line["note"] == [{"text": "à jeun"}]
    (med,) = _resources(bundle, "Medication")
    assert [c["code"] for c in med["code"]["coding"]] == ["3400930000014", "B01AF02"]
    half = _resources(orjson.loads(fx.fhir("reconcile", fx.SAMPLES["reconcile"][2])), "MedicationStatement")[0]
    assert half["dosage"][0]["timing"]["repeat"] == {"frequency": 1, "period": 0.6667, "periodUnit": "d"}
    assert half["dosage"][0]["doseAndRate"][0]["doseQuantity"]["code"] == "{tablet}"


def test_item11_risk_and_review(fx):
    for doc in fx.SAMPLES["risk"]:
        for variant in (doc, fx.with_context("risk", doc)):
            result = _json(fx, "risk", variant)
            bundle = orjson.loads(fx.fhir("risk", variant))
            urls = _url_of(bundle)
            (obs,) = _resources(bundle, "Observation")
            assert _code(obs) == (BASE + "medisis-risk", result["score"]) and obs["valueInteger"] == result["value"]
            (ra,) = _resources(bundle, "RiskAssessment")
            assert ra["basis"] == [{"reference": urls[id(obs)]}]
            assert "effectiveDateTime" not in obs and "occurrenceDateTime" not in ra
            assert ("performer" in ra) == (variant is not doc)
    for doc in fx.SAMPLES["review"]:
        result = _json(fx, "review", doc)
        bundle = orjson.loads(fx.fhir("review", doc))
        urls = _url_of(bundle)
        statements = {urls[id(s)] for s in _resources(bundle, "MedicationStatement")}
        issues = _resources(bundle, "DetectedIssue")
        assert [_code(i) for i in issues] == [(BASE + "medisis-review", f["rule"]) for f in result["findings"]]
        for issue, finding in zip(issues, result["findings"], strict=True):
            assert len(issue.get("implicated", ())) == len(finding["drugs"])
            assert {r["reference"] for r in issue.get("implicated", ())} <= statements
        acb = [o for o in _resources(bundle, "Observation") if _code(o)[1] == "acb_total"]
        assert len(acb) == (1 if result["acb_total"] else 0)
