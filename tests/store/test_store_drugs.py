"""The drug database: `import_drugs` loads the BDPM sample, replaces a previous import all or nothing,
names a missing or garbled file; `find_drugs` answers by name (accents and case ignored), CIS, CIP13."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parcours.store import open_store
from parcours.store.drugs import DRUG_FILES, DrugFileError

SAMPLE = Path(__file__).resolve().parents[1] / "medisis" / "data" / "bdpm"


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    try:
        yield s
    finally:
        s.close()


def test_import_fills_atc_form_route_and_dose(store):
    steps = []
    done = store.import_drugs(str(SAMPLE), actor="test", progress=lambda d, t: steps.append((d, t)))
    assert steps and steps[-1] == (14, 14) and steps == sorted(steps)
    assert (done.specialties, done.presentations) == (7, 7)  # the truncated CIS line and the bad CIP13 are skipped
    assert done.files["CIS_bdpm.txt"]["skipped"] == 1 and done.files["CIS_CIP_bdpm.txt"]["skipped"] == 1
    assert done.files["CIS_COMPO_bdpm.txt"]["encoding"] == "cp1252"
    (furo,) = [m for m in store.find_drugs("furosémide") if m.cis == "61000001"]
    assert (furo.atc, furo.form, furo.route, furo.dose_value, furo.dose_unit) == (
        "C03CA01", "comprimé sécable", "oral", 40.0, "mg")
    (alpr,) = store.find_drugs("ALPRAZOLAM FICTIF 0,25")
    assert (alpr.dose_value, alpr.dose_unit, alpr.atc) == (0.25, "mg", "N05BA12")
    (inj,) = [m for m in store.find_drugs("furo") if m.cis == "61000002"]
    assert inj.route is None  # two routes in the BDPM: the pharmacist picks one
    (eph,) = store.find_drugs("éphé")
    assert (eph.dose_value, eph.dose_unit) == (20.0, "mg")  # the therapeutic fraction, as the name says
    (combo,) = store.find_drugs("fictivacombi")
    assert combo.dose_value is None and combo.atc == "A10BD15"  # two substances: no single dose
    (oed,) = store.find_drugs("oedema")
    assert (oed.dose_value, oed.dose_unit, oed.atc) == (500.0, "ug", None)  # not in CIS_MITM: no ATC


def test_lookup_by_name_is_accent_and_case_insensitive_and_sorted(store):
    store.import_drugs(str(SAMPLE), actor="test")
    names = [m.name for m in store.find_drugs("FUROSEMIDE")]
    assert names == ["FUROSÉMIDE FICTIF 20 mg/2 ml, solution injectable", "FUROSÉMIDE FICTIF 40 mg, comprimé sécable"]
    assert [m.cis for m in store.find_drugs("Œdé")] == [m.cis for m in store.find_drugs("oede")] == ["61000005"]
    assert [m.cis for m in store.find_drugs("  Alpra ", limit=1)] == ["61000003"]
    assert store.find_drugs("zz") == [] and store.find_drugs("   ") == []
    assert [m.marketed for m in store.find_drugs("alpr")] == [True, False]


def test_lookup_by_cis_cip13_and_ucd13(store):
    store.import_drugs(str(SAMPLE), actor="test")
    (by_cis,) = store.find_drugs("61000003")
    assert by_cis.name.startswith("ALPRAZOLAM") and by_cis.cip13 is None
    (by_cip,) = store.find_drugs("3400991000015")
    assert by_cip.cis == "61000001" and by_cip.cip13 == "3400991000015"
    assert store.find_drugs("3400991000016") == []  # wrong check digit: no pack
    assert store.find_drugs("3400893213322") == []  # a UCD13: the BDPM has no UCD, none loaded beside it
    assert store.find_drugs("61999999") == []


def test_reimport_replaces_the_previous_one(store, tmp_path):
    store.import_drugs(str(SAMPLE), actor="test")
    smaller = tmp_path / "bdpm"
    shutil.copytree(SAMPLE, smaller)
    lines = (smaller / "CIS_bdpm.txt").read_text(encoding="utf-8").splitlines()
    (smaller / "CIS_bdpm.txt").write_text("\n".join(line for line in lines if "ALPRAZOLAM" not in line) + "\n",
                                          encoding="utf-8")
    done = store.import_drugs(str(smaller), actor="test")
    assert done.specialties == 5 and store.drug_count() == 5
    assert store.find_drugs("alpr") == [] and store.find_drugs("furo")


@pytest.mark.parametrize("broken", ["missing", "garbled"])
def test_a_bad_file_is_named_and_the_previous_import_stays(store, tmp_path, broken):
    store.import_drugs(str(SAMPLE), actor="test")
    bad = tmp_path / "bdpm"
    shutil.copytree(SAMPLE, bad)
    target = bad / "CIS_CIP_bdpm.txt"
    if broken == "missing":
        target.unlink()
    else:
        target.write_bytes(b"<html>\x00\x01 not a BDPM file\n<body>\n")
    with pytest.raises(DrugFileError) as caught:
        store.import_drugs(str(bad), actor="test")
    assert caught.value.params["file"] == str(target) and caught.value.params["problem"] == broken
    assert store.drug_count() == 7 and store.find_drugs("alpr")


def test_every_file_is_required():
    assert set(DRUG_FILES) == {p.name for p in SAMPLE.iterdir()}


_NAMES = ["FUROSÉMIDE FICTIF 40 mg", "ALPRAZOLAM FICTIF 0,25 mg", "ŒDÉMAFICTIF 500 µg", "éphémérine factice 20 mg"]


@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory):
    s = open_store(f"sqlite:///{tmp_path_factory.mktemp('drugs')}/p.db")
    s.import_drugs(str(SAMPLE), actor="test")
    yield s
    s.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(_NAMES), length=st.integers(2, 14), flips=st.lists(st.booleans(), min_size=14, max_size=14))
def test_any_case_of_a_name_prefix_finds_it(sqlite_store, name, length, flips):
    import unicodedata

    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    prefix = "".join(c.upper() if f else c.lower() for c, f in zip(bare[:length], flips, strict=False))
    prefix = prefix.replace("Œ", "OE").replace("œ", "oe")
    assert any(m.name.startswith(name) for m in sqlite_store.find_drugs(prefix, limit=50))
