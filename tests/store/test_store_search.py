"""Patient search on both databases: family name, first name, « NOM Prénom », birth date, INS, pages."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parcours.store import open_store

INS = "244057512345692"
PEOPLE = (
    {"family": "Martin", "given": ["Hélène", "Marie"], "birth_date": "1944-05-02", "sex": "female", "ins": INS},
    {"family": "Dupont", "given": ["Jeanne"], "birth_date": "1950-01-31", "sex": "female"},
    {"family": "De la Fontaine", "given": ["Jean"], "birth_date": "1950-01-31", "sex": "male"},
    {"family": "Hélary", "given": ["Marc"], "birth_date": "1938-12-24", "sex": "male"},
    {"family": "Marchand", "given": ["Éloïse"], "birth_date": "1941-07-14", "sex": "female"},
)


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    for person in PEOPLE:
        s.create_patient(person, site=None, actor="test")
    yield s
    s.close()


def names(found) -> list[str]:
    return [f"{p.family} {' '.join(p.given)}" for p in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("helene", ["Martin Hélène Marie"]),  # first name, accents and case ignored
    ("HÉLÈNE", ["Martin Hélène Marie"]),
    ("hel", ["Hélary Marc", "Martin Hélène Marie"]),  # family names first, then first names
    ("martin", ["Martin Hélène Marie"]),
    ("MARTIN Hél", ["Martin Hélène Marie"]),  # « NOM Prénom »
    ("hélène martin", ["Martin Hélène Marie"]),  # « Prénom NOM »
    ("de la fontaine", ["De la Fontaine Jean"]),  # a family name of several words
    ("de la fontaine jean", ["De la Fontaine Jean"]),
    ("31/01/1950", ["De la Fontaine Jean", "Dupont Jeanne"]),  # birth date JJ/MM/AAAA
    ("2/5/1944", ["Martin Hélène Marie"]),
    ("31/02/1950", []),  # no such day: nobody, no error
    (INS, ["Martin Hélène Marie"]),
    ("2 44 05 75 123 456 92", ["Martin Hélène Marie"]),  # INS typed as on the card
    ("mar", ["Marchand Éloïse", "Martin Hélène Marie", "Hélary Marc"]),
    ("eloise marchand", ["Marchand Éloïse"]),
    ("zorro", []),
])
def test_search_finds_by_every_key(store, text, expected):
    assert names(store.search_patients(text)) == expected


def test_search_by_store_id_and_deleted_patients_are_not_found(store):
    (martin,) = store.search_patients("martin")
    assert names(store.search_patients(martin.id)) == ["Martin Hélène Marie"]
    store.delete_patient(martin.id, reason="doublon", actor="test")
    assert store.search_patients("helene") == [] and store.search_patients(INS) == []


def test_pages_continue_across_ways_of_matching(store):
    everything = store.search_patients("mar", limit=100)
    rows, after = [], None
    while page := store.search_patients("mar", limit=1, after=after):
        rows += page
        after = page[-1].cursor
    assert rows == everything and len(rows) == 3


def test_a_changed_first_name_is_searched_by_its_new_key(store):
    (dupont,) = store.search_patients("dupont")
    store.update_patient(dupont.id, {"family": "Dupont", "given": ["Renée"]}, version=dupont.version, actor="t")
    assert names(store.search_patients("renee")) == ["Dupont Renée"]
    assert store.search_patients("jeanne") == []


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=30))
def test_any_text_gives_a_list(text):
    s = open_store("sqlite://")
    try:
        s.create_patient(PEOPLE[0], site=None, actor="t")
        assert isinstance(s.search_patients(text), list)
    finally:
        s.close()


def test_a_0002_database_gets_first_name_keys_on_open(store_url):
    """0007_given_key fills given_key for the patients already stored: they are found by first name."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    import parcours.store.engine as engine_module
    from parcours.store.engine import make_engine

    engine = make_engine(store_url)
    try:
        config = Config()
        config.set_main_option("script_location", str(Path(engine_module.__file__).parent / "migrations"))
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0002")
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO patients (version, fhir_id, family, family_key, given, created_at, updated_at) "
                "VALUES (1, 'f-1', 'Martin', 'MARTIN', :given, :at, :at)"), {"given": '["Hélène", "Marie"]',
                                                                             "at": datetime(2026, 1, 1, tzinfo=UTC)})
    finally:
        engine.dispose()
    with open_store(store_url) as store:
        assert names(store.search_patients("helene")) == ["Martin Hélène Marie"]
        assert names(store.search_patients("martin hel")) == ["Martin Hélène Marie"]
