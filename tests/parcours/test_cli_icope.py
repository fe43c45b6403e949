"""The `parcours icope` commands in a subprocess: exit codes, streams, languages, batch."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import orjson
import pytest

ROOT = pathlib.Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "screening.json"


def cli(*args: str, stdin: bytes = b"", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    environ = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "parcours", *args], input=stdin, capture_output=True, env=environ,
                          check=False)


def test_score_example_file() -> None:
    run = cli("icope", "score", str(EXAMPLE))
    assert run.returncode == 0 and run.stderr == b""
    out = orjson.loads(run.stdout)
    assert out["overall"] == "positive" and out["next_step1_due"] == "2027-05-20"
    assert run.stdout.endswith(b"\n") and run.stdout.count(b"\n") == 1


def test_stdin_and_file_agree() -> None:
    assert cli("icope", "score", "-", stdin=EXAMPLE.read_bytes()).stdout == cli("icope", "score", str(EXAMPLE)).stdout


BAD = b'{"date": "2026-11-20", "locomotion": {"chair_rise_seconds": -1, "arms": true}}'


@pytest.mark.parametrize(("lang_args", "env", "expected"), [
    ((), {}, "locomotion.chair_rise_seconds: valeur invraisemblable : attendue entre 1 et 300 s"),
    (("--lang", "en"), {}, "locomotion.chair_rise_seconds: implausible value: expected between 1 and 300 s"),
    ((), {"LANG": "en_GB.UTF-8"}, "locomotion.chair_rise_seconds: implausible value: expected between 1 and 300 s"),
    ((), {"LANG": "de_DE.UTF-8"}, "locomotion.chair_rise_seconds: valeur invraisemblable : attendue entre 1 et 300 s"),
])
def test_invalid_input_exits_2_naming_the_field(lang_args: tuple[str, ...], env: dict[str, str], expected: str) -> None:
    run = cli("icope", "score", *lang_args, "-", stdin=BAD, env=env)
    assert run.returncode == 2 and run.stdout == b""
    lines = run.stderr.decode().splitlines()
    assert expected in lines
    assert any(line.startswith("locomotion.arms: ") for line in lines)
    assert "Traceback" not in run.stderr.decode()


def test_lang_before_the_group() -> None:
    run = cli("--lang", "en", "icope", "score", "-", stdin=BAD)
    assert "locomotion.chair_rise_seconds: implausible value: expected between 1 and 300 s" in run.stderr.decode()


@pytest.mark.parametrize("raw", [
    b'{"date": NaN}', b'{"date": "2026-11-20", "x": Infinity}', b"\xff\xfe", b"[" * 65 + b"]" * 65, b"", b"{"])
def test_not_json_is_invalid_input(raw: bytes) -> None:
    run = cli("icope", "score", "-", stdin=raw)
    assert run.returncode == 2 and run.stdout == b"" and b"Traceback" not in run.stderr


def test_missing_file_exits_2() -> None:
    run = cli("icope", "score", "/nonexistent/screening.json")
    assert run.returncode == 2 and b"/nonexistent/screening.json" in run.stderr and b"Traceback" not in run.stderr


def test_batch_one_result_per_line_in_order() -> None:
    good = EXAMPLE.read_bytes().replace(b"\n", b" ")
    stdin = b"\n".join([good, b'{"date": "2026-02-30"}', b"", good, b"not json"]) + b"\n"
    run = cli("icope", "score", "--batch", "--lang", "en", "-", stdin=stdin)
    assert run.returncode == 1
    lines = [orjson.loads(line) for line in run.stdout.splitlines()]
    assert len(lines) == 4
    assert lines[0] == lines[2] and lines[0]["overall"] == "positive"
    assert lines[1] == {"line": 2, "error": ["date: must be a YYYY-MM-DD date"]}
    assert lines[3]["line"] == 5 and lines[3]["error"][0].startswith("$: ")


def test_batch_all_good_exits_0() -> None:
    good = EXAMPLE.read_bytes().replace(b"\n", b" ")
    run = cli("icope", "score", "--batch", "-", stdin=good + b"\n" + good + b"\n")
    assert run.returncode == 0 and len(run.stdout.splitlines()) == 2


def test_assess_and_followup_examples() -> None:
    sppb = orjson.loads(cli("icope", "assess", str(ROOT / "examples" / "sppb.json")).stdout)
    assert sppb["score"] == 8 and sppb["components"] == {"balance": 3, "gait": 3, "chair": 2}
    follow = cli("icope", "followup", str(ROOT / "examples" / "followup.json"))
    assert follow.returncode == 0
    alerts = [(a["rule"], a["domain"]) for a in orjson.loads(follow.stdout)["alerts"]]
    assert alerts == [
        ("D1", "cognition"), ("D1", "nutrition"), ("D3", "locomotion"), ("D4", "nutrition"), ("D5", "cognition")]


@pytest.mark.parametrize(("args", "needle"), [
    (("--help",), "icope"), (("icope", "score", "--help"), "--batch"),
    (("--lang", "en", "icope", "--help"), "followup")])
def test_help(args: tuple[str, ...], needle: str) -> None:
    run = cli(*args)
    assert run.returncode == 0 and needle in run.stdout.decode()


def test_help_follows_the_language() -> None:
    assert "lit du NDJSON" in cli("icope", "score", "--help").stdout.decode()
    assert "read NDJSON" in cli("icope", "score", "--help", "--lang", "en").stdout.decode()


def test_version() -> None:
    run = cli("--version")
    assert run.returncode == 0 and run.stdout.decode().startswith("parcours ")


def test_usage_error_exits_2_without_traceback() -> None:
    run = cli("icope", "bogus")
    assert run.returncode == 2 and b"Traceback" not in run.stderr


ARGV_FORMS = [
    ["icope", "score", "f.json"],
    ["icope", "score", "-", "--batch"],
    ["--lang", "en", "icope", "assess", "f.json"],
    ["icope", "followup", "--lang=fr", "f.json"],
    ["medisis", "reconcile", "--batch", "f.json", "--lang", "en"],
    ["medisis", "indicators", "f.json"],
]
ARGPARSE_ONLY = [
    ["icope", "score", "--save", "f.json"],
    ["icope", "score", "--format", "fhir", "f.json"],
    ["icope", "score", "--help"],
    ["icope", "score", "a.json", "b.json"],
    ["icope", "score", "--bat", "f.json"],
    ["patients", "list"],
    ["icope", "score"],
]


@pytest.mark.parametrize("argv", ARGV_FORMS)
def test_fast_path_parses_like_argparse(argv):
    from parcours.cli import DOCUMENT_COMMANDS, SAVE_COMMANDS, build_parser
    from parcours.cli.runner import plain_document_args

    fast = plain_document_args(argv, DOCUMENT_COMMANDS, SAVE_COMMANDS)
    assert fast is not None
    assert vars(fast) == vars(build_parser("fr").parse_args(argv))


@pytest.mark.parametrize("argv", ARGPARSE_ONLY)
def test_everything_else_goes_to_argparse(argv):
    from parcours.cli import DOCUMENT_COMMANDS, SAVE_COMMANDS
    from parcours.cli.runner import plain_document_args

    assert plain_document_args(argv, DOCUMENT_COMMANDS, SAVE_COMMANDS) is None
