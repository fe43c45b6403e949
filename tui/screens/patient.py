"""The patient file: screenings over time, step-2 scores, alerts, care plan, MEDISIS, drafts; actions.

Why: everything a nurse or pharmacist needs before acting on one person, read from
`store.patient_records`, with one key per next step (screen, assess, plan, reconcile, export).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header

from parcours.core.errors import ParcoursError
from tui import actions
from tui.cells import rule_label
from tui.dates import show
from tui.footer import KeyFooter
from tui.keys import Key, install_keys
from tui.patient_view import DOMAIN_KEYS, medisis_lines, screening_cells, step2_lines, text_lines
from tui.plain import Label, Static, cell
from tui.screens.base import ParcoursScreen
from tui.screens.patient_actions import PatientForms

if TYPE_CHECKING:
    from parcours.core.records import PatientRecords
    from parcours.store.rows import Patient

__all__ = ["PatientScreen"]


class PatientScreen(PatientForms, ParcoursScreen[None]):
    """One patient's file."""

    KEYS = (
        Key("d", "screening", "tui.pf.key.screening"),
        Key("e", "step2", "tui.pf.key.step2"),
        Key("p", "care_plan", "tui.pf.key.plan"),
        Key("c", "reconciliation", "tui.pf.key.reconciliation"),
        Key("r", "risk", "tui.pf.key.risk", show=False),
        Key("v", "review", "tui.pf.key.review", show=False),
        Key("j", "review30", "tui.pf.key.review30", show=False),
        Key("x", "export_pdf", "tui.pf.key.pdf"),
        Key("f", "export_fhir", "tui.pf.key.fhir", show=False),
        Key("b", "drafts", "tui.pf.key.drafts", show=False),
        Key("a", "alert_status", "tui.pf.key.alert", show=False),
        Key("s", "stay", "tui.pf.key.stay", show=False),
        Key("m", "edit", "tui.pf.key.edit", show=False),
        Key("delete", "delete", "tui.pf.key.delete", show=False, display="Suppr/Del"),
        Key("escape", "back", "tui.key.back"),
        Key("pagedown", "scroll_file(1)", "tui.pf.key.page_down", show=False, priority=True),
        Key("pageup", "scroll_file(-1)", "tui.pf.key.page_up", show=False, priority=True),
        Key("ctrl+end", "scroll_file(99)", "tui.pf.key.end", show=False, priority=True),
        Key("ctrl+home", "scroll_file(-99)", "tui.pf.key.home", show=False, priority=True),
    )
    HELP = "tui.pf.help"
    DEFAULT_CSS = """
    PatientScreen #file { padding: 0 1; }
    PatientScreen DataTable { height: auto; max-height: 8; }
    PatientScreen .lines { height: auto; }
    PatientScreen #pf-safety { height: auto; color: $error; text-style: bold; }
    PatientScreen #pf-safety.-off { display: none; }
    """

    def __init__(self, patient_id: str) -> None:
        super().__init__(id="patient")
        self.patient_id = patient_id
        self.patient: Patient | None = None
        self.records: PatientRecords | None = None
        self.last_export: Any = None

    def compose(self) -> ComposeResult:
        install_keys(self, self.KEYS, self.app.lang)
        t = self.app.t
        yield Header()
        with VerticalScroll(id="file"):
            yield Label("", classes="title", id="pf-who")
            yield Static("", id="pf-safety")
            yield Static("", id="pf-identity")
            yield Label(t("tui.pf.screenings"), classes="section")
            yield DataTable(id="pf-screenings", cursor_type="row")
            for section in ("step2", "alerts", "plan", "medisis", "drafts"):
                yield Label(t(f"tui.pf.{section}"), classes="section")
                yield Static("", id=f"pf-{section}", classes="lines")
        yield KeyFooter()

    def on_mount(self) -> None:
        t = self.app.t
        table = self.query_one("#pf-screenings", DataTable)
        table.add_columns(t("tui.col.date"), t("tui.col.overall"), *(t(f"tui.pf.short.{d}") for d in DOMAIN_KEYS))
        from parcours.store.audit import Access

        try:  # who opened whose file is audited (issue 20), before anything is shown
            self.app.db.record_access(self.patient_id, actor=self.app.actor, purpose=Access.TUI_OPEN)
        except ParcoursError as exc:
            self.app.status(self.app.t("tui.status.store_error", code=exc.code), error=True)
            return
        self.reload()
        table.focus()

    def reload(self) -> None:
        """Read the patient and their records again (after any save)."""
        t = self.app.t
        try:
            self.patient = self.app.db.get_patient(self.patient_id)
            self.records = self.app.db.patient_records(self.patient_id)
            drafts = self.app.db.list_drafts(patient_id=self.patient_id)
        except ParcoursError as exc:
            self.app.status(self.app.t("tui.status.store_error", code=exc.code), error=True)
            return
        p = self.patient
        self.query_one("#pf-who", Label).update(f"{p.family or ''} {' '.join(p.given)}".strip())
        self.query_one("#pf-identity", Static).update(t(
            "tui.pf.identity",
            born=t(f"tui.pf.born.{p.sex if p.sex in ('female', 'male') else 'other'}", birth=show(p.birth_date) or "—"),
            sex=t(f"tui.sex.{p.sex}") if p.sex else "—",
            ins=p.ins or "—",
            site=p.site or "—",
            due=show(p.next_step1_due) or "—",
        ))
        docs = self.records.documents
        table = self.query_one("#pf-screenings", DataTable)
        table.clear()
        for doc in docs:
            if doc.kind.value == "icope.screening":
                table.add_row(*map(cell, screening_cells(doc, t)))
        step2_text = text_lines(step2_lines(docs, t, self.app.lang), t, "tui.pf.none.step2")
        self.query_one("#pf-step2", Static).update(step2_text)
        # docs/icope.md "Safety rules": open S1 alerts on top of the file, and first in its list
        urgent = [d for d in docs if d.kind.value == "icope.alert" and d.document.get("rule") == "S1"
                  and d.document.get("status", "new") in ("new", "confirmed")]
        safety = self.query_one("#pf-safety", Static)
        safety.update("\n".join(t("tui.safety.open", date=show(d.document.get("date"))) for d in urgent))
        safety.set_class(not urgent, "-off")
        alert_docs = sorted(
            (d for d in docs if d.kind.value == "icope.alert"), key=lambda d: d.document.get("rule") != "S1"
        )
        alerts = [
            t("tui.pf.alert", rule=rule_label(t, d.document.get("rule", "")),
              domain=t(f"icope.domain.{d.document.get('domain')}"),
              date=show(d.document.get("date")), status=t(f"tui.alert.{d.document.get('status', 'new')}"))
            for d in alert_docs
        ]
        self.query_one("#pf-alerts", Static).update(text_lines(alerts, t, "tui.pf.none.alerts"))
        plans = [d for d in docs if d.kind.value == "icope.care_plan"]
        plan_text = []
        if plans:
            plan = plans[-1].document
            plan_text = [t("tui.pf.plan_line", date=show(plan.get("date")), goals=len(plan.get("goals", [])),
                           interventions=len(plan.get("interventions", [])))]
            plan_text += [f"  • {g}" for g in plan.get("goals", [])]
        self.query_one("#pf-plan", Static).update(text_lines(plan_text, t, "tui.pf.none.plan"))
        self.query_one("#pf-medisis", Static).update(text_lines(medisis_lines(docs, t), t, "tui.pf.none.medisis"))
        self.query_one("#pf-drafts", Static).update(
            text_lines([self._draft_line(d) for d in drafts], t, "tui.pf.none.drafts")
        )

    def _draft_line(self, draft: Any) -> str:
        from tui.drafts import describe_draft

        return describe_draft(self.app, draft)

    # --- actions (the forms: tui.screens.patient_actions) ----------------------------------------
    def open_alerts(self) -> list[tuple[str, str]]:
        """(record id, line) of the patient's open alerts."""
        t = self.app.t
        docs = self.records.documents if self.records else ()
        return [(d.record_id, t("tui.pf.alert", rule=rule_label(t, d.document.get("rule", "")),
                                date=show(d.document.get("date")), domain=t(f"icope.domain.{d.document.get('domain')}"),
                                status=t(f"tui.alert.{d.document.get('status', 'new')}")))
                for d in sorted(docs, key=lambda d: d.document.get("rule") != "S1")
                if d.kind.value == "icope.alert" and d.document.get("status", "new") in ("new", "confirmed")]

    def action_alert_status(self) -> None:
        """`a`: pick one of the patient's open alerts, then its new status."""
        from tui.alerts import ask_alert_status
        from tui.screens.modals import PickScreen

        alerts = self.open_alerts()
        if not alerts:
            self.app.status(self.app.t("tui.pf.no_alert"))
            return

        def picked(record_id: str | None) -> None:
            if record_id:
                ask_alert_status(self.app, record_id, lambda _: self.reload())

        if len(alerts) == 1:
            picked(alerts[0][0])
        else:
            self.app.push_screen(PickScreen(self.app.t("tui.pf.pick_alert"), alerts), picked)

    def action_delete(self) -> None:
        """Suppr: soft-delete the patient; a reason is required (kept in the audit trail)."""
        from tui.screens.modals import ReasonScreen

        patient = self.patient
        if patient is None:  # the file could not be read (its error is shown): nothing to delete
            return
        name = f"{patient.family or ''} {' '.join(patient.given)}".strip()

        def confirmed(reason: str | None) -> None:
            if not reason:
                return
            try:
                self.app.db.delete_patient(self.patient_id, reason=reason, actor=self.app.actor,
                                           version=patient.version)  # refused if changed since shown
            except ParcoursError as exc:
                self.app.status(self.app.t("tui.status.store_error", code=exc.code), error=True)
                return
            self.app.status(self.app.t("tui.pf.deleted", name=name))
            self.dismiss(None)

        self.app.push_screen(ReasonScreen(self.app.t("tui.delete.title", name=name)), confirmed)

    def _export(self, kind: str) -> None:
        t = self.app.t
        try:
            folder = actions.export_dir(getattr(self.app, "export_folder", None))
            if kind == "pdf":
                done = actions.export_pdf(self.app.db, self.patient_id, self.app.lang, folder, actor=self.app.actor)
            else:
                done = actions.export_fhir(self.app.db, self.patient_id, folder, actor=self.app.actor)
        except ImportError as exc:
            self.app.status(t("tui.pf.export_missing", what=kind.upper(), module=exc.name or ""), error=True)
            return
        except (OSError, ParcoursError, ValueError) as exc:
            self.app.status(t("tui.pf.export_failed", what=kind.upper(), reason=type(exc).__name__), error=True)
            return
        self.last_export = done
        key = "tui.pf.pdf_done" if kind == "pdf" else "tui.pf.fhir_done"
        self.app.status(t(key, path=str(done.path), count=done.count))

    def action_export_pdf(self) -> None:
        self._export("pdf")

    def action_export_fhir(self) -> None:
        self._export("fhir")

    def action_scroll_file(self, pages: int) -> None:
        """PgDn / PgUp (Ctrl+End / Ctrl+Home): the file scrolls a page (to its end), whatever has the focus."""
        file = self.query_one("#file", VerticalScroll)
        if abs(pages) > 1:
            (file.scroll_end if pages > 0 else file.scroll_home)(animate=False)
        else:
            file.scroll_to(y=file.scroll_y + pages * max(1, file.size.height - 1), animate=False)

    def action_back(self) -> None:
        self.dismiss(None)
