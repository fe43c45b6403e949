"""docs/interchange.md §5.4 items 12 and 14: the bulk NDJSON export (docs/fhir.md §6.2), from PatientRecords.

Item 13 (`parcours demo`) is tested with the demo command by its owner.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest

from fhir_export.bulk import export_bulk

TIME = "2026-11-22T10:15:00+00:00"


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "reference" and isinstance(v, str)] + [
            r for k, v in node.items() if k != "reference" for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def _check_export(fx, folder: Path) -> dict[str, list[dict[str, Any]]]:
    """Item 12: manifest = the files, counts = lines, ids unique per type, references resolve."""
    manifest = orjson.loads((folder / "export.json").read_bytes())
    files = sorted(p.name for p in folder.iterdir() if p.name != "export.json")
    assert files == sorted(o["url"] for o in manifest["output"])
    assert [o["type"] for o in manifest["output"]] == sorted(o["type"] for o in manifest["output"])
    assert manifest["requiresAccessToken"] is False and manifest["error"] == []
    assert manifest["extension"]["fhirVersion"] == "4.0.1"
    exported = fx.read_export(folder)
    present = set()
    for out in manifest["output"]:
        lines = (folder / out["url"]).read_bytes().split(b"\n")
        assert lines[-1] == b"" and b"" not in lines[:-1]
        assert out["count"] == len(lines) - 1
        resources = exported[out["type"]]
        assert all(r["resourceType"] == out["type"] and r["id"] for r in resources)
        ids = [r["id"] for r in resources]
        assert len(ids) == len(set(ids))
        present |= {f"{out['type']}/{i}" for i in ids}
    for resources in exported.values():
        for res in resources:
            assert set(_refs(res)) <= present, res["resourceType"]
    return exported


def test_item12_manifest_files_counts_references(fx, tmp_path):
    patients = fx.sample_patients(3)
    manifest = export_bulk(patients, tmp_path, transaction_time=TIME, request="parcours export fhir")
    exported = _check_export(fx, tmp_path)
    assert manifest["extension"]["patients"] == 3 and len(exported["Patient"]) == 3
    assert len(exported["Practitioner"]) == 1 and len(exported["Organization"]) == 1  # shared, written once
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())  # no temporary file left
    demo = [p for p in exported["Patient"] if p["identifier"][0]["system"] == "urn:oid:1.2.250.1.213.1.4.11"]
    assert len(demo) == 2 and not any("urn:oid:1.2.250.1.213.1.4.8" in str(p) for p in exported["Patient"])


def test_stored_documents_get_the_stateless_ids(fx, tmp_path):
    """docs/fhir.md §2.3: a saved result exported from the database keeps its `--format fhir` ids."""
    patients = fx.sample_patients(1)
    export_bulk(patients, tmp_path, transaction_time=TIME)
    exported = fx.read_export(tmp_path)
    records = patients[0]
    screening = records.documents[0]
    doc = {**screening.document, "patient": {"identifier": records.patient["identifier"]}}
    bundle = orjson.loads(fx.fhir("score", doc))
    ids = {e["fullUrl"][9:] for e in bundle["entry"]}
    assert ids <= {r["id"] for rs in exported.values() for r in rs}


def test_item14_patient_since_and_byte_identical(fx, tmp_path):
    patients = fx.sample_patients(3)
    one, two = tmp_path / "one", tmp_path / "two"
    for folder in (one, two):
        folder.mkdir()
        export_bulk(patients, folder, transaction_time=TIME)
    for path in one.glob("*.ndjson"):
        assert path.read_bytes() == (two / path.name).read_bytes()
    # --patient: only that patient (the CLI resolves the id through the store), references resolve
    only = tmp_path / "only"
    only.mkdir()
    export_bulk(patients[1:2], only, transaction_time=TIME)
    exported = _check_export(fx, only)
    assert [p["id"] for p in exported["Patient"]] == [fx.read_export(one)["Patient"][1]["id"]]
    # --since later than every record: nothing, and no NDJSON file
    late = tmp_path / "late"
    late.mkdir()
    manifest = export_bulk(patients, late, since=date(2030, 1, 1), transaction_time=TIME)
    assert manifest["output"] == [] and [p.name for p in late.iterdir()] == ["export.json"]
    # --since keeps the newer records and what they point at (the alert's screening)
    recent = tmp_path / "recent"
    recent.mkdir()
    export_bulk(patients, recent, since=date(2026, 11, 20), transaction_time=TIME)
    kept = _check_export(fx, recent)
    dates = {o.get("effectiveDateTime") for o in kept["Observation"]}
    assert "2026-08-22" not in dates and "2026-11-20" in dates
    assert len(kept["Task"]) >= 3


# --- the CLI command, with a store of PatientRecords ---------------------------------------------

class _Store:
    def __init__(self, patients: list[Any]) -> None:
        self.patients = {p.patient_id: p for p in patients}
        self.closed = False
        self.accessed: list[tuple[str, str]] = []

    def record_access(self, patient_id: str, *, actor: str, purpose: str) -> None:
        self.accessed.append((patient_id, str(purpose)))

    def resolve_patient(self, key: str) -> str:
        from fhir_export.ids import rid
        from fhir_export.patient import patient_key_db
        from parcours.store.errors import NotFound

        for pid, records in self.patients.items():
            if key in (pid, rid("Patient", patient_key_db(records))):
                return pid
        raise NotFound(key=key)

    def iter_patient_records(self, patient_ids=None, since=None, batch=500):
        assert since is None  # the writer filters (records outside `since` may be referenced)
        return iter([p for pid, p in self.patients.items() if patient_ids is None or pid in patient_ids])

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def cli_store(fx, monkeypatch):
    from parcours.cli import export_commands

    store = _Store(fx.sample_patients(3))
    monkeypatch.setattr(export_commands, "_open_store", lambda url: store)
    return store


def _args(out: Path, patient=(), since=None) -> argparse.Namespace:
    return argparse.Namespace(out=str(out), patient=list(patient), since=since, validate=True, db=None)


def test_cli_export_writes_and_refuses_non_empty_dir(fx, cli_store, tmp_path, capsys):
    from parcours.cli.export_commands import export_fhir

    out = tmp_path / "new" / "dir"
    assert export_fhir(_args(out, since=date(2026, 1, 1)), "en") == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""  # not a terminal: no progress bar
    manifest = orjson.loads((out / "export.json").read_bytes())
    assert manifest["request"] == "parcours export fhir --since 2026-01-01" and cli_store.closed
    _check_export(fx, out)
    assert export_fhir(_args(out), "en") == 2
    assert "--out" in capsys.readouterr().err


def test_cli_export_patient_by_export_id_and_unknown(fx, cli_store, tmp_path, capsys):
    from parcours.cli.export_commands import export_fhir

    full = tmp_path / "full"
    assert export_fhir(_args(full), "fr") == 0
    wanted = fx.read_export(full)["Patient"][0]["id"]
    part = tmp_path / "part"
    assert export_fhir(_args(part, patient=[wanted]), "fr") == 0
    exported = _check_export(fx, part)
    assert [p["id"] for p in exported["Patient"]] == [wanted]
    assert [purpose for _, purpose in cli_store.accessed] == ["export-fhir", "export-fhir"]
    assert cli_store.accessed[0][0] == "*" and cli_store.accessed[1][0] != "*"  # all, then the one asked for
    assert export_fhir(_args(tmp_path / "x", patient=["nobody"]), "fr") == 2
    assert "--patient" in capsys.readouterr().err


def test_cli_export_progress_on_a_terminal(fx, cli_store, tmp_path, capsys, monkeypatch):
    import sys

    from parcours.cli.export_commands import export_fhir

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert export_fhir(_args(tmp_path / "tty"), "en") == 0
    err = capsys.readouterr().err
    assert "FHIR export: 3 patient(s)" in err and err.endswith("\n")


def test_cli_export_files_are_private_whatever_the_umask(fx, cli_store, tmp_path):
    """Issue 20: an export is personal data — files 0600 in 0700 folders, even under umask 0."""
    import os
    import stat

    from parcours.cli.export_commands import export_fhir

    out = tmp_path / "made" / "export"
    old = os.umask(0)
    try:
        assert export_fhir(_args(out), "en") == 0
    finally:
        os.umask(old)
    for folder in (out, out.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    files = list(out.iterdir())
    assert len(files) >= 3 and all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files), \
        {f.name: oct(f.stat().st_mode) for f in files}
