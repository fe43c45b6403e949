"""New patient, or edit one: the docs/interchange.md §5.2 `patient` object typed in a form.

Why: the store validates the identity (INS key, dates) and names bad fields `patient.<field>`;
the form puts each message back under its field and keeps the draft until the store has it. An
edit is sent with the version it started from: if someone changed the patient meanwhile the
store refuses (Conflict), the form says so and keeps what was typed (F5 shows their version).
"""

from __future__ import annotations

from typing import Any

from parcours.core.errors import FieldIssue, InvalidInput, ParcoursError
from parcours.store.errors import Conflict, Duplicate
from parcours.store.rows import Patient
from tui.dates import show
from tui.forms import Choice, FieldSpec
from tui.keys import Key
from tui.rows import Line
from tui.screens.form import FormScreen

__all__ = ["PATIENT_FIELDS", "PatientFormScreen", "identity_values"]

_SEX = tuple(Choice(v, f"tui.sex.{v}") for v in ("female", "male", "other", "unknown"))

PATIENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(("family",), "text", "tui.patient.family", width=30),
    FieldSpec(("given",), "text", "tui.patient.given", width=30),
    FieldSpec(("birth_date",), "date", "tui.patient.birth_date"),
    FieldSpec(("sex",), "choice", "tui.patient.sex", _SEX),
    FieldSpec(("ins",), "text", "tui.patient.ins", width=17),
)
_FORM_KEYS = tuple(spec.key for spec in PATIENT_FIELDS)


def identity_values(patient: Patient) -> dict[str, Any]:
    """The form's values of a stored patient (dates shown dd/mm/yyyy)."""
    return {"family": patient.family or "", "given": " ".join(patient.given), "birth_date": show(patient.birth_date),
            "sex": patient.sex, "ins": patient.ins or ""}


class _Unwrapped(InvalidInput):
    """The store's issues with the leading `patient` removed (the form's paths)."""


class PatientFormScreen(FormScreen[Patient]):
    """Create a patient at the app's current site, or edit `patient` (optimistic locking)."""

    DRAFT_KIND = "patient"
    TITLE_KEY = "tui.patient.new"
    KEYS = (*FormScreen.KEYS, Key("f5", "reload", "tui.key.reload", show=False))

    def __init__(self, patient: Patient | None = None, version: int | None = None, **kw: Any) -> None:
        super().__init__(patient, **kw)
        self.version = version if version is not None else getattr(patient, "version", None)
        if patient is not None:
            self.DRAFT_KIND, self.TITLE_KEY = "patient.edit", "tui.patient.edit"
            if not self.values:
                self.values.update(identity_values(patient))

    def specs(self) -> tuple[FieldSpec, ...]:
        return PATIENT_FIELDS

    def heading(self) -> str:
        return self.app.t(self.TITLE_KEY) + (f" — {self.patient.id}" if self.patient is not None else "")

    def draft_args(self) -> dict[str, Any]:
        return {"version": self.version} if self.patient is not None else {}

    def base_document(self) -> dict[str, Any]:
        """An edit keeps the identity's other keys (identifiers…); the form's keys come from the fields."""
        if self.patient is None:
            return {}
        return {k: v for k, v in (self.patient.identity or {}).items() if k not in _FORM_KEYS}

    def submit(self, doc: dict[str, Any]) -> Patient:
        if isinstance(doc.get("given"), str):
            doc["given"] = [g for g in doc["given"].split() if g] or doc["given"]
        store, actor = self.app.db, self.app.actor
        try:
            if self.patient is None:
                return store.create_patient(doc, site=self.app.site, actor=actor)
            version = self.patient.version if self.version is None else self.version
            return store.update_patient(self.patient.id, doc, version=version, actor=actor)
        except InvalidInput as exc:
            raise _Unwrapped([
                FieldIssue(i.path[1:] if i.path[:1] == ("patient",) else i.path, i.code, i.params) for i in exc.issues
            ]) from None

    def on_save_error(self, exc: ParcoursError) -> bool:
        """A Conflict is not a fault: say « modifié entre-temps… rechargez », keep the values."""
        if isinstance(exc, Duplicate):  # the identifier is another patient's: name the field, not the value
            text = self.app.t("store.duplicate", entity=self.app.t("store.entity.patient"), field=exc.params["field"],
                              key=exc.params["key"])
            self.query_one("#form-errors", Line).update(text)
            self.app.status(text, error=True)
            return True
        if isinstance(exc, Conflict):
            self.query_one("#form-errors", Line).update(self.app.t("tui.patient.conflict"))
            self.app.status(self.app.t("tui.patient.conflict"), error=True)
            return True
        return False

    def action_reload(self) -> None:
        """F5 after a conflict: read the stored version (shown), the next save goes over it."""
        if self.patient is None:
            return
        try:
            current = self.app.db.get_patient(self.patient.id)
        except ParcoursError as exc:
            self.app.status(self.app.t("tui.status.store_error", code=exc.code), error=True)
            return
        self.patient, self.version = current, current.version
        self.autosave()
        name = f"{current.family or ''} {' '.join(current.given)}".strip()
        self.query_one("#form-errors", Line).update(self.app.t(
            "tui.patient.reloaded", name=name, birth=show(current.birth_date) or "—", ins=current.ins or "—"))

    def after_save(self, saved: Patient) -> None:
        key = "tui.patient.created" if self.patient is None else "tui.patient.updated"
        self.app.status(self.app.t(key, name=f"{saved.family or ''} {' '.join(saved.given)}"))
        self.dismiss(saved)
