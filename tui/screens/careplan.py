"""The step-3 care plan editor: goals, interventions (pre-filled from icope's proposals), dates.

Why: docs/icope.md §3.3 — the plan is drafted after step 2 with the GP; `icope.propose_interventions`
suggests the interventions of the confirmed domains, the professional edits them, the store
validates the record (`icope.careplan.parse_care_plan_record`) when it is saved.
"""

from __future__ import annotations

from typing import Any

import orjson
from textual.app import ComposeResult

from icope.vocab import DOMAIN_NAMES
from parcours.core.errors import InvalidInput
from parcours.store.rows import Patient, Saved
from tui.dates import show
from tui.forms import Choice, FieldSpec
from tui.screens.form import FormScreen

__all__ = ["PLAN_FIELDS", "CarePlanScreen", "proposals_for"]

GOALS = 4
SLOTS = 6
_DOMAINS = tuple(Choice(d, f"icope.domain.{d}") for d in DOMAIN_NAMES)
_TYPES = tuple(Choice(t, f"tui.cp.type.{t}") for t in
               ("exercise", "nutrition", "eye_care", "hearing", "memory_clinic", "psych", "social", "caregiver"))
_ROLES = tuple(Choice(r, f"tui.by.{r}") for r in ("nurse", "physiotherapist", "physician", "pharmacist", "other"))
_STATUS = (Choice("active", "tui.cp.status.active"), Choice("completed", "tui.cp.status.completed"))


def _slot(i: int) -> tuple[FieldSpec, ...]:
    return (
        FieldSpec(("interventions", i, "domain"), "choice", "tui.cp.domain", _DOMAINS, extra={"slot": i}),
        FieldSpec(("interventions", i, "type"), "choice", "tui.cp.type", _TYPES),
        FieldSpec(("interventions", i, "assignee_role"), "choice", "tui.cp.role", _ROLES),
        FieldSpec(("interventions", i, "due"), "date", "tui.cp.due"),
    )


PLAN_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(("date",), "date", "tui.field.date"),
    FieldSpec(("status",), "choice", "tui.cp.status", _STATUS),
    *(FieldSpec(("goals", i), "text", "tui.cp.goal", width=50) for i in range(GOALS)),
    *(f for i in range(SLOTS) for f in _slot(i)),
    FieldSpec(("gp_agreement",), "date", "tui.cp.gp_agreement"),
    FieldSpec(("motivational_interview",), "date", "tui.cp.motivational_interview"),
    FieldSpec(("rci",), "date", "tui.cp.rci"),
    FieldSpec(("review_date",), "date", "tui.cp.review_date"),
)


def proposals_for(records: Any, start: Any) -> tuple[str | None, list[Any]]:
    """The latest screening's record id and icope's proposed interventions (step 2 done since it).

    Without any screening every stored assessment counts: a step-2 result confirms its domain on
    its own, and a PHQ-9 S1 is proposed first whatever the step 1 (docs/icope.md "Safety rules").
    """
    from icope import assess_instrument, parse_assessment, parse_screening, propose_interventions, score_screening

    docs = records.documents
    screenings = [d for d in docs if d.kind.value == "icope.screening"]
    last = screenings[-1] if screenings else None
    try:
        step1 = score_screening(parse_screening(orjson.dumps(last.document))) if last is not None else None
        assessments = [assess_instrument(parse_assessment(orjson.dumps(d.document)))
                       for d in docs if d.kind.value == "icope.assessment"
                       and (last is None or d.recorded_on >= last.recorded_on)]
    except InvalidInput:
        return None if last is None else last.record_id, []  # a record the domain refuses now: no proposal
    return None if last is None else last.record_id, list(propose_interventions(step1, assessments, start))


class CarePlanScreen(FormScreen[Saved]):
    """The plan of one patient (a new one each time: the store keeps them all, dated)."""

    DRAFT_KIND = "icope.care_plan"
    TITLE_KEY = "tui.cp.title"
    HELP = "tui.cp.help"

    def __init__(self, patient: Patient | None = None, screening_id: str | None = None, **kw: Any) -> None:
        super().__init__(patient, **kw)
        self.screening_id = screening_id
        self.actions: list[str] = []

    def specs(self) -> tuple[FieldSpec, ...]:
        return PLAN_FIELDS

    def compose_body(self) -> ComposeResult:
        if not self.values:
            self.prefill()
        self.values.setdefault("date", show(self.app.today()))
        from tui.plain import Label

        from tui.rows import FieldRow

        for spec in self.specs():
            if "slot" in spec.extra:
                yield Label(self.app.t("tui.cp.intervention", n=spec.extra["slot"] + 1), classes="section")
            yield FieldRow(spec, self.app.lang, self.values.get(spec.key))

    def prefill(self) -> None:
        """Put icope's proposals in the intervention slots of a new plan."""
        today = self.app.today()
        self.values["date"] = show(today)
        self.values["status"] = "active"
        if self.patient is None:
            return
        self.screening_id, proposals = proposals_for(self.app.db.patient_records(self.patient.id), today)
        for i, proposal in enumerate(proposals[:SLOTS]):
            item = proposal.intervention
            self.values[f"interventions.{i}.domain"] = str(item.domain)
            self.values[f"interventions.{i}.type"] = str(item.type)
            self.values[f"interventions.{i}.assignee_role"] = str(item.assignee_role)
            self.values[f"interventions.{i}.due"] = show(item.due)
            self.actions.append(proposal.action)

    def draft_args(self) -> dict[str, Any]:
        return {"screening_id": self.screening_id}

    def base_document(self) -> dict[str, Any]:
        return {"screening": self.screening_id} if self.screening_id else {}

    def live_result(self, doc: dict[str, Any]) -> str | None:
        from icope.careplan import parse_care_plan_record

        from icope.careplan import plan_moves_rescreen

        plan = parse_care_plan_record(orjson.dumps(doc))
        text = self.app.t("tui.cp.summary", goals=len(plan.goals), interventions=len(plan.interventions))
        due = plan_moves_rescreen(plan)
        if due is not None:  # docs/icope.md §3.1: an active plan sets the next step 1 at its start + 6 months
            text += "\n" + self.app.t("tui.cp.rescreen", date=show(due))
        if self.actions:
            text += "\n" + self.app.t("tui.cp.proposed", actions=", ".join(self._action(a) for a in self.actions))
        return text

    def _action(self, code: str) -> str:
        try:
            return self.app.t(f"tui.cp.action.{code}")
        except KeyError:
            return code

    def submit(self, doc: dict[str, Any]) -> Saved:
        from parcours.core.records import RecordKind

        return self.app.db.save_document(
            RecordKind.ICOPE_CARE_PLAN, doc, actor=self.app.actor, patient_id=self.patient_id
        )
