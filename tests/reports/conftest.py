"""Shared helpers of the report tests: example documents, PDF text and font inspection with pypdf."""

from __future__ import annotations

import io
import pathlib

import pytest
from pypdf import PdfReader

ROOT = pathlib.Path(__file__).parents[2]
EXAMPLES = {
    "screening": ROOT / "examples" / "report_screening.json",
    "followup": ROOT / "examples" / "report_followup.json",
    "reconciliation": ROOT / "examples" / "report_reconciliation.json",
}
BASE14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic",
    "Symbol", "ZapfDingbats",
}


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """(base font name without subset prefix, embedded?) of every font of every page."""
    found = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            name = str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1]
            embedded = False
            for descendant in font.get("/DescendantFonts", None) or [font]:
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None:
                    d = descriptor.get_object()
                    embedded = embedded or any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found.append((name, embedded))
    return found


@pytest.fixture(autouse=True)
def _fixed_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z


def flat(pdf: bytes) -> str:
    """All pages' text with every run of whitespace (line wraps in table cells) as one space."""
    return " ".join(" ".join(pages_text(pdf)).split())
