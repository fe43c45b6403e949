"""The reconciliation editor: history lines with sources, orders, the pairs side by side with their
classification (computed by `medisis.reconcile`), the pharmacist's answers; lines are added (F6
history, F7 order) and removed (F8, confirmed when filled); F4 records an Act-IP intervention on
the line being edited.

Why: docs/medisis.md §2 — the pharmacist compares the best possible medication history with the orders;
the pairing and classification are the domain's, the screen only shows them next to the lines, and
a list is as long as the patient's treatment (no fixed number of slots).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from medisis.codes import ucd13_problem
from parcours.core.errors import ParcoursError
from parcours.store.rows import Patient, Saved
from tui.dates import show
from tui.drug_lookup import SHOWN
from tui.forms import FieldSpec, is_empty
from tui.keys import Key
from tui.plain import Label
from tui.reconcile_model import (
    HEADER,
    PICKED_CODES,
    SIDES,
    assign_ids,
    line_count,
    line_fields,
    line_filled,
    line_id,
    reconciliation_fields,
    remove_line,
)
from tui.rows import FieldRow
from tui.screens.form import FormScreen
from tui.screens.intervention import InterventionScreen

__all__ = ["InterventionScreen", "ReconciliationScreen", "pair_lines"]

_W = 22


def pair_lines(doc: dict[str, Any], result: dict[str, Any], t: Callable[..., str]) -> list[str]:
    """`amlodipine 5 mg │ — │ Arrêté · DNI` for each pair or unpaired line, in the domain's order."""
    labels = {
        line.get("id"): line.get("label") or line.get("atc") or line.get("id") for line in doc["bm"] + doc["orders"]
    }
    out = [f"{t('tui.rec.col.bm'):<{_W}} │ {t('tui.rec.col.order'):<{_W}} │ {t('tui.rec.col.class')}"]
    for line in result["lines"]:
        left = f"{line['bm_id']} {labels.get(line['bm_id'], '')}" if line["bm_id"] else "—"
        right = f"{line['order_id']} {labels.get(line['order_id'], '')}" if line["order_id"] else "—"
        status = t(f"tui.rec.status.{line['status']}")
        category = t(f"tui.rec.category.{line['category']}")
        out.append(f"{left[:_W]:<{_W}} │ {right[:_W]:<{_W}} │ {status} · {category}")
    return out


class ReconciliationScreen(FormScreen[Saved]):
    """One reconciliation (admission, transfer or discharge) for one patient."""

    DRAFT_KIND = "medisis.reconciliation"
    TITLE_KEY = "tui.rec.title"
    HELP = "tui.rec.help"
    KEYS = (
        *FormScreen.KEYS,
        Key("f4", "intervention", "tui.rec.key.intervention", priority=True, short="tui.rec.key.intervention.short"),
        Key("f6", "add_line('bm')", "tui.rec.key.add_bm", priority=True, short="tui.rec.key.add_bm.short"),
        Key("f7", "add_line('orders')", "tui.rec.key.add_order", priority=True, short="tui.rec.key.add_order.short"),
        Key("f8", "remove_line", "tui.rec.key.remove", priority=True, short="tui.rec.key.remove.short"),
    )
    DEFAULT_CSS = "ReconciliationScreen #result { max-height: 9; }"
    #: a drug name being typed has no code yet: said when saving, not at every letter
    QUIET_WHILE_TYPING = frozenset({"missing", "drug_identification_missing"})

    def __init__(self, patient: Patient | None = None, lines: dict[str, int] | None = None, **kw: Any) -> None:
        super().__init__(patient, **kw)
        self._drugs: int | None = None  # specialties in the drug database, asked once
        self._ucd: int | None = None  # UCD codes of the UCD correspondence, asked once
        #: line slots per side (at least one each); kept in the draft with the values
        self.lines = {side: max(1, line_count(self.values, side), int((lines or {}).get(side, 0))) for side in SIDES}

    def specs(self) -> tuple[FieldSpec, ...]:
        return reconciliation_fields(self.lines["bm"], self.lines["orders"])

    def draft_args(self) -> dict[str, Any]:
        return {"lines": dict(self.lines)}

    def compose_body(self) -> ComposeResult:
        if not self.values:
            self.values.update({"moment": "admission", "date": show(self.app.today())})
        for spec in HEADER:
            yield FieldRow(spec, self.app.lang, self.values.get(spec.key))
        for side in SIDES:
            for i in range(self.lines[side]):
                yield from self._line_widgets(side, i)

    def _line_widgets(self, side: str, i: int) -> list[Any]:
        title = Label(self.app.t(f"tui.rec.line.{side}", id=line_id(side, i)), classes="section", id=f"sec-{side}-{i}")
        return [title, *(FieldRow(spec, self.app.lang, self.values.get(spec.key)) for spec in line_fields(side, i))]

    def _row(self, key: str) -> FieldRow:
        return self.query_one("#row-" + key.replace(".", "-"), FieldRow)

    def document(self) -> tuple[dict[str, Any], list[Any]]:
        doc, issues = super().document()
        for side in SIDES:  # the codes a lookup set (no field of their own), on lines that hold something
            for i, line in enumerate(doc.get(side) or []):
                if line:
                    line.update({c: v for c in PICKED_CODES if (v := self.values.get(f"{side}.{i}.{c}"))})
        return assign_ids(doc), issues

    # --- drug lookup (tui/drug_lookup.py) ----------------------------------------------------------
    def find_drugs(self, text: str) -> tuple[list[Any], str]:
        """(matches, note): the drugs whose name starts with `text`, or whose CIS / CIP13 / UCD13 / UCD7 it is."""
        t = self.app.t
        try:
            if ucd13_problem(text) is None:  # through the UCD correspondence (docs/medisis.md §7.3)
                if self._ucd is None:
                    self._ucd = self.app.db.ucd_count()
                if not self._ucd:
                    return [], t("tui.drug.ucd_not_loaded", code=text)
                found = self.app.db.find_drugs(text, limit=SHOWN)
                return found, "" if found else t("tui.drug.ucd_unknown", code=text)
            if self._drugs is None:
                self._drugs = self.app.db.drug_count()
            if not self._drugs:
                return [], t("tui.drug.no_database")
            found = self.app.db.find_drugs(text, limit=SHOWN)
        except ParcoursError as exc:
            return [], t("tui.status.store_error", code=exc.code)
        return found, "" if found else t("tui.drug.none")

    def drug_picked(self, spec: FieldSpec, match: Any, text: str) -> None:
        """Fill the line from the drug picked (name, codes, ATC, form, route, dose); focus what is left."""
        side, i = spec.extra["line"]
        prefix = f"{side}.{i}."
        if match is None:
            if ucd13_problem(text) is not None:
                return
            filled: dict[str, str | None] = {"ucd13": text}
        else:
            dose = match.dose_value
            shown = None if dose is None else (f"{dose:g}".replace(".", ",") if self.app.lang == "fr" else f"{dose:g}")
            filled = {"label": match.name, "cis": match.cis, "cip13": match.cip13, "ucd13": match.ucd13,
                      "atc": match.atc, "form": match.form, "dose.value": shown, "dose.unit": match.dose_unit,
                      "route": match.route}
        for name, value in filled.items():
            if value is None and name not in PICKED_CODES:
                continue  # what the database does not know stays as typed
            self.values[prefix + name] = value
            if name not in PICKED_CODES:
                self._row(prefix + name).set_value(value)
        self.resume_key = prefix + "label"
        self.autosave()
        self.refresh_view()
        t = self.app.t
        self.app.status(t("tui.drug.filled", name=match.name) if match else t("tui.drug.ucd_kept", code=text))
        after = [s for s in line_fields(side, i)[1:] if s.path[-1] not in ("atc", "form")]
        empty = next((s for s in after if is_empty(self.values.get(s.key))), after[0])
        self.set_focus(self._row(empty.key).control)

    def field_changed(self, key: str, value: Any) -> None:
        """A drug name typed over a pick drops the codes the pick set (they named the old drug)."""
        if key.endswith(".label") and key.split(".")[0] in SIDES:
            prefix = key.removesuffix("label")
            for code in PICKED_CODES:
                self.values.pop(prefix + code, None)
        super().field_changed(key, value)

    def live_result(self, doc: dict[str, Any]) -> str | None:
        from medisis.reconciliation import parse_reconciliation, reconcile

        result = orjson.loads(orjson.dumps(reconcile(parse_reconciliation(orjson.dumps(doc))).to_json()))
        t = self.app.t
        s = result["summary"]
        lines = pair_lines(doc, result, t)
        lines.append(
            t(
                "tui.rec.summary",
                lines=s["lines"],
                dni=s["dni"],
                dind=s["dind"],
                did=s["did"],
                unqualified=s["unqualified"],
            )
        )
        lines += [t(f"tui.rec.warning.{w}") for w in result.get("warnings", [])]
        return "\n".join(lines)

    def submit(self, doc: dict[str, Any]) -> Saved:
        from parcours.core.records import RecordKind

        return self.app.db.save_document(RecordKind.MEDISIS_RECONCILIATION, doc, actor=self.app.actor,
                                            patient_id=self.patient_id)

    # --- lines -----------------------------------------------------------------------------------
    def current_line(self) -> tuple[str, int] | None:
        """(side, slot) of the line whose field has the focus."""
        focused = self.app.focused
        row = next((a for a in (focused.ancestors if focused else []) if isinstance(a, FieldRow)), None)
        if row is None or row.spec.path[0] not in SIDES:
            return None
        return str(row.spec.path[0]), int(row.spec.path[1])

    async def action_add_line(self, side: str) -> None:
        """F6 / F7: a new empty line at the end of the history or of the orders; the focus goes to it."""
        i = self.lines[side]
        after = self._row(line_fields(side, i - 1)[-1].key)
        self.lines[side] = i + 1
        await self.query_one("#form", VerticalScroll).mount(*self._line_widgets(side, i), after=after)
        self.autosave()  # the draft keeps the new line, even empty
        self.set_focus(self._row(line_fields(side, i)[0].key).control)

    def action_remove_line(self) -> None:
        """F8: remove the current line; asked first when something was typed in it."""
        line = self.current_line()
        if line is None:
            self.app.status(self.app.t("tui.rec.no_line"))
            return
        side, i = line
        if not line_filled(self.values, side, i):
            self.remove_line(side, i)
            return
        from tui.screens.modals import ConfirmScreen

        label = self.values.get(f"{side}.{i}.label") or self.values.get(f"{side}.{i}.atc") or "—"
        question = self.app.t("tui.rec.remove_confirm", id=line_id(side, i), label=label)
        def answered(yes: bool | None) -> None:
            if yes:
                self.remove_line(side, i)

        self.app.push_screen(ConfirmScreen(question), answered)

    def remove_line(self, side: str, i: int) -> None:
        """Drop line `i`: the next ones move up (renumbered), the last slot goes (one line stays)."""
        self.values = remove_line(self.values, side, i)
        count = self.lines[side]
        if count > 1:
            last = count - 1
            for widget in [self.query_one(f"#sec-{side}-{last}"), *(self._row(s.key) for s in line_fields(side, last))]:
                widget.remove()
            self.lines[side] = last
        moved = [s for j in range(i, self.lines[side]) for s in line_fields(side, j)]
        if side == "bm":  # pairings follow the renumbered history lines
            moved += [s for j in range(self.lines["orders"]) for s in line_fields("orders", j) if s.path[-1] == "bm_id"]
        for spec in moved:
            self._row(spec.key).set_value(self.values.get(spec.key))
        self.autosave()
        self.refresh_view()
        self.set_focus(self._row(line_fields(side, min(i, self.lines[side] - 1))[0].key).control)
        self.app.status(self.app.t("tui.rec.removed", id=line_id(side, i)))

    def action_intervention(self) -> None:
        """An Act-IP intervention on the line whose field has the focus."""
        drug: dict[str, Any] = {}
        line = self.current_line()
        if line is not None:
            side, i = line
            prefix = f"{side}.{i}."
            drug = {"label": self.values.get(prefix + "label") or "", "atc": self.values.get(prefix + "atc") or "",
                    "line": line_id(side, i)}
        self.app.push_screen(InterventionScreen(self.patient, drug=drug))
