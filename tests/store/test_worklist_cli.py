"""`parcours worklist …` prints the store's worklists (the TUI's), and `patients show --json` the alerts.

On SQLite and PostgreSQL (the store tests' two databases), in a subprocess; the expected rows are
read through the store API the TUI's home screen uses.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from datetime import date

import orjson
import pytest

from parcours.messages import message
from parcours.store import open_store
from parcours.store.demo import DEMO_SITES, generate
from parcours.store.worklists import due_window

TODAY = date(2026, 12, 1)
SITE = DEMO_SITES[0][0]
NAMES = {
    "due": "due_for_rescreening",
    "alerts": "open_alerts",
    "positive-without-step2": "positive_without_step2",
    "review30": "awaiting_30day_review",
    "discharges-without-reconciliation": "discharges_without_reconciliation",
}
_databases = itertools.count(1)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo_url(request, tmp_path_factory):
    """A demo database (120 patients) shared by the module's tests, on each of the two engines."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('worklist')}/demo.db"
    else:
        from sqlalchemy import create_engine, text

        server = request.getfixturevalue("pg_server")
        name = f"parcours_worklist_{os.getpid()}_{next(_databases)}"
        admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = server.url(name)
    store = open_store(url)
    try:
        generate(store, 120, seed=5)
    finally:
        store.close()
    return url


def run(*args: str, db: str, lang: str = "fr") -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(PARCOURS_DATABASE_URL=db, PARCOURS_TODAY=TODAY.isoformat())
    return subprocess.run([sys.executable, "-m", "parcours", *args, "--lang", lang], capture_output=True, env=env,
                          timeout=120, check=False)


def expected(url: str, name: str, site: str | None = None) -> list[tuple[str, str, str]]:
    store = open_store(url)
    try:
        extra = dict(zip(("start", "end"), due_window(TODAY), strict=True)) if name == "due" else {}
        rows = getattr(store, NAMES[name])(site=site, limit=100_000, **extra)
    finally:
        store.close()
    return [(r.patient_id, r.due.isoformat(), r.detail) for r in rows]


@pytest.mark.parametrize("name", list(NAMES))
def test_json_is_the_stores_worklist_in_its_order(demo_url, name):
    done = run("worklist", name, "--json", db=demo_url)
    assert done.returncode == 0, done.stderr
    rows = orjson.loads(done.stdout)
    want = expected(demo_url, name)
    assert want, name  # the demo fills every list
    assert [(r["patient_id"], r["date"], r["detail"]) for r in rows] == want


def test_site_filter_and_limit(demo_url):
    rows = orjson.loads(run("worklist", "alerts", "--site", SITE, "--json", db=demo_url).stdout)
    assert [(r["patient_id"], r["date"], r["detail"]) for r in rows] == expected(demo_url, "alerts", SITE)
    assert {r["site"] for r in rows} <= {SITE}
    assert all(f'{r["rule"]}:{r["domain"]}' == r["detail"] for r in rows)
    first = orjson.loads(run("worklist", "due", "--limit", "3", "--json", db=demo_url).stdout)
    assert [(r["patient_id"], r["date"], r["detail"]) for r in first] == expected(demo_url, "due")[:3]


def test_table_has_headings_in_the_users_language(demo_url):
    fr = run("worklist", "positive-without-step2", db=demo_url).stdout.decode().splitlines()
    assert fr[0].startswith("Positifs sans étape 2 — tous les sites — ")
    assert fr[1].split() == ["ID", "NOM", "PRÉNOM", "NAISSANCE", "SITE", "DÉPISTÉ", "LE", "DÉTAIL"]
    en = run("worklist", "alerts", db=demo_url, lang="en").stdout.decode().splitlines()
    assert en[0].startswith("Open alerts — all sites — ")
    assert en[1].split() == ["ID", "FAMILY", "GIVEN", "BORN", "SITE", "RAISED", "ON", "DETAIL"]
    want = expected(demo_url, "alerts")
    assert len(en) == 2 + len(want)
    patient, day, detail = want[0]
    first = en[2]
    assert first.startswith(patient) and date.fromisoformat(day).strftime("%d/%m/%Y") in first
    rule, _, domain = detail.partition(":")
    assert first.endswith(f"{rule} {message(f'icope.domain.{domain}', 'en')}")


def test_unknown_site_exits_2_naming_it(demo_url):
    done = run("worklist", "due", "--site", "999999999", db=demo_url, lang="en")
    assert done.returncode == 2 and b"999999999" in done.stderr and done.stdout == b""


def test_patients_show_json_lists_the_stored_alerts(demo_url):
    open_rows = expected(demo_url, "alerts")
    patient_id = open_rows[0][0]
    shown = orjson.loads(run("patients", "show", patient_id, "--json", db=demo_url).stdout)
    alerts = shown["alerts"]
    stored = [d for d in shown["records"] if d["kind"] == "icope.alert"]
    assert len(alerts) == len(stored) > 0
    assert [(a["id"], a["rule"], a["domain"], a["date"]) for a in alerts] == [
        (d["id"], d["document"]["rule"], d["document"]["domain"], d["date"]) for d in stored]
    assert {(patient_id, a["date"], f'{a["rule"]}:{a["domain"]}') for a in alerts if a["open"]} == {
        row for row in open_rows if row[0] == patient_id}
    assert all(set(a) == {"id", "rule", "domain", "status", "stage", "open", "date"} for a in alerts)

    assert all(a["status"] == "open" and a["stage"] in ("new", "confirmed") for a in alerts if a["open"])
    target = next(a for a in alerts if a["open"])
    store = open_store(demo_url)
    try:
        store.set_alert_status(target["id"], "closed", actor="test")
    finally:
        store.close()
    again = orjson.loads(run("patients", "show", patient_id, "--json", db=demo_url).stdout)["alerts"]
    changed = next(a for a in again if a["id"] == target["id"])
    assert changed["status"] == "closed" and changed["open"] is False
