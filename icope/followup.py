"""ICOPE follow-up: the newest screening against the one before it, rules D1–D6 (docs/icope.md §3.2).

Every rule is switchable (docs/interchange.md §3 `options.rules`); D2–D6 are toolkit rules (PROJECT
DECISION in the spec), D1 is the WHO step-1 rule applied over time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Annotated, Any

from pydantic import Field

from icope.errors import InvalidAssessment, InvalidFollowup
from icope.options import DEFAULT_OPTIONS
from icope.results import Step1Result
from icope.schedule import add_months, latest_start
from icope.screening import ORIENTATION_ITEMS, ScreeningItems, check_screening
from icope.step1 import due_beyond_issue, score_screening
from icope.step2 import AssessmentInput, parse_assessment_list
from icope.vocab import DOMAINS, INSTRUMENT_DOMAIN, DeclineRule, Domain, DomainResult, Instrument, OrientationAnswer
from icope.nutrition import WEIGHT_LOSS_KG
from icope.weights import has_relative_loss, measured_weight_loss
from parcours.core.date_checks import birth_after_document
from parcours.core.documents import load
from parcours.core.errors import FieldIssue, format_path
from parcours.core.identity import Organization, PatientIdentity, Practitioner
from parcours.core.models import InputModel

# docs/icope.md §3.2 D3 [S7] González-Bautista 2022: clinically meaningful chair-rise worsening.
CHAIR_RISE_WORSENING_S = Decimal("2.6")
CHAIR_RISE_WORSENING_RATIO = Decimal("0.277")
# docs/icope.md §3.2 D6 [S18] + PROJECT DECISION: hearWHO crossing below 50, or a 10-point fall.
HEARWHO_REFER_BELOW = Decimal(50)
HEARWHO_DROP = Decimal(10)


class FollowupOptions(InputModel):
    """Which decline rules run (default: all; `[]` switches every rule off)."""

    rules: list[DeclineRule] | None = None


class FollowupInput(InputModel):
    """A person's screenings (any order), step-2 assessments and options."""

    screenings: Annotated[list[ScreeningItems], Field(min_length=1)]
    assessments: list[dict[str, Any]] = []
    options: FollowupOptions | None = None
    patient: PatientIdentity | None = None
    practitioner: Practitioner | None = None
    organization: Organization | None = None


@dataclass(frozen=True, slots=True)
class Followup:
    """A validated follow-up: screenings sorted oldest first, typed assessments."""

    screenings: tuple[ScreeningItems, ...]
    assessments: tuple[AssessmentInput, ...]
    rules: frozenset[DeclineRule]
    source: FollowupInput


@dataclass(frozen=True, slots=True)
class Alert:
    """One decline alert for a domain, dated on the newest screening."""

    rule: DeclineRule
    domain: Domain
    date: date


@dataclass(frozen=True, slots=True)
class FollowupResult:
    """The newest screening's result, its alerts and the next due date (docs/interchange.md §3)."""

    latest: Step1Result
    alerts: tuple[Alert, ...]
    next_step1_due: date

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object."""
        return {
            "latest": self.latest.to_json(),
            "alerts": [{"rule": a.rule, "domain": a.domain, "date": a.date} for a in self.alerts],
            "next_step1_due": self.next_step1_due,
        }


def _check(doc: FollowupInput, today: date | None = None) -> Iterator[FieldIssue]:
    seen: set[date] = set()
    for i, screening in enumerate(doc.screenings):
        for issue in check_screening(screening, today):
            yield issue.prefixed(("screenings", i))
        if screening.date in seen:
            yield FieldIssue(("screenings", i, "date"), "duplicate_date", {"date": screening.date.isoformat()})
        seen.add(screening.date)
    yield from _birth_dates(doc)


def _birth_dates(doc: FollowupInput) -> Iterator[FieldIssue]:
    """One person, one birth date (docs/interchange.md §5.2): every given birth date agrees, none after a visit."""
    given: list[tuple[tuple[str | int, ...], date]] = []
    if doc.patient is not None and doc.patient.birth_date is not None:
        given.append((("patient", "birth_date"), doc.patient.birth_date))
    given += [(("screenings", i, "birth_date"), s.birth_date) for i, s in enumerate(doc.screenings) if s.birth_date]
    if not given:
        return
    first_path, first = given[0]
    for path, birth in given[1:]:
        if birth != first:
            yield FieldIssue(path, "birth_date_differs", {"other": format_path(first_path)})
    if doc.patient is not None and doc.patient.birth_date is not None:
        earliest = min(range(len(doc.screenings)), key=lambda i: doc.screenings[i].date)
        yield from birth_after_document(doc.patient, doc.screenings[earliest].date, ("screenings", earliest, "date"))


def parse_followup(raw: bytes | str, *, today: date | None = None) -> Followup:
    """Validate a follow-up document; raise `InvalidFollowup` naming every bad field.

    `today`: the date no screening or assessment may be after (default: parcours.core.clock).
    """
    doc = load(FollowupInput, raw, error=InvalidFollowup, check=partial(_check, today=today))
    try:
        assessments = parse_assessment_list(doc.assessments, today=today)
    except InvalidAssessment as exc:
        raise InvalidFollowup(exc.issues) from None
    rules = frozenset(DeclineRule) if doc.options is None or doc.options.rules is None else frozenset(doc.options.rules)
    ordered = tuple(sorted(doc.screenings, key=lambda s: s.date))
    newest = ordered[-1]
    months = (newest.options or DEFAULT_OPTIONS).rescreen_months
    if newest.date > latest_start(months):  # its due date would fall after 9999-12-31
        index = next(i for i, s in enumerate(doc.screenings) if s is newest)
        raise InvalidFollowup([due_beyond_issue(("screenings", index, "date"), months)])
    return Followup(ordered, tuple(assessments), rules, doc)


def _weights(screenings: tuple[ScreeningItems, ...], index: int) -> tuple[list[tuple[date, float]], float | None]:
    """The weights recorded before screening `index`, and its own (None when not weighed)."""
    current = screenings[index]
    today = None if current.nutrition is None else current.nutrition.weight_kg
    history = [
        (s.date, s.nutrition.weight_kg)
        for s in screenings[:index]
        if s.nutrition is not None and s.nutrition.weight_kg is not None
    ]
    return history, today


def _measured_loss(screenings: tuple[ScreeningItems, ...], index: int) -> float | None:
    history, today = _weights(screenings, index)
    if today is None:
        return None
    return measured_weight_loss(history, screenings[index].date, today)


def weight_loss_alert(screenings: tuple[ScreeningItems, ...], index: int, loss: float | None) -> bool:
    """D4 (docs/icope.md D4): > 3 kg within 106 days, or the HAS 2021 5 %/35 days, 10 %/190 days."""
    if loss is not None and loss > WEIGHT_LOSS_KG:
        return True
    history, today = _weights(screenings, index)
    return today is not None and has_relative_loss(history, screenings[index].date, today)


def _chair_time(s: ScreeningItems) -> Decimal | None:
    loco = s.locomotion
    if loco is None or loco.chair_rise_seconds is None or loco.completed is False:
        return None
    return Decimal(repr(loco.chair_rise_seconds))


def chair_rise_worsened(before: ScreeningItems, now: ScreeningItems) -> bool:
    """D3: time up by ≥ 2.6 s or by ≥ 27.7 %, even when both are within 14 s."""
    old, new = _chair_time(before), _chair_time(now)
    if old is None or new is None:
        return False
    rise = new - old
    return rise >= CHAIR_RISE_WORSENING_S or (old > 0 and rise >= CHAIR_RISE_WORSENING_RATIO * old)


def cognition_worsened(before: ScreeningItems, now: ScreeningItems) -> bool:
    """D5: fewer words recalled, or an orientation sub-item failing now that was correct before."""
    old, new = before.cognition, now.cognition
    if old is None or new is None:
        return False
    if old.words_recalled is not None and new.words_recalled is not None and new.words_recalled < old.words_recalled:
        return True
    if old.orientation is None or new.orientation is None:
        return False
    for name in ORIENTATION_ITEMS:
        was, is_now = getattr(old.orientation, name), getattr(new.orientation, name)
        if was is OrientationAnswer.CORRECT and is_now in (OrientationAnswer.WRONG, OrientationAnswer.UNKNOWN):
            return True
    return False


def hearwho_dropped(before: ScreeningItems, now: ScreeningItems) -> bool:
    """D6: hearWHO from ≥ 50 to < 50, or down by 10 points or more."""
    if before.hearing is None or now.hearing is None:
        return False
    old, new = before.hearing.hearwho_score, now.hearing.hearwho_score
    if old is None or new is None:
        return False
    o, n = Decimal(repr(old)), Decimal(repr(new))
    return (o >= HEARWHO_REFER_BELOW > n) or o - n >= HEARWHO_DROP


def _step2_since(assessments: tuple[AssessmentInput, ...], domain: Domain, since: date) -> bool:
    return any(INSTRUMENT_DOMAIN[Instrument(a.instrument)] is domain and a.date >= since for a in assessments)


def newly_positive(latest: Step1Result, before: Step1Result | None) -> tuple[Domain, ...]:
    """Rule D1's domains: positive now and not before (no earlier screening: every positive domain).

    Why a function: the store's saves and the demo raise the first screening's baseline D1 alerts
    with it (docs/icope.md §3.2), so the rule is written once.
    """
    positive = DomainResult.POSITIVE
    return tuple(d for d in DOMAINS if latest.domains[d].result is positive
                 and (before is None or before.domains[d].result is not positive))


def evaluate_followup(doc: Followup, *, previous_result: Step1Result | None = None) -> FollowupResult:
    """Alerts for the newest screening against the previous one, by rule then domain.

    `previous_result`: the previous screening's result when the caller already has it (what this
    function gives as `latest` for the history without the newest screening); else it is scored here.
    Why: a history evaluated one visit at a time (`parcours demo`) would score each screening twice.
    """
    newest_index = len(doc.screenings) - 1
    newest = doc.screenings[newest_index]
    loss = _measured_loss(doc.screenings, newest_index)
    latest = score_screening(newest, measured_loss_kg=loss)
    previous = doc.screenings[newest_index - 1] if newest_index else None
    if previous is None:
        before = None
    elif previous_result is not None:
        before = previous_result
    else:
        before = score_screening(previous, measured_loss_kg=_measured_loss(doc.screenings, newest_index - 1))
    positive = DomainResult.POSITIVE
    found: list[tuple[DeclineRule, Domain]] = []
    rules = doc.rules
    if DeclineRule.D1 in rules:
        found += [(DeclineRule.D1, d) for d in newly_positive(latest, before)]
    if DeclineRule.D2 in rules and before is not None and previous is not None:
        found += [
            (DeclineRule.D2, d)
            for d in DOMAINS
            if latest.domains[d].result is positive
            and before.domains[d].result is positive
            and not _step2_since(doc.assessments, d, previous.date)
        ]
    if previous is not None and DeclineRule.D3 in rules and chair_rise_worsened(previous, newest):
        found.append((DeclineRule.D3, Domain.LOCOMOTION))
    if DeclineRule.D4 in rules and weight_loss_alert(doc.screenings, newest_index, loss):
        found.append((DeclineRule.D4, Domain.NUTRITION))
    if previous is not None:
        if DeclineRule.D5 in rules and cognition_worsened(previous, newest):
            found.append((DeclineRule.D5, Domain.COGNITION))
        if DeclineRule.D6 in rules and hearwho_dropped(previous, newest):
            found.append((DeclineRule.D6, Domain.HEARING))
    alerts = tuple(Alert(rule, domain, newest.date) for rule, domain in found)
    months = (newest.options or DEFAULT_OPTIONS).rescreen_months
    return FollowupResult(latest, alerts, add_months(newest.date, months))
