"""`--db` (and PARCOURS_DATABASE_URL): every URL gets a clear answer naming it, exit 2 (issue 18)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from tests_parcours_cli import run

from parcours.store.errors import AccessDenied, Damaged, NotADatabase
from parcours.store.opening import as_url, diagnose

ROOT = Path(__file__).parents[2]
SCREENING = (ROOT / "examples" / "screening_to_save.json").read_bytes()


def test_a_plain_path_is_an_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    status, out, err = run(["patients", "list", "--json", "--db", str(path)], b"")
    assert (status, out, err) == (0, b"[]\n", "") and path.is_file()
    assert as_url("rel/p.db") == f"sqlite:///{Path('rel/p.db').absolute()}"


@pytest.mark.parametrize(("url", "fr"), [
    ("foo://bar", "--db : type de base inconnu « foo »"),
    ("postgresql://u:secret@h:abc/db", "--db : URL de base de données illisible « postgresql://u:***@h:abc/db »"),
])
def test_unknown_scheme_and_unreadable_url(url: str, fr: str) -> None:
    status, out, err = run(["patients", "list", "--db", url], b"")
    assert (status, out) == (2, b"") and err.startswith(fr) and "secret" not in err


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello\n" * 100)
    status, _, err = run(["patients", "list", "--lang", "en", "--db", f"sqlite:///{text}"], b"")
    assert status == 2 and err == f"--db: {text} is not an SQLite database\n"
    assert text.read_text() == "hello\n" * 100  # untouched


def test_a_folder_that_does_not_exist_is_not_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "no" / "such"
    status, _, err = run(["patients", "list", "--db", f"sqlite:///{missing}/p.db"], b"")
    assert status == 2 and err.startswith(f"--db : le dossier {missing} n'existe pas")
    assert not (tmp_path / "no").exists()
    monkeypatch.setenv("PARCOURS_DATABASE_URL", f"sqlite:///{missing}/p.db")
    status, _, err = run(["icope", "score", "-", "--save"], SCREENING)
    assert status == 2 and err.startswith(f"PARCOURS_DATABASE_URL : le dossier {missing} n'existe pas")
    assert not (tmp_path / "no").exists()


def test_report_and_export_name_the_url_too(tmp_path: Path) -> None:
    url = "foo://bar"
    status, _, err = run(["report", "--patient", "1", "--db", url, "-o", str(tmp_path / "r.pdf")], b"")
    assert status == 2 and err.startswith("--db : type de base inconnu")
    status, _, err = run(["export", "fhir", "--out", str(tmp_path / "out"), "--db", url], b"")
    assert status == 2 and err.startswith("--db : type de base inconnu")


def test_a_damaged_file_is_reported_by_db_check(tmp_path: Path) -> None:
    good = tmp_path / "good.db"
    assert run(["icope", "score", "-", "--save", "--db", str(good)], SCREENING)[0] == 0
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(good.read_bytes()[:3 * 4096])  # pages cut off: "database disk image is malformed"
    status, _, err = run(["db", "check", "--db", str(damaged)], b"")
    assert status == 1 and err.startswith("contrôle d'intégrité en échec : ")
    status, _, err = run(["patients", "list", "--db", str(damaged)], b"")
    assert status == 1 and err.startswith(f"base de données endommagée : {damaged}")
    shutil.copy(good, tmp_path / "copy.db")
    assert run(["db", "check", "--db", str(tmp_path / "copy.db")], b"")[0] == 0


def _error(text: str) -> OperationalError:
    return OperationalError("connect", {}, Exception(text))


def test_driver_failures_are_typed() -> None:
    url = make_url("postgresql+psycopg://clinic:wrong@db.example/parcours")
    refused = diagnose(_error('connection failed: FATAL:  password authentication failed for user "clinic"'), url,
                       "--db")
    assert isinstance(refused, AccessDenied) and refused.params["user"] == "clinic"
    assert isinstance(diagnose(_error("file is not a database"), make_url("sqlite:///x.db"), "--db"), NotADatabase)
    assert isinstance(diagnose(_error("database disk image is malformed"), make_url("sqlite:///x.db"), "--db"), Damaged)


def test_an_unknown_postgresql_role_is_refused_by_name(pg_server) -> None:
    url = pg_server.url().replace("postgres@", "nobody_here@", 1)
    status, _, err = run(["patients", "list", "--lang", "en", "--db", url], b"")
    assert status == 2 and err.startswith("--db: the server refused user nobody_here")
    assert len(err.splitlines()) == 1  # one message, no traceback


def test_a_wrong_postgresql_password_is_refused_by_name(pg_server) -> None:
    """A role that must give its password (scram-sha-256 on the socket), given the wrong one: exit 2."""
    from sqlalchemy import create_engine, text

    admin = create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = 'clinic_pw'")).first() is None:
            conn.execute(text("CREATE ROLE clinic_pw LOGIN PASSWORD 'right'"))
            hba = pg_server.root / "data" / "pg_hba.conf"
            hba.write_text("local all clinic_pw scram-sha-256\n" + hba.read_text())
            conn.execute(text("SELECT pg_reload_conf()"))
    admin.dispose()
    wrong = pg_server.url().replace("postgres@", "clinic_pw:wrong@", 1)
    status, out, err = run(["patients", "list", "--db", wrong], b"")
    assert (status, out) == (2, b"")
    assert err.startswith("--db : accès refusé par le serveur pour l'utilisateur clinic_pw") and "wrong" not in err
    assert "password authentication failed" in err
