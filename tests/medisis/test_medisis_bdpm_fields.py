"""BDPM text read as contract fields: strengths as doses, French routes as routes, names as keys."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from medisis.bdpm_fields import (
    name_key,
    parse_strength,
    route_of,
    single_strength,
    strength_in_name,
)
from medisis.vocab import DoseUnit, Route


def test_strengths():
    assert parse_strength("0,25 mg") == (0.25, DoseUnit.MG)
    assert parse_strength("500 microgrammes") == (500.0, DoseUnit.UG)
    assert parse_strength("1 g") == (1.0, DoseUnit.G)
    assert parse_strength("100 000 UI") is None  # a thousands space is not read as a dose
    assert parse_strength("5 mg/ml") is None and parse_strength("2 %") is None and parse_strength("0 mg") is None
    assert single_strength(["40 mg", "40 mg"]) == (40.0, DoseUnit.MG)
    assert single_strength(["40 mg", "20 mg"]) is None
    assert strength_in_name("FUROSÉMIDE 40 mg, comprimé") == (40.0, DoseUnit.MG)
    assert strength_in_name("X 5 mg/1000 mg, comprimé") is None and strength_in_name("Y 5 mg/ml") is None


def test_routes():
    assert route_of(["orale"]) is Route.ORAL
    assert route_of(["Sous-cutanée"]) is Route.SUBCUTANEOUS
    assert route_of(["intraveineuse", "intramusculaire"]) is None
    assert route_of(["orale", "orale"]) is Route.ORAL
    assert route_of(["dentaire"]) is None and route_of([]) is None


def test_name_key():
    assert name_key("  ŒDÈME  Fictif ") == "oedeme fictif"


@given(st.floats(min_value=0.001, max_value=100_000, allow_nan=False).map(lambda v: round(v, 3)),
       st.sampled_from(["mg", "g", "µg", "mmol", "UI"]), st.booleans())
def test_any_written_strength_reads_back(value, unit, comma):
    text = f"{value:g}"
    text = text.replace(".", ",") if comma else text
    if "e" in text:
        return
    read = parse_strength(f"{text} {unit}")
    assert read is not None and read[0] == float(text.replace(",", "."))
