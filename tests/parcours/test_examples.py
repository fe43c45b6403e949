"""Issue 18: examples/ holds an input for every document command, and each runs as the README says."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
#: Every example input and the command it is for.
COMMAND_OF = {
    "screening.json": ("icope", "score"),
    "screening_to_save.json": ("icope", "score"),  # the same with who it is about, for --save
    "sppb.json": ("icope", "assess"),
    "followup.json": ("icope", "followup"),
    "reconciliation.json": ("medisis", "reconcile"),
    "risk.json": ("medisis", "risk"),
    "review.json": ("medisis", "review"),
    "indicators.json": ("medisis", "indicators"),
    "report_screening.json": ("report",),
    "report_followup.json": ("report",),
    "report_reconciliation.json": ("report",),
}
DOCUMENT_COMMANDS = {("icope", c) for c in ("score", "assess", "followup")} | {
    ("medisis", c) for c in ("reconcile", "risk", "review", "indicators")}


#: The real clock, not the suite's far-future PARCOURS_TODAY: an example dated after today would be
#: refused when a user runs it (docs/plausibility.md), and dates in the past stay valid.
REAL_CLOCK = {k: v for k, v in os.environ.items() if k != "PARCOURS_TODAY"}


def parcours(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parcours", *args], cwd=cwd, capture_output=True, timeout=120,
                          check=False, env=REAL_CLOCK)


def test_every_example_has_its_command_and_every_command_an_example():
    assert {p.name for p in EXAMPLES.glob("*.json")} == set(COMMAND_OF)
    assert set(COMMAND_OF.values()) >= DOCUMENT_COMMANDS


@pytest.mark.parametrize("name", sorted(n for n, c in COMMAND_OF.items() if c != ("report",)))
def test_example_runs_through_its_command(name):
    command = COMMAND_OF[name]
    done = parcours(*command, f"examples/{name}")
    assert done.returncode == 0 and done.stderr == b"", done.stderr.decode()
    assert isinstance(orjson.loads(done.stdout), dict)
    if command != ("medisis", "indicators"):  # the one command without a FHIR form
        done = parcours(*command, "--format", "fhir", f"examples/{name}")
        assert done.returncode == 0, done.stderr.decode()
        assert orjson.loads(done.stdout)["resourceType"] == "Bundle"


def test_make_reports_uses_the_projects_venv(tmp_path):
    """The script beside a `.venv/` runs its `parcours` (here a stand-in that records each call)."""
    shutil.copytree(EXAMPLES, tmp_path / "examples", ignore=shutil.ignore_patterns("reports"))
    venv_bin = tmp_path / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "parcours").write_text(
        f'#!/bin/sh\necho "$@" >> "{tmp_path}/calls"\nexec "{sys.executable}" -m parcours "$@"\n')
    (venv_bin / "parcours").chmod(0o755)
    env = {**REAL_CLOCK, "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)}
    done = subprocess.run(["sh", str(tmp_path / "examples" / "make_reports.sh")], env=env, capture_output=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr.decode()
    made = sorted(p.name for p in (tmp_path / "examples" / "reports").glob("*.pdf"))
    assert made == sorted(
        f"{k}_{lang}.pdf" for k in ("screening", "followup", "reconciliation") for lang in ("fr", "en"))
    assert all((tmp_path / "examples" / "reports" / n).read_bytes().startswith(b"%PDF") for n in made)
    assert (tmp_path / "calls").read_text().count("report --lang") == 6


def test_batch_example_gives_one_result_a_line():
    lines = (EXAMPLES / "screenings.ndjson").read_bytes().splitlines()
    done = subprocess.run([sys.executable, "-m", "parcours", "icope", "score", "--batch", "-"], cwd=REPO,
                          input=b"\n".join(lines) + b"\n", capture_output=True, timeout=120, check=False,
                          env=REAL_CLOCK)
    assert done.returncode == 0, done.stderr.decode()
    results = [orjson.loads(line) for line in done.stdout.splitlines()]
    assert len(results) == len(lines) >= 2 and all("overall" in r for r in results)
