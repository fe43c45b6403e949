"""A hospital stay (docs/medisis.md §1.4): stay number, admission and discharge dates.

Why: the « Sorties sans conciliation » worklist and the reconciliations hang on stays; the store
validates the record with `medisis.stays` (a discharge cannot precede the admission).
"""

from __future__ import annotations

from typing import Any

import orjson

from parcours.store.rows import Saved
from tui.forms import FieldSpec
from tui.screens.form import FormScreen

__all__ = ["STAY_FIELDS", "StayScreen"]

STAY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(("stay",), "text", "tui.stay.stay", width=20),
    FieldSpec(("admission_date",), "date", "tui.stay.admission_date"),
    FieldSpec(("discharge_date",), "date", "tui.stay.discharge_date"),
)


class StayScreen(FormScreen[Saved]):
    """Record one stay of the patient."""

    DRAFT_KIND = "medisis.stay"
    TITLE_KEY = "tui.stay.title"

    def specs(self) -> tuple[FieldSpec, ...]:
        return STAY_FIELDS

    def live_result(self, doc: dict[str, Any]) -> str | None:
        from medisis.stays import parse_stay

        stay = parse_stay(orjson.dumps(doc))
        return self.app.t("tui.stay.valid", status=self.app.t(f"tui.stay.status.{stay.effective_status.value}"))

    def submit(self, doc: dict[str, Any]) -> Saved:
        from parcours.core.records import RecordKind

        return self.app.db.save_document(RecordKind.MEDISIS_STAY, doc, actor=self.app.actor, patient_id=self.patient_id)
