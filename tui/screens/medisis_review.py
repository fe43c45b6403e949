"""The relevance review (docs/interchange.md §4.3): patient data and current drugs in, STOPP/START and
anticholinergic-burden findings out, computed live by `medisis.review`.

Why: the pharmacist sees each fired rule with the drugs it names while the list is being typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import orjson
from textual.app import ComposeResult

from parcours.store.rows import Saved
from tui.dates import show
from tui.forms import FieldSpec
from tui.plain import Label
from tui.reconcile_model import DOSE_UNITS
from tui.rows import FieldRow
from tui.screens.form import FormScreen

__all__ = ["REVIEW_FIELDS", "ReviewScreen"]

DRUG_SLOTS = 8


def _drug(i: int) -> tuple[FieldSpec, ...]:
    p = ("drugs", i)
    return (
        FieldSpec((*p, "atc"), "text", "tui.rec.atc", width=8, extra={"drug": i}),
        FieldSpec((*p, "label"), "text", "tui.rec.label", width=40),
        FieldSpec((*p, "dose", "value"), "number", "tui.rec.dose", width=8),
        FieldSpec((*p, "dose", "unit"), "pick", "tui.rec.unit", DOSE_UNITS),  # by label, never `ug`
        FieldSpec((*p, "frequency", "times_per_day"), "number", "tui.rec.times_per_day", width=5),
        FieldSpec((*p, "started"), "date", "tui.rev.started"),
        FieldSpec((*p, "indication"), "text", "tui.rev.indication", width=20),
    )


REVIEW_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(("date",), "date", "tui.field.date"),
    FieldSpec(("patient", "egfr"), "number", "tui.rev.egfr", width=6),
    FieldSpec(("patient", "potassium_mmol_l"), "number", "tui.rev.potassium", width=6),
    FieldSpec(("patient", "falls_12m"), "int", "tui.rev.falls", width=4),
    FieldSpec(("patient", "conditions_icd10"), "texts", "tui.rev.conditions", width=30, hint="tui.hint.sources"),
    *(f for i in range(DRUG_SLOTS) for f in _drug(i)),
)


def unchecked_line(entry: dict[str, Any], drugs: list[dict[str, Any]], t: Callable[..., str]) -> str:
    """One `unchecked` entry: « STOPP-E4 (d1) — non vérifiable : DFG manquant »."""
    from medisis.review_unchecked import missing_input

    parts = []
    for path in entry["missing"]:
        name, index = missing_input(path)
        drug = drugs[index].get("id", f"d{index + 1}") if index is not None and index < len(drugs) else ""
        parts.append(t(f"tui.rev.missing.{name}", drug=drug) if index is not None else t(f"tui.rev.missing.{name}"))
    return t("tui.rev.unchecked", rule=entry["rule"], drugs=", ".join(entry["drugs"]) or "—", missing=", ".join(parts))


class ReviewScreen(FormScreen[Saved]):
    """A medication relevance review for one patient (the birth date comes from the patient file)."""

    DRAFT_KIND = "medisis.review"
    TITLE_KEY = "tui.rev.title"
    DEFAULT_CSS = "ReviewScreen #result { max-height: 10; }"

    def specs(self) -> tuple[FieldSpec, ...]:
        return REVIEW_FIELDS

    def shown_birth_date(self) -> date | None:
        return None if self.patient is None else self.patient.birth_date

    def compose_body(self) -> ComposeResult:
        self.values.setdefault("date", show(self.app.today()))
        for spec in self.specs():
            if "drug" in spec.extra:
                yield Label(self.app.t("tui.rev.drug", id=f"d{spec.extra['drug'] + 1}"), classes="section")
            yield FieldRow(spec, self.app.lang, self.values.get(spec.key))

    def document(self) -> tuple[dict[str, Any], list[Any]]:
        doc, issues = super().document()
        patient = doc.setdefault("patient", {})
        birth = getattr(self.patient, "birth_date", None)
        if birth is not None:
            patient["birth_date"] = birth.isoformat()
        drugs = doc.get("drugs") or []
        for i, drug in enumerate(drugs):
            if drug:
                drug["id"] = f"d{i + 1}"
        doc["drugs"] = drugs
        return doc, issues

    def live_result(self, doc: dict[str, Any]) -> str | None:
        from medisis.review import parse_review, review_drugs

        result = orjson.loads(orjson.dumps(review_drugs(parse_review(orjson.dumps(doc))).to_json()))
        t = self.app.t
        summary = t("tui.rev.summary", age=result["age"], findings=len(result["findings"]), acb=result["acb_total"])
        unchecked = result["unchecked"]
        if unchecked:  # docs/medisis.md §6.2: "nothing found" never hides "could not check"
            summary += " — " + t("tui.rev.unchecked_count", count=len(unchecked))
        lines = [summary]
        lines += [f"{f['rule']} : {', '.join(f['drugs']) or '—'}" for f in result["findings"]]
        lines += [unchecked_line(u, doc.get("drugs") or [], t) for u in unchecked]
        return "\n".join(lines)

    def submit(self, doc: dict[str, Any]) -> Saved:
        from parcours.core.records import RecordKind

        return self.app.db.save_document(
            RecordKind.MEDISIS_REVIEW, doc, actor=self.app.actor, patient_id=self.patient_id
        )
