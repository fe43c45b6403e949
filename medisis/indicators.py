"""Pathway indicators from counts: reconciliation rate, MR1–MR3, DNI severity, IP acceptance, readmission.

docs/medisis.md §3 (formulas UNCONFIRMED / PROJECT DECISION), docs/interchange.md §4.4. Rounding is half away
from zero on the exact rational value; a zero denominator gives null, never 0.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any

from pydantic import Field

from medisis.errors import InvalidIndicators
from medisis.vocab import Severity
from parcours.core.documents import load
from parcours.core.errors import FieldIssue
from parcours.core.models import InputModel

Count = Annotated[int, Field(ge=0)]

#: Decimals of the outputs (docs/medisis.md §3): percentages 1, MR2 2.
PCT_DECIMALS = 1
MR2_DECIMALS = 2


class Period(InputModel):
    """The reporting period (`start` ≤ `end`)."""

    start: date
    end: date


class DniBySeverity(InputModel):
    """DNI counts per severity (each optional)."""

    minor: Count | None = None
    significant: Count | None = None
    major: Count | None = None
    critical: Count | None = None
    catastrophic: Count | None = None


class InterventionOutcomes(InputModel):
    """Pharmaceutical-intervention counts per outcome (each optional)."""

    accepted: Count | None = None
    accepted_modified: Count | None = None
    not_accepted: Count | None = None
    not_recorded: Count | None = None


class IndicatorCounts(InputModel):
    """Counts for one site and period (docs/interchange.md §4.4)."""

    site: str | None = None
    period: Period | None = None
    eligible_patients: Count
    reconciled_patients: Count
    reconciled_within_24h: Count
    dni_total: Count
    patients_with_dni: Count
    dni_by_severity: DniBySeverity | None = None
    interventions: InterventionOutcomes | None = None
    discharged_patients: Count | None = None
    readmitted_30d: Count | None = None


def _not_above(doc: IndicatorCounts, left: str, right: str) -> Iterator[FieldIssue]:
    if getattr(doc, left) > getattr(doc, right):
        yield FieldIssue((left,), "not_above", {"other": right})


def check_indicators(doc: IndicatorCounts) -> Iterator[FieldIssue]:
    """Consistency rules of docs/interchange.md §4.4; the path is the left-hand field."""
    if doc.period is not None and doc.period.start > doc.period.end:
        yield FieldIssue(("period", "start"), "date_after", {"other": "period.end"})
    yield from _not_above(doc, "reconciled_within_24h", "reconciled_patients")
    yield from _not_above(doc, "reconciled_patients", "eligible_patients")
    yield from _not_above(doc, "patients_with_dni", "reconciled_patients")
    yield from _not_above(doc, "patients_with_dni", "dni_total")
    if doc.dni_total > 0 and doc.patients_with_dni == 0:
        yield FieldIssue(("dni_total",), "dni_without_patients")
    if doc.dni_by_severity is not None:
        total = sum(v or 0 for v in doc.dni_by_severity.model_dump().values())
        if total > doc.dni_total:
            yield FieldIssue(("dni_by_severity",), "not_above", {"other": "dni_total"})
    if (doc.discharged_patients is None) != (doc.readmitted_30d is None):
        missing = "readmitted_30d" if doc.readmitted_30d is None else "discharged_patients"
        other = "discharged_patients" if missing == "readmitted_30d" else "readmitted_30d"
        yield FieldIssue((missing,), "required_with", {"other": other})
    elif (
        doc.discharged_patients is not None
        and doc.readmitted_30d is not None
        and doc.readmitted_30d > doc.discharged_patients
    ):
        yield FieldIssue(("readmitted_30d",), "not_above", {"other": "discharged_patients"})


def parse_indicators(raw: bytes | str) -> IndicatorCounts:
    """Validate an indicators document; raise InvalidIndicators naming each bad field."""
    return load(IndicatorCounts, raw, error=InvalidIndicators, check=check_indicators)


def round_half_away(value: Fraction, decimals: int) -> Decimal:
    """§3: half away from zero on the exact rational value (1/16 = 6.25 % → 6.3; 0.125 → 0.13)."""
    scaled = value * 10**decimals
    # Exact: compare the rational's fractional part with 1/2 instead of dividing decimals.
    whole, rest = divmod(abs(scaled.numerator), scaled.denominator)
    if 2 * rest >= scaled.denominator:
        whole += 1
    sign = "-" if value < 0 and whole else ""
    # Built from its digits, exact at any size (quantize fails past 28 digits: InvalidOperation).
    return Decimal(f"{sign}{whole}E-{decimals}")


def ratio(num: int, den: int, *, percent: bool = True, decimals: int = PCT_DECIMALS) -> float | None:
    """num ÷ den (× 100 for a percentage), rounded; None for a zero denominator."""
    if den == 0:
        return None
    value = Fraction(num, den) * (100 if percent else 1)
    return float(round_half_away(value, decimals))


@dataclass(frozen=True, slots=True)
class Indicators:
    """The result of `parcours medisis indicators` (docs/interchange.md §4.4 output)."""

    reconciliation_rate_pct: float | None
    mr1_pct: float | None
    mr2: float | None
    mr3_pct: float | None
    dni_severity_pct: dict[str, float | None] | None
    ip_acceptance_pct: float | None
    readmission_30d_pct: float | None

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object in its fixed key order."""
        return {
            "reconciliation_rate_pct": self.reconciliation_rate_pct,
            "mr1_pct": self.mr1_pct,
            "mr2": self.mr2,
            "mr3_pct": self.mr3_pct,
            "dni_severity_pct": self.dni_severity_pct,
            "ip_acceptance_pct": self.ip_acceptance_pct,
            "readmission_30d_pct": self.readmission_30d_pct,
        }


def compute_indicators(doc: IndicatorCounts) -> Indicators:
    """Every indicator of docs/medisis.md §3 from validated counts; only DNI enter MR2/MR3."""
    severity_pct = None
    if doc.dni_by_severity is not None:
        counts = {s.value: getattr(doc.dni_by_severity, s.value) or 0 for s in Severity}
        recorded = sum(counts.values())  # "DNI with a recorded severity"
        if recorded:
            severity_pct = {name: ratio(n, recorded) for name, n in counts.items()}
    acceptance = None
    if doc.interventions is not None:
        iv = doc.interventions
        accepted = (iv.accepted or 0) + (iv.accepted_modified or 0)
        acceptance = ratio(accepted, accepted + (iv.not_accepted or 0))  # "non renseigné" excluded
    readmission = None
    if doc.discharged_patients is not None and doc.readmitted_30d is not None:
        readmission = ratio(doc.readmitted_30d, doc.discharged_patients)
    return Indicators(
        reconciliation_rate_pct=ratio(doc.reconciled_patients, doc.eligible_patients),
        mr1_pct=ratio(doc.reconciled_within_24h, doc.eligible_patients),
        mr2=ratio(doc.dni_total, doc.reconciled_patients, percent=False, decimals=MR2_DECIMALS),
        mr3_pct=ratio(doc.patients_with_dni, doc.reconciled_patients),
        dni_severity_pct=severity_pct,
        ip_acceptance_pct=acceptance,
        readmission_30d_pct=readmission,
    )
