"""docs/interchange.md §5.4 item 2, validator 3: a real R4 server (Medplum, in memory, on loopback).

Every Bundle kind answers 200 with each entry 2xx; POSTed again, every entry answers 200 (nothing
created twice); the resources read back equal the ones sent. The bulk export loads too (docs/fhir.md).
"""

from __future__ import annotations

from typing import Any

import orjson

_SERVER_META = ("versionId", "lastUpdated", "author", "project", "compartment", "account")


def _resolve(node: Any, ids: dict[str, str]) -> Any:
    if isinstance(node, dict):
        return {k: (ids.get(v, v) if k == "reference" else _resolve(v, ids)) for k, v in node.items()}
    if isinstance(node, list):
        return [_resolve(v, ids) for v in node]
    return node


def _sent_form(resource: dict[str, Any]) -> dict[str, Any]:
    """A resource read back, without what the server adds (id, meta bookkeeping)."""
    out = {k: v for k, v in resource.items() if k != "id"}
    meta = {k: v for k, v in out.pop("meta", {}).items() if k not in _SERVER_META}
    if meta:
        out["meta"] = meta
    return out


def test_every_bundle_kind_accepted_idempotent_and_read_back(bundles, fhir_server):
    # every command, anonymous and with context, and every reconciliation moment (the server's
    # in-memory conditional create scans all resources: the full sample set takes half a minute)
    chosen = [(label, b) for label, b in bundles if "[0]" in label or label.startswith("reconcile")]
    for label, bundle in chosen:
        status, answer = fhir_server.request("POST", "", bundle)
        assert status == 200 and answer["type"] == "transaction-response", (label, answer)
        first = [e["response"]["status"] for e in answer["entry"]]
        assert all(s.startswith("2") for s in first), (label, first)
        status, again = fhir_server.request("POST", "", bundle)
        assert status == 200 and [e["response"]["status"][:3] for e in again["entry"]] == ["200"] * len(first), label
        ids = {}
        for entry, response in zip(bundle["entry"], answer["entry"], strict=True):
            location = response["response"]["location"].split("/_history")[0]
            ids[entry["fullUrl"]] = location
        for entry, response in zip(bundle["entry"], answer["entry"], strict=True):
            if not response["response"]["status"].startswith("201"):
                continue  # matched an earlier Bundle's resource (the same person, practitioner, drug)
            status, stored = fhir_server.request("GET", "/" + ids[entry["fullUrl"]])
            assert status == 200, label
            assert _sent_form(stored) == _resolve(entry["resource"], ids), (label, entry["resource"]["resourceType"])


def test_bulk_export_loads_into_the_server(fx, fhir_server, tmp_path):
    """docs/fhir.md: each NDJSON line as `PUT <type>/<id>` (update as create) in batch Bundles."""
    from fhir_export.bulk import export_bulk

    export_bulk(fx.sample_patients(), tmp_path, transaction_time="2026-11-22T10:15:00+00:00")
    exported = fx.read_export(tmp_path)
    entries = [{"resource": res, "request": {"method": "PUT", "url": f"{rtype}/{res['id']}"}}
               for rtype, resources in exported.items() for res in resources]
    status, answer = fhir_server.request("POST", "", {"resourceType": "Bundle", "type": "batch", "entry": entries})
    assert status == 200, answer
    assert all(e["response"]["status"][0] == "2" for e in answer["entry"]), [
        e["response"] for e in answer["entry"] if e["response"]["status"][0] != "2"][:3]
    for rtype, resources in exported.items():
        for res in resources[:5]:
            status, stored = fhir_server.request("GET", f"/{rtype}/{res['id']}")
            assert status == 200 and _sent_form(stored) == _sent_form(res)
    status, found = fhir_server.request("GET", "/Patient?identifier=urn:oid:1.2.250.1.213.1.4.11|")
    assert status == 200
    assert orjson.dumps(found)  # searchable
