"""ICOPE step 1: score the six domains, the overall result and what comes next (docs/icope.md §1)."""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache, partial
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from pydantic_core import SchemaValidator

from icope.cognition import cognition_outcome
from icope.errors import InvalidScreening
from icope.hearing import HEARWHO_FAIL_BELOW, HEARWHO_GOOD_ABOVE, hearing_outcome
from icope.locomotion import CHAIR_RISE_CUTOFF_S, chair_rise_cutoff, chair_rise_too_slow, locomotion_outcome
from icope.nutrition import WEIGHT_LOSS_KG, nutrition_outcome
from icope.option_values import DEFAULT_OPTIONS, UnknownWeightLoss, WhisperRule
from icope.psychology import psychology_outcome
from icope.results import MISSING, DomainOutcome, Step1Result, Step2Proposal
from icope.schedule import add_months, latest_start
from icope.screening_rules import check_screening, effective_birth_date
from icope.vision import VISION_OUTCOMES
from icope.vocab import DOMAINS, STEP2_INSTRUMENTS, DomainResult
from parcours.core.documents import load, validate_json
from parcours.core.errors import FieldIssue

if TYPE_CHECKING:
    from icope.screening import Screening, ScreeningItems

_POSITIVE, _NEGATIVE, _INCOMPLETE = DomainResult.POSITIVE, DomainResult.NEGATIVE, DomainResult.INCOMPLETE
#: The step-2 proposal of each domain, in DOMAINS order.
_PROPOSALS = tuple(Step2Proposal(d, STEP2_INSTRUMENTS[d]) for d in DOMAINS)

_RESULT, _FLAGS = attrgetter("result"), attrgetter("flags")

#: The six outcomes of one screening, in DOMAINS order.
Outcomes = tuple[DomainOutcome, DomainOutcome, DomainOutcome, DomainOutcome, DomainOutcome, DomainOutcome]


def parse_screening(raw: bytes | str, *, today: date | None = None) -> Screening:
    """Validate one step-1 JSON document; raise `InvalidScreening` naming every bad field.

    `today`: the date a screening may not be after (default: parcours.core.clock).
    """
    from icope.screening import Screening

    check = check_screening if today is None else partial(check_screening, today=today)
    # Every field is typed and extra keys are refused: a valid screening nests 3 deep at most.
    return load(Screening, raw, error=InvalidScreening, check=check, schema_bounds_depth=True)


def read_screening(raw: bytes | str, *, today: date | None = None) -> Any:
    """`parse_screening` through the stored schema: the same checks and errors, plain objects.

    Why: the one-shot `parcours icope score` then builds no pydantic model (over half its start-up);
    icope._generated.screening_schema is the schema pydantic builds for `Screening` (tested current).
    """
    check = check_screening if today is None else partial(check_screening, today=today)
    return validate_json(_screening_validator(), raw, error=InvalidScreening, check=check, schema_bounds_depth=True)


@cache
def _screening_validator() -> SchemaValidator:
    from icope._generated.screening_schema import CONFIG, SCHEMA

    return SchemaValidator(SCHEMA, CONFIG)


def score_screening(doc: ScreeningItems, *, measured_loss_kg: float | None = None) -> Step1Result:
    """The step-1 result of a validated screening.

    `measured_loss_kg` is the loss derived from recorded weights by the follow-up (docs/icope.md §1.4).
    """
    outcomes = domain_outcomes(doc, measured_loss_kg)
    overall, step2, flags = summarize(outcomes)
    return Step1Result(overall, dict(zip(DOMAINS, outcomes, strict=True)), step2, flags, next_step1_due(doc))


def domain_outcomes(doc: ScreeningItems, measured_loss_kg: float | None = None) -> Outcomes:
    """The six domains' outcomes, in DOMAINS order: reads the answers, applies each domain's rule.

    One function reads the whole document and hands plain answers to the memoized rules of the
    domain modules; a reader function per domain cost ~0.7 µs more per screening (bench).
    """
    options = doc.options or DEFAULT_OPTIONS
    cognition, locomotion, nutrition = doc.cognition, doc.locomotion, doc.nutrition
    vision, hearing, psychology = doc.vision, doc.hearing, doc.psychology

    if cognition is None:
        cognition_result = MISSING
    else:
        orientation = cognition.orientation
        # A model's __dict__ holds the answers in declaration order, which is ORIENTATION_ITEMS.
        answers = None if orientation is None else tuple(orientation.__dict__.values())
        cognition_result = cognition_outcome(answers, cognition.words_recalled, cognition.memory_complaint)

    # Only the age-adjusted option needs the age: skipping the call saves ~0.3 µs per screening.
    cutoff = (
        chair_rise_cutoff(options, effective_birth_date(doc), doc.date)
        if options.age_adjusted_chair_rise
        else CHAIR_RISE_CUTOFF_S
    )
    adjusted = cutoff != CHAIR_RISE_CUTOFF_S
    if locomotion is None:
        locomotion_result = locomotion_outcome(None, None, None, adjusted)
    else:
        too_slow = chair_rise_too_slow(locomotion.chair_rise_seconds, cutoff, options.chair_rise_comparator)
        locomotion_result = locomotion_outcome(locomotion.completed, locomotion.used_arms, too_slow, adjusted)

    measured_over = None if measured_loss_kg is None else measured_loss_kg > WEIGHT_LOSS_KG
    unknown_positive = options.weight_loss_unknown is UnknownWeightLoss.POSITIVE
    if nutrition is None:
        nutrition_result = nutrition_outcome(None, measured_over, None, None, unknown_positive)
    else:
        kg = nutrition.weight_loss_kg
        given_over = None if kg is None else kg > WEIGHT_LOSS_KG
        nutrition_result = nutrition_outcome(
            given_over, measured_over, nutrition.weight_loss, nutrition.appetite_loss, unknown_positive
        )

    if hearing is None:
        hearing_result = MISSING
    else:
        score, db = hearing.hearwho_score, hearing.audiometry_db
        hearing_result = hearing_outcome(
            hearing.whisper_right,
            hearing.whisper_left,
            options.whisper_rule is WhisperRule.EITHER_EAR,
            None if score is None else score < HEARWHO_FAIL_BELOW,
            score is not None and HEARWHO_FAIL_BELOW <= score <= HEARWHO_GOOD_ABOVE,
            None if db is None else db > options.audiometry_pass_max_db,
        )

    return (
        cognition_result,
        locomotion_result,
        nutrition_result,
        VISION_OUTCOMES[None if vision is None else vision.eye_problems],
        hearing_result,
        MISSING if psychology is None else psychology_outcome(psychology.feeling_down, psychology.little_interest),
    )


def summarize(outcomes: Outcomes) -> tuple[DomainResult, tuple[Step2Proposal, ...], tuple[str, ...]]:
    """The overall result, the step-2 proposals and the flags of six outcomes."""
    overall, step2 = by_results(tuple(map(_RESULT, outcomes)))
    return overall, step2, tuple(chain.from_iterable(map(_FLAGS, outcomes)))


@cache  # memoized: at most 3^6 combinations of the six results
def by_results(results: tuple[DomainResult, ...]) -> tuple[DomainResult, tuple[Step2Proposal, ...]]:
    """docs/icope.md §1.1: overall positive if any domain is, else incomplete if any is; step-2 proposals."""
    step2 = tuple(proposal for proposal, result in zip(_PROPOSALS, results, strict=True) if result == _POSITIVE)
    if step2:
        return _POSITIVE, step2
    return (_INCOMPLETE if _INCOMPLETE in results else _NEGATIVE), ()


def next_step1_due(doc: ScreeningItems) -> date:
    """docs/interchange.md §1: date + 6 calendar months, end of month clamped (docs/icope.md §3.1).

    A due date past 9999-12-31 is an InvalidScreening naming `date` (no ValueError).
    """
    months = (doc.options or DEFAULT_OPTIONS).rescreen_months
    try:
        return _add_months(doc.date, months)
    except ValueError:
        raise InvalidScreening([due_beyond_issue(("date",), months)]) from None


def due_beyond_issue(path: tuple[str | int, ...], months: int) -> FieldIssue:
    """The field issue of a date whose due date (`months` later) would fall after 9999-12-31."""
    return FieldIssue(path, "due_beyond", {"limit": latest_start(months).isoformat()})


#: `add_months`, memoized: screenings of a batch share few dates (saves ~0.5 µs per screening).
_add_months = lru_cache(maxsize=4096)(add_months)
