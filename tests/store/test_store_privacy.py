"""Privacy (issue 20): reads audited, private files whatever the umask, no personal data in errors,
names printed as data (control characters shown, never obeyed)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from sqlalchemy import insert, text

from parcours.core.private_files import open_private, private_dir, write_private
from parcours.store import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
INS = "244057512345692"
TEST_SYSTEM = "urn:oid:1.2.250.1.213.1.4.10"
BIRTH = "1944-05-02"
PII = (INS, "DUPONT", "Jeannette", BIRTH)


def run(*args: str, db: str, stdin: bytes | None = None, umask: int | None = None,
        actor: str = "nurse-7") -> subprocess.CompletedProcess:
    env = {**os.environ, "PARCOURS_DATABASE_URL": db, "LANG": "en_GB.UTF-8", "PARCOURS_ACTOR": actor}
    env.pop("LC_ALL", None)
    return subprocess.run([sys.executable, "-m", "parcours", *args], input=stdin, capture_output=True, env=env,
                          timeout=120, check=False, preexec_fn=None if umask is None else (lambda: os.umask(umask)))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def screening(**patient) -> dict:
    doc = orjson.loads((EXAMPLES / "screening.json").read_bytes())
    doc["patient"] = {"identifier": {"system": TEST_SYSTEM, "value": INS}, "family": "DUPONT",
                      "given": ["Jeannette"], **patient}
    return doc


def reads(store) -> list[tuple[str, str, str]]:
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT actor, entity_id, after FROM audit WHERE action = 'read' ORDER BY id")).all()
    return [(r.actor, r.entity_id, orjson.loads(r.after)["purpose"]) for r in rows]


# --- files ---------------------------------------------------------------------------------------
def test_private_files_under_umask_0(tmp_path):
    old = os.umask(0)
    try:
        folder = private_dir(tmp_path / "a" / "b")
        write_private(folder / "r.pdf", b"%PDF", force=False)
        loose = folder / "old.pdf"
        loose.write_bytes(b"x")
        loose.chmod(0o644)
        write_private(loose, b"%PDF-2", force=True)  # replacing a 0644 file gives a 0600 one
        with open_private(folder / "x.ndjson") as handle:
            handle.write(b"{}\n")
        shared = tmp_path / "shared"
        shared.mkdir(mode=0o777)
        private_dir(shared)
    finally:
        os.umask(old)
    assert [mode(p) for p in (tmp_path / "a", folder, shared)] == [0o700, 0o700, 0o700]
    assert {p.name: mode(p) for p in folder.iterdir()} == {"r.pdf": 0o600, "old.pdf": 0o600, "x.ndjson": 0o600}
    assert loose.read_bytes() == b"%PDF-2"
    with pytest.raises(FileExistsError):
        write_private(folder / "r.pdf", b"other", force=False)
    assert (folder / "r.pdf").read_bytes() == b"%PDF" and sorted(p.name for p in folder.iterdir()) == [
        "old.pdf", "r.pdf", "x.ndjson"]  # no temporary file left


def test_report_of_a_patient_is_0600_and_the_read_audited(tmp_path):
    url = f"sqlite:///{tmp_path / 'p.db'}"
    with open_store(url) as store:
        saved = store.save_document("icope.screening", screening(), actor="nurse-1")
    out = tmp_path / "history.pdf"
    done = run("report", "--patient", saved.patient_id, "-o", str(out), db=url, umask=0)
    assert done.returncode == 0, done.stderr
    assert mode(out) == 0o600
    with open_store(url) as store:
        assert reads(store) == [("nurse-7", saved.patient_id, "report")]


# --- reads audited -------------------------------------------------------------------------------
def test_patients_show_is_audited_with_the_acting_user(store_url):
    with open_store(store_url) as store:
        saved = store.save_document("icope.screening", screening(), actor="nurse-1")
    done = run("patients", "show", INS, db=store_url)
    assert done.returncode == 0, done.stderr
    with open_store(store_url) as store:
        assert reads(store) == [("nurse-7", saved.patient_id, "show")]


# --- names are data ------------------------------------------------------------------------------
def test_list_and_show_print_control_characters_visibly(tmp_path):
    url = f"sqlite:///{tmp_path / 'p.db'}"
    with open_store(url) as store:
        p = store.create_patient({"family": "ESC\x1b[31mROUGE", "given": ["A\u202eB"]}, site=None, actor="n")
    listed = run("patients", "list", db=url)
    shown = run("patients", "show", p.id, db=url)
    for done in (listed, shown):
        assert done.returncode == 0, done.stderr
        assert b"\x1b" not in done.stdout and "\u202e".encode() not in done.stdout
        assert "ESC\u241b[31mROUGE".encode() in done.stdout and b"A<U+202E>B" in done.stdout
    as_json = run("patients", "show", p.id, "--json", db=url)
    assert orjson.loads(as_json.stdout)["patient"]["family"] == "ESC\x1b[31mROUGE"  # JSON keeps the data, escaped


# --- no personal data in errors ------------------------------------------------------------------
def test_nul_in_a_name_is_refused_naming_the_field(store_url):
    doc = screening(family="DU\x00PONT", birth_date=BIRTH)
    done = run("icope", "score", "-", "--save", db=store_url, stdin=orjson.dumps(doc))
    assert done.returncode == 2 and done.stdout == b""
    err = done.stderr.decode()
    assert "patient.family" in err and "NUL" in err
    assert not any(value in err for value in PII), err
    with open_store(store_url) as store, store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM patients")).scalar() == 0


def test_followup_save_error_names_the_field_not_the_value(tmp_path):
    url = f"sqlite:///{tmp_path / 'p.db'}"
    doc = orjson.loads((EXAMPLES / "followup.json").read_bytes())
    doc["patient"] = {"ins": INS, "family": "DUPONT", "birth_date": "1944-05-03"}
    done = run("icope", "followup", "-", "--save", db=url, stdin=orjson.dumps(doc))
    assert done.returncode == 2 and done.stdout == b""
    err = done.stderr.decode()
    assert "patient.birth_date" in err and "Traceback" not in err
    assert "1944-05-03" not in err and BIRTH not in err and INS not in err and "input_value" not in err


def test_duplicate_identifier_names_the_field_not_the_ins(store_url):
    from parcours.cli.store_commands import render_store_error
    from parcours.store.errors import Conflict, Duplicate

    with open_store(store_url) as store:
        first = store.create_patient({"ins": INS, "family": "DUPONT"}, site=None, actor="n")
        with pytest.raises(Duplicate) as err:
            store.create_patient({"ins": INS, "family": "DUPONT"}, site=None, actor="n")
    assert isinstance(err.value, Conflict)  # callers that reload on a Conflict still do
    for lang in ("fr", "en"):
        said = render_store_error(err.value, lang)
        assert "patient.ins" in said and first.id in said and INS not in said and INS not in str(err.value)


def test_a_postgresql_data_error_is_said_without_the_row(pg_url):
    """The driver's own error (here a NUL the validation would have refused) names no value."""
    from sqlalchemy.exc import DBAPIError

    from parcours.cli.safe_errors import escaped_errors, render_escaped
    from parcours.store.schema import patients

    with open_store(pg_url) as store, pytest.raises(DBAPIError) as err, store.engine.begin() as conn:
        conn.execute(insert(patients).values(
            version=1, fhir_id="x", family="DUPONT\x00", family_key="DUPONT", given='["Jeannette"]',
            identifier_system=TEST_SYSTEM, identifier_value=INS, birth_date=BIRTH, created_at="2026-01-01",
            updated_at="2026-01-01"))
    assert any(value in str(err.value) for value in PII)  # what used to reach the terminal
    assert isinstance(err.value, escaped_errors())
    said, status = render_escaped(err.value, "en")
    assert status == 1 and said.startswith("database unusable")
    assert not any(value in said for value in PII), said


def test_visible_keeps_line_feeds_only_when_asked():
    from parcours.core.visible import visible

    assert visible("A\nB\x1b") == "A\u240aB\u241b"
    assert visible("A\nB\x1b", keep_newlines=True) == "A\nB\u241b"
    assert visible("Hélène DUPONT") == "Hélène DUPONT"


def test_an_unknown_patient_key_is_not_echoed_when_it_may_be_an_ins(tmp_path: Path) -> None:
    """`patients show <INS>` of nobody: the message says « unknown patient » without repeating the INS (issue 20)."""
    db = f"sqlite:///{tmp_path / 'p.db'}"
    done = run("patients", "show", INS, db=db)
    assert done.returncode == 2
    assert INS not in done.stderr.decode() and "unknown patient" in done.stderr.decode()
    store_id = run("patients", "show", "4242", db=db)
    assert store_id.returncode == 2 and "4242" in store_id.stderr.decode()  # a store id is no personal data
