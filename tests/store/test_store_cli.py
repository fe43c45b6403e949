"""`parcours demo`, `patients list|show`, `db upgrade|check` and `--save`, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(*args: str, db: str, stdin: bytes | None = None, lang: str = "fr") -> subprocess.CompletedProcess:
    env = {**os.environ, "PARCOURS_DATABASE_URL": db, "LANG": f"{lang}_FR.UTF-8" if lang == "fr" else "en_GB.UTF-8"}
    env.pop("LC_ALL", None)
    return subprocess.run([sys.executable, "-m", "parcours", *args], input=stdin, capture_output=True, env=env,
                          timeout=120, check=False)


@pytest.fixture
def db(store_url):
    return store_url


def test_demo_then_list_show_and_check(db):
    done = run("demo", "--patients", "40", db=db)
    assert done.returncode == 0, done.stderr
    listed = orjson.loads(run("patients", "list", "--json", "--limit", "100", db=db).stdout)
    assert len(listed) == 40
    assert all(p["patient"]["identifier"]["system"] == "urn:oid:1.2.250.1.213.1.4.10" for p in listed)
    assert all(p["patient"]["family"].endswith("-DEMO") for p in listed)
    first = listed[0]
    shown = orjson.loads(run("patients", "show", first["patient"]["identifier"]["value"], "--json", db=db).stdout)
    assert shown["id"] == first["id"] and shown["records"]
    by_fhir_id = run("patients", "show", first["fhir_id"], db=db)
    assert by_fhir_id.returncode == 0 and first["patient"]["family"] in by_fhir_id.stdout.decode()
    check = run("db", "check", db=db, lang="en")
    assert check.returncode == 0 and b"database sound" in check.stderr


def test_unknown_patient_names_the_argument(db):
    shown = run("patients", "show", "123456", db=db, lang="en")
    assert shown.returncode == 2 and shown.stderr.decode().startswith("ID: unknown patient: 123456")


def test_save_prints_the_same_bytes_and_stores(db):
    plain = run("icope", "score", str(EXAMPLES / "screening_to_save.json"), db=db)
    saved = run("icope", "score", "--save", str(EXAMPLES / "screening_to_save.json"), db=db)
    assert saved.returncode == 0 and saved.stdout == plain.stdout
    listed = orjson.loads(run("patients", "list", "--json", db=db).stdout)
    assert len(listed) == 1 and listed[0]["next_step1_due"] == "2027-05-20"


def test_save_of_invalid_input_stores_nothing(db):
    doc = orjson.loads((EXAMPLES / "screening.json").read_bytes())
    doc["locomotion"]["chair_rise_seconds"] = -2
    saved = run("icope", "score", "--save", "-", db=db, stdin=orjson.dumps(doc), lang="en")
    assert saved.returncode == 2 and saved.stdout == b""
    assert b"locomotion.chair_rise_seconds" in saved.stderr
    assert orjson.loads(run("patients", "list", "--json", db=db).stdout) == []


def test_batch_save_keeps_good_lines(db):
    good = (EXAMPLES / "screening_to_save.json").read_bytes().replace(b"\n", b"")
    bad = b'{"date": "2026-13-01"}'
    done = run("icope", "score", "--batch", "--save", "-", db=db, stdin=good + b"\n" + bad + b"\n")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert orjson.loads(lines[1])["line"] == 2
    assert len(orjson.loads(run("patients", "list", "--json", db=db).stdout)) == 1


def test_followup_save_stores_each_screening_once(db):
    doc = orjson.loads((EXAMPLES / "followup.json").read_bytes())
    anonymous = run("icope", "followup", "--save", "-", db=db, stdin=orjson.dumps(doc))
    assert anonymous.returncode == 2 and b"\npatient: " in anonymous.stderr  # no identity: not saved (issue 18)
    doc["patient"] = {"family": "MARTIN"}  # a name and the screenings' birth date: one person per document
    assert run("icope", "followup", "--save", "-", db=db, stdin=orjson.dumps(doc)).returncode == 0
    assert len(orjson.loads(run("patients", "list", "--json", db=db).stdout)) == 1
    doc["patient"] = {"identifier": {"system": "urn:oid:1.2.250.1.213.1.4.10", "value": "244057512345692"}}
    for _ in range(2):  # the same history twice: nothing stored twice
        assert run("icope", "followup", "--save", "-", db=db, stdin=orjson.dumps(doc)).returncode == 0
    patients = orjson.loads(run("patients", "list", "--json", db=db).stdout)
    assert len(patients) == 2
    named = next(p for p in patients if "identifier" in p["patient"])
    shown = orjson.loads(run("patients", "show", named["id"], "--json", db=db).stdout)
    kinds = [r["kind"] for r in shown["records"]]
    assert kinds.count("icope.screening") == len(doc["screenings"])


def test_reconcile_save(db, tmp_path):
    doc = orjson.loads((EXAMPLES / "reconciliation.json").read_bytes())
    doc["patient"]["family"] = "DUPONT"  # with the document's birth date: who it is about (issue 18)
    path = tmp_path / "reconcile.json"
    path.write_bytes(orjson.dumps(doc))
    plain = run("medisis", "reconcile", str(path), db=db)
    saved = run("medisis", "reconcile", "--save", str(path), db=db)
    assert saved.returncode == 0 and saved.stdout == plain.stdout


def test_assess_save_stores_s1_and_score_save_its_baseline_d1(db):
    """Issue 15 (docs/icope.md "Safety rules"): what `--save` stores besides the document."""
    phq9 = {"instrument": "phq9", "date": "2026-11-27", "items": [0, 0, 0, 0, 0, 0, 0, 0, 1],
            "patient": {"family": "Durand", "given": "Paul", "birth_date": "1950-01-01"}}
    saved = run("icope", "assess", "--save", "-", db=db, stdin=orjson.dumps(phq9))
    assert saved.returncode == 0 and orjson.loads(saved.stdout)["urgent"] is True
    (patient,) = orjson.loads(run("patients", "list", "--json", db=db).stdout)
    shown = orjson.loads(run("patients", "show", patient["id"], "--json", db=db).stdout)
    alerts = [r["document"] for r in shown["records"] if r["kind"] == "icope.alert"]
    assert [(a["rule"], a["domain"], a["status"]) for a in alerts] == [("S1", "psychology", "new")]
    assert [(a["rule"], a["domain"], a["status"]) for a in shown["alerts"]] == [("S1", "psychology", "open")]
    score = run("icope", "score", "--save", str(EXAMPLES / "screening_to_save.json"), db=db)
    result = orjson.loads(score.stdout)
    positive = [d for d, v in result["domains"].items() if v["result"] == "positive"]
    listed = orjson.loads(run("patients", "list", "--json", db=db).stdout)
    other = next(p for p in listed if p["id"] != patient["id"])
    shown = orjson.loads(run("patients", "show", other["id"], "--json", db=db).stdout)
    assert positive and sorted((r["document"]["rule"], r["document"]["domain"]) for r in shown["records"]
                               if r["kind"] == "icope.alert") == [("D1", d) for d in sorted(positive)]
