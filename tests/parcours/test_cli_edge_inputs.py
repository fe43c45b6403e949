"""Issue 18, one case each: far dates, huge numbers, JSON syntax, a BOM, argparse in French, stdout errors.

In-process through `parcours.cli.main` (tests_parcours_cli.run), except where a real pipe or /dev/full
is the point.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
from tests_parcours_cli import run

ROOT = Path(__file__).parents[2]
SCREENING: dict[str, Any] = json.loads((ROOT / "examples" / "screening.json").read_text("utf-8"))
FOLLOWUP: dict[str, Any] = json.loads((ROOT / "examples" / "followup.json").read_text("utf-8"))
SPPB: dict[str, Any] = json.loads((ROOT / "examples" / "sppb.json").read_text("utf-8"))
SEEDS: dict[str, list[dict[str, Any]]] = json.loads(
    (Path(__file__).parent / "data" / "fuzz_seeds.json").read_text("utf-8"))


def dumps(doc: Any) -> bytes:
    return json.dumps(doc).encode()


# --- dates up to 9999 -----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", [(), ("--format", "fhir")])
def test_screening_whose_due_date_passes_9999_names_date(fmt: tuple[str, ...]) -> None:
    status, out, err = run(["icope", "score", "-", *fmt], dumps({**SCREENING, "date": "9999-12-31"}))
    assert (status, out) == (2, b"")
    assert "date: doit être ≤ 9999-06-30 : l'échéance qui en découle dépasserait le 31/12/9999" in err.splitlines()


def test_last_date_with_a_due_date_is_accepted() -> None:
    status, out, _ = run(["icope", "score", "-"], dumps({**SCREENING, "date": "9999-06-30"}))
    assert status == 0 and orjson.loads(out)["next_step1_due"] == "9999-12-30"


def test_followup_names_the_newest_screening() -> None:
    screenings = [dict(FOLLOWUP["screenings"][0]), dict(FOLLOWUP["screenings"][1], date="9999-12-31")]
    status, _, err = run(["icope", "followup", "-", "--lang", "en"], dumps({**FOLLOWUP, "screenings": screenings}))
    assert status == 2 and any(line.startswith("screenings[1].date: must be ≤ 9999-06-30") for line in err.splitlines())


def test_batch_with_a_far_date_goes_on() -> None:
    good = dumps(SCREENING)
    stdin = b"\n".join([good, dumps({**SCREENING, "date": "9999-12-31"}), good]) + b"\n"
    status, out, err = run(["icope", "score", "--batch", "-"], stdin)
    lines = [orjson.loads(line) for line in out.splitlines()]
    assert status == 1 and err == "" and len(lines) == 3
    assert lines[1] == {"line": 2, "error": [
        "date: doit être ≤ 9999-06-30 : l'échéance qui en découle dépasserait le 31/12/9999"]}
    assert lines[0] == lines[2]


def test_reconciliation_at_year_9999_is_saved_or_refused_naming_date(tmp_path: Path) -> None:
    """A discharge on 9999-12-31 has no D+30 review date: refused naming `date`, nothing saved."""
    reconciliation = {**SEEDS["medisis reconcile"][-1], "moment": "discharge", "date": "9999-12-31"}
    url = f"sqlite:///{tmp_path}/p.db"
    status, out, err = run(["medisis", "reconcile", "-", "--save", "--db", url], dumps(reconciliation))
    assert (status, out) == (2, b"")
    assert any(line.startswith("date: doit être ≤ 9999-12-01") for line in err.splitlines())
    status, out, _ = run(["patients", "list", "--json", "--db", url], b"")
    assert status == 0 and orjson.loads(out) == []


# --- numbers up to 1e308 ----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", [(), ("--format", "fhir")])
def test_sppb_times_of_1e308_are_named(fmt: tuple[str, ...]) -> None:
    """It crashed with decimal.InvalidOperation; now the plausibility bound names the field."""
    status, out, err = run(["icope", "assess", "-", *fmt], dumps({**SPPB, "gait_times_s": [1e308, 4.0]}))
    assert (status, out) == (2, b"") and any(line.startswith("gait_times_s[0]: ") for line in err.splitlines())


def test_hundredths_of_any_float() -> None:
    """The rounding itself (icope.md §2.1) carries any float: quantize failed past 28 digits."""
    from icope.step2.base import hundredths

    assert (hundredths(4.125), hundredths(1.005), hundredths(0.0)) == (413, 101, 0)
    assert hundredths(1e308) == 10**310


def test_indicators_with_huge_counts_give_exact_ratios() -> None:
    counts = {"eligible_patients": 3 * 10**40, "reconciled_patients": 10**40, "reconciled_within_24h": 10**40,
              "dni_total": 0, "patients_with_dni": 0}
    status, out, err = run(["medisis", "indicators", "-"], dumps(counts))
    assert (status, err) == (0, "") and orjson.loads(out)["reconciliation_rate_pct"] == 33.3


@pytest.mark.parametrize(("command", "path"), [("medisis reconcile", "bm"), ("medisis review", "drugs")])
def test_fhir_frequency_past_32_bits_names_the_field(command: str, path: str) -> None:
    document = json.loads(json.dumps(SEEDS[command][0]))
    document[path][0]["frequency"] = {"times_per_day": 1e308}
    status, out, err = run([*command.split(), "-"], dumps(document))
    assert status == 0  # the JSON result carries it
    status, out, err = run([*command.split(), "-", "--format", "fhir", "--lang", "en"], dumps(document))
    assert (status, out) == (2, b"")
    assert f"{path}[0].frequency.times_per_day: too large for a FHIR integer (at most 2147483647)" in err.splitlines()


# --- JSON syntax, BOM -------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    (b'{\n  "date": "2026-11-20",\n  "x": ?\n}', "$: invalid JSON at line 3, column 8"),
    (b'{"date": "2026-11-20"', "$: incomplete JSON: unexpected end of the document (line 1, column 21)"),
    (b'{"date": "2026-11-20"} x', "$: invalid JSON: characters after the end of the document (line 1, column 24)"),
    (b'{"date": "\xff"}', "$: invalid JSON: bytes that are not UTF-8 (line 1, column 11)"),
])
def test_json_syntax_error_says_where(raw: bytes, expected: str) -> None:
    status, _, err = run(["icope", "score", "-", "--lang", "en"], raw)
    assert status == 2 and any(line.startswith(expected) for line in err.splitlines()), err


@pytest.mark.parametrize("fmt", [(), ("--format", "fhir")])
def test_utf8_bom_is_accepted(tmp_path: Path, fmt: tuple[str, ...]) -> None:
    plain = run(["icope", "score", "-", *fmt], dumps(SCREENING))
    source = tmp_path / "bom.json"
    source.write_bytes(b"\xef\xbb\xbf" + dumps(SCREENING))
    assert run(["icope", "score", str(source), *fmt], b"") == plain
    assert run(["icope", "score", "-", "--batch", *fmt], b"\xef\xbb\xbf" + dumps(SCREENING) + b"\n") == plain
    assert plain[0] == 0


# --- argparse speaks French -------------------------------------------------------------------------

@pytest.mark.parametrize(("argv", "fr", "en"), [
    (["icope", "score"], "erreur d'utilisation : argument(s) obligatoire(s) manquant(s) : FILE",
     "usage error: the following arguments are required: FILE"),
    (["icope", "score", "f.json", "--format", "xml"],
     "erreur d'utilisation : argument --format : choix invalide : 'xml' (choisir parmi 'json', 'fhir')",
     "usage error: argument --format: invalid choice: 'xml' (choose from 'json', 'fhir')"),
    (["medisis", "indicators", "f.json", "--save"], "erreur d'utilisation : argument(s) non reconnu(s) : --save",
     "usage error: unrecognized arguments: --save"),
    (["icope", "score", "f.json", "--validate"],
     "erreur d'utilisation : --validate : seulement avec --format fhir (il vérifie les ressources FHIR émises)",
     "usage error: --validate: only with --format fhir (it checks the emitted FHIR resources)"),
    (["patients", "list", "--limit", "٣"],
     "erreur d'utilisation : argument --limit : valeur invalide (entier ≥ 1) : '٣'",
     "usage error: argument --limit: invalid positive integer value: '٣'"),
])
def test_usage_errors_exit_2_in_the_users_language(argv: list[str], fr: str, en: str) -> None:
    status, out, err = run(argv, b"")
    assert (status, out) == (2, b"") and fr in err.splitlines()
    assert "utilisation : " in err or "--validate" in argv
    status, _, err = run([*argv, "--lang", "en"], b"")
    assert status == 2 and en in err.splitlines()


def test_help_is_french_and_argparse_is_left_as_it_was() -> None:
    import argparse

    status, out, _ = run(["icope", "score", "--help"], b"")
    text = out.decode()
    assert status == 0 and text.startswith("utilisation : parcours icope score")
    assert "arguments positionnels :" in text and "affiche cette aide et quitte" in text
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined] # restored after the run


# --- stdout errors are not the input's ----------------------------------------------------------------

def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "parcours", *args]


def test_disk_full_on_stdout_has_its_own_exit_and_message() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    source = str(ROOT / "examples" / "screening.json")
    with open("/dev/full", "wb") as full:
        done = subprocess.run(_cli("icope", "score", source), stdout=full, stderr=subprocess.PIPE, check=False)
    err = done.stderr.decode()
    assert done.returncode == 74 and "Traceback" not in err
    assert err.splitlines() == ["impossible d'écrire la sortie standard : No space left on device"]


def test_broken_pipe_is_said_once() -> None:
    line = json.dumps(SCREENING).encode() + b"\n"
    proc = subprocess.Popen(_cli("icope", "score", "--batch", "-", "--lang", "en"), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # type: ignore[union-attr] # the reader went away (`| head -c 10`)
    _, err = proc.communicate(line * 5000)
    assert proc.returncode == 74
    assert err.decode().splitlines() == ["standard output closed before the end (broken pipe): incomplete result"]


@pytest.mark.parametrize("fmt", [(), ("--format", "fhir")])
def test_followup_assessment_with_an_integer_past_64_bits_is_named(fmt: tuple[str, ...]) -> None:
    """orjson stops at 64-bit integers: an embedded assessment with one crashed (found by the fuzz test)."""
    assessments = [*FOLLOWUP["assessments"], {"instrument": "mmse", "date": "2026-08-22", "score": 10**30}]
    status, out, err = run(["icope", "followup", "-", "--lang", "en", *fmt],
                           dumps({**FOLLOWUP, "assessments": assessments}))
    assert (status, out) == (2, b"") and "assessments[1].score: must be ≤ 30" in err.splitlines()
