"""MEDISIS forms: the readmission-risk score (docs/interchange.md §4.2) and the 30-day review (docs/medisis.md §8).

Why: both are flat sheets; the score and its band come from `medisis.risk`, the consultation's
rules (required when done, configured modes) from `medisis.consultation30`, via the store.
"""

from __future__ import annotations

from typing import Any

import orjson
from textual.app import ComposeResult

from medisis.lace import Comorbidity
from parcours.store.rows import Patient, Saved
from tui.dates import show
from tui.forms import BOOL, Choice, FieldSpec, Kind
from tui.screens.form import FormScreen

__all__ = ["COMORBIDITIES", "RISK_FIELDS", "Consultation30Screen", "RiskScreen"]

#: The LACE comorbidity codes, from the domain's enum (docs/medisis.md §4.1), in its order.
COMORBIDITIES: tuple[str, ...] = tuple(c.value for c in Comorbidity)


def _r(name: str, kind: Kind, choices: tuple[Choice, ...] = (), **kw: Any) -> FieldSpec:
    return FieldSpec((name,), kind, f"tui.risk.{name}", choices, **kw)


_LOS = _r("length_of_stay_days", "int", width=5)
_ED = _r("ed_visits_6m", "int", width=5)
_EMERGENT = _r("emergent_admission", "choice", BOOL)
_COMORB = tuple(
    FieldSpec(("comorbidities", i), "choice", f"tui.comorb.{c}", (Choice(c, "tui.yes"),))
    for i, c in enumerate(COMORBIDITIES)
)

RISK_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "lace": (_LOS, _EMERGENT, _ED, _r("charlson_index", "int", width=5, hint="tui.risk.charlson_or_list"), *_COMORB),
    "lace_modified": (_LOS, _EMERGENT, _ED, *_COMORB),
    "hospital": (
        _r("hemoglobin_g_dl", "number", width=6), _r("oncology_discharge", "choice", BOOL),
        _r("sodium_mmol_l", "number", width=6), _r("procedure", "choice", BOOL), _r("urgent_admission", "choice", BOOL),
        _r("admissions_12m", "int", width=5), _LOS,
    ),
    "trst": (
        _r(
            "variant",
            "choice",
            (Choice("original", "tui.risk.variant.original"), Choice("french", "tui.risk.variant.french")),
        ),
        _r("cognitive_impairment", "choice", BOOL), _r("walking_difficulty_or_falls", "choice", BOOL),
        _r("medication_count", "int", width=5), _r("recent_ed_or_hospitalisation", "choice", BOOL),
        _r("lives_alone_or_no_caregiver", "choice", BOOL), _r("professional_concern", "choice", BOOL),
        _r("adl_dependence", "choice", BOOL),
    ),
}


class RiskScreen(FormScreen[Saved]):
    """One readmission-risk score (LACE, modified LACE, HOSPITAL, TRST)."""

    DRAFT_KIND = "medisis.risk"
    TITLE_KEY = "tui.risk.title"

    def __init__(self, patient: Patient | None = None, score: str = "lace", **kw: Any) -> None:
        super().__init__(patient, **kw)
        self.score = score

    def specs(self) -> tuple[FieldSpec, ...]:
        return RISK_FIELDS[self.score]

    def heading(self) -> str:
        return self.app.t(f"tui.risk.name.{self.score}") + " — " + super().heading()

    def base_document(self) -> dict[str, Any]:
        return {"score": self.score}

    def draft_args(self) -> dict[str, Any]:
        return {"score": self.score}

    def live_result(self, doc: dict[str, Any]) -> str | None:
        from medisis.risk import parse_risk, score_risk

        result = score_risk(parse_risk(orjson.dumps(doc))).to_json()
        t = self.app.t
        return t(
            "tui.risk.result",
            value=result["value"],
            max=result["max_value"],
            band=t(f"tui.band.{result['band']}"),
            verdict=t("tui.risk.high" if result["high_risk"] else "tui.risk.not_high"),
        )

    def submit(self, doc: dict[str, Any]) -> Saved:
        from parcours.core.records import RecordKind

        return self.app.db.save_document(RecordKind.MEDISIS_RISK, doc, actor=self.app.actor, patient_id=self.patient_id)


_STATUS = tuple(Choice(s, f"tui.c30.status.{s}") for s in ("planned", "done", "missed", "declined", "not_applicable"))

C30_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(("status",), "choice", "tui.c30.status", _STATUS),
    FieldSpec(("due_date",), "date", "tui.c30.due_date"),
    FieldSpec(("scheduled_at",), "date", "tui.c30.scheduled_at"),
    FieldSpec(("performed_at",), "date", "tui.c30.performed_at"),
    FieldSpec(("mode",), "text", "tui.c30.mode", width=20),
    FieldSpec(("performed_by",), "text", "tui.c30.performed_by", width=30),
    FieldSpec(("adherence",), "text", "tui.c30.adherence", width=30),
    FieldSpec(("notes",), "text", "tui.c30.notes", width=50),
)


class Consultation30Screen(FormScreen[Saved]):
    """The 30-day review after a discharge reconciliation (linked to it when there is one)."""

    DRAFT_KIND = "medisis.consultation30"
    TITLE_KEY = "tui.c30.title"

    def __init__(self, patient: Patient | None = None, reconciliation: str | None = None, **kw: Any) -> None:
        super().__init__(patient, **kw)
        self.reconciliation = reconciliation

    def specs(self) -> tuple[FieldSpec, ...]:
        return C30_FIELDS

    def compose_body(self) -> ComposeResult:
        if not self.values and self.patient is not None:
            self.prefill()
        yield from super().compose_body()

    def prefill(self) -> None:
        """Link the latest discharge reconciliation; its due date from medisis (discharge + 30 days)."""
        from datetime import date

        from medisis.consultation30 import due_date

        if self.patient is None:  # compose_body prefills a patient's form only
            return
        docs = self.app.db.patient_records(self.patient.id).documents
        discharges = [
            d for d in docs if d.kind.value == "medisis.reconciliation" and d.document.get("moment") == "discharge"
        ]
        self.values["status"] = "planned"
        if discharges:
            self.reconciliation = discharges[-1].record_id
            self.values["due_date"] = show(due_date(date.fromisoformat(discharges[-1].document["date"])))

    def draft_args(self) -> dict[str, Any]:
        return {"reconciliation": self.reconciliation}

    def base_document(self) -> dict[str, Any]:
        return {"reconciliation": self.reconciliation} if self.reconciliation else {}

    def live_result(self, doc: dict[str, Any]) -> str | None:
        from medisis.consultation30 import parse_consultation

        body = {k: v for k, v in doc.items() if k != "reconciliation"}
        record = parse_consultation(orjson.dumps(body))
        return self.app.t("tui.c30.valid", status=self.app.t(f"tui.c30.status.{record.status.value}"))

    def submit(self, doc: dict[str, Any]) -> Saved:
        from parcours.core.records import RecordKind

        return self.app.db.save_document(RecordKind.MEDISIS_CONSULTATION30, doc, actor=self.app.actor,
                                            patient_id=self.patient_id)
