"""Worklists page through everything exactly once; counts agree with the stored results."""

from __future__ import annotations

from datetime import date

import pytest

from parcours.core.records import RecordKind
from parcours.store import open_store
from parcours.store.demo import DEMO_SITES, generate

SITE = DEMO_SITES[0][0]
HOSPITAL = DEMO_SITES[2][0]


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('wl')}/demo.db")
    generate(store, 400, seed=7)
    yield store
    store.close()


def pages(fetch, **kw):
    rows, after = [], None
    while True:
        page = fetch(after=after, limit=7, **kw)
        rows += page
        if len(page) < 7:
            return rows
        after = page[-1].cursor


@pytest.mark.parametrize("name, kw", [
    ("due_for_rescreening", {"site": SITE, "start": date(2026, 1, 1), "end": date(2027, 12, 31)}),
    ("due_for_rescreening", {"start": date(2026, 6, 1), "end": date(2026, 12, 31)}),
    ("open_alerts", {"site": SITE}),
    ("positive_without_step2", {}),
    ("discharges_without_reconciliation", {"site": HOSPITAL}),
    ("awaiting_30day_review", {}),
])
def test_keyset_pages_equal_one_big_page(demo_store, name, kw):
    fetch = getattr(demo_store, name)
    everything = fetch(limit=100_000, **kw)
    assert everything, name  # the demo has rows in every worklist
    assert pages(fetch, **kw) == everything
    dues = [r.due for r in everything]
    assert dues == sorted(dues)


def test_due_rows_match_patients(demo_store):
    rows = demo_store.due_for_rescreening(site=SITE, start=date(2026, 12, 1), end=date(2026, 12, 31), limit=1000)
    for row in rows[:20]:
        patient = demo_store.get_patient(row.patient_id)
        assert patient.site == SITE and patient.next_step1_due == row.due
        assert date(2026, 12, 1) <= row.due <= date(2026, 12, 31)


def test_population_counts_agree_with_records(demo_store):
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    counts = demo_store.population_counts(site=SITE, start=start, end=end)
    screened, positive = 0, dict.fromkeys(counts.positive, 0)
    for records in demo_store.iter_patient_records():
        for doc in records.documents:
            site_ok = doc.document.get("organization") is None  # demo documents carry no context
            if doc.kind is RecordKind.ICOPE_SCREENING and start <= doc.recorded_on <= end and site_ok:
                patient = demo_store.get_patient(records.patient_id)
                if patient.site != SITE:
                    continue
                screened += 1
                for domain, outcome in doc.result["domains"].items():
                    positive[domain] += outcome["result"] == "positive"
    assert counts.screened == screened > 0
    assert counts.positive == positive
    territory = demo_store.population_counts(territory=DEMO_SITES[0][3], start=start, end=end)
    assert territory.screened >= counts.screened


def test_positive_share_is_about_ninety_percent(demo_store):
    overall = [d.result["overall"] for r in demo_store.iter_patient_records() for d in r.documents
               if d.kind is RecordKind.ICOPE_SCREENING][:400]
    share = overall.count("positive") / len(overall)
    assert 0.8 <= share <= 0.97


def test_demo_depends_on_the_seed_not_on_workers(tmp_path):
    def content(workers: int) -> list[tuple]:
        store = open_store(f"sqlite:///{tmp_path}/w{workers}.db")
        try:
            generate(store, 2100, seed=3, workers=workers)  # two chunks
            with store.engine.connect() as conn:
                from sqlalchemy import text

                return conn.execute(text("SELECT id, patient_id, kind, recorded_on, document, result FROM records "
                                         "ORDER BY id")).all()
        finally:
            store.close()

    serial, parallel = content(1), content(2)
    assert serial == parallel and len(serial) > 2100


def test_patient_search_pages(demo_store):
    everything = demo_store.search_patients("", limit=100_000)
    assert len(everything) == 400
    rows, after = [], None
    while True:
        page = demo_store.search_patients("", limit=33, after=after)
        rows += page
        if len(page) < 33:
            break
        after = page[-1].cursor
    assert rows == everything
    assert [p.family for p in everything] == sorted(p.family for p in everything)
    site_rows = demo_store.search_patients("mar", site=SITE, limit=1000)
    assert site_rows and all(p.site == SITE for p in site_rows)
    by_family = [p.family.startswith("MARTIN") for p in site_rows]  # family names first, then first names
    assert by_family == sorted(by_family, reverse=True) and by_family[0] and not by_family[-1]
    assert all(p.given[0].upper().startswith("MAR") for p in site_rows if not p.family.startswith("MAR"))


def test_daily_counts_equal_direct_counts(store_url):
    """The maintained per-day counts against a count of the rows themselves, on both databases."""
    from sqlalchemy import text

    demo_store = open_store(store_url)
    generate(demo_store, 300, seed=11)

    # a screening saved, an alert closed and a patient deleted after the demo must all be reflected
    some = demo_store.open_alerts(site=SITE, limit=3)
    demo_store.set_alert_status(some[0].cursor.partition("|")[2], "closed", actor="t")
    demo_store.delete_patient(some[1].patient_id, reason="test", actor="t")
    start, end = date(2025, 1, 1), date(2027, 12, 31)
    counts = demo_store.population_counts(site=SITE, start=start, end=end)
    with demo_store.engine.connect() as conn:
        site_id = conn.execute(text("SELECT id FROM sites WHERE finess = :f"), {"f": SITE}).scalar()
        params = {"s": site_id, "a": start, "b": end}
        screened = conn.execute(text("SELECT count(*) FROM screenings WHERE site_id = :s AND live "
                                     "AND screened_on BETWEEN :a AND :b"), params).scalar()
        vision = conn.execute(text("SELECT count(*) FROM screenings WHERE site_id = :s AND live AND vision = "
                                   "'positive' AND screened_on BETWEEN :a AND :b"), params).scalar()
        due = conn.execute(text("SELECT count(*) FROM patients WHERE site_id = :s AND deleted_at IS NULL "
                                "AND next_step1_due BETWEEN :a AND :b"), params).scalar()
        opened = conn.execute(text('SELECT count(*) FROM alerts WHERE site_id = :s AND "open" '
                                   "AND raised_on BETWEEN :a AND :b"), params).scalar()
    demo_store.close()
    assert (counts.screened, counts.positive["vision"], counts.due, counts.open_alerts) == (
        screened, vision, due, opened)
