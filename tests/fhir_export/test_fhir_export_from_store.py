"""`parcours export fhir` on a real store filled by `parcours demo`, both databases.

Contract: docs/interchange.md §5.4 items 12–14.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import orjson
import pytest

PROD_INS = "urn:oid:1.2.250.1.213.1.4.8"


def parcours(*args: str, db: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PARCOURS_DATABASE_URL": db, "LANG": "en_GB.UTF-8"}
    env.pop("LC_ALL", None)
    return subprocess.run([sys.executable, "-m", "parcours", *args], capture_output=True, env=env, timeout=300,
                          check=False)


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "reference"] + [r for k, v in node.items() for r in refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in refs(v)]
    return []


@pytest.fixture
def demo_db(store_url):
    done = parcours("demo", "--patients", "60", db=store_url)
    assert done.returncode == 0, done.stderr
    return store_url


def test_item13_demo_export_is_complete_valid_and_fake(demo_db, tmp_path, fx, r4check):
    out = tmp_path / "export"
    done = parcours("export", "fhir", "--out", str(out), db=demo_db)
    assert done.returncode == 0 and done.stdout == b"", done.stderr
    exported = fx.read_export(out)
    assert len(exported["Patient"]) == 60
    assert {"Observation", "ServiceRequest", "Composition", "MedicationStatement"} <= exported.keys()
    assert not any(PROD_INS in orjson.dumps(p).decode() for p in exported["Patient"])
    present = {f"{t}/{r['id']}" for t, rs in exported.items() for r in rs}
    manifest = orjson.loads((out / "export.json").read_bytes())
    assert {o["type"]: o["count"] for o in manifest["output"]} == {t: len(rs) for t, rs in exported.items()}
    for resources in exported.values():
        for resource in resources:
            assert set(refs(resource)) <= present
    for resources in exported.values():  # the R4 schema, invariants and required bindings, on a sample of each type
        for resource in resources[:5]:
            assert r4check(resource) == [], resource["resourceType"]


def test_item14_patient_since_and_identical_reexport(demo_db, tmp_path, fx):
    first = tmp_path / "a"
    assert parcours("export", "fhir", "--out", str(first), db=demo_db).returncode == 0
    second = tmp_path / "b"
    assert parcours("export", "fhir", "--out", str(second), db=demo_db).returncode == 0
    for ndjson in first.glob("*.ndjson"):
        assert (second / ndjson.name).read_bytes() == ndjson.read_bytes()
    patient_id = fx.read_export(first)["Patient"][7]["id"]
    one = tmp_path / "one"
    assert parcours("export", "fhir", "--out", str(one), "--patient", patient_id, db=demo_db).returncode == 0
    assert [p["id"] for p in fx.read_export(one)["Patient"]] == [patient_id]
    late = tmp_path / "late"
    assert parcours("export", "fhir", "--out", str(late), "--since", "2099-01-01", db=demo_db).returncode == 0
    assert orjson.loads((late / "export.json").read_bytes())["output"] == []
    refused = parcours("export", "fhir", "--out", str(first), db=demo_db)
    assert refused.returncode == 2 and b"--out" in refused.stderr
    unknown = parcours("export", "fhir", "--out", str(tmp_path / "u"), "--patient", "nobody", db=demo_db)
    assert unknown.returncode == 2 and b"--patient" in unknown.stderr
