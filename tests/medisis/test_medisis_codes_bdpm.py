"""French drug codes (docs/medisis.md §7.1, §13 example 10) and the BDPM parser and index (§7.2)."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest

from medisis.bdpm import FIELD_COUNTS, BdpmIndex, fold, load_index, parse_price, parse_table, read_table
from medisis.codes import (
    cip7_of, cip13_from_cip7, cip13_problem, ean13_valid, is_atc, is_cis, ucd7_of, ucd13_from_ucd7, ucd13_problem,
)
from medisis.errors import InvalidDrugCode

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("code", ["3400949497294", "3400936963504", "3400955074199"])
def test_example_10_valid_cip13(code) -> None:
    assert cip13_problem(code) is None and ean13_valid(code)


def test_medisis_section_13_example_10_codes() -> None:
    assert cip7_of("3400949497294") == "4949729"
    assert cip13_problem("3400949497295") == "check_digit"
    assert ucd13_problem("3400893213322") is None and ucd7_of("3400893213322") == "9321332"
    assert ucd13_problem("3400893213261") is None
    assert cip13_problem("3400893213322") == "format"  # a UCD13 is not a CIP13
    assert cip13_from_cip7("4949729") == "3400949497294" and ucd13_from_ucd7("9321332") == "3400893213322"
    with pytest.raises(InvalidDrugCode):
        cip7_of("3400949497295")


@pytest.mark.parametrize(("text", "expected"), [
    ("1,234,56", Decimal("1234.56")), ("24,34", Decimal("24.34")), ("1 234,56", Decimal("1234.56")),
    ("1\u00a0234,56", Decimal("1234.56")), ("3", Decimal("3")), ("", None), ("  ", None), ("n/a", None),
])
def test_medisis_section_13_example_10_prices(text, expected) -> None:
    assert parse_price(text) == expected


def test_code_formats() -> None:
    assert is_atc("B01AF02") and not is_atc("B01AF2") and not is_atc("b01af02")
    assert is_cis("61266250") and not is_cis("6126625")


def test_sample_index_utf8_with_skipped_lines() -> None:
    index = load_index(DATA)
    assert index.encodings["CIS_bdpm.txt"] == "utf-8"
    assert index.skipped == {"CIS_bdpm.txt": 2, "CIS_CIP_bdpm.txt": 1, "CIS_MITM.txt": 1}
    assert len(index.specialties) == 6 and index.specialties["60000005"].routes == ("intraveineuse", "intramusculaire")
    assert [p.price for p in index.presentations.values()] == [
        Decimal("1.50"), Decimal("2.18"), Decimal("1234.56"), None]
    assert index.atc["60000003"] == "A02BC05"


def test_cp1252_fallback_gives_the_same_text() -> None:
    utf8 = parse_table((DATA / "CIS_bdpm.txt").read_bytes(), 12)
    cp = read_table(DATA / "CIS_bdpm_cp1252.txt")
    assert (utf8.encoding, cp.encoding) == ("utf-8", "cp1252")
    assert cp.rows == utf8.rows and cp.skipped == utf8.skipped


def test_prefix_search_accent_and_case_insensitive_sorted() -> None:
    index = load_index(DATA)
    assert [s.cis for s in index.search("fictivamol")] == ["60000002", "60000001"]  # "1 g" sorts before "500"
    assert [s.cis for s in index.search("éphé")] == [s.cis for s in index.search("EPHE")] == ["60000003"]
    assert [s.cis for s in index.search("oedema")] == []  # Œ is a ligature, folded to "œ", not "oe"
    assert [s.cis for s in index.search("Œdéma")] == ["60000006"]
    assert index.search("") == [] and index.search("zzz") == []
    assert len(index.search("f", limit=1)) == 1


def test_fold() -> None:
    assert fold("  ÉPHÉMÈRE   Ça ") == "ephemere ca"


def test_large_index_loads_fast_and_searches_fast() -> None:
    lines = [f"{60000000 + i}\tPRODUIT{i:05d} {i % 97} mg, comprimé\tcomprimé\torale\tA\tP\tC\t01/01/2000\t\t\t X\tNon"
             for i in range(15_000)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    start = time.perf_counter()
    index = BdpmIndex()
    index.add_specialties(parse_table(data, FIELD_COUNTS["CIS_bdpm.txt"]))
    assert time.perf_counter() - start < 2.0
    start = time.perf_counter()
    found = index.search("produit0123")
    assert time.perf_counter() - start < 0.010
    assert [s.name[:12] for s in found] == [f"PRODUIT0123{d}" for d in range(10)]
