"""ICOPE step 1: score the six domains, the overall result and what comes next (icope.md §1)."""

from __future__ import annotations

from icope.cognition import assess_cognition
from icope.errors import InvalidScreening
from icope.hearing import assess_hearing
from icope.locomotion import assess_locomotion, chair_rise_cutoff
from icope.nutrition import assess_nutrition
from icope.options import DEFAULT_OPTIONS
from icope.psychology import assess_psychology
from icope.results import Step1Result, Step2Proposal
from icope.schedule import add_months
from icope.screening import Screening, ScreeningItems, check_screening
from icope.vision import assess_vision
from icope.vocab import STEP2_INSTRUMENTS, Domain, DomainResult
from parcours.core.documents import load

_POSITIVE, _NEGATIVE, _INCOMPLETE = DomainResult.POSITIVE, DomainResult.NEGATIVE, DomainResult.INCOMPLETE
_COGNITION, _LOCOMOTION, _NUTRITION = Domain.COGNITION, Domain.LOCOMOTION, Domain.NUTRITION
_VISION, _HEARING, _PSYCHOLOGY = Domain.VISION, Domain.HEARING, Domain.PSYCHOLOGY
_PROPOSALS = {d: Step2Proposal(d, i) for d, i in STEP2_INSTRUMENTS.items()}


def parse_screening(raw: bytes | str) -> Screening:
    """Validate one step-1 JSON document; raise `InvalidScreening` naming every bad field."""
    return load(Screening, raw, error=InvalidScreening, check=check_screening)


def score_screening(doc: ScreeningItems, *, measured_loss_kg: float | None = None) -> Step1Result:
    """The step-1 result of a validated screening.

    `measured_loss_kg` is the loss derived from recorded weights by the follow-up (icope.md §1.4).
    """
    options = doc.options or DEFAULT_OPTIONS
    cutoff = chair_rise_cutoff(options, doc.effective_birth_date, doc.date)
    domains = {
        _COGNITION: assess_cognition(doc.cognition),
        _LOCOMOTION: assess_locomotion(doc.locomotion, options, cutoff),
        _NUTRITION: assess_nutrition(doc.nutrition, options, measured_loss_kg),
        _VISION: assess_vision(doc.vision),
        _HEARING: assess_hearing(doc.hearing, options),
        _PSYCHOLOGY: assess_psychology(doc.psychology),
    }
    step2: list[Step2Proposal] = []
    flags: tuple[str, ...] = ()
    overall = _NEGATIVE
    for domain, o in domains.items():
        if o.result is _POSITIVE:
            step2.append(_PROPOSALS[domain])
            overall = _POSITIVE
        elif o.result is _INCOMPLETE and overall is _NEGATIVE:
            overall = _INCOMPLETE
        if o.flags:
            flags += o.flags
    return Step1Result(
        overall=overall,
        domains=domains,
        step2=tuple(step2),
        flags=flags,
        # interchange.md §1: date + 6 calendar months, end of month clamped (icope.md §3.1).
        next_step1_due=add_months(doc.date, options.rescreen_months),
    )
