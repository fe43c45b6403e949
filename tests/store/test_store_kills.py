"""SIGKILL during `--batch --save` and during `parcours demo`: nothing lost, nothing twice, no orphan.

Why (issue 20): a re-run interrupted batch gave 571 patients two identical screenings; a batch
printed its results in chunks of 256, so what was printed was not what was saved; a killed demo
left workers writing, and the next demo on the same file died on `UNIQUE patients.id`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from sqlalchemy import text

from parcours.core.identity import INS_TEST_SYSTEM, ins_key
from parcours.core.records import RecordKind
from parcours.store import open_store
from parcours.store.check import check_database

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BATCH = 150


def _env(url: str) -> dict[str, str]:
    return {**os.environ, "PARCOURS_DATABASE_URL": url, "LANG": "en_GB.UTF-8"}


def _batch(path: Path) -> None:
    doc = orjson.loads((EXAMPLES / "screening.json").read_bytes())
    lines = []
    for n in range(BATCH):
        body = f"1440575{n:06d}"
        doc["patient"] = {"identifier": {"system": INS_TEST_SYSTEM, "value": body + ins_key(body)}}
        lines.append(orjson.dumps(doc))
    path.write_bytes(b"\n".join(lines) + b"\n")


def _records(url: str) -> int:
    """Stored documents (alerts are derived: a screening may raise one, icope.md §3)."""
    with open_store(url) as store, store.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM records WHERE kind <> 'icope.alert'")).scalar()


@pytest.mark.parametrize("after_lines", [1, 40, 97])
def test_killed_batch_save_printed_what_it_saved_and_a_rerun_adds_nothing_twice(store_url, tmp_path, after_lines):
    batch = tmp_path / "batch.ndjson"
    _batch(batch)
    open_store(store_url).close()
    command = [sys.executable, "-m", "parcours", "icope", "score", "--batch", "--save", str(batch)]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_env(store_url))
    printed = [run.stdout.readline() for _ in range(after_lines)]
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    printed += run.stdout.read().splitlines(keepends=True)  # whatever was flushed before the kill
    run.stdout.close()
    assert run.returncode == -signal.SIGKILL
    saved = _records(store_url)
    assert all(line.endswith(b"\n") for line in printed)
    assert len(printed) <= saved <= len(printed) + 1  # printed = committed (one may be committed, unprinted)
    again = subprocess.run(command, capture_output=True, env=_env(store_url), timeout=300, check=False)
    assert again.returncode == 0
    assert again.stdout.count(b"\n") == BATCH  # every line printed, the saved ones too
    assert again.stderr.count(b"already stored") == saved  # said so, line by line
    assert _records(store_url) == BATCH  # nothing twice
    with open_store(store_url) as store:
        assert check_database(store.engine) == []


def test_saving_the_same_file_twice_stores_it_once(store_url):
    screening = str(EXAMPLES / "screening.json")
    doc = orjson.loads((EXAMPLES / "screening.json").read_bytes())
    doc["patient"] = {"identifier": {"system": INS_TEST_SYSTEM, "value": "244057512345692"}}
    runs = [subprocess.run([sys.executable, "-m", "parcours", "icope", "score", "--save", "-"], input=orjson.dumps(doc),
                           capture_output=True, env=_env(store_url), timeout=120, check=False) for _ in range(2)]
    plain = subprocess.run([sys.executable, "-m", "parcours", "icope", "score", screening], capture_output=True,
                           env=_env(store_url), timeout=120, check=False)
    assert [r.returncode for r in runs] == [0, 0]
    assert runs[0].stdout == runs[1].stdout == plain.stdout  # interchange.md §0: the command's own output
    assert runs[0].stderr == b"" and b"already stored for this patient" in runs[1].stderr
    assert _records(store_url) == 1


def test_a_deleted_record_can_be_saved_again(store_url):
    doc = orjson.loads((EXAMPLES / "screening.json").read_bytes())
    doc["patient"] = {"identifier": {"system": INS_TEST_SYSTEM, "value": "244057512345692"}}
    with open_store(store_url) as store:
        first = store.save_document(RecordKind.ICOPE_SCREENING, doc, actor="a")
        store.delete_record(first.record_id, reason="saisie erronée", actor="a")
        again = store.save_document(RecordKind.ICOPE_SCREENING, doc, actor="a")
        assert not again.duplicate and again.record_id != first.record_id


# --- parcours demo ------------------------------------------------------------------------------
DEMO = """
import sys
import parcours.store.demo as demo
demo.PARALLEL_FROM = demo.DEFER_INDEXES_FROM = 1000  # workers and set-aside indexes, at a test's size
demo.CHUNK = 1000
from parcours.cli import main
sys.exit(main(["demo", "--patients", sys.argv[1], *sys.argv[2:]]))
"""


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the workers")
def test_killed_demo_leaves_no_worker_and_the_next_demo_succeeds(tmp_path):
    url = f"sqlite:///{tmp_path}/demo.db"
    open_store(url).close()
    demo = subprocess.Popen([sys.executable, "-c", DEMO, "20000"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=_env(url))
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        workers |= _children(demo.pid)
        if len(workers) >= 2 and _patients(url) > 0:  # the workers are writing
            break
        time.sleep(0.05)
    assert len(workers) >= 2 and _patients(url) > 0
    os.kill(demo.pid, signal.SIGKILL)
    demo.wait(timeout=30)
    deadline = time.monotonic() + 2  # an orphan would finish its chunk (and the next ones) first
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)  # they died with their parent
    before = _patients(url)
    time.sleep(1)
    assert _patients(url) == before  # nobody writes any more
    assert 0 < before < 20000
    # another seed: the same one would find its people loaded and add nobody (issue 18, demo run twice)
    second = subprocess.run([sys.executable, "-c", DEMO, "1500", "--seed", "7"], capture_output=True, env=_env(url),
                            timeout=300, check=False)
    assert second.returncode == 0, second.stderr
    assert _patients(url) == before + 1500
    with open_store(url) as store:
        assert check_database(store.engine) == []


def _patients(url: str) -> int:
    import sqlite3

    path = url.removeprefix("sqlite:///")
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10) as conn:
            return conn.execute("SELECT count(*) FROM patients").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_a_save_during_a_demo_load_collides_with_nothing(store_url, monkeypatch):
    """Another writer takes ids the load had planned: the load's next chunk moves to fresh ids."""
    import parcours.store.demo as demo

    monkeypatch.setattr(demo, "CHUNK", 40)
    doc = orjson.loads((EXAMPLES / "screening.json").read_bytes())
    other = open_store(store_url)
    saved = []

    def save_between_chunks(done: int) -> None:
        body = f"2440575{done:06d}"
        doc["patient"] = {"identifier": {"system": INS_TEST_SYSTEM, "value": body + ins_key(body)}}
        saved.append(other.save_document(RecordKind.ICOPE_SCREENING, doc, actor="poste"))

    try:
        with open_store(store_url) as store:
            added = demo.generate(store, 200, seed=9, workers=1, progress=save_between_chunks)
            assert added == 200 and len(saved) > 3
            assert check_database(store.engine) == []
            with store.engine.connect() as conn:
                assert conn.execute(text("SELECT count(*) FROM patients")).scalar() == 200 + len(saved)
            for one in saved:  # each save is whole, its patient its own
                kinds = [d.kind for d in store.patient_records(one.patient_id).documents]
                assert [k for k in kinds if k != RecordKind.ICOPE_ALERT] == [RecordKind.ICOPE_SCREENING]
    finally:
        other.close()


BATCH_WRITERS = 8


def test_eight_batch_writers_on_the_same_lines_all_finish(store_url, tmp_path):
    """Eight `--batch --save` runs of the same 40 documents in different orders, at once.

    Issue 20: on PostgreSQL one of eight writers stopped at line 44 with nothing printed.
    """
    import random

    batch = tmp_path / "batch.ndjson"
    _batch(batch)
    lines = batch.read_bytes().splitlines()[:40]
    open_store(store_url).close()
    runs = []
    for n in range(BATCH_WRITERS):
        mine = tmp_path / f"writer{n}.ndjson"
        shuffled = lines[:]
        random.Random(n).shuffle(shuffled)
        mine.write_bytes(b"\n".join(shuffled) + b"\n")
        runs.append(subprocess.Popen(
            [sys.executable, "-m", "parcours", "icope", "score", "--batch", "--save", str(mine)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(store_url)))
    outputs = [run.communicate(timeout=300) for run in runs]
    errors = [line for _, err in outputs for line in err.splitlines() if b"already stored" not in line]
    assert [run.returncode for run in runs] == [0] * BATCH_WRITERS, errors + [o for o, _ in outputs if b"error" in o]
    assert all(out.count(b"\n") == len(lines) for out, _ in outputs)  # every line printed by every writer
    assert sum(err.count(b"already stored") for _, err in outputs) == len(lines) * (BATCH_WRITERS - 1)
    assert _records(store_url) == len(lines)
    with open_store(store_url) as store:
        assert check_database(store.engine) == []
