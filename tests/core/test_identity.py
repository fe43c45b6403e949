"""Context objects (docs/interchange.md §5.2): INS key, RPPS, FINESS, identifier rules."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

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
    ({"patient": {"identifier": {"system": "local", "value": "1"}}}, "patient.identifier.system: must be an absolute URI"),
    ({"patient": {"ins": "244057512345692", "identifier": {"system": "urn:x:y", "value": "1"}}}, "patient: give identifier or ins, not both"),
    ({"patient": {"nom": "MARTIN"}}, "patient.nom: unknown field"),
    ({"practitioner": {"rpps": "1010101010"}}, "practitioner.rpps: invalid RPPS (11 digits)"),
    ({"organization": {"finess": "2C0000000"}}, "organization.finess: invalid FINESS (2 digits or 2A/2B, then 7 digits)"),
    ({"birth_date": "1944-05-02", "patient": {"birth_date": "1944-05-03"}}, "patient.birth_date: differs from the document's birth_date"),
    ({"options": {"age_adjusted_chair_rise": True}}, "birth_date: required by the option options.age_adjusted_chair_rise"),
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
