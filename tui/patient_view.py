"""Lines of the patient file built from stored records (store.patient_records), already translated.

Why: the patient screen only lays out text; turning stored JSON results into short lines is
plain Python, tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from icope.vocab import DOMAIN_NAMES
from tui.dates import show

if TYPE_CHECKING:
    from parcours.core.records import StoredDocument

__all__ = ["DOMAIN_KEYS", "medisis_lines", "num", "score_text", "screening_cells", "step2_lines", "text_lines"]

DOMAIN_KEYS = DOMAIN_NAMES
#: one-character marks of a domain result in the history table (+ positive, − negative, ? incomplete)
MARKS = {"positive": "+", "negative": "−", "incomplete": "?"}

T = Callable[..., str]


def text_lines(lines: list[str], t: T, empty: str = "tui.pf.none") -> str:
    """The lines, or the section's own « aucune alerte » (catalog key `empty`) when there is none."""
    return "\n".join(lines) if lines else t(empty)


def score_text(instrument: str, score: Any, max_score: Any, lang: str = "fr") -> str:
    """`8/12`; a visual acuity as the chart reads it, in tenths (0.5 → `5/10`)."""
    if instrument == "visual_acuity" and isinstance(score, int | float) and not isinstance(score, bool):
        return f"{num(round(score * 10, 2), lang)}/10"
    return f"{num(score, lang)}/{num(max_score, lang)}"


def screening_cells(doc: StoredDocument, t: T) -> tuple[str, ...]:
    """Date, overall result, then one mark per domain."""
    result = doc.result or {}
    domains = result.get("domains", {})
    overall = result.get("overall")
    return (
        show(doc.recorded_on),
        t(f"icope.result.{overall}") if overall else "",
        *(MARKS.get(domains.get(d, {}).get("result", ""), " ") for d in DOMAIN_KEYS),
    )


def num(value: Any, lang: str = "fr") -> str:
    """12 → "12"; 12.5 → "12,5" in French, "12.5" in English."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    text = str(int(value)) if float(value).is_integer() else f"{value:g}"
    return text.replace(".", ",") if lang == "fr" else text


def _band(t: T, band: str) -> str:
    try:
        return t(f"tui.band.{band}")
    except KeyError:
        return band


def step2_lines(docs: Iterable[StoredDocument], t: T, lang: str = "fr") -> list[str]:
    """`2026-11-20  SPPB  8/12  modéré  ANORMAL`."""
    out = []
    for doc in docs:
        if doc.kind.value != "icope.assessment" or not doc.result:
            continue
        r = doc.result
        line = t(
            "tui.pf.step2_line", date=show(doc.recorded_on), instrument=t(f"tui.instrument.{r['instrument']}"),
            score=score_text(str(r.get("instrument")), r.get("score"), r.get("max_score"), lang),
            band=_band(t, str(r.get("band"))),
            verdict=t("tui.s2.abnormal" if r.get("abnormal") else "tui.s2.normal"),
        )
        if r.get("urgent"):  # S1: the engine's `urgent`, said on the line too (docs/icope.md "Safety rules")
            line += "  ⚠ " + t("tui.s2.urgent")
        out.append(line)
    return out


def medisis_lines(docs: Iterable[StoredDocument], t: T) -> list[str]:
    """Stays, reconciliations (DNI count), risk scores, relevance reviews and 30-day reviews."""
    out = []
    for doc in docs:
        kind, d, r = doc.kind.value, doc.document, doc.result or {}
        day = show(doc.recorded_on)
        if kind == "medisis.stay":
            admission, discharge = show(d.get("admission_date")), show(d.get("discharge_date")) or "—"
            out.append(t("tui.pf.stay", admission=admission, discharge=discharge))
        elif kind == "medisis.reconciliation":
            s = r.get("summary", {})
            out.append(t("tui.pf.reconciliation", date=day, moment=t(f"tui.moment.{d.get('moment')}"),
                         lines=s.get("lines", 0), dni=s.get("dni", 0), unqualified=s.get("unqualified", 0)))
        elif kind == "medisis.risk":
            out.append(t("tui.pf.risk", date=day, score=str(r.get("score", "")).upper(), value=r.get("value"),
                         max=r.get("max_value"), band=_band(t, str(r.get("band")))))
        elif kind == "medisis.review":
            line = t("tui.pf.review", date=day, findings=len(r.get("findings", [])), acb=r.get("acb_total", 0))
            if r.get("unchecked"):  # docs/medisis.md §6.2: never hide "could not check"
                line += " — " + t("tui.rev.unchecked_count", count=len(r["unchecked"]))
            out.append(line)
        elif kind == "medisis.consultation30":
            out.append(t("tui.pf.consultation30", date=day))
        elif kind == "medisis.intervention":
            out.append(t("tui.pf.intervention", date=day))
    return out
