"""Issue 18: any comment, label, name or goal, however long or odd, gives a PDF (cut with « … »)."""

from __future__ import annotations

from datetime import date
from typing import Any

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parcours.cli.medisis_commands import reconcile
from parcours.core.records import PatientRecords, RecordKind, StoredDocument
from reports import build_report, history_report, render_pdf

from .conftest import EXAMPLES, flat, pages_text

LONG = ("pharmacien " * 200)[:2000]
WORD = "x" * 2000

#: Text a person may type: any printable character, long runs without a space, newlines, tabs.
odd_text = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=2500),
    st.text(st.sampled_from("aé€ <&>«»\n\t-—/'\"\u200b\u0301ﷺ漢"), min_size=1, max_size=2500),
    st.builds(lambda c, n: c * n, st.sampled_from("xW—\n .&"), st.integers(1, 2500)),
).filter(lambda s: s.strip())


def _reconciliation(text: str) -> dict[str, Any]:
    doc = orjson.loads(EXAMPLES["reconciliation"].read_bytes())
    doc["organization"]["name"] = text
    doc["patient"]["family"] = text
    doc["bm"][0]["label"] = text
    doc["bm"][3]["comment"] = text
    doc["orders"][2]["comment"] = text
    return doc


def _screening(text: str) -> dict[str, Any]:
    doc = orjson.loads(EXAMPLES["screening"].read_bytes())
    doc["organization"] = {"finess": "540000001", "name": text}
    doc["care_plan"]["goals"] = [text, text]
    return doc


def test_a_2000_character_comment_label_and_name_are_cut_with_an_ellipsis() -> None:
    for text, shown in ((LONG, "pharmacien pharmacien pharmacien"), (WORD, "x" * 200)):
        pdf = render_pdf(build_report(orjson.dumps(_reconciliation(text))), "fr")
        assert len(pages_text(pdf)) <= 4
        joined = flat(pdf) if text == LONG else flat(pdf).replace(" ", "")  # a long word wraps anywhere
        assert "…" in joined and shown in joined and "apixaban" in joined  # cut, and the other lines kept
    short = render_pdf(build_report(EXAMPLES["reconciliation"].read_bytes()), "fr")
    assert "…" not in flat(short)  # short text is never cut


def test_screening_with_a_long_site_name_and_goals() -> None:
    pdf = render_pdf(build_report(orjson.dumps(_screening(LONG))), "en")
    assert "…" in flat(pdf) and flat(pdf).count("pharmacien") > 300  # goals wrap over pages, whole


@given(odd_text, st.sampled_from(["fr", "en"]))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_in_any_field_gives_a_pdf(text: str, lang: str) -> None:
    for doc in (_reconciliation(text), _screening(text)):
        pdf = render_pdf(build_report(orjson.dumps(doc)), lang)
        assert pdf.startswith(b"%PDF") and pages_text(pdf)


def test_history_of_a_stored_long_document_still_renders() -> None:
    doc = _reconciliation(WORD + " " + LONG)
    result = orjson.loads(orjson.dumps(reconcile(orjson.dumps(doc))))
    records = PatientRecords("p-1", {"family": WORD, "given": [LONG]}, (
        StoredDocument(RecordKind.MEDISIS_RECONCILIATION, "r1", date(2026, 12, 4), doc, result),))
    pdf = render_pdf(history_report(records), "fr")
    assert "…" in pages_text(pdf)[0]
