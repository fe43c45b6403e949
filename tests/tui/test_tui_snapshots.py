"""Every screen at 80×24, in French and in English, against its committed snapshot (SVG).

Fixed data and a fixed today (tests/tui/conftest.py TODAY): a screenshot only changes when the
screen does. After a deliberate change of a screen, look at the new picture and accept it with
`pytest tests/tui/test_tui_snapshots.py --snapshot-update` (snapshots in tests/tui/__snapshots__).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from parcours.core.records import RecordKind


def _records(store, patient) -> None:
    """Two screenings (two decline alerts) and a step-2 score: the file and the alerts list have lines."""
    save = store.save_document
    save(RecordKind.ICOPE_SCREENING, {"date": "2026-05-01", "vision": {"eye_problems": False},
                                      "psychology": {"feeling_down": False, "little_interest": False}},
         actor="t", patient_id=patient.id)
    save(RecordKind.ICOPE_SCREENING, {"date": "2026-11-01", "vision": {"eye_problems": True},
                                      "psychology": {"feeling_down": True, "little_interest": True}},
         actor="t", patient_id=patient.id)
    save(RecordKind.ICOPE_ASSESSMENT, {"instrument": "visual_acuity", "date": "2026-11-02", "right": 0.5,
                                       "left": 0.6}, actor="t", patient_id=patient.id)


def _screens(patient) -> dict[str, Callable[[Any], Any]]:
    """Screen name → a factory of the screen pushed over the home screen (None: the home screen itself)."""
    from tui.crash import CrashScreen
    from tui.screens.careplan import CarePlanScreen
    from tui.screens.help import HelpScreen
    from tui.screens.intervention import InterventionScreen
    from tui.screens.medisis_forms import Consultation30Screen, RiskScreen
    from tui.screens.medisis_review import ReviewScreen
    from tui.screens.modals import ConfirmScreen, PickScreen, ReasonScreen, ResumeScreen
    from tui.screens.patient import PatientScreen
    from tui.screens.patient_form import PatientFormScreen
    from tui.screens.reconciliation import ReconciliationScreen
    from tui.screens.stay import StayScreen
    from tui.screens.step1 import Step1Screen
    from tui.screens.step2 import Step2Screen

    return {
        "home": lambda app: None,
        "patient": lambda app: PatientScreen(patient.id),
        "patient_form": lambda app: PatientFormScreen(),
        "step1": lambda app: Step1Screen(patient),
        "step2": lambda app: Step2Screen("mini_cog", patient),
        "careplan": lambda app: CarePlanScreen(patient),
        "stay": lambda app: StayScreen(patient),
        "reconciliation": lambda app: ReconciliationScreen(patient),
        "intervention": lambda app: InterventionScreen(patient),
        "risk": lambda app: RiskScreen(patient, "lace"),
        "review": lambda app: ReviewScreen(patient),
        "review30": lambda app: Consultation30Screen(patient),
        "help": lambda app: HelpScreen(app.screen),
        "confirm": lambda app: ConfirmScreen(app.t("tui.s1.confirm_empty", due="20/11/2027")),
        "pick": lambda app: PickScreen(app.t("tui.alert.pick_status"),
                                       [(s, app.t(f"tui.alert.set.{s}")) for s in ("confirmed", "closed", "refuted")]),
        "reason": lambda app: ReasonScreen(app.t("tui.delete.title", name="MARTIN Jeanne")),
        "resume": lambda app: ResumeScreen("Dépistage ICOPE étape 1 — MARTIN Jeanne"),
        "crash": lambda app: CrashScreen(Path("parcours-crash-20261120.log")),
    }


SCREENS = list(_screens(type("P", (), {"id": "1"})()))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", SCREENS)
def test_screen_snapshot(snap_compare, make_app, store, patient, name, lang) -> None:
    _records(store, patient)
    app = make_app(lang, home=True)
    factory = _screens(patient)[name]

    async def open_screen(pilot) -> None:
        await pilot.pause()
        if name == "home":
            await pilot.press("3")  # the open-alerts list: its headings and rule labels
        screen = factory(pilot.app)
        if screen is not None:
            await pilot.app.push_screen(screen)
        await pilot.pause()
        for field in pilot.app.screen.query(Input):  # a blinking caret would make two pictures
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_screen)
