"""The base of every data-entry screen: rows of fields, autosaved draft, live check, ctrl+s saves.

Why: "never lose what was typed" (issue 8) is one mechanism for all forms: each field change is
written to a store draft at once; a validation error is shown under its field and the typed text
stays; saving sends the contract's document to the store, which validates it with the domain.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import Reactive
from textual.widgets import Header

from parcours.core.errors import FieldIssue, InvalidInput, ParcoursError
from parcours.messages import message, render_issue
from tui.footer import KeyFooter
from tui.forms import FieldSpec, build_document, is_empty, issues_by_field
from tui.keys import Key, install_keys
from tui.dates import show
from tui.plain import Label
from tui.rows import FieldRow, InfoRow, Line
from tui.screens.form_focus import FormFocus
from tui.widgets import FieldChanged

if TYPE_CHECKING:
    from parcours.store.rows import Draft, Patient

__all__ = ["FormScreen", "issue_text"]

#: codes whose general message names the storage format; the form says what to type instead.
UI_MESSAGES = {
    "not_date": "tui.error.date",
    # the contract's wording names JSON keys (`atc, cis…`, `bm_id`): the form says what to do instead
    "drug_identification_missing": "tui.error.drug_identification_missing",
    "equivalence_unpaired": "tui.error.equivalence_unpaired",
}
#: Where a document carries the patient file's birth date without a field of its own (step 1, review):
#: its issues (born after the visit, docs/plausibility.md §1) go under the birth-date line of the form.
BIRTH_DATE_PATHS = frozenset({("birth_date",), ("patient", "birth_date")})


def issue_text(issue: FieldIssue, lang: str, extra: Mapping[str, str] | None = None) -> str:
    """The message of one bad field without its path (it is shown under the field)."""
    table = {**UI_MESSAGES, **(extra or {})}
    if issue.code in table:
        return message(table[issue.code], lang)  # type: ignore[arg-type]
    if issue.code == "future_date":  # today shown as every date of the UI, dd/mm/yyyy
        return message("tui.error.future_date", lang, today=show(issue.params.get("today")))  # type: ignore[arg-type]
    return render_issue(issue, lang, path=False)  # type: ignore[arg-type]


#: what `submit` returns and the screen is dismissed with: the store's `Saved` row (a `Patient` for the identity form)
SavedT = TypeVar("SavedT")


class FormScreen(FormFocus, Generic[SavedT]):
    """A form on the contract's document of one record kind; subclasses give fields and hooks."""

    #: the draft's kind and the title's catalog key: a class's own, which an instance may change (patient edit)
    DRAFT_KIND: str = ""
    TITLE_KEY: str = ""
    KEYS: ClassVar[tuple[Key, ...]] = (
        Key("ctrl+s", "save", "tui.key.save", priority=True),
        Key("escape", "back", "tui.key.back"),
        # priority: handled before the next keys are forwarded, so fast typing never lands in the old field
        Key("tab", "app.focus_next", "tui.key.next", show=False, priority=True),
        Key("shift+tab", "app.focus_previous", "tui.key.previous", show=False, priority=True),
    )
    HELP: ClassVar[str | None] = None
    #: issue code → catalog key, for the contract messages that name another field by its JSON key
    ISSUE_MESSAGES: ClassVar[Mapping[str, str]] = {}
    #: issue codes not shown while typing (something is still to come), only when saving
    QUIET_WHILE_TYPING: ClassVar[frozenset[str]] = frozenset({"missing"})
    #: Textual repaints the whole screen when the focus moves; on a form only the two fields whose
    #: :focus style changes need it (they are refreshed by the stylesheet), so Tab stays cheap.
    focused: Reactive[Any] = Reactive(None, repaint=False)
    DEFAULT_CSS = """
    FormScreen #form { height: 1fr; padding: 0 1; }
    FormScreen #result { height: auto; max-height: 4; background: $panel; padding: 0 1; }
    FormScreen #form-errors { color: $error; height: auto; }
    """

    def __init__(self, patient: Patient | None = None, *, draft: Draft | None = None,
                 values: Mapping[str, Any] | None = None) -> None:
        super().__init__()
        self.patient = patient
        self.draft_id: str | None = getattr(draft, "id", None)
        #: the draft's version as this screen last wrote it: another writer's change is a Conflict, not overwritten
        self.draft_version: int | None = getattr(draft, "version", None)
        data = getattr(draft, "data", None) or {}
        self.values: dict[str, Any] = dict(values or data.get("values") or {})
        #: the field typed last (kept in the draft): a resumed form reopens on it
        self.resume_key = data.get("focus")
        self.saved: SavedT | None = None

    # --- hooks -------------------------------------------------------------------------------
    def specs(self) -> tuple[FieldSpec, ...]:
        """The form's fields, in entry order."""
        raise NotImplementedError

    def base_document(self) -> dict[str, Any]:
        """Keys of the document that are not fields (instrument name, birth date…)."""
        return {}

    def draft_args(self) -> dict[str, Any]:
        """What is needed to reopen this screen from its draft (besides the values)."""
        return {}

    def shown_birth_date(self) -> date | None:
        """The patient file's birth date, when the document carries it without a field (None: no line)."""
        return None

    def live_result(self, doc: dict[str, Any]) -> str | None:
        """The result to show while typing (raises InvalidInput while the document is not valid)."""
        return None

    def submit(self, doc: dict[str, Any]) -> SavedT:
        """Store the document; raise InvalidInput to put errors back on the fields."""
        raise NotImplementedError

    def on_save_error(self, exc: ParcoursError) -> bool:
        """A store error the form explains itself (True), or a generic message (False)."""
        return False

    def after_save(self, saved: SavedT) -> None:
        """Default: tell the user and go back."""
        self.app.status(self.app.t("tui.status.saved"))
        self.dismiss(saved)

    # --- composition ---------------------------------------------------------------------------
    @property
    def patient_id(self) -> str | None:
        return getattr(self.patient, "id", None)

    def compose(self) -> ComposeResult:
        install_keys(self, self.KEYS, self.app.lang)
        yield Header()
        with VerticalScroll(id="form"):
            yield Label(self.heading(), classes="title", id="form-title")
            birth = self.shown_birth_date()
            if birth is not None:
                yield InfoRow(self.app.t("tui.form.birth_date", date=show(birth)), id="row-patient-birth-date")
            yield from self.compose_body()
            yield Line("", id="form-errors")
        yield Line("", id="result")
        yield KeyFooter()

    def heading(self) -> str:
        who = ""
        if self.patient is not None:
            who = f" — {self.patient.family} {' '.join(self.patient.given)}"
        return self.app.t(self.TITLE_KEY) + who

    def compose_body(self) -> ComposeResult:
        for spec in self.specs():
            yield FieldRow(spec, self.app.lang, self.values.get(spec.key))

    def on_mount(self) -> None:
        self.refresh_view()
        self.focus_start()

    # --- live behaviour ------------------------------------------------------------------------
    def field_changed(self, key: str, value: Any) -> None:
        """A field changed: save the draft first, then refresh what is shown (called synchronously)."""
        old = self.values.get(key)
        if old == value and type(old) is type(value) or (is_empty(old) and is_empty(value)):
            return
        self.values[key] = value
        self.resume_key = key
        self.autosave()
        if self.is_mounted:
            self.refresh_view()

    def on_field_changed(self, event: FieldChanged) -> None:
        event.stop()
        self.field_changed(event.key, event.value)

    def autosave(self) -> None:
        """Write the typed values to the store's draft (one small transaction per change)."""
        data = {
            "values": self.values,
            "screen": type(self).__name__,
            "args": self.draft_args(),
            "focus": self.resume_key,
        }
        try:
            self.draft_id = self.app.db.save_draft(
                self.DRAFT_KIND, data, actor=self.app.actor, draft_id=self.draft_id, patient_id=self.patient_id,
                version=self.draft_version,
            )
            self.draft_version = 1 if self.draft_version is None else self.draft_version + 1
        except ParcoursError as exc:
            self.app.status(self.app.t("tui.status.draft_failed", code=exc.code), error=True)

    def document(self) -> tuple[dict[str, Any], list[FieldIssue]]:
        """The contract's document from the fields, and the fields that could not be read."""
        return build_document(self.specs(), self.values, self.base_document())

    def show_issues(self, issues: list[FieldIssue] | tuple[FieldIssue, ...], *, only_typed: bool = False) -> None:
        """Each issue under its field; issues of no field under the form. Others are cleared."""
        lang = self.app.lang
        by_field, other = issues_by_field(self.specs(), issues)
        for row in self.query(FieldRow):
            issue = by_field.get(row.spec.key)
            if issue is not None and only_typed and (issue.code in self.QUIET_WHILE_TYPING
                                                     or issue.code.startswith("implausible")):
                issue = None  # while typing: "6" on the way to "67,9" is not yet an error (shown on ctrl+s)
            row.set_error(issue_text(issue, lang, self.ISSUE_MESSAGES) if issue is not None else None)
        for info in self.query(InfoRow):  # the patient file's birth date, when the form shows it
            birth = next((i for i in other if tuple(i.path) in BIRTH_DATE_PATHS), None)
            other = [i for i in other if tuple(i.path) not in BIRTH_DATE_PATHS]
            info.set_error(issue_text(birth, lang, self.ISSUE_MESSAGES) if birth is not None else None)
        shown = [] if only_typed else other
        # no field to put it under: the message alone, never a raw JSON path
        self.query_one("#form-errors", Line).update("\n".join(issue_text(i, lang, self.ISSUE_MESSAGES) for i in shown))

    def refresh_view(self) -> None:
        """Re-read the form: typing errors at once; the live result when the document is valid."""
        doc, issues = self.document()
        result: str | None = None
        if not issues:
            try:
                result = self.live_result(doc)
            except InvalidInput as exc:
                issues = list(exc.issues)
        self.show_issues(issues, only_typed=True)
        self.query_one("#result", Line).update(result or "")

    # --- actions -------------------------------------------------------------------------------
    def action_save(self) -> None:
        """ctrl+s: validate through the domain and store; errors go back to their fields."""
        doc, issues = self.document()
        if issues:
            self.show_issues(issues)
            self.app.status(self.app.t("tui.status.invalid"), error=True)
            return
        try:
            question = self.confirm_save(doc)
        except InvalidInput as exc:
            self.show_issues(exc.issues)
            self.app.status(self.app.t("tui.status.invalid"), error=True)
            return
        if question is None:
            self.store_document(doc)
            return
        from tui.screens.modals import ConfirmScreen

        def answered(sure: bool | None) -> None:
            if sure:
                self.store_document(doc)
            else:
                self.app.status(self.app.t("tui.status.not_saved"))

        self.app.push_screen(ConfirmScreen(question), answered)

    def confirm_save(self, doc: dict[str, Any]) -> str | None:
        """The question to ask before saving `doc` (naming what the save changes), or None to save at once."""
        return None

    def store_document(self, doc: dict[str, Any]) -> None:
        """Save `doc` through the store; errors go back to their fields; the draft is discarded."""
        try:
            saved = self.submit(doc)
        except InvalidInput as exc:
            self.show_issues(exc.issues)
            self.app.status(self.app.t("tui.status.invalid"), error=True)
            return
        except ParcoursError as exc:
            if not self.on_save_error(exc):
                self.app.status(self.app.t("tui.status.store_error", code=exc.code), error=True)
            return
        self.saved = saved
        if self.draft_id is not None:
            # the record is saved; a leftover draft is offered again, never lost
            with contextlib.suppress(ParcoursError):
                self.app.db.discard_draft(self.draft_id, actor=self.app.actor)
            self.draft_id = self.draft_version = None
        self.after_save(saved)

    def action_back(self) -> None:
        """Escape: leave; what was typed stays in the draft."""
        if self.draft_id is not None:
            self.app.status(self.app.t("tui.status.draft_kept"))
        self.dismiss(None)
