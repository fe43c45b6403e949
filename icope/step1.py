"""ICOPE step 1: score the six domains, the overall result and what comes next (icope.md §1)."""

from __future__ import annotations

from collections.abc import Iterator

from icope.cognition import assess_cognition
from icope.errors import InvalidScreening
from icope.hearing import assess_hearing
from icope.locomotion import assess_locomotion, chair_rise_cutoff
from icope.nutrition import assess_nutrition
from icope.options import DEFAULT_OPTIONS
from icope.psychology import assess_psychology
from icope.results import DomainOutcome, Step1Result, Step2Proposal
from icope.schedule import add_months
from icope.screening import Screening, ScreeningItems, check_screening
from icope.vision import assess_vision
from icope.vocab import STEP2_INSTRUMENTS, Domain, DomainResult
from parcours.core.documents import load

_PROPOSALS = {d: Step2Proposal(d, i) for d, i in STEP2_INSTRUMENTS.items()}


def parse_screening(raw: bytes | str) -> Screening:
    """Validate one step-1 JSON document; raise `InvalidScreening` naming every bad field."""
    return load(Screening, raw, error=InvalidScreening, check=check_screening)


def overall_result(outcomes: Iterator[DomainOutcome] | list[DomainOutcome]) -> DomainResult:
    """icope.md §1.1: positive if any domain is, else incomplete if any is, else negative."""
    results = {o.result for o in outcomes}
    if DomainResult.POSITIVE in results:
        return DomainResult.POSITIVE
    if DomainResult.INCOMPLETE in results:
        return DomainResult.INCOMPLETE
    return DomainResult.NEGATIVE


def score_screening(doc: ScreeningItems, *, measured_loss_kg: float | None = None) -> Step1Result:
    """The step-1 result of a validated screening.

    `measured_loss_kg` is the loss derived from recorded weights by the follow-up (icope.md §1.4).
    """
    options = doc.options or DEFAULT_OPTIONS
    cutoff = chair_rise_cutoff(options, doc.effective_birth_date, doc.date)
    domains = {
        Domain.COGNITION: assess_cognition(doc.cognition),
        Domain.LOCOMOTION: assess_locomotion(doc.locomotion, options, cutoff),
        Domain.NUTRITION: assess_nutrition(doc.nutrition, options, measured_loss_kg),
        Domain.VISION: assess_vision(doc.vision),
        Domain.HEARING: assess_hearing(doc.hearing, options),
        Domain.PSYCHOLOGY: assess_psychology(doc.psychology),
    }
    outcomes = list(domains.values())
    return Step1Result(
        overall=overall_result(outcomes),
        domains=domains,
        step2=tuple(_PROPOSALS[d] for d, o in domains.items() if o.result is DomainResult.POSITIVE),
        flags=tuple(flag for o in outcomes for flag in o.flags),
        # interchange.md §1: date + 6 calendar months, end of month clamped (icope.md §3.1).
        next_step1_due=add_months(doc.date, options.rescreen_months),
    )
