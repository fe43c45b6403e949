"""The step-1 screening on one screen: items in the spec's order, each domain's result live.

Why: docs/icope.md §1 is run with the person in front of the nurse; the screen shows each domain's
result as soon as its items are answered (computed by `icope`, see tui.step1_model), the chair-rise
stopwatch on the space bar, and for a positive domain the step-2 instruments to open next.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Button, Collapsible

from parcours.store.rows import Patient, Saved
from tui.dates import parse_ui_date, show
from tui.forms import FieldSpec
from tui.keys import Key
from tui.plain import Static
from tui.screens.form import FormScreen
from tui.step1_model import DOMAIN_FIELDS, HEADER_FIELDS, OPTION_FIELDS, STEP1_FIELDS, DomainView, evaluate_domains
from tui.screens.step1_offer import OfferButton, StepTwoOffer
from tui.rows import FieldRow, Line

__all__ = ["Step1Screen", "domain_line"]


def domain_line(view: DomainView, t: Callable[..., str]) -> str:  # t: catalog lookup
    """`Cognition : positif — mots rappelés < 3` (or only the name while nothing is typed)."""
    name = t(f"icope.domain.{view.domain}")
    if view.result is None:
        return name + (" : " + t("tui.s1.fix_errors") if view.issues else "")
    text = f"{name} : {t(f'icope.result.{view.result}').upper()}"
    if view.reasons:
        text += " — " + ", ".join(_reason(r, t) for r in view.reasons)
    return text


def _reason(code: str, t: Callable[..., str]) -> str:
    try:
        return t(f"tui.reason.{code}")
    except KeyError:
        return code  # a reason added to icope later still shows, by its stable code


class Step1Screen(FormScreen[Saved]):
    """ICOPE step 1 (docs/interchange.md §1) for one patient."""

    DRAFT_KIND = "icope.screening"
    TITLE_KEY = "tui.s1.title"
    ADVANCE_ON_CHOICE = True  # a digit answers and moves on (widgets.ChoiceField)
    KEYS = (*FormScreen.KEYS, Key("f2", "step2", "tui.s1.key.step2", show=False, priority=True))
    HELP = "tui.s1.help"
    DEFAULT_CSS = """
    Step1Screen .domain { text-style: bold; background: $primary 30%; height: 1; width: 1fr; }
    Step1Screen #domain-cognition { margin-top: 1; }
    Step1Screen .domain.positive { background: $error 50%; }
    Step1Screen .domain.negative { background: $success 30%; }
    Step1Screen #result { min-height: 2; }  /* the result then the step-2 list appear without a layout */
    Step1Screen .instruction { color: $text-muted; height: auto; }
    """

    def __init__(self, patient: Patient | None = None, **kw: Any) -> None:
        super().__init__(patient, **kw)
        self.values.setdefault("date", None)
        self.views: dict[str, DomainView] = {}

    def specs(self) -> tuple[FieldSpec, ...]:
        return STEP1_FIELDS

    @property
    def birth_date(self) -> date | None:
        value = getattr(self.patient, "birth_date", None)
        return date.fromisoformat(value) if isinstance(value, str) else value

    def base_document(self) -> dict[str, Any]:
        return {"birth_date": self.birth_date.isoformat()} if self.birth_date else {}

    def shown_birth_date(self) -> date | None:
        return self.birth_date

    def screening_date(self) -> date:
        return parse_ui_date(str(self.values.get("date") or "")) or self.app.today()

    def compose_body(self) -> ComposeResult:
        if not self.values.get("date"):
            self.values["date"] = show(self.app.today())
        t, lang = self.app.t, self.app.lang
        for spec in HEADER_FIELDS:
            yield FieldRow(spec, lang, self.values.get(spec.key))
        for domain, specs in DOMAIN_FIELDS.items():
            yield Line(t(f"icope.domain.{domain}"), classes="domain", id=f"domain-{domain}")
            instruction = f"tui.s1.instruction.{domain}"
            yield Static(t(instruction), classes="instruction")
            for spec in specs:
                yield FieldRow(spec, lang, self.values.get(spec.key))
            yield StepTwoOffer(domain, t)  # one line, always there: an offer never re-lays out the form
        # after every item, so Tab through a screening never stops on it; open with Entrée
        with Collapsible(title=t("tui.s1.options"), collapsed=True, id="options"):
            for spec in OPTION_FIELDS:
                yield FieldRow(spec, lang, self.values.get(spec.key))

    def refresh_view(self) -> None:
        super().refresh_view()
        self.views = evaluate_domains(self.values, today=self.screening_date(), birth_date=self.birth_date)
        t = self.app.t
        for domain, view in self.views.items():
            label = self.query_one(f"#domain-{domain}", Line)
            label.update(domain_line(view, t))
            for result in ("positive", "negative", "incomplete"):
                label.set_class(view.result == result, result)
            wanted = view.instruments if view.result == "positive" else ()
            self.query_one(f"#offer-{domain}", StepTwoOffer).show(wanted)

    def live_result(self, doc: dict[str, Any]) -> str | None:
        from tui.step1_model import _score

        result = _score(doc)
        t = self.app.t
        text = t("tui.s1.overall", result=t(f"icope.result.{result.overall.value}"), due=show(result.next_step1_due))
        if result.step2:
            domains = ", ".join(t(f"icope.domain.{p.domain.value}") for p in result.step2)
            text += "\n" + t("tui.s1.step2_list", domains=domains)
        return text

    def confirm_save(self, doc: dict[str, Any]) -> str | None:
        """Ask before saving a screening with no domain answered, or not dated today: both move the re-screen date."""
        from tui.step1_model import _score

        answered = any(doc.get(domain) for domain in DOMAIN_FIELDS)
        on = self.screening_date()
        if answered and on == self.app.today():
            return None
        due = show(_score(doc).next_step1_due)
        if not answered:
            return self.app.t("tui.s1.confirm_empty", due=due)
        return self.app.t("tui.s1.confirm_date", date=show(on), due=due)

    def submit(self, doc: dict[str, Any]) -> Saved:
        from parcours.core.records import RecordKind

        return self.app.db.save_document(
            RecordKind.ICOPE_SCREENING, doc, actor=self.app.actor, patient_id=self.patient_id
        )

    def after_save(self, saved: Saved) -> None:
        overall = (saved.result or {}).get("overall", "")
        label = self.app.t(f"icope.result.{overall}") if overall else ""
        self.app.status(self.app.t("tui.s1.saved", result=label))
        self.dismiss(saved)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A step-2 instrument offered by a positive domain: open its form."""
        if isinstance(event.button, OfferButton):
            event.stop()
            if not event.button.offered:  # a blank slot (a click on it): nothing is offered there
                return
            self.open_step2(str(event.button.name))

    def open_step2(self, instrument: str | None) -> None:
        if instrument:
            from tui.screens.step2 import Step2Screen

            self.app.push_screen(Step2Screen(instrument, self.patient))

    def offered(self) -> list[tuple[str, str]]:
        """(instrument, « Domaine — Instrument ») of every offer, the domain last answered first (the
        answer moved the focus on, often to the next domain)."""
        focused = getattr(self.focused, "spec", None)
        here = (self.resume_key or (focused.key if focused is not None else "")).partition(".")[0]
        t = self.app.t
        domains = sorted(self.views, key=lambda d: d != here)
        return [(i, f"{t(f'icope.domain.{d}')} — {t(f'tui.instrument.{i}')}")
                for d in domains if self.views[d].result == "positive" for i in self.views[d].instruments]

    def action_step2(self) -> None:
        """F2: the step-2 instrument offered (one: opened at once; several: picked from a list)."""
        offers = self.offered()
        if not offers:
            self.app.status(self.app.t("tui.s1.no_offer"))
        elif len(offers) == 1:
            self.open_step2(offers[0][0])
        else:
            from tui.screens.modals import PickScreen

            self.app.push_screen(PickScreen(self.app.t("tui.s1.pick_step2"), offers), self.open_step2)
