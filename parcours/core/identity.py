"""Context objects every input document may carry: patient, practitioner, organization.

docs/interchange.md §5.2: they never change a clinical result; they identify who the result is about,
who produced it and where, for FHIR and the store. Identifiers are checked here (INS key, RPPS,
FINESS) so that no command accepts a malformed one.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from parcours.core.identifiers import (
    INS_DEMO_SYSTEM, INS_NIR_SYSTEM, INS_SYSTEMS, INS_TEST_SYSTEM, ProfessionalRole, Sex, absolute_uri, finess_checked,
    given_list, identifier_value, ins_checked, ins_key, ins_key_valid, one_identifier, rpps_checked,
)
from parcours.core.models import InputModel

__all__ = [
    "INS_DEMO_SYSTEM", "INS_NIR_SYSTEM", "INS_SYSTEMS", "INS_TEST_SYSTEM", "Identifier", "NonEmpty", "Organization",
    "PatientIdentity", "Practitioner", "ProfessionalRole", "Sex", "ins_key", "ins_key_valid",
]

NonEmpty = Annotated[str, Field(min_length=1)]


class Identifier(InputModel):
    """A business identifier: an absolute-URI system and a non-empty value."""

    system: str
    value: NonEmpty

    _absolute = field_validator("system")(absolute_uri)
    _value = field_validator("value")(identifier_value)


class PatientIdentity(InputModel):
    """Who the document is about (all keys optional); MEDISIS extends it with clinical keys."""

    identifier: Identifier | None = None
    ins: str | None = None
    family: NonEmpty | None = None
    given: Annotated[list[NonEmpty], Field(min_length=1)] | None = None
    birth_date: date | None = None
    sex: Sex | None = None

    _given_list = field_validator("given", mode="before")(given_list)
    _ins = field_validator("ins")(ins_checked)
    _one_identifier = model_validator(mode="after")(one_identifier)

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

    _given_list = field_validator("given", mode="before")(given_list)
    _rpps = field_validator("rpps")(rpps_checked)


class Organization(InputModel):
    """The site (FINESS: 2 digits or 2A/2B, then 7 digits)."""

    finess: str
    name: NonEmpty | None = None

    _finess = field_validator("finess")(finess_checked)
