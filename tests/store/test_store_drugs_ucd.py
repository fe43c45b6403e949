"""The UCD correspondence in the store (docs/medisis.md §7.3): loaded with the BDPM in one transaction, each
UCD13 linked to its specialty through a CIP13 or a CIS of that BDPM; `find_drugs` answers a UCD13 or a UCD7
with the specialty filled like a CIP13 lookup, and the UCD13; a bad file changes nothing. SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from sqlalchemy import select

from medisis.ucd import parse_columns
from parcours.store import open_store
from parcours.store.drugs import DrugFileError
from parcours.store.schema import drug_imports

DATA = Path(__file__).resolve().parents[1] / "medisis" / "data"
BDPM, UCD = DATA / "bdpm", DATA / "cip_ucd.csv"
COLUMNS = parse_columns("Code UCD,Code CIP13")


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    try:
        yield s
    finally:
        s.close()


def test_a_ucd13_or_ucd7_finds_its_specialty_filled(store):
    steps = []
    done = store.import_drugs(str(BDPM), actor="test", progress=lambda d, t: steps.append((d, t)), ucd=str(UCD),
                              ucd_columns=COLUMNS)
    assert steps[-1] == (20, 20)  # 7 specialties, 7 packs, 6 UCD codes
    assert (done.ucd.links, done.ucd.encoding, done.ucd.separator, done.ucd.header) == (6, "utf-8", ";", True)
    assert done.ucd.skipped == {"ucd_check_digit": (1, 7, "3400899100016"),
                                "link_check_digit": (1, 8, "3400991000061"),
                                "not_in_bdpm": (1, 10, "3400991000084")}
    assert store.ucd_count() == 6  # line 11 repeats line 2: stored once
    (furo,) = store.find_drugs("3400899100015")
    assert (furo.cis, furo.atc, furo.form, furo.route, furo.dose_value, furo.dose_unit, furo.ucd13, furo.cip13) == (
        "61000001", "C03CA01", "comprimé sécable", "oral", 40.0, "mg", "3400899100015", None)
    (by_cip,) = store.find_drugs("3400991000015")
    assert (by_cip.cis, by_cip.atc, by_cip.dose_value) == (furo.cis, furo.atc, furo.dose_value)  # filled alike
    (alpr,) = store.find_drugs(" 9910003 ")  # the UCD7 of line 4
    assert (alpr.cis, alpr.ucd13, alpr.dose_value) == ("61000003", "3400899100039", 0.25)
    assert store.find_drugs("3400899100016") == []  # wrong check digit
    assert store.find_drugs("3400899100084") == []  # its pack is not in the BDPM: skipped
    assert store.find_drugs("9919999") == []
    with store.engine.connect() as conn:
        files = orjson.loads(conn.execute(select(drug_imports.c.files).order_by(drug_imports.c.id.desc())).scalar())
    assert files["cip_ucd.csv"] == {"encoding": "utf-8", "ucd": 6, "skipped": 3}


def test_a_ucd_linked_by_cis_and_to_two_specialties(store, tmp_path):
    both = tmp_path / "ucd.txt"
    both.write_text("UCD\tCIS\n3400899100015\t61000001\n3400899100015\t61000002\n9910005\t61000005\n",
                    encoding="utf-8")
    done = store.import_drugs(str(BDPM), actor="test", ucd=str(both))  # the header names the columns
    assert done.ucd.links == 3 and not done.ucd.skipped
    assert [m.cis for m in store.find_drugs("3400899100015")] == ["61000002", "61000001"]  # by name
    assert [m.cis for m in store.find_drugs("3400899100015", limit=1)] == ["61000002"]
    (oed,) = store.find_drugs("3400899100053")
    assert (oed.cis, oed.dose_value, oed.dose_unit) == ("61000005", 500.0, "ug")


def test_an_import_without_ucd_replaces_the_correspondence_too(store):
    store.import_drugs(str(BDPM), actor="test", ucd=str(UCD), ucd_columns=COLUMNS)
    done = store.import_drugs(str(BDPM), actor="test")
    assert done.ucd is None and store.ucd_count() == 0 and store.find_drugs("3400899100015") == []
    assert store.drug_count() == 7


@pytest.mark.parametrize(("content", "columns", "problem", "params"), [
    (None, None, "ucd_missing", {}),
    (b"", None, "ucd_empty", {}),
    (b"3400899100015;3400991000015\n", None, "ucd_unnamed_columns", {"line": 1}),
    (b"UCD;CIP13\n3400899100016;3400991000015\n9910003;3400991000084\n", None, "ucd_unusable",
     {"skipped": 2, "line": 2, "reason": "ucd_check_digit", "value": "3400899100016"}),
    (b"UCD;CIP13\n9910003;3400991000084\n", None, "ucd_unusable",
     {"skipped": 1, "line": 2, "reason": "not_in_bdpm", "value": "3400991000084"}),
    (b"UCD;CIP13\n9910003;3400991000039\n", "UCD,CIP", "ucd_column_missing",
     {"column": "CIP", "line": 1, "header": "UCD | CIP13"}),
])
def test_a_bad_ucd_file_is_named_and_nothing_changes(store, tmp_path, content, columns, problem, params):
    store.import_drugs(str(BDPM), actor="test", ucd=str(UCD), ucd_columns=COLUMNS)
    bad = tmp_path / "ucd.csv"
    if content is not None:
        bad.write_bytes(content)
    with pytest.raises(DrugFileError) as caught:
        store.import_drugs(str(BDPM), actor="test", ucd=str(bad), ucd_columns=columns and parse_columns(columns))
    assert caught.value.params == {"file": str(bad), "problem": problem, **params}
    assert store.drug_count() == 7 and store.ucd_count() == 6 and store.find_drugs("3400899100015")
