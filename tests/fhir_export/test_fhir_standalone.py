"""Issue 18: the FHIR tests need nothing outside the repository (the shared folder only adds checks)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def test_fhir_validity_tests_pass_with_an_empty_shared_folder(tmp_path):
    empty = tmp_path / "shared"
    empty.mkdir()
    env = {**os.environ, "PARCOURS_SHARED_DIR": str(empty)}
    tests = ["tests/fhir_export/test_fhir_r4_validity.py::test_every_bundle_passes_r4_schema_invariants_and_bindings",
             "tests/fhir_export/test_fhir_definitions.py::test_definitions_are_valid_r4"]
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "2 passed" in done.stdout and "skipped" not in done.stdout, done.stdout[-2000:]


def test_the_repository_checker_finds_what_it_is_for(fx, r4check):
    bundle = fx.all_bundles()[0][1]
    assert r4check(bundle) == []
    broken = {**bundle, "entry": [dict(e) for e in bundle["entry"]]}
    index = next(i for i, e in enumerate(broken["entry"]) if e["resource"]["resourceType"] == "Observation")
    obs = {k: v for k, v in broken["entry"][index]["resource"].items() if k != "code"}  # R4B: code is required
    broken["entry"][index] = {**broken["entry"][index], "resource": {**obs, "status": "done"}}  # binding
    found = " | ".join(message for _, message in r4check(broken))
    assert "R4B: Field required" in found and "required binding status: 'done'" in found
    assert any("invariant pat-1" in m for _, m in r4check({"resourceType": "Patient", "contact": [{}]}))
    assert any("not carried" in m for _, m in r4check({"resourceType": "Questionnaire", "status": "active"}))


def test_the_server_files_are_the_repositorys(fx):
    source = (HERE / "server" / "server.mjs").read_text("utf-8")
    assert "listening" in source and "127.0.0.1" in source
    assert '"@medplum/fhir-router"' in (HERE / "server" / "package.json").read_text("utf-8")
    conftest = (HERE / "conftest.py").read_text("utf-8")
    assert 'HERE / "server"' in conftest and "fhir-server" not in conftest.replace("parcours-fhir-server", "")
