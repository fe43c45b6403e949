"""One step-2 instrument form (any of the ten of docs/interchange.md §2), scored live by `icope`.

Why: the instrument proposed by a positive step-1 domain is filled right after it; the score, band
and "abnormal" appear as soon as the sheet is complete, and ctrl+s stores the assessment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult

from parcours.store.rows import Patient, Saved
from tui.dates import show
from tui.forms import FieldSpec
from tui.patient_view import score_text
from tui.screens.form import FormScreen
from tui.step2_model import INSTRUMENT_FIELDS, score_assessment

__all__ = ["Step2Screen"]


class Step2Screen(FormScreen[Saved]):
    """The form of one instrument for one patient."""

    DRAFT_KIND = "icope.assessment"
    TITLE_KEY = "tui.s2.title"

    def __init__(self, instrument: str, patient: Patient | None = None, **kw: Any) -> None:
        super().__init__(patient, **kw)
        self.instrument = instrument

    def specs(self) -> tuple[FieldSpec, ...]:
        return INSTRUMENT_FIELDS[self.instrument]

    def heading(self) -> str:
        return self.app.t("tui.instrument." + self.instrument) + " — " + super().heading()

    def compose_body(self) -> ComposeResult:
        if not self.values.get("date"):
            self.values["date"] = show(self.app.today())
        yield from super().compose_body()

    def base_document(self) -> dict[str, Any]:
        return {"instrument": self.instrument}

    def draft_args(self) -> dict[str, Any]:
        return {"instrument": self.instrument}

    def live_result(self, doc: dict[str, Any]) -> str | None:
        result = score_assessment(doc)
        t = self.app.t
        text = t(
            "tui.s2.result",
            score=score_text(self.instrument, result.score, result.max_score, self.app.lang),
            band=_band(t, self.instrument, result.band),
            verdict=t("tui.s2.abnormal" if result.abnormal else "tui.s2.normal"),
        )
        if result.extra.get("urgent"):
            text += "\n" + t("tui.s2.urgent")
        return text

    def after_save(self, saved: Saved) -> None:
        """An S1 result (PHQ-9 item 9 > 0, the engine's `urgent`) shows the safety banner first."""
        result = getattr(saved, "result", None) or {}
        if not result.get("urgent"):
            super().after_save(saved)
            return
        from tui.screens.safety import SafetyBanner

        self.app.push_screen(SafetyBanner(show(self.values.get("date")) or str(self.values.get("date", ""))),
                             lambda _: super(Step2Screen, self).after_save(saved))

    def submit(self, doc: dict[str, Any]) -> Saved:
        from parcours.core.records import RecordKind

        return self.app.db.save_document(
            RecordKind.ICOPE_ASSESSMENT, doc, actor=self.app.actor, patient_id=self.patient_id
        )


def _band(t: Callable[..., str], instrument: str, band: str) -> str:
    try:
        return t(f"tui.band.{band}")
    except KeyError:
        return band
