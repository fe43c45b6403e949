"""Issue 16 (interchange.md §5.4 item 3, §5.5 revised): one id per real thing on both load paths,
corrections keep ids and bump versions, `--since` sends what changed and deletes what was deleted.

The recipe of docs/fhir.md "Loading into a server" is run as written against the loopback server.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import select, update

from fhir_export.bulk import export_bulk

TIME = "2026-12-01T10:00:00+00:00"


def _export(store: Any, out: Path, since: datetime | None = None) -> dict[str, Any]:
    out.mkdir()
    if since is None:
        return export_bulk(store.iter_patient_records(), out, transaction_time=TIME)
    return export_bulk(store.iter_changed_records(since), out, transaction_time=TIME,
                       deleted=store.iter_deleted_records(since))


def _correct(store: Any, record_id: str, document: dict[str, Any]) -> None:
    """What `parcours records correct` does to the row (docs/fhir.md "For the store"): new document,
    version + 1, updated_at now, fhir_key untouched."""
    from fhir_export.ids import doc_hash
    from parcours.store.schema import records

    with store.engine.begin() as conn:
        version = conn.execute(select(records.c.version).where(records.c.id == int(record_id))).scalar_one()
        conn.execute(update(records).where(records.c.id == int(record_id)).values(
            document=orjson.dumps(document).decode(), document_hash=doc_hash(document), version=version + 1,
            updated_at=datetime.now(UTC)))


@pytest.fixture
def saved(fx, store_url):
    from parcours.core.records import RecordKind
    from parcours.store import open_store

    store = open_store(store_url)
    doc = fx.with_context("score", fx.SAMPLES["score"][0])
    saved = store.save_document(RecordKind.ICOPE_SCREENING, doc, actor="test")
    yield store, doc, saved
    store.close()


def test_bundle_and_export_ids_agree_and_survive_a_correction(fx, saved, tmp_path):
    store, doc, record = saved
    bundle = orjson.loads(fx.fhir("score", doc))
    bundle_ids = {(e["resource"]["resourceType"], e["resource"]["id"]) for e in bundle["entry"]}
    first = fx.read_export(_export(store, tmp_path / "a") and tmp_path / "a")
    export_ids = {(t, r["id"]) for t, rs in first.items() for r in rs}
    assert bundle_ids <= export_ids  # the same record, the same ids on both paths
    assert all(r["meta"]["versionId"] == "1" and r["meta"]["lastUpdated"].endswith("Z")
               for rs in first.values() for r in rs)
    panel = next(o for o in first["Observation"] if o["code"]["coding"][0]["code"] == "screening")
    assert panel["performer"][0]["reference"].startswith("PractitionerRole/")
    assert {"Organization", "PractitionerRole", "Practitioner"} <= first.keys()

    before = datetime.now(UTC) - timedelta(seconds=1)
    corrected = dict(doc, administered_by="nurse" if doc.get("administered_by") != "nurse" else "self")
    _correct(store, record.record_id, corrected)
    second = fx.read_export(_export(store, tmp_path / "b", since=before) and tmp_path / "b")
    panel2 = next(o for o in second["Observation"] if o["code"]["coding"][0]["code"] == "screening")
    assert panel2["id"] == panel["id"] and panel2["meta"]["versionId"] == "2"
    assert panel2["method"] != panel.get("method")
    assert not (tmp_path / "b" / "deleted.ndjson").exists()
    # nothing changed after now: an empty incremental export
    later = datetime.now(UTC) + timedelta(seconds=1)
    assert _export(store, tmp_path / "c", since=later)["output"] == []


def test_deleted_record_is_listed_for_deletion(fx, saved, tmp_path):
    store, _doc, record = saved
    full = fx.read_export(_export(store, tmp_path / "a") and tmp_path / "a")
    own = {f"{t}/{r['id']}" for t, rs in full.items() for r in rs
           if t not in ("Patient", "Practitioner", "PractitionerRole", "Organization")}
    before = datetime.now(UTC) - timedelta(seconds=1)
    store.delete_record(record.record_id, reason="wrong patient", actor="test")
    manifest = _export(store, tmp_path / "b", since=before)
    assert manifest["deleted"] == [{"type": "Bundle", "url": "deleted.ndjson"}]
    lines = (tmp_path / "b" / "deleted.ndjson").read_bytes().splitlines()
    bundle = orjson.loads(lines[0])
    assert bundle["type"] == "transaction"
    assert {e["request"]["method"] for e in bundle["entry"]} == {"DELETE"}
    assert {e["request"]["url"] for e in bundle["entry"]} == own


def test_cli_since_accepts_instants_and_days(tmp_path):
    from parcours.cli import iso_instant

    assert iso_instant("2026-12-01T10:00:00+01:00") == datetime(2026, 12, 1, 9, tzinfo=UTC)
    assert iso_instant("2026-12-01T09:00:00Z") == datetime(2026, 12, 1, 9, tzinfo=UTC)
    day = iso_instant("2026-12-01")
    assert day.tzinfo is not None and (day.hour, day.minute) == (0, 0)
    with pytest.raises(ValueError):
        iso_instant("2026-12-01T10:00:00")  # no offset: which 10:00 is not guessed


def _load_ndjson(server: Any, folder: Path) -> None:
    """docs/fhir.md recipe, step 1: every NDJSON line as `PUT <type>/<id>` in batch Bundles."""
    entries = []
    for path in sorted(folder.glob("*.ndjson")):
        if path.name == "deleted.ndjson":
            continue
        for line in path.read_bytes().splitlines():
            res = orjson.loads(line)
            entries.append({"resource": res, "request": {"method": "PUT", "url": f"{res['resourceType']}/{res['id']}"}})
    status, answer = server.request("POST", "", {"resourceType": "Bundle", "type": "batch", "entry": entries})
    assert status == 200 and all(e["response"]["status"][:1] == "2" for e in answer["entry"]), answer


def _load_deleted(server: Any, folder: Path) -> None:
    """docs/fhir.md recipe, step 2: POST each line of deleted.ndjson (a transaction Bundle) as is."""
    for line in (folder / "deleted.ndjson").read_bytes().splitlines():
        status, answer = server.request("POST", "", orjson.loads(line))
        assert status == 200, answer


def test_recipe_against_the_loopback_server(fx, fhir_server, saved, tmp_path):
    store, doc, record = saved
    ident = doc["patient"]["identifier"]
    # a Bundle (--format fhir) and the NDJSON export of the same person: one Patient
    status, answer = fhir_server.request("POST", "", orjson.loads(fx.fhir("score", doc)))
    assert status == 200, answer
    _export(store, tmp_path / "a")
    _load_ndjson(fhir_server, tmp_path / "a")
    status, found = fhir_server.request("GET", f"/Patient?identifier={ident['system']}|{ident['value']}")
    assert status == 200 and len(found.get("entry", [])) == 1, found
    exported = fx.read_export(tmp_path / "a")
    panel = next(o for o in exported["Observation"] if o["code"]["coding"][0]["code"] == "screening")
    status, stored = fhir_server.request("GET", f"/Observation/{panel['id']}")
    assert status == 200 and stored["meta"]["versionId"]
    # a correction, re-loaded incrementally: same id, new content
    before = datetime.now(UTC) - timedelta(seconds=1)
    corrected = dict(doc, administered_by="nurse" if doc.get("administered_by") != "nurse" else "self")
    _correct(store, record.record_id, corrected)
    _export(store, tmp_path / "b", since=before)
    _load_ndjson(fhir_server, tmp_path / "b")
    status, again = fhir_server.request("GET", f"/Observation/{panel['id']}")
    assert status == 200 and again["method"]["coding"][0]["code"] == corrected["administered_by"]
    assert again["meta"]["versionId"] != stored["meta"]["versionId"]
    # a deletion: deleted.ndjson removes the record's resources
    before = datetime.now(UTC) - timedelta(seconds=1)
    store.delete_record(record.record_id, reason="entered in error", actor="test")
    _export(store, tmp_path / "c", since=before)
    _load_deleted(fhir_server, tmp_path / "c")
    status, _gone = fhir_server.request("GET", f"/Observation/{panel['id']}")
    assert status in (404, 410)


def test_orders_close_and_results_point_at_them(fx, saved, tmp_path):
    """§5.5 "Orders close": a later assessment of the domain completes the step-2 order (its
    Observation `basedOn` it); the next screening completes the re-screen (its panel `basedOn` it)."""
    from parcours.core.records import RecordKind

    store, doc, record = saved
    patient = store.patient_records(record.patient_id)
    screening = next(d for d in patient.documents if d.kind is RecordKind.ICOPE_SCREENING)
    assert screening.result["step2"], "the sample screening proposes a step 2"
    domain = screening.result["step2"][0]["domain"]
    instrument = {"cognition": "mmse", "psychology": "phq9", "nutrition": "mna_sf", "locomotion": "sppb"}[domain]
    assessment = next(a for a in fx.SAMPLES["assess"] if a["instrument"] == instrument)
    store.save_document(RecordKind.ICOPE_ASSESSMENT, {**assessment, "date": doc["date"],
                                                      "patient": doc["patient"]}, actor="test")
    later = {**doc, "date": "2026-11-26"}
    store.save_document(RecordKind.ICOPE_SCREENING, later, actor="test")
    out = fx.read_export(_export(store, tmp_path / "a") and tmp_path / "a")
    requests = {r["id"]: r for r in out["ServiceRequest"]}
    step2 = [r for r in out["ServiceRequest"] if r["code"]["coding"][0]["code"] == domain
             and r["authoredOn"] == doc["date"]]
    assert step2 and step2[0]["status"] == "completed"
    obs = next(o for o in out["Observation"] if o["code"]["coding"][-1]["code"] == instrument)
    assert obs["basedOn"] == [{"reference": f"ServiceRequest/{step2[0]['id']}"}]
    panels = sorted((o for o in out["Observation"] if o["code"]["coding"][0]["code"] == "screening"),
                    key=lambda o: o["effectiveDateTime"])
    assert "basedOn" not in panels[0]
    rescreen = requests[panels[1]["basedOn"][0]["reference"].split("/")[1]]
    assert rescreen["status"] == "completed" and rescreen["authoredOn"] == doc["date"]


def test_weights_labs_allergies_and_dated_risks(fx, store_url, tmp_path):
    from parcours.core.records import RecordKind
    from parcours.store import open_store

    doc = {**fx.SAMPLES["score"][0]}
    doc["nutrition"] = {**doc["nutrition"], "weight_kg": 61.5}
    screening = orjson.loads(fx.fhir("score", doc))
    weights = [e["resource"] for e in screening["entry"] if e["resource"]["resourceType"] == "Observation"
               and e["resource"]["code"]["coding"][0]["code"] == "29463-7"]
    assert [w["valueQuantity"] for w in weights] == [
        {"value": 61.5, "unit": "kg", "system": "http://unitsofmeasure.org", "code": "kg"}]
    reconcile = orjson.loads(fx.fhir("reconcile", fx.SAMPLES["reconcile"][0]))
    codes = {e["resource"]["code"]["coding"][0]["code"]: e["resource"] for e in reconcile["entry"]
             if e["resource"]["resourceType"] == "Observation"}
    clinical = fx.SAMPLES["reconcile"][0]["patient"]
    assert codes["29463-7"]["valueQuantity"]["value"] == clinical["weight_kg"]
    assert codes["62238-1"]["valueQuantity"]["value"] == clinical["egfr"]
    assert codes["14682-9"]["valueQuantity"]["value"] == clinical["creatinine_umol_l"]
    assert codes["2823-3"]["valueQuantity"]["value"] == clinical["potassium_mmol_l"]
    allergies = [e["resource"] for e in reconcile["entry"] if e["resource"]["resourceType"] == "AllergyIntolerance"]
    assert [a["code"]["text"] for a in allergies] == clinical["allergies"]
    # two risk evaluations on different dates: two records, two Observations, dated
    store = open_store(store_url)
    try:
        risk = fx.with_context("risk", fx.SAMPLES["risk"][0])
        for day in ("2026-11-02", "2026-11-20"):
            store.save_document(RecordKind.MEDISIS_RISK, {**risk, "date": day}, actor="test")
        out = fx.read_export(_export(store, tmp_path / "r") and tmp_path / "r")
    finally:
        store.close()
    assert sorted(o["effectiveDateTime"] for o in out["Observation"]) == ["2026-11-02", "2026-11-20"]
    assert sorted(r["occurrenceDateTime"] for r in out["RiskAssessment"]) == ["2026-11-02", "2026-11-20"]
    bundle = orjson.loads(fx.fhir("risk", {**risk, "date": "2026-11-20"}))
    assert {e["resource"]["id"] for e in bundle["entry"]} <= {r["id"] for rs in out.values() for r in rs}


def test_saved_record_without_professional_has_no_performer_but_its_site(fx, store_url, tmp_path):
    """§5.5 "Who and where": performer = the record's professional, else none; the site is an Organization."""
    from parcours.core.records import RecordKind
    from parcours.store import open_store

    store = open_store(store_url)
    try:
        doc = {**fx.with_context("score", fx.SAMPLES["score"][0])}
        del doc["practitioner"]
        store.save_document(RecordKind.ICOPE_SCREENING, doc, actor="test")
        out = fx.read_export(_export(store, tmp_path / "a") and tmp_path / "a")
    finally:
        store.close()
    assert not any("performer" in o for o in out["Observation"])
    (org,) = out["Organization"]
    assert org["identifier"][0] == {"use": "official", "type": org["identifier"][0]["type"],
                                    "system": "https://finess.esante.gouv.fr", "value": doc["organization"]["finess"]}
    step2 = [r for r in out["ServiceRequest"] if "requester" in r]
    assert all(r["requester"] == {"reference": f"Organization/{org['id']}"} for r in step2)


def test_cli_incremental_export_and_deleted_patient(fx, saved, tmp_path, capsys):
    """`export fhir --since INSTANT` through the CLI handler on a real database; a deleted patient's
    Patient and records are all listed for deletion."""
    from parcours.cli import iso_instant
    from parcours.cli.export_commands import export_fhir

    store, _doc, record = saved
    full = fx.read_export(_export(store, tmp_path / "full") and tmp_path / "full")
    since = iso_instant((datetime.now(UTC) - timedelta(seconds=1)).isoformat(timespec="seconds"))
    store.delete_patient(record.patient_id, reason="duplicate", actor="test")
    url = store.engine.url.render_as_string(hide_password=False)
    args = argparse.Namespace(out=str(tmp_path / "delta"), patient=[], since=since, dated_from=None, validate=True,
                              db=url)
    assert export_fhir(args, "en") == 0, capsys.readouterr().err
    manifest = orjson.loads((tmp_path / "delta" / "export.json").read_bytes())
    assert manifest["output"] == [] and manifest["request"] == f"parcours export fhir --since {since.isoformat()}"
    (line,) = (tmp_path / "delta" / "deleted.ndjson").read_bytes().splitlines()
    urls = {e["request"]["url"] for e in orjson.loads(line)["entry"]}
    shared = ("Practitioner", "PractitionerRole", "Organization")
    assert urls == {f"{t}/{r['id']}" for t, rs in full.items() if t not in shared for r in rs}
