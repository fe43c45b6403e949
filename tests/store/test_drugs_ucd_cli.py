"""`parcours drugs import DIR --ucd FILE [--ucd-columns UCD,LINK]`: exit 0 with the UCD count and the skipped
lines (reason and first line); exit 2 naming the option, the file and the line; what was saved stays."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from parcours.store import open_store

DATA = Path(__file__).resolve().parents[1] / "medisis" / "data"
BDPM, UCD = DATA / "bdpm", DATA / "cip_ucd.csv"


def run(*args: str, db: str, lang: str = "fr") -> subprocess.CompletedProcess:
    env = {**os.environ, "PARCOURS_DATABASE_URL": db, "LANG": f"{lang}_FR.UTF-8" if lang == "fr" else "en_GB.UTF-8"}
    env.pop("LC_ALL", None)
    return subprocess.run([sys.executable, "-m", "parcours", "drugs", "import", str(BDPM), *args], capture_output=True,
                          env=env, timeout=120, check=False)


def counts(db: str) -> tuple[int, int]:
    with open_store(db) as store:
        return store.drug_count(), store.ucd_count()


def test_import_with_ucd_reports_what_was_linked_and_skipped(tmp_path):
    db = f"sqlite:///{tmp_path}/p.db"
    done = run("--ucd", str(UCD), "--ucd-columns", "Code UCD,Code CIP13", db=db)
    assert done.returncode == 0, done.stderr
    err = done.stderr.decode()
    assert (f"--ucd {UCD} : 1 ligne(s) ignorée(s) : UCD13 3400899100016 : chiffre de contrôle faux "
            "(première : ligne 7)") in err
    assert "CIP13 3400991000061 : chiffre de contrôle faux (première : ligne 8)" in err
    assert "3400991000084 absent de la BDPM importée (première : ligne 10)" in err
    assert f"6 code(s) UCD reliés à leur spécialité depuis {UCD} (encodage utf-8)" in err
    assert "7 spécialités et 7 présentations importées" in err and done.stdout == b""
    assert counts(db) == (7, 6)

    by_number = tmp_path / "sans_entete.txt"
    by_number.write_bytes("comprimé\t9910001\t3400991000015\r\n".encode("cp1252"))
    english = run("--ucd", str(by_number), "--ucd-columns", "2,3", db=db, lang="en")
    assert english.returncode == 0, english.stderr
    assert f"1 UCD code(s) linked to their specialty from {by_number} (encoding cp1252)" in english.stderr.decode()
    assert counts(db) == (7, 1)  # the import replaced the previous correspondence


def test_bad_options_and_files_exit_2_naming_them_and_change_nothing(tmp_path):
    db = f"sqlite:///{tmp_path}/p.db"
    assert run("--ucd", str(UCD), "--ucd-columns", "Code UCD,Code CIP13", db=db).returncode == 0
    header = tmp_path / "entete.csv"
    header.write_text("UCD,CIP13\n3400899100016,3400991000015\n,\n12,3400991000015\n", encoding="utf-8")
    cases = [
        (("--ucd-columns", "1,2"), "--ucd-columns : à donner avec --ucd FICHIER"),
        (("--ucd", str(tmp_path / "absent.csv")), f"--ucd : {tmp_path / 'absent.csv'} n'est pas un fichier"),
        (("--ucd", str(UCD), "--ucd-columns", "UCD"),
         "--ucd-columns : « UCD » : deux colonnes séparées par une virgule"),
        (("--ucd", str(UCD)), f"--ucd {UCD}, ligne 1 : l'en-tête (Code UCD | Libellé UCD | Code CIP13) n'a pas une "
                              "et une seule colonne UCD : nommez les colonnes avec --ucd-columns"),
        (("--ucd", str(UCD), "--ucd-columns", "Code UCD,CIP"),
         f"--ucd-columns : pas de colonne « CIP » dans l'en-tête de {UCD} (ligne 1 : Code UCD | Libellé UCD | "
         "Code CIP13)"),
        (("--ucd", str(header)), f"--ucd {header} : aucune ligne utilisable (2 ligne(s) ignorée(s) ; première : "
                                 "ligne 2, UCD13 3400899100016 : chiffre de contrôle faux) ; rien n'a été importé"),
    ]
    for args, said in cases:
        done = run(*args, db=db)
        assert done.returncode == 2, (args, done.stderr)
        assert said in done.stderr.decode(), (args, done.stderr.decode())
        assert "Traceback" not in done.stderr.decode() and done.stdout == b""
        assert counts(db) == (7, 6), args  # the import saved first is intact

    english = run("--ucd", str(header), db=db, lang="en")
    assert english.returncode == 2
    assert f"--ucd {header}: no usable line (2 line(s) skipped; first: line 2, UCD13 3400899100016: wrong check " \
        "digit); nothing was imported, the drug database is unchanged" in english.stderr.decode()


def test_the_readme_example_runs(tmp_path):
    """README's `drugs import … --ucd …` line, as written (its scratch database moved to tmp_path)."""
    import re
    import shlex

    repo = DATA.parents[2]
    text = (repo / "README.md").read_text(encoding="utf-8").replace("\\\n", " ")
    (line,) = [x for x in text.splitlines() if x.startswith("parcours ") and " drugs import " in x and "--ucd " in x]
    words = shlex.split(line.split("#", 1)[0])
    assert words[1:3] == ["--db", "sqlite:///essai.db"]
    words[2] = f"sqlite:///{tmp_path}/essai.db"
    done = subprocess.run([sys.executable, "-m", "parcours", *words[1:]], cwd=repo, capture_output=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert re.search(r"6 (code\(s\) UCD|UCD code\(s\))", done.stderr.decode())
    assert counts(f"sqlite:///{tmp_path}/essai.db") == (7, 6)
