"""`parcours records correct|delete` and `patients correct` in a subprocess, FR and EN, both databases."""

from __future__ import annotations

import pathlib
import sys

import orjson
import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from test_store_cli import EXAMPLES, run

SCREENING = EXAMPLES / "screening_to_save.json"  # says who: --save stores it (interchange §0)


@pytest.fixture
def db(store_url):
    return store_url


def saved_screening(db: str, tmp_path: pathlib.Path, **changes) -> tuple[str, dict, pathlib.Path]:
    """Save a screening with --save; its record (from patients show --json) and a file to correct."""
    doc = orjson.loads(SCREENING.read_bytes())
    doc["cognition"]["orientation"]["day_of_week"] = "wrong"  # cognition positive: a D1 alert
    source = tmp_path / "first.json"
    source.write_bytes(orjson.dumps(doc))
    assert run("icope", "score", "--save", str(source), db=db).returncode == 0
    patient = orjson.loads(run("patients", "list", "--json", db=db).stdout)[0]["id"]
    shown = orjson.loads(run("patients", "show", patient, "--json", db=db).stdout)
    record = next(r for r in shown["records"] if r["kind"] == "icope.screening")
    assert record["version"] == 1 and record["document"]["date"] == doc["date"]
    corrected = orjson.loads(orjson.dumps(record["document"]))
    corrected["cognition"]["orientation"]["day_of_week"] = "correct"
    for key, value in changes.items():
        corrected[key] = value
    target = tmp_path / "corrected.json"
    target.write_bytes(orjson.dumps(corrected))
    return patient, record, target


def test_correct_prints_the_commands_result_and_the_alert_goes(db, tmp_path):
    patient, record, corrected = saved_screening(db, tmp_path)
    alerts = orjson.loads(run("worklist", "alerts", "--json", db=db).stdout)
    assert len(alerts) == 1
    done = run("records", "correct", record["id"], str(corrected), "--version", "1", db=db, lang="en")
    assert done.returncode == 0, done.stderr
    assert done.stdout == run("icope", "score", str(corrected), db=db).stdout  # printed as the command prints it
    assert done.stderr.decode() == f"record {record['id']} corrected: version 2\n"
    assert orjson.loads(run("worklist", "alerts", "--json", db=db).stdout) == []
    shown = orjson.loads(run("patients", "show", patient, "--json", db=db).stdout)
    again = next(r for r in shown["records"] if r["id"] == record["id"])
    assert again["version"] == 2 and again["document"]["cognition"]["orientation"]["day_of_week"] == "correct"


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", "a été modifié entre-temps par quelqu'un d'autre"), ("en", "was changed meanwhile by someone else")])
def test_a_stale_version_exits_2_and_changes_nothing(db, tmp_path, lang, expected):
    patient, record, corrected = saved_screening(db, tmp_path)
    assert run("records", "correct", record["id"], str(corrected), db=db).returncode == 0
    before = run("patients", "show", patient, "--json", db=db).stdout
    stale = run("records", "correct", record["id"], str(SCREENING), "--version", "1", db=db, lang=lang)
    assert stale.returncode == 2 and stale.stdout == b""
    assert expected in stale.stderr.decode() and record["id"] in stale.stderr.decode()
    deleted = run("records", "delete", record["id"], "--reason", "x", "--version", "1", db=db, lang=lang)
    assert deleted.returncode == 2 and expected in deleted.stderr.decode()
    assert run("patients", "show", patient, "--json", db=db).stdout == before


@pytest.mark.parametrize(("lang", "expected"), [("fr", "valeur invraisemblable"), ("en", "implausible value")])
def test_an_invalid_correction_names_the_field(db, tmp_path, lang, expected):
    _, record, corrected = saved_screening(db, tmp_path)
    doc = orjson.loads(corrected.read_bytes())
    doc["locomotion"]["chair_rise_seconds"] = -2
    corrected.write_bytes(orjson.dumps(doc))
    plain = run("icope", "score", str(corrected), db=db, lang=lang)
    done = run("records", "correct", record["id"], str(corrected), db=db, lang=lang)
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr == plain.stderr  # validated exactly as its command validates it
    assert "locomotion.chair_rise_seconds" in done.stderr.decode() and expected in done.stderr.decode()


def test_delete_leaves_worklists_and_the_fhir_export(db, tmp_path):
    patient, record, _ = saved_screening(db, tmp_path)
    before = tmp_path / "before"
    assert run("export", "fhir", "--out", str(before), db=db).returncode == 0
    observations = (before / "Observation.ndjson").read_bytes().splitlines()
    assert observations and (before / "Task.ndjson").exists()
    assert run("records", "delete", record["id"], db=db, lang="en").returncode == 2  # --reason is required
    empty = run("records", "delete", record["id"], "--reason", " ", db=db, lang="en")
    assert empty.returncode == 2 and empty.stderr.decode().startswith("--reason")
    done = run("records", "delete", record["id"], "--reason", "wrong patient", db=db, lang="en")
    assert done.returncode == 0
    assert done.stderr.decode() == f"record {record['id']} deleted (reason kept in the audit trail)\n"
    assert orjson.loads(run("worklist", "alerts", "--json", db=db).stdout) == []
    assert orjson.loads(run("worklist", "positive-without-step2", "--json", db=db).stdout) == []
    after = tmp_path / "after"
    assert run("export", "fhir", "--out", str(after), db=db).returncode == 0
    assert not (after / "Observation.ndjson").exists() and not (after / "Task.ndjson").exists()
    shown = orjson.loads(run("patients", "show", patient, "--json", db=db).stdout)
    assert shown["records"] == [] and shown["next_step1_due"] is None
    twice = run("records", "delete", record["id"], "--reason", "again", db=db)
    assert twice.returncode == 2 and "déjà supprimé" in twice.stderr.decode()
    unknown = run("records", "correct", "424242", str(SCREENING), db=db, lang="en")
    assert unknown.returncode == 2 and unknown.stderr.decode() == "record not found: 424242\n"


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", "patient.birth_date: ne peut pas être après la date d'un dossier du patient (dossier {record})"),
    ("en", "patient.birth_date: cannot be after the date of one of the patient's records (record {record})")])
def test_patients_correct(db, tmp_path, lang, expected):
    patient, record, _ = saved_screening(db, tmp_path)
    expected = expected.format(record=record["id"])
    late = tmp_path / "late.json"
    late.write_bytes(b'{"birth_date": "2026-11-21"}')
    refused = run("patients", "correct", patient, str(late), db=db, lang=lang)
    assert refused.returncode == 2 and expected in refused.stderr.decode().splitlines()
    unknown_key = tmp_path / "k.json"
    unknown_key.write_bytes(b'{"weight_kg": 60}')
    refused = run("patients", "correct", patient, str(unknown_key), db=db, lang=lang)
    assert refused.returncode == 2 and "patient.weight_kg" in refused.stderr.decode()
    fix = tmp_path / "fix.json"
    fix.write_bytes(b'{"family": "Dupont", "given": ["Anne"], "sex": "female"}')
    done = run("patients", "correct", patient, str(fix), "--version", "1", db=db, lang=lang)
    assert done.returncode == 0, done.stderr
    out = orjson.loads(done.stdout)
    before = {k: v for k, v in orjson.loads(SCREENING.read_bytes())["patient"].items() if k != "birth_date"}
    assert out["version"] == 2 and out["patient"] == {**before, "family": "Dupont", "given": ["Anne"],
                                                      "sex": "female", "birth_date": "1944-05-02"}
    stale = run("patients", "correct", patient, str(fix), "--version", "1", db=db, lang=lang)
    assert stale.returncode == 2 and patient in stale.stderr.decode()


def test_every_command_kind_maps_to_its_saved_kind():
    """records correct runs the command whose --save stores that kind (the registry agrees)."""
    from parcours.cli import DOCUMENT_COMMANDS, SAVE_COMMANDS
    from parcours.cli.records_commands import COMMAND_OF
    from parcours.kinds import by_command

    saved = {str(by_command(*key).record_kind): key for key in SAVE_COMMANDS
             if by_command(*key).record_kind is not None}
    assert saved == COMMAND_OF
    assert all(key in DOCUMENT_COMMANDS for key in COMMAND_OF.values())
