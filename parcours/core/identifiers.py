"""Identifier rules of the context objects (docs/interchange.md §5.2), without pydantic.

Why: the identity models (parcours.core.identity) and the compiled step-1 schema of the one-shot
CLI (icope._generated.screening_schema) call the very same functions, so the two paths cannot disagree.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any, Protocol

from pydantic_core import PydanticCustomError

__all__ = [
    "INS_DEMO_SYSTEM", "INS_NIR_SYSTEM", "INS_SYSTEMS", "INS_TEST_SYSTEM", "ProfessionalRole", "Sex",
    "absolute_uri", "finess_checked", "given_list", "identifier_value", "ins_checked", "ins_key", "ins_key_valid",
    "one_identifier", "rpps_checked",
]

#: INS OIDs (docs/interchange.md §5.2): .8 INS-NIR, .9 INS-NIA, .10 test, .11 demo.
INS_NIR_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8"
INS_SYSTEMS = frozenset(
    {INS_NIR_SYSTEM, "urn:oid:1.2.250.1.213.1.4.9", "urn:oid:1.2.250.1.213.1.4.10", "urn:oid:1.2.250.1.213.1.4.11"}
)
INS_TEST_SYSTEM = "urn:oid:1.2.250.1.213.1.4.10"
INS_DEMO_SYSTEM = "urn:oid:1.2.250.1.213.1.4.11"

# Matched with `fullmatch` and ASCII digits only: `$` would also accept a trailing newline, and `\d`
# any Unicode digit (a FINESS "123456789\n" once created a second site).
_INS = re.compile(r"[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{6}[0-9]{2}")
_RPPS = re.compile(r"[0-9]{11}")
_FINESS = re.compile(r"(?:[0-9]{2}|2A|2B)[0-9]{7}")
_ABSOLUTE_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:\S+")


class Sex(StrEnum):
    """Administrative sex (FHIR AdministrativeGender)."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class ProfessionalRole(StrEnum):
    """Who a practitioner is (docs/interchange.md §5.2)."""

    NURSE = "nurse"
    PHYSIOTHERAPIST = "physiotherapist"
    PHYSICIAN = "physician"
    PHARMACIST = "pharmacist"
    OTHER = "other"


def ins_key_valid(value: str) -> bool:
    """INS-NIR key: 97 − (13 digits mod 97), with Corsica's 2A→19 and 2B→18 (docs/interchange.md §5.2)."""
    return bool(_INS.fullmatch(value)) and ins_key(value[:13]) == value[13:]


def ins_key(body13: str) -> str:
    """The two-digit key of a 13-character INS body (used to make test and demo identities)."""
    digits = body13[:5] + {"2A": "19", "2B": "18"}.get(body13[5:7], body13[5:7]) + body13[7:]
    return f"{97 - int(digits) % 97:02d}"


class _Info(Protocol):
    data: dict[str, Any]


# The validators below are the models' own (`field_validator(...)(function)`): each raises a
# PydanticCustomError whose type is a catalog code (parcours.core.documents keeps it).


def given_list(value: object) -> object:
    """`given` as one string is read as a one-name list (before validation)."""
    if isinstance(value, str):
        return [value]
    return value


def absolute_uri(value: str) -> str:
    """An identifier system must be an absolute URI."""
    if not _ABSOLUTE_URI.fullmatch(value):
        raise PydanticCustomError("not_absolute_uri", "not an absolute URI")
    return value


def identifier_value(value: str, info: _Info) -> str:
    """No urn:uuid: value (reserved for bundle-internal ids); an INS system needs a valid INS."""
    if value.startswith("urn:uuid:"):
        raise PydanticCustomError("bad_format", "urn:uuid: values are reserved")
    if info.data.get("system") in INS_SYSTEMS and not ins_key_valid(value):
        raise PydanticCustomError("ins_invalid", "bad INS")
    return value


def ins_checked(value: str | None) -> str | None:
    """`ins`: 13 characters and a valid key."""
    if value is not None and not ins_key_valid(value):
        raise PydanticCustomError("ins_invalid", "bad INS")
    return value


def one_identifier(patient: Any) -> Any:
    """A patient gives `identifier` or `ins`, never both (after validation of the object)."""
    if patient.identifier is not None and patient.ins is not None:
        raise PydanticCustomError("identifier_and_ins", "identifier and ins together")
    return patient


def rpps_checked(value: str) -> str:
    """RPPS: 11 digits."""
    if not _RPPS.fullmatch(value):
        raise PydanticCustomError("rpps_invalid", "bad RPPS")
    return value


def finess_checked(value: str) -> str:
    """FINESS: 2 digits or 2A/2B, then 7 digits."""
    if not _FINESS.fullmatch(value):
        raise PydanticCustomError("finess_invalid", "bad FINESS")
    return value
