"""Context objects every input document may carry: patient, practitioner, organization.

interchange.md §5.2: they never change a clinical result; they identify who the result is about,
who produced it and where, for FHIR and the store. Identifiers are checked here (INS key, RPPS,
FINESS) so that no command accepts a malformed one.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from parcours.core.models import InputModel

#: INS OIDs (interchange.md §5.2): .8 INS-NIR, .9 INS-NIA, .10 test, .11 demo.
INS_NIR_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8"
INS_SYSTEMS = frozenset(
    {INS_NIR_SYSTEM, "urn:oid:1.2.250.1.213.1.4.9", "urn:oid:1.2.250.1.213.1.4.10", "urn:oid:1.2.250.1.213.1.4.11"}
)
INS_TEST_SYSTEM = "urn:oid:1.2.250.1.213.1.4.10"
INS_DEMO_SYSTEM = "urn:oid:1.2.250.1.213.1.4.11"

_INS = re.compile(r"^[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{6}[0-9]{2}$")
_RPPS = re.compile(r"^[0-9]{11}$")
_FINESS = re.compile(r"^(?:[0-9]{2}|2A|2B)[0-9]{7}$")
_ABSOLUTE_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S+$")

NonEmpty = Annotated[str, Field(min_length=1)]


class Sex(StrEnum):
    """Administrative sex (FHIR AdministrativeGender)."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class ProfessionalRole(StrEnum):
    """Who a practitioner is (interchange.md §5.2)."""

    NURSE = "nurse"
    PHYSIOTHERAPIST = "physiotherapist"
    PHYSICIAN = "physician"
    PHARMACIST = "pharmacist"
    OTHER = "other"


def ins_key_valid(value: str) -> bool:
    """INS-NIR key: 97 − (13 digits mod 97), with Corsica's 2A→19 and 2B→18 (interchange §5.2)."""
    return bool(_INS.match(value)) and ins_key(value[:13]) == value[13:]


def ins_key(body13: str) -> str:
    """The two-digit key of a 13-character INS body (used to make test and demo identities)."""
    digits = body13[:5] + {"2A": "19", "2B": "18"}.get(body13[5:7], body13[5:7]) + body13[7:]
    return f"{97 - int(digits) % 97:02d}"


def _given(value: object) -> object:
    if isinstance(value, str):
        return [value]
    return value


class Identifier(InputModel):
    """A business identifier: an absolute-URI system and a non-empty value."""

    system: str
    value: NonEmpty

    @field_validator("system")
    @classmethod
    def _absolute(cls, v: str) -> str:
        if not _ABSOLUTE_URI.match(v):
            raise PydanticCustomError("not_absolute_uri", "not an absolute URI")
        return v

    @field_validator("value")
    @classmethod
    def _value(cls, v: str, info: ValidationInfo) -> str:
        if v.startswith("urn:uuid:"):
            raise PydanticCustomError("bad_format", "urn:uuid: values are reserved")
        if info.data.get("system") in INS_SYSTEMS and not ins_key_valid(v):
            raise PydanticCustomError("ins_invalid", "bad INS")
        return v


class PatientIdentity(InputModel):
    """Who the document is about (all keys optional); MEDISIS extends it with clinical keys."""

    identifier: Identifier | None = None
    ins: str | None = None
    family: NonEmpty | None = None
    given: Annotated[list[NonEmpty], Field(min_length=1)] | None = None
    birth_date: date | None = None
    sex: Sex | None = None

    @field_validator("given", mode="before")
    @classmethod
    def _given_list(cls, v: object) -> object:
        return _given(v)

    @field_validator("ins")
    @classmethod
    def _ins(cls, v: str | None) -> str | None:
        if v is not None and not ins_key_valid(v):
            raise PydanticCustomError("ins_invalid", "bad INS")
        return v

    @model_validator(mode="after")
    def _one_identifier(self) -> PatientIdentity:
        if self.identifier is not None and self.ins is not None:
            raise PydanticCustomError("identifier_and_ins", "identifier and ins together")
        return self

    def business_identifier(self) -> tuple[str, str] | None:
        """(system, value) of the patient's identifier, the INS-NIR system for `ins`."""
        if self.identifier is not None:
            return self.identifier.system, self.identifier.value
        if self.ins is not None:
            return INS_NIR_SYSTEM, self.ins
        return None


class Practitioner(InputModel):
    """The professional who produced the document (RPPS: 11 digits)."""

    rpps: str
    family: NonEmpty | None = None
    given: Annotated[list[NonEmpty], Field(min_length=1)] | None = None
    role: ProfessionalRole | None = None

    @field_validator("given", mode="before")
    @classmethod
    def _given_list(cls, v: object) -> object:
        return _given(v)

    @field_validator("rpps")
    @classmethod
    def _rpps(cls, v: str) -> str:
        if not _RPPS.match(v):
            raise PydanticCustomError("rpps_invalid", "bad RPPS")
        return v


class Organization(InputModel):
    """The site (FINESS: 2 digits or 2A/2B, then 7 digits)."""

    finess: str
    name: NonEmpty | None = None

    @field_validator("finess")
    @classmethod
    def _finess(cls, v: str) -> str:
        if not _FINESS.match(v):
            raise PydanticCustomError("finess_invalid", "bad FINESS")
        return v
