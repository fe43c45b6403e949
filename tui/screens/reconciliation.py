"""The reconciliation editor: history lines with sources, orders, the pairs side by side with their
classification (computed by `medisis.reconcile`), the pharmacist's answers; `i` records an Act-IP
intervention on the line being edited.

Why: medisis.md §2 — the pharmacist compares the best possible medication history with the orders;
the pairing and classification are the domain's, the screen only shows them next to the lines.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson
from textual.widgets import Label

from tui.dates import show
from tui.forms import FieldSpec
from tui.keys import Key
from tui.reconcile_model import IP_FIELDS, RECONCILIATION_FIELDS, assign_ids
from tui.screens.form import FormScreen
from tui.widgets import FieldRow

__all__ = ["InterventionScreen", "ReconciliationScreen", "pair_lines"]

_W = 22


def pair_lines(doc: dict[str, Any], result: dict[str, Any], t) -> list[str]:  # noqa: ANN001
    """`amlodipine 5 mg │ — │ Arrêté · DNI` for each pair or unpaired line, in the domain's order."""
    labels = {line.get("id"): line.get("label") or line.get("atc") or line.get("id") for line in doc["bm"] + doc["orders"]}
    out = [f"{t('tui.rec.col.bm'):<{_W}} │ {t('tui.rec.col.order'):<{_W}} │ {t('tui.rec.col.class')}"]
    for line in result["lines"]:
        left = f"{line['bm_id']} {labels.get(line['bm_id'], '')}" if line["bm_id"] else "—"
        right = f"{line['order_id']} {labels.get(line['order_id'], '')}" if line["order_id"] else "—"
        status = t(f"tui.rec.status.{line['status']}")
        category = t(f"tui.rec.category.{line['category']}")
        out.append(f"{left[:_W]:<{_W}} │ {right[:_W]:<{_W}} │ {status} · {category}")
    return out


class ReconciliationScreen(FormScreen):
    """One reconciliation (admission, transfer or discharge) for one patient."""

    DRAFT_KIND = "medisis.reconciliation"
    TITLE_KEY = "tui.rec.title"
    HELP = "tui.rec.help"
    KEYS = (*FormScreen.KEYS, Key("f4", "intervention", "tui.rec.key.intervention", priority=True))
    DEFAULT_CSS = "ReconciliationScreen #result { max-height: 9; }"

    def specs(self) -> tuple[FieldSpec, ...]:
        return RECONCILIATION_FIELDS

    def compose_body(self):  # noqa: ANN201
        if not self.values:
            self.values.update({"moment": "admission", "date": show(self.app.today())})
        for spec in self.specs():
            if "line" in spec.extra:
                side, i = spec.extra["line"]
                yield Label(self.app.t(f"tui.rec.line.{side}", id=("b" if side == "bm" else "o") + str(i + 1)),
                            classes="section")
            yield FieldRow(spec, self.app.lang, self.values.get(spec.key))

    def document(self) -> tuple[dict[str, Any], list[Any]]:
        doc, issues = super().document()
        return assign_ids(doc), issues

    def live_result(self, doc: dict[str, Any]) -> str | None:
        from medisis.errors import InvalidReconciliation
        from medisis.reconciliation import Reconciliation, reconcile
        from parcours.core.documents import load

        result = orjson.loads(orjson.dumps(reconcile(load(Reconciliation, orjson.dumps(doc), error=InvalidReconciliation)).to_json()))
        t = self.app.t
        s = result["summary"]
        lines = pair_lines(doc, result, t)
        lines.append(t("tui.rec.summary", lines=s["lines"], dni=s["dni"], dind=s["dind"], did=s["did"], unqualified=s["unqualified"]))
        lines += [t(f"tui.rec.warning.{w}") for w in result.get("warnings", [])]
        return "\n".join(lines)

    def submit(self, doc: dict[str, Any]) -> Any:
        from parcours.core.records import RecordKind

        return self.app.store.save_document(RecordKind.MEDISIS_RECONCILIATION, doc, actor=self.app.actor,
                                            patient_id=self.patient_id)

    def action_intervention(self) -> None:
        """An Act-IP intervention on the line whose field has the focus."""
        focused = self.app.focused
        row = next((a for a in (focused.ancestors if focused else []) if isinstance(a, FieldRow)), None)
        drug: dict[str, Any] = {}
        if row is not None and row.spec.path[0] in ("bm", "orders"):
            side, i = row.spec.path[0], row.spec.path[1]
            prefix = f"{side}.{i}."
            drug = {"label": self.values.get(prefix + "label") or "", "atc": self.values.get(prefix + "atc") or "",
                    "line": ("b" if side == "bm" else "o") + str(int(i) + 1)}
        self.app.push_screen(InterventionScreen(self.patient, drug=drug))


class InterventionScreen(FormScreen):
    """One pharmaceutical intervention (medisis.md §5.4): problem, intervention, outcome (Act-IP codes)."""

    DRAFT_KIND = "medisis.intervention"
    TITLE_KEY = "tui.ip.title"

    def __init__(self, patient: Any = None, drug: dict[str, Any] | None = None, **kw: Any) -> None:
        super().__init__(patient, **kw)
        self.drug = drug or {}
        if not self.values:
            self.values.update({"result": "INTERVENTION", "drugs.0.label": self.drug.get("label", ""),
                                "drugs.0.atc": self.drug.get("atc", "")})

    def specs(self) -> tuple[FieldSpec, ...]:
        return IP_FIELDS

    def compose_body(self):  # noqa: ANN201
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
        return self.app.t("tui.ip.valid", outcome=self.app.t(f"tui.ip.outcome.{record.outcome.value}") if record.outcome else "—")

    def submit(self, doc: dict[str, Any]) -> Any:
        from parcours.core.records import RecordKind

        return self.app.store.save_document(RecordKind.MEDISIS_INTERVENTION, doc, actor=self.app.actor,
                                            patient_id=self.patient_id)
