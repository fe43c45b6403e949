"""docs/fhir.md §2.1: the project's CodeSystems and extensions are shipped, valid, and cover every code used."""

from __future__ import annotations

from typing import Any

import orjson

from fhir_export.artefacts import DEFINITIONS_DIR, definitions
from fhir_export.urls import BASE
from fhir_export.validate import validate_resource


def _codings(node: Any, out: list[tuple[str, str]]) -> list[tuple[str, str]]:
    if isinstance(node, dict):
        if "system" in node and "code" in node:
            out.append((node["system"], node["code"]))
        for value in node.values():
            _codings(value, out)
    elif isinstance(node, list):
        for value in node:
            _codings(value, out)
    return out


def _extension_urls(node: Any, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        if "url" in node and isinstance(node.get("url"), str) and node["url"].startswith(BASE):
            out.add(node["url"])
        for value in node.values():
            _extension_urls(value, out)
    elif isinstance(node, list):
        for value in node:
            _extension_urls(value, out)
    return out


def test_shipped_files_are_the_generated_ones():
    expected = definitions()
    shipped = {p.name: orjson.loads(p.read_bytes()) for p in DEFINITIONS_DIR.glob("*.json")}
    assert shipped == expected  # regenerate with: python -m fhir_export.artefacts --write


def test_definitions_are_valid_r4(r4check):
    for name, resource in definitions().items():
        assert r4check(resource) == [], name
        validate_resource(resource, name)
        if resource["resourceType"] == "CodeSystem":
            assert resource["content"] == "complete" and resource["status"] == "active"
            assert resource["count"] == len(resource["concept"]) == len({c["code"] for c in resource["concept"]})
            assert all(c["display"] and c["designation"][0]["language"] == "en" for c in resource["concept"])


def test_every_project_code_and_extension_is_defined(fx, bundles, tmp_path):
    from fhir_export.bulk import export_bulk

    systems = {r["url"]: {c["code"] for c in r["concept"]} for r in definitions().values()
               if r["resourceType"] == "CodeSystem"}
    extensions = {r["url"] for r in definitions().values() if r["resourceType"] == "StructureDefinition"}
    export_bulk(fx.sample_patients(), tmp_path, transaction_time="2026-11-22T10:15:00+00:00")
    resources = [e["resource"] for _, b in bundles for e in b["entry"]]
    resources += [r for rs in fx.read_export(tmp_path).values() for r in rs]
    used = [(s, c) for s, c in _codings(resources, []) if s.startswith(BASE + "/CodeSystem/")]
    assert used
    missing = sorted({(s, c) for s, c in used if c not in systems.get(s, ())})
    assert missing == []
    urls = _extension_urls(resources, set())
    assert urls - {u for u in urls if "/sid/" in u} <= extensions
