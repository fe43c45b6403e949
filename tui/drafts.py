"""Reopen a draft: which screen it belongs to, and how to describe it in « Reprendre la saisie ? ».

Why: a draft stores the screen's name and arguments with the typed values, so after a crash the
app can rebuild exactly the screen that was open, with the same patient and every field.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from parcours.core.errors import ParcoursError
from tui.dates import show_datetime

if TYPE_CHECKING:
    from parcours.store.rows import Draft, Patient
    from tui.app import ParcoursApp
    from tui.screens.form import FormScreen

__all__ = ["KIND_SCREENS", "SCREENS", "describe_draft", "screen_for_draft"]

#: document kind (parcours.kinds) -> the screen that enters it, "module:class"; the class's DRAFT_KIND is the kind.
KIND_SCREENS: dict[str, str] = {
    "icope.screening": "tui.screens.step1:Step1Screen",
    "icope.assessment": "tui.screens.step2:Step2Screen",
    "icope.care_plan": "tui.screens.careplan:CarePlanScreen",
    "medisis.risk": "tui.screens.medisis_forms:RiskScreen",
    "medisis.consultation30": "tui.screens.medisis_forms:Consultation30Screen",
    "medisis.review": "tui.screens.medisis_review:ReviewScreen",
    "medisis.reconciliation": "tui.screens.reconciliation:ReconciliationScreen",
    "medisis.intervention": "tui.screens.intervention:InterventionScreen",
    "medisis.stay": "tui.screens.stay:StayScreen",
}

#: draft `screen` name → "module:class"; each class takes (patient, draft=..., **args).
SCREENS: dict[str, str] = {
    spec.rpartition(":")[2]: spec
    for spec in (*KIND_SCREENS.values(), "tui.screens.patient_form:PatientFormScreen")
}


def _patient(app: ParcoursApp, draft: Draft) -> Patient | None:
    if draft.patient_id is None:
        return None
    try:
        return app.db.get_patient(draft.patient_id)
    except ParcoursError:
        return None


def describe_draft(app: ParcoursApp, draft: Draft) -> str:
    """`Dépistage ICOPE étape 1 — MARTIN Jeanne — 20/11/2026 10:12`."""
    patient = _patient(app, draft)
    kind_key = f"tui.draft.{draft.kind}"
    try:
        what = app.t(kind_key)
    except KeyError:
        what = draft.kind
    who = f" — {patient.family or ''} {' '.join(patient.given)}".rstrip() if patient is not None else ""
    return f"{what}{who} — {show_datetime(draft.updated_at)}"


def screen_for_draft(app: ParcoursApp, draft: Draft) -> FormScreen[Any] | None:
    """The screen the draft was typed in, refilled; None if it cannot be rebuilt."""
    data = draft.data or {}
    spec = SCREENS.get(str(data.get("screen")))
    if spec is None:
        return None
    module, _, name = spec.partition(":")
    cls: type[FormScreen[Any]] = getattr(importlib.import_module(module), name)
    args = data.get("args") or {}
    return cls(patient=_patient(app, draft), draft=draft, **args)
