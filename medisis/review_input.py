"""The relevance-review document and its cross-field checks (docs/interchange.md §4.3, docs/medisis.md §6).

Why: the input model is shared by the CLI, the store, the FHIR export and the TUI; the rules that
read it live in `medisis.review`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial
from typing import Annotated

from pydantic import Field

from medisis import review_data as rd
from medisis.errors import InvalidReview
from medisis.lines import Atc, Dose, Frequency, MedisisPatient
from medisis.vocab import Route
from parcours.core.date_checks import future_dates
from parcours.core.documents import load
from parcours.core.errors import FieldIssue
from parcours.core.identity import NonEmpty, Organization, Practitioner
from parcours.core.models import InputModel

__all__ = ["Review", "ReviewDrug", "ReviewOptions", "ReviewPatient", "check_review", "parse_review"]


class ReviewPatient(MedisisPatient):
    """The `patient` of §4.1 with `birth_date` required (age decides which rules apply)."""

    birth_date: date


class ReviewDrug(InputModel):
    """A current drug (docs/interchange.md §4.3): `atc` is required."""

    id: NonEmpty
    atc: Atc
    label: str | None = None
    dose: Dose | None = None
    frequency: Frequency | None = None
    as_needed: bool | None = None
    route: Route | None = None
    form: str | None = None
    started: date | None = None
    indication: str | None = None


class ReviewOptions(InputModel):
    """Per-document overrides of the protocol's review settings."""

    acb_threshold: Annotated[int, Field(ge=1)] | None = None
    recurrent_falls_min: Annotated[int, Field(ge=1)] | None = None
    rules: list[str] | None = None


class Review(InputModel):
    """A relevance-review document."""

    date: date
    patient: ReviewPatient
    drugs: list[ReviewDrug]
    options: ReviewOptions | None = None
    practitioner: Practitioner | None = None
    organization: Organization | None = None


def check_review(doc: Review, today: date | None = None) -> Iterator[FieldIssue]:
    """Cross-field rules of docs/interchange.md §4.3: unique ids, dates not after `date`, known rule ids.

    `today` (default: parcours.core.clock): a review dated after it is refused (docs/plausibility.md §1).
    """
    yield from future_dates(((("date",), doc.date),), today)
    if doc.patient.birth_date > doc.date:
        yield FieldIssue(("patient", "birth_date"), "date_after", {"other": "date"})
    seen: set[str] = set()
    for i, drug in enumerate(doc.drugs):
        if drug.id in seen:
            yield FieldIssue(("drugs", i, "id"), "duplicate_id", {"id": drug.id})
        seen.add(drug.id)
        if drug.started is not None and drug.started > doc.date:
            yield FieldIssue(("drugs", i, "started"), "date_after", {"other": "date"})
    if doc.options is not None and doc.options.rules is not None:
        for k, rule in enumerate(doc.options.rules):
            if rule not in rd.RULE_IDS:
                yield FieldIssue(("options", "rules", k), "unknown_rule", {"rule": rule})


def parse_review(raw: bytes | str, *, today: date | None = None) -> Review:
    """Validate a review document; raise InvalidReview naming each bad field."""
    return load(Review, raw, error=InvalidReview, check=partial(check_review, today=today))
