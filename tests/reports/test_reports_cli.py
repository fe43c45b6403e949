"""`parcours report` in a subprocess: -o rules, stdout, exit 2 with the command's messages, reproducibility."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

from .conftest import EXAMPLES, pages_text


def cli(*args: str, stdin: bytes = b"", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    environ = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "parcours", *args], input=stdin, capture_output=True, env=environ,
                          check=False)


def test_writes_file_and_refuses_to_overwrite_without_force(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "r.pdf"
    run = cli("report", str(EXAMPLES["screening"]), "-o", str(out))
    assert run.returncode == 0 and run.stdout == b"" and run.stderr == b""
    first = out.read_bytes()
    assert first.startswith(b"%PDF-") and first.rstrip().endswith(b"%%EOF")
    again = cli("report", str(EXAMPLES["reconciliation"]), "-o", str(out))
    assert again.returncode == 2 and again.stdout == b"" and "-o" in again.stderr.decode()
    assert out.read_bytes() == first
    forced = cli("report", "--lang", "en", str(EXAMPLES["reconciliation"]), "-o", str(out), "--force")
    assert forced.returncode == 0 and "Medication reconciliation" in pages_text(out.read_bytes())[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]  # no temporary file left


def test_dash_writes_the_pdf_to_stdout_only() -> None:
    run = cli("report", "-", "-o", "-", stdin=EXAMPLES["followup"].read_bytes())
    assert run.returncode == 0 and run.stderr == b"" and run.stdout.startswith(b"%PDF-")
    assert "Suivi ICOPE" in pages_text(run.stdout)[0]


def test_same_bytes_with_source_date_epoch_across_processes() -> None:
    env = {"SOURCE_DATE_EPOCH": "1767225600"}
    runs = [cli("report", str(EXAMPLES["reconciliation"]), "-o", "-", env=env).stdout for _ in range(2)]
    assert runs[0] == runs[1] and runs[0].startswith(b"%PDF-")


@pytest.mark.parametrize(("lang_args", "expected"), [
    ((), "locomotion.chair_rise_seconds: valeur invraisemblable : attendue entre 1 et 300 s"),
    (("--lang", "en"), "locomotion.chair_rise_seconds: implausible value: expected between 1 and 300 s")])
def test_invalid_document_exits_2_like_its_command(
    tmp_path: pathlib.Path, lang_args: tuple[str, ...], expected: str
) -> None:
    out = tmp_path / "x.pdf"
    bad = b'{"date": "2026-11-20", "locomotion": {"chair_rise_seconds": -1}, "care_plan": {"goals": []}}'
    run = cli("report", *lang_args, "-", "-o", str(out), stdin=bad)
    assert run.returncode == 2 and run.stdout == b"" and not out.exists()
    assert expected in run.stderr.decode().splitlines() and "Traceback" not in run.stderr.decode()
    command = cli("icope", "score", *lang_args, "-",
                  stdin=b'{"date": "2026-11-20", "locomotion": {"chair_rise_seconds": -1}}')
    assert command.stderr == run.stderr


@pytest.mark.parametrize("args", [("-o", "-"), ("FILE", "--patient", "p1", "-o", "-")])
def test_exactly_one_source(args: tuple[str, ...]) -> None:
    run = cli("report", *args)
    assert run.returncode == 2 and run.stdout == b"" and "FILE" in run.stderr.decode()


def test_unreadable_file_and_bad_epoch(tmp_path: pathlib.Path) -> None:
    missing = cli("report", str(tmp_path / "nope.json"), "-o", "-")
    assert missing.returncode == 2 and missing.stdout == b"" and "nope.json" in missing.stderr.decode()
    epoch = cli("report", str(EXAMPLES["screening"]), "-o", "-", env={"SOURCE_DATE_EPOCH": "soon"})
    assert epoch.returncode == 2 and epoch.stdout == b"" and "SOURCE_DATE_EPOCH" in epoch.stderr.decode()


def test_unwritable_output_exits_2(tmp_path: pathlib.Path) -> None:
    run = cli("report", str(EXAMPLES["screening"]), "-o", str(tmp_path / "missing" / "r.pdf"))
    assert run.returncode == 2 and run.stdout == b"" and run.stderr.decode().startswith("-o")
