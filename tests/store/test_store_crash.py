"""A writer killed with SIGKILL mid-entry: the database stays sound and the draft is there."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from parcours.store import open_store
from parcours.store.check import check_database

WRITER = """
import sys
from parcours.store import open_store
store = open_store(sys.argv[1])
draft = None
for n in range(1, 100000):
    data = {"date": "2026-11-20", "locomotion": {"chair_rise_seconds": n / 10}, "changes": n}
    draft = store.save_draft("icope.screening", data, actor="nurse", draft_id=draft)
    if n == 20:
        print("ready", flush=True)
"""


def test_sigkill_mid_entry_keeps_the_draft(store_url):
    open_store(store_url).close()  # migrate first: the writer only saves drafts
    writer = subprocess.Popen([sys.executable, "-c", WRITER, store_url], stdout=subprocess.PIPE)
    try:
        assert writer.stdout.readline().strip() == b"ready"
        time.sleep(0.3)  # let it write a few hundred more changes
        os.kill(writer.pid, signal.SIGKILL)
    finally:
        writer.wait(timeout=30)
        writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL
    store = open_store(store_url)
    try:
        assert check_database(store.engine) == []
        [draft] = store.list_drafts(kind="icope.screening")
        changes = draft.data["changes"]
        assert changes >= 20 and draft.version == changes  # every committed change, in order
        assert draft.data["locomotion"]["chair_rise_seconds"] == changes / 10
    finally:
        store.close()
