"""Context objects (docs/interchange.md §5.2): INS key, RPPS, FINESS, identifier rules."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from icope import InvalidScreening, parse_screening
from parcours.core.identity import ins_key, ins_key_valid
from parcours.messages import render_issue


def test_ins_key() -> None:
    assert ins_key_valid("244057512345692")
    assert not ins_key_valid("244057512345693")
    body = "1850520123456"
    assert ins_key_valid(body + ins_key(body))
    corsica = "18505" + "2A" + "123456"
    assert ins_key(corsica) == f"{97 - int('18505' + '19' + '123456') % 97:02d}"
    assert ins_key_valid(corsica + ins_key(corsica))
    assert not ins_key_valid("18505" + "2C" + "123456" + "00")


def issues(extra: dict[str, Any]) -> list[str]:
    with pytest.raises(InvalidScreening) as exc:
        parse_screening(orjson.dumps({"date": "2026-11-20", **extra}))
    return [render_issue(i, "en") for i in exc.value.issues]


@pytest.mark.parametrize(("extra", "expected"), [
    ({"patient": {"ins": "244057512345693"}}, "patient.ins: invalid INS (13 characters and a 2-digit check key)"),
    ({"patient": {"identifier": {"system": "urn:oid:1.2.250.1.213.1.4.10", "value": "244057512345690"}}},
     "patient.identifier.value: invalid INS (13 characters and a 2-digit check key)"),
    ({"patient": {"identifier": {"system": "local", "value": "1"}}},
     "patient.identifier.system: must be an absolute URI"),
    ({"patient": {"ins": "244057512345692", "identifier": {"system": "urn:x:y", "value": "1"}}},
     "patient: give identifier or ins, not both"),
    ({"patient": {"nom": "MARTIN"}}, "patient.nom: unknown field"),
    ({"practitioner": {"rpps": "1010101010"}}, "practitioner.rpps: invalid RPPS (11 digits)"),
    ({"organization": {"finess": "2C0000000"}},
     "organization.finess: invalid FINESS (2 digits or 2A/2B, then 7 digits)"),
    ({"birth_date": "1944-05-02", "patient": {"birth_date": "1944-05-03"}},
     "patient.birth_date: differs from the document's birth_date"),
    ({"options": {"age_adjusted_chair_rise": True}},
     "birth_date: required by the option options.age_adjusted_chair_rise"),
    ({"birth_date": "2027-01-01"}, "birth_date: cannot be after date"),
])
def test_context_errors_name_the_field(extra: dict[str, Any], expected: str) -> None:
    assert expected in issues(extra)


def test_valid_context_is_accepted_and_does_not_change_the_result() -> None:
    ctx = {"patient": {"identifier": {"system": "urn:oid:1.2.250.1.213.1.4.10", "value": "244057512345692"},
                       "family": "MARTIN", "given": "Jeanne", "birth_date": "1944-05-02", "sex": "female"},
           "practitioner": {"rpps": "10101010101", "family": "DURAND", "given": ["Claire"], "role": "nurse"},
           "organization": {"finess": "2A0000001", "name": "MSP"}}
    doc = parse_screening(orjson.dumps({"date": "2026-11-20", **ctx}))
    assert doc.patient is not None and doc.patient.given == ["Jeanne"]
    assert doc.effective_birth_date is not None and doc.effective_birth_date.isoformat() == "1944-05-02"


# --- issue 18: identifiers are matched whole (a trailing newline once created a second site) ------

_VALID = {"ins": "244057512345692", "rpps": "10101010101", "finess": "2A0000001"}


def _context(field: str, value: str) -> dict[str, Any]:
    if field == "ins":
        return {"patient": {"ins": value}}
    if field == "rpps":
        return {"practitioner": {"rpps": value, "family": "DURAND"}}
    return {"organization": {"finess": value}}


@pytest.mark.parametrize("field", sorted(_VALID))
@pytest.mark.parametrize("suffix", ["\n", "\r\n", " ", "\t", "\u00a0", "0"])
def test_identifier_with_anything_after_it_is_refused(field: str, suffix: str) -> None:
    parse_screening(orjson.dumps({"date": "2026-11-20", **_context(field, _VALID[field])}))  # the value alone passes
    found = issues(_context(field, _VALID[field] + suffix))
    assert any(f".{field}: invalid" in line for line in found), found


@given(st.sampled_from(sorted(_VALID)), st.text(min_size=1, max_size=3))
@settings(max_examples=150, deadline=None)
def test_no_suffix_or_prefix_makes_an_identifier_valid(field: str, extra: str) -> None:
    from parcours.core import identifiers

    check = {"ins": identifiers.ins_key_valid, "rpps": identifiers.rpps_checked, "finess": identifiers.finess_checked}
    for value in (_VALID[field] + extra, extra + _VALID[field]):
        try:
            accepted = check[field](value)
        except PydanticCustomError:
            accepted = False
        assert not accepted, repr(value)


def test_unicode_digits_are_not_identifier_digits() -> None:
    arabic = "".join(chr(0x0660 + int(c)) for c in _VALID["finess"][2:])
    assert ".finess: invalid" in " ".join(issues({"organization": {"finess": "2A" + arabic}}))


def test_drug_codes_are_matched_whole() -> None:
    from medisis.codes import cip13_problem, is_atc, is_cis

    assert is_atc("B01AF02") and not is_atc("B01AF02\n")
    assert is_cis("60234100") and not is_cis("60234100\n")
    assert cip13_problem("3400949497294") is None and cip13_problem("3400949497294\n") == "format"
    from medisis.lines import BmLine

    BmLine.model_validate({"id": "b1", "atc": "B01AF02"})
    with pytest.raises(ValueError, match="atc"):  # pydantic's own pattern, Rust `$`: the end of the text
        BmLine.model_validate({"id": "b1", "atc": "B01AF02\n"})
