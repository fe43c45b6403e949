"""The forms the patient file opens, one key each: screening, step 2, care plan, MEDISIS, identity.

Why: each form is offered with the patient's unfinished draft of its kind first (« Reprendre la
saisie ? »), so nothing typed is forgotten; kept apart from the file's layout (tui.screens.patient).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parcours.core.errors import ParcoursError

if TYPE_CHECKING:
    from parcours.core.records import PatientRecords
    from parcours.store.rows import Patient
    from tui.screens.base import ParcoursScreen

    _Screen = ParcoursScreen[None]  # the screen it is mixed into: typed `self.app`, query_one…
else:
    _Screen = object

__all__ = ["PatientForms"]


class PatientForms(_Screen):
    """Actions of PatientScreen that open a form (mixed into it: uses its app, patient and reload)."""

    patient: Patient | None
    patient_id: str
    records: PatientRecords | None

    def reload(self) -> None:  # provided by PatientScreen
        raise NotImplementedError

    def _open(self, screen: Any) -> None:
        self.app.push_screen(screen, lambda _: self.reload())

    def _resume_or(self, kind: str, make: Any) -> None:
        """Offer the patient's unfinished draft of this kind first; else open a fresh form."""
        try:
            drafts = self.app.db.list_drafts(kind=kind, patient_id=self.patient_id)
        except ParcoursError:
            drafts = []
        if not drafts:
            self._open(make())
            return
        from tui.screens.resume import ask_resume

        ask_resume(self.app, drafts[0], otherwise=lambda: self._open(make()), on_done=lambda _: self.reload())

    def action_screening(self) -> None:
        from tui.screens.step1 import Step1Screen

        self._resume_or("icope.screening", lambda: Step1Screen(self.patient))

    def action_step2(self) -> None:
        from tui.screens.modals import PickScreen
        from tui.screens.step2 import Step2Screen
        from tui.step2_model import INSTRUMENT_FIELDS

        proposed = self._proposed()
        t = self.app.t
        order = [i for i in proposed] + [i for i in INSTRUMENT_FIELDS if i not in proposed]
        options = [(i, ("★ " if i in proposed else "  ") + t(f"tui.instrument.{i}")) for i in order]

        def picked(instrument: str | None) -> None:
            if instrument:
                self._open(Step2Screen(instrument, self.patient))

        self.app.push_screen(PickScreen(t("tui.pf.pick_instrument"), options), picked)

    def _proposed(self) -> list[str]:
        screenings = [d for d in (self.records.documents if self.records else ()) if d.kind.value == "icope.screening"]
        if not screenings or not screenings[-1].result:
            return []
        return [i for p in screenings[-1].result.get("step2", []) for i in p.get("instruments", [])]

    def action_care_plan(self) -> None:
        from tui.screens.careplan import CarePlanScreen

        self._resume_or("icope.care_plan", lambda: CarePlanScreen(self.patient))

    def action_reconciliation(self) -> None:
        from tui.screens.reconciliation import ReconciliationScreen

        self._resume_or("medisis.reconciliation", lambda: ReconciliationScreen(self.patient))

    def action_risk(self) -> None:
        from tui.screens.medisis_forms import RISK_FIELDS, RiskScreen
        from tui.screens.modals import PickScreen

        def picked(score: str | None) -> None:
            if score:
                self._resume_or("medisis.risk", lambda: RiskScreen(self.patient, score))

        options = [(s, self.app.t(f"tui.risk.name.{s}")) for s in RISK_FIELDS]
        self.app.push_screen(PickScreen(self.app.t("tui.risk.pick"), options), picked)

    def action_review(self) -> None:
        from tui.screens.medisis_review import ReviewScreen

        self._resume_or("medisis.review", lambda: ReviewScreen(self.patient))

    def action_review30(self) -> None:
        from tui.screens.medisis_forms import Consultation30Screen

        self._resume_or("medisis.consultation30", lambda: Consultation30Screen(self.patient))

    def action_stay(self) -> None:
        from tui.screens.stay import StayScreen

        self._resume_or("medisis.stay", lambda: StayScreen(self.patient))

    def action_edit(self) -> None:
        """`m`: edit the identity (optimistic locking on the version shown)."""
        from tui.screens.patient_form import PatientFormScreen

        self._resume_or("patient.edit", lambda: PatientFormScreen(self.patient))

    def action_drafts(self) -> None:
        from tui.screens.resume import ask_resume

        drafts = self.app.db.list_drafts(patient_id=self.patient_id)
        if drafts:
            ask_resume(self.app, drafts[0], on_done=lambda _: self.reload())
