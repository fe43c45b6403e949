"""`parcours report --patient ID --db URL`: the history of a patient saved in a scratch SQLite store."""

from __future__ import annotations

import pathlib

import orjson

from parcours.core.records import RecordKind
from parcours.store import open_store

from .conftest import EXAMPLES, flat
from .test_reports_cli import cli


def test_patient_history_from_the_database(tmp_path: pathlib.Path) -> None:
    url = f"sqlite:///{tmp_path / 'parcours.db'}"
    followup = orjson.loads(EXAMPLES["followup"].read_bytes())
    store = open_store(url)
    try:
        patient_id = None
        for screening in followup["screenings"]:
            saved = store.save_document(RecordKind.ICOPE_SCREENING, {**screening, "patient": followup["patient"]},
                                        actor="test", patient_id=patient_id)
            patient_id = saved.patient_id
    finally:
        store.close()
    out = tmp_path / "history.pdf"
    run = cli("report", "--patient", "244055751234577", "--db", url, "-o", str(out))
    assert run.returncode == 0 and run.stdout == b"" and run.stderr == b"", run.stderr
    text = flat(out.read_bytes())
    assert "Historique du patient" in text and "MARTIN Jeanne" in text and "18/11/2025" in text
    assert "Prochain dépistage (étape 1) à faire le 20/05/2027" in text and "page 1/" in text
    unknown = cli("report", "--lang", "en", "--patient", "nobody", "--db", url, "-o", str(tmp_path / "n.pdf"))
    # a key that may be personal: masked
    assert unknown.returncode == 2 and unknown.stderr.decode().startswith("--patient: unknown patient: •••")
    assert not (tmp_path / "n.pdf").exists()
