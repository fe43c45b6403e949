"""Fixtures of the FHIR tests: sample documents, the three independent validators, a FHIR server.

Validators (docs/fhir.md): fhir.resources R4B; the R4 FHIRPath invariants and required bindings of
`r4/check.py`; and the loopback Medplum R4 server of `server/`, started once per session. All three
live in the repository: a bare clone runs them. When PARCOURS_SHARED_DIR names a folder with
`fhir-r4/check.py` (e.g. the official R4 JSON schema), its checks are added; it is never required.
"""

from __future__ import annotations

import importlib.util
import json
import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SAMPLES: dict[str, Any] = json.loads((HERE / "samples.json").read_text("utf-8"))
COMMANDS = ("score", "assess", "followup", "reconcile", "risk", "review")
GROUP = {"score": "icope", "assess": "icope", "followup": "icope",
         "reconcile": "medisis", "risk": "medisis", "review": "medisis"}

def documents() -> Iterator[tuple[str, int, dict[str, Any]]]:
    """Every sample document: (command, index, document)."""
    for command in COMMANDS:
        for index, doc in enumerate(SAMPLES[command]):
            yield command, index, doc


def with_context(command: str, doc: dict[str, Any], *, patient: bool = True, actors: bool = True) -> dict[str, Any]:
    """The document with the sample patient / practitioner / organization added (§5.2)."""
    doc = dict(doc)
    if patient:
        ident = {k: v for k, v in SAMPLES["patient"].items() if k in ("identifier", "family", "given", "sex")}
        doc["patient"] = {**ident, **(doc.get("patient") or {})}
    if actors:
        doc["practitioner"] = SAMPLES["practitioner"]
        doc["organization"] = SAMPLES["organization"]
    return doc


def fhir(command: str, doc: dict[str, Any] | bytes, validate: bool = False) -> bytes:
    """The `--format fhir` output of one document (the handler the CLI calls)."""
    from parcours.cli import fhir_commands

    raw = doc if isinstance(doc, bytes) else orjson.dumps(doc)
    return getattr(fhir_commands, command)(raw, validate=validate)


def all_bundles() -> list[tuple[str, dict[str, Any]]]:
    """(label, Bundle) of every sample, anonymous and with the full context."""
    out = []
    for command, index, doc in documents():
        out.append((f"{command}[{index}]", orjson.loads(fhir(command, doc))))
        out.append((f"{command}[{index}]+context", orjson.loads(fhir(command, with_context(command, doc)))))
    return out


# --- validator 2: R4 invariants and required bindings (r4/), plus an optional outside checker ----------

def _load(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shared_checker() -> Path | None:
    """`$PARCOURS_SHARED_DIR/fhir-r4/check.py` when that folder has one: extra checks, never required."""
    folder = os.environ.get("PARCOURS_SHARED_DIR")
    path = Path(folder) / "fhir-r4" / "check.py" if folder else None
    return path if path is not None and path.is_file() else None


@pytest.fixture(scope="session")
def r4check():
    """`check(resource) -> [(where, message)]`: the repository's r4/check.py, then the shared checker if any."""
    checks = [_load("parcours_r4_check", HERE / "r4" / "check.py").check]
    extra = shared_checker()
    if extra is not None:  # e.g. the official R4 JSON schema
        checks.append(_load("shared_fhir_r4_check", extra).check)

    def check(resource: dict[str, Any]) -> list[tuple[str, str]]:
        return [error for one in checks for error in one(resource)]

    return check


# --- validator 3: a real FHIR R4 server -------------------------------------------------------------

def _unavailable(reason: str) -> None:
    if os.environ.get("PARCOURS_REQUIRE_FHIR_SERVER") == "1":
        pytest.fail(f"FHIR server required (PARCOURS_REQUIRE_FHIR_SERVER=1) but unavailable: {reason}")
    pytest.skip(f"loopback FHIR server unavailable ({reason}); set PARCOURS_FHIR_SERVER_DIR or install npm")


def _install_dir() -> Path:
    default = Path.home() / ".cache" / "parcours-fhir-server"
    folder = Path(os.environ.get("PARCOURS_FHIR_SERVER_DIR") or default)
    source = HERE / "server"  # the repository's copy (server/README.md)
    folder.mkdir(parents=True, exist_ok=True)
    stale = False
    for name in ("package.json", "server.mjs"):  # follow the repository's copy when it changes
        target = folder / name
        if not target.is_file() or target.read_bytes() != (source / name).read_bytes():
            target.write_bytes((source / name).read_bytes())
            stale = stale or name == "package.json"
    if stale or not (folder / "node_modules" / ".bin" / "node").exists():
        npm = shutil.which("npm")
        if npm is None:
            _unavailable("npm not found to install it")
        for _attempt in range(3):  # a registry hiccup should not fail the suite
            done = subprocess.run([npm, "install", "--no-audit", "--no-fund"], cwd=folder, capture_output=True,
                                  text=True, timeout=900, check=False)
            if done.returncode == 0 and (folder / "node_modules" / ".bin" / "node").exists():
                break
        if done.returncode != 0:
            _unavailable(f"npm install failed: {done.stderr[-500:]}")
    return folder


class FhirServer:
    """A tiny client of the loopback server."""

    def __init__(self, base: str) -> None:
        self.base = base

    def request(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        data = None if body is None else (body if isinstance(body, bytes) else orjson.dumps(body))
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"content-type": "application/fhir+json"})
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return resp.status, orjson.loads(resp.read() or b"null")
        except urllib.error.HTTPError as exc:
            return exc.code, orjson.loads(exc.read() or b"null")


@pytest.fixture(scope="session")
def fhir_server() -> Iterator[FhirServer]:
    """The Medplum in-memory R4 server on a free loopback port, for the whole session."""
    folder = _install_dir()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(folder / "node_modules" / ".bin" / "node"), "server.mjs", str(port)], cwd=folder,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    seen = []
    try:
        while True:
            try:
                line = lines.get(timeout=120)
            except queue.Empty:
                _unavailable("no 'listening' line within 120 s: " + "".join(seen)[-500:])
            seen.append(line)
            if "listening" in line:
                break
            if proc.poll() is not None:
                _unavailable("server exited: " + "".join(seen)[-500:])
        yield FhirServer(f"http://127.0.0.1:{port}/fhir/R4")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        proc.stdout.close()


# --- PatientRecords for the bulk tests ---------------------------------------------------------------

def sample_patients(count: int = 3) -> list[Any]:
    """Stored patients built from the samples: every record kind, shared practitioner and site."""
    from parcours.core.records import PatientRecords, StoredDocument
    from parcours.core.records import RecordKind as K

    def result(command: str, doc: dict[str, Any]) -> dict[str, Any]:
        from parcours.cli import icope_commands, medisis_commands

        handler = getattr(icope_commands if GROUP[command] == "icope" else medisis_commands, command)
        out = handler(orjson.dumps(doc))
        return orjson.loads(out if isinstance(out, bytes) else orjson.dumps(out))

    patients = []
    ctx = {"practitioner": SAMPLES["practitioner"], "organization": SAMPLES["organization"]}
    for n in range(count):
        value = "2440575123" + f"{n:03d}"
        from parcours.core.identity import ins_key

        patient = {"identifier": {"system": "urn:oid:1.2.250.1.213.1.4.11", "value": value + ins_key(value)},
                   "family": f"DEMO{n}", "given": ["Alice"], "birth_date": "1944-05-02", "sex": "female"}
        if n == count - 1 and count > 1:
            patient = {"birth_date": "1950-01-01"}  # no identifier: parcours-patient|<store id>
        s1, s2 = SAMPLES["followup"][0]["screenings"][1], SAMPLES["followup"][0]["screenings"][0]
        docs = [
            StoredDocument(K.ICOPE_SCREENING, f"{n}-1", date(2026, 8, 22), {**s1, **ctx}, result("score", s1)),
            StoredDocument(K.ICOPE_SCREENING, f"{n}-2", date(2026, 11, 20), s2, result("score", s2)),
            StoredDocument(K.ICOPE_ALERT, f"{n}-3", date(2026, 11, 20),
                           {"rule": "D1", "domain": "cognition", "date": "2026-11-20", "status": "confirmed",
                            "screening": f"{n}-2", "previous": f"{n}-1"}),
            StoredDocument(K.ICOPE_ASSESSMENT, f"{n}-4", date(2026, 11, 27), {**SAMPLES["assess"][3], **ctx},
                           result("assess", SAMPLES["assess"][3])),
            StoredDocument(K.ICOPE_CARE_PLAN, f"{n}-5", date(2026, 12, 1),
                           {"date": "2026-12-01", "screening": f"{n}-2", "status": "active",
                            "goals": ["Marcher 30 minutes par jour"],
                            "interventions": [{"domain": "cognition", "type": "memory_clinic",
                                               "assignee_role": "physician", "due": "2027-01-15"}],
                            "review_date": "2027-03-01", "gp_agreement": True, "motivational_interview": False,
                            "rci": None}),
            StoredDocument(K.MEDISIS_STAY, f"{n}-6", date(2026, 11, 20),
                           {"stay": f"S{n}", "admission_date": "2026-11-20", "discharge_date": "2026-12-01",
                            "status": "finished", "organization": SAMPLES["organization"]}),
            StoredDocument(K.MEDISIS_RECONCILIATION, f"{n}-7", date(2026, 11, 20),
                           {**SAMPLES["reconcile"][0], **ctx}, result("reconcile", SAMPLES["reconcile"][0])),
            StoredDocument(K.MEDISIS_RISK, f"{n}-8", date(2026, 12, 1), SAMPLES["risk"][0],
                           result("risk", SAMPLES["risk"][0])),
            StoredDocument(K.MEDISIS_REVIEW, f"{n}-9", date(2026, 11, 20), SAMPLES["review"][0],
                           result("review", SAMPLES["review"][0])),
            StoredDocument(K.MEDISIS_INTERVENTION, f"{n}-10", date(2026, 11, 21),
                           {"id": f"ip{n}", "stay": f"S{n}", "date": "2026-11-21", "result": "INTERVENTION",
                            "drugs": [{"atc": "M01AE01", "label": "ibuprofène 400 mg"}], "problem": "7",
                            "intervention": "2", "description": "AINS et DFG 42", "proposal": "arrêt de l'ibuprofène",
                            "transmission": "phone", "contacted_at": "2026-11-21T10:30:00+01:00",
                            "outcome": "accepted", "from_reconciliation": False,
                            "practitioner": SAMPLES["practitioner"]}),
            StoredDocument(K.MEDISIS_CONSULTATION30, f"{n}-11", date(2026, 12, 31),
                           {"status": "done", "due_date": "2026-12-31", "performed_at": "2027-01-02", "mode": "phone",
                            "reconciliation": f"{n}-7"}),
        ]
        patients.append(PatientRecords(str(n + 1), patient, tuple(docs)))
    return patients


def read_export(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """{type: [resources]} of an export folder."""
    return {p.name[: -len(".ndjson")]: [orjson.loads(line) for line in p.read_bytes().splitlines()]
            for p in sorted(folder.glob("*.ndjson"))}


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """`parcours ARGS` in a subprocess (exit status, stdout and stderr as bytes)."""
    return subprocess.run([sys.executable, "-m", "parcours", *args], input=stdin, capture_output=True,
                          timeout=120, check=False, cwd=REPO)


@pytest.fixture(scope="session")
def fx():
    """This module's helpers (documents, fhir, all_bundles, sample_patients, read_export, run_cli, ...)."""
    return sys.modules[__name__]


@pytest.fixture(scope="session")
def bundles() -> list[tuple[str, dict[str, Any]]]:
    """Every sample's Bundle, anonymous and with the full context."""
    return all_bundles()
