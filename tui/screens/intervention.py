"""A pharmaceutical intervention (docs/medisis.md §5.4, Act-IP codes), typed at the bedside or from a
reconciliation line (F4 in the reconciliation editor: the line's drug is filled in).

Why: the intervention is its own record (`medisis.intervention`), validated by `medisis`; the
screen only gathers the codes and keeps the link to the reconciliation line it came from.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson
from textual.app import ComposeResult

from parcours.store.rows import Patient, Saved
from tui.dates import show
from tui.forms import FieldSpec
from tui.reconcile_model import IP_FIELDS
from tui.screens.form import FormScreen

__all__ = ["InterventionScreen"]


class InterventionScreen(FormScreen[Saved]):
    """One pharmaceutical intervention (docs/medisis.md §5.4): problem, intervention, outcome (Act-IP codes)."""

    DRAFT_KIND = "medisis.intervention"
    TITLE_KEY = "tui.ip.title"
    #: `obligatoire avec result = INTERVENTION`, `ne peut pas être après outcome_date`: said in words
    ISSUE_MESSAGES = {
        "required_with": "tui.error.required_for_intervention",
        "date_after": "tui.error.outcome_before_date",
    }

    def __init__(self, patient: Patient | None = None, drug: dict[str, Any] | None = None, **kw: Any) -> None:
        super().__init__(patient, **kw)
        self.drug = drug or {}
        if not self.values:
            self.values.update({"result": "INTERVENTION", "drugs.0.label": self.drug.get("label", ""),
                                "drugs.0.atc": self.drug.get("atc", "")})

    def specs(self) -> tuple[FieldSpec, ...]:
        return IP_FIELDS

    def compose_body(self) -> ComposeResult:
        self.values.setdefault("date", show(self.app.today()))
        yield from super().compose_body()

    def draft_args(self) -> dict[str, Any]:
        return {"drug": self.drug}

    def base_document(self) -> dict[str, Any]:
        base: dict[str, Any] = {"id": f"ip-{datetime.now():%Y%m%d%H%M%S%f}", "from_reconciliation": bool(self.drug)}
        if self.patient_id:
            base["patient"] = self.patient_id
        return base

    def document(self) -> tuple[dict[str, Any], list[Any]]:
        doc, issues = super().document()
        if self.drug.get("line") and doc.get("drugs"):
            doc["drugs"][0]["reconciliation_line"] = self.drug["line"]
        return doc, issues

    def live_result(self, doc: dict[str, Any]) -> str | None:
        from medisis.interventions import parse_intervention

        record = parse_intervention(orjson.dumps(doc))
        outcome = self.app.t(f"tui.ip.outcome.{record.outcome.value}") if record.outcome else "—"
        return self.app.t("tui.ip.valid", outcome=outcome)

    def submit(self, doc: dict[str, Any]) -> Saved:
        from parcours.core.records import RecordKind

        return self.app.db.save_document(RecordKind.MEDISIS_INTERVENTION, doc, actor=self.app.actor,
                                            patient_id=self.patient_id)
