"""`parcours drugs import DIR`: exit 0 and counts; exit 2 naming the missing or garbled file, database unchanged."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from parcours.store import open_store

SAMPLE = Path(__file__).resolve().parents[1] / "medisis" / "data" / "bdpm"


def run(*args: str, db: str, lang: str = "fr") -> subprocess.CompletedProcess:
    env = {**os.environ, "PARCOURS_DATABASE_URL": db, "LANG": f"{lang}_FR.UTF-8" if lang == "fr" else "en_GB.UTF-8"}
    env.pop("LC_ALL", None)
    return subprocess.run([sys.executable, "-m", "parcours", *args], capture_output=True, env=env, timeout=120,
                          check=False)


def test_import_then_a_bad_folder(tmp_path):
    db = f"sqlite:///{tmp_path}/p.db"
    done = run("drugs", "import", str(SAMPLE), db=db)
    assert done.returncode == 0, done.stderr
    err = done.stderr.decode()
    assert "7 spécialités et 7 présentations importées" in err
    assert "CIS_bdpm.txt : 1 ligne(s) illisible(s) ignorée(s)" in err

    broken = tmp_path / "bdpm"
    shutil.copytree(SAMPLE, broken)
    (broken / "CIS_MITM.txt").unlink()
    missing = run("drugs", "import", str(broken), db=db, lang="en")
    assert missing.returncode == 2
    assert f"{broken / 'CIS_MITM.txt'}: BDPM file missing" in missing.stderr.decode()

    shutil.copy(SAMPLE / "CIS_MITM.txt", broken / "CIS_MITM.txt")
    (broken / "CIS_bdpm.txt").write_text("pas un fichier BDPM\n", encoding="utf-8")
    garbled = run("drugs", "import", str(broken), db=db)
    assert garbled.returncode == 2
    expected = f"{broken / 'CIS_bdpm.txt'} : aucune ligne lisible (1 ligne(s) sans les 12 colonnes"
    assert expected in garbled.stderr.decode()

    nowhere = run("drugs", "import", str(tmp_path / "absent"), db=db)
    assert nowhere.returncode == 2 and "n'est pas un dossier" in nowhere.stderr.decode()

    with open_store(db) as store:
        assert store.drug_count() == 7  # the failed imports changed nothing


def test_progress_bar_on_a_terminal(tmp_path):
    """stderr a terminal: the bar, labelled in the user's language, ends at the row count."""
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "PARCOURS_DATABASE_URL": f"sqlite:///{tmp_path}/p.db", "LANG": "en_GB.UTF-8"}
    env.pop("LC_ALL", None)
    done = subprocess.run([sys.executable, "-m", "parcours", "drugs", "import", str(SAMPLE)], stderr=follower,
                          stdout=subprocess.PIPE, env=env, timeout=120, check=False)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert done.returncode == 0
    assert "Drugs [" in shown.decode() and "] 14/14" in shown.decode()
