"""Exports from the patient file: the PDF history (reports/) and FHIR bulk NDJSON (fhir_export/).

Why: reports/ and fhir_export/ are separate packages imported lazily, only when the nurse asks for
an export; a missing or failing package becomes a status message, never a crash of the screen.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

__all__ = ["ExportDone", "export_dir", "export_fhir", "export_pdf"]


@dataclass(frozen=True, slots=True)
class ExportDone:
    """Where the export went and how much it holds (pages are not counted: bytes for a PDF)."""

    path: Path
    count: int


def export_dir(configured: str | Path | None = None) -> Path:
    """`PARCOURS_EXPORT_DIR`, else `~/parcours-exports` (created)."""
    folder = Path(configured or os.environ.get("PARCOURS_EXPORT_DIR") or Path.home() / "parcours-exports")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def export_pdf(store: Any, patient_id: str, lang: str, folder: Path) -> ExportDone:
    """The patient's history as PDF: `reports.history_report` + `reports.render_pdf`, written atomically."""
    from parcours.core.files import write_atomically
    from reports import history_report, render_pdf

    pdf = render_pdf(history_report(store.patient_records(patient_id)), lang)
    path = folder / f"parcours-{patient_id}-{_stamp()}.pdf"
    write_atomically(path, pdf, force=False)
    return ExportDone(path, len(pdf))


def export_fhir(store: Any, patient_id: str, folder: Path) -> ExportDone:
    """The patient's records as FHIR bulk NDJSON (`fhir_export.bulk.export_bulk`) in a new folder."""
    from fhir_export.bulk import export_bulk

    out = folder / f"fhir-{patient_id}-{_stamp()}"
    out.mkdir(parents=True, exist_ok=False)
    manifest = export_bulk([store.patient_records(patient_id)], out, request=f"parcours tui export {patient_id}")
    return ExportDone(out, sum(int(o.get("count", 0)) for o in manifest.get("output", [])))
