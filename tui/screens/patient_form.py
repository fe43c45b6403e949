"""New patient: the interchange.md §5.2 `patient` object typed in a form, created in the store.

Why: the store validates the identity (INS key, dates) and names bad fields `patient.<field>`;
the form puts each message back under its field and keeps the draft until the patient exists.
"""

from __future__ import annotations

from typing import Any

from parcours.core.errors import FieldIssue, InvalidInput
from tui.forms import Choice, FieldSpec
from tui.screens.form import FormScreen

__all__ = ["PATIENT_FIELDS", "PatientFormScreen"]

_SEX = tuple(Choice(v, f"tui.sex.{v}") for v in ("female", "male", "other", "unknown"))

PATIENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(("family",), "text", "tui.patient.family", width=30),
    FieldSpec(("given",), "text", "tui.patient.given", width=30),
    FieldSpec(("birth_date",), "date", "tui.patient.birth_date"),
    FieldSpec(("sex",), "choice", "tui.patient.sex", _SEX),
    FieldSpec(("ins",), "text", "tui.patient.ins", width=17),
)


class _Unwrapped(InvalidInput):
    """The store's issues with the leading `patient` removed (the form's paths)."""


class PatientFormScreen(FormScreen):
    """Create a patient at the app's current site."""

    DRAFT_KIND = "patient"
    TITLE_KEY = "tui.patient.new"

    def specs(self) -> tuple[FieldSpec, ...]:
        return PATIENT_FIELDS

    def submit(self, doc: dict[str, Any]) -> Any:
        if isinstance(doc.get("given"), str):
            doc["given"] = [g for g in doc["given"].split() if g] or doc["given"]
        try:
            return self.app.store.create_patient(doc, site=self.app.site, actor=self.app.actor)
        except InvalidInput as exc:
            raise _Unwrapped([
                FieldIssue(i.path[1:] if i.path[:1] == ("patient",) else i.path, i.code, i.params) for i in exc.issues
            ]) from None

    def after_save(self, saved: Any) -> None:
        self.app.status(self.app.t("tui.patient.created", name=f"{saved.family or ''} {' '.join(saved.given)}"))
        self.dismiss(saved)
