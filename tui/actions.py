"""Exports from the patient file: the PDF history (reports/) and FHIR bulk NDJSON (fhir_export/).

Why: reports/ and fhir_export/ are separate packages imported lazily, only when the nurse asks for
an export; a missing or failing package becomes a status message, never a crash of the screen.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parcours.lang import Lang
    from tui.store_api import StoreAPI

__all__ = ["ExportDone", "export_dir", "export_fhir", "export_pdf"]


@dataclass(frozen=True, slots=True)
class ExportDone:
    """Where the export went and how much it holds (pages are not counted: bytes for a PDF)."""

    path: Path
    count: int


def export_dir(configured: str | Path | None = None) -> Path:
    """`PARCOURS_EXPORT_DIR`, else `~/parcours-exports` (created; 0700: it holds personal data)."""
    from parcours.core.private_files import private_dir

    return private_dir(Path(configured or os.environ.get("PARCOURS_EXPORT_DIR") or Path.home() / "parcours-exports"))


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def export_pdf(store: StoreAPI, patient_id: str, lang: Lang, folder: Path, *, actor: str) -> ExportDone:
    """The patient's history as PDF: `reports.history_report` + `reports.render_pdf`, written atomically."""
    from parcours.core.private_files import write_private
    from parcours.store.audit import Access
    from reports import history_report, render_pdf

    store.record_access(patient_id, actor=actor, purpose=Access.TUI_EXPORT_PDF)
    pdf = render_pdf(history_report(store.patient_records(patient_id)), lang)
    path = folder / f"parcours-{patient_id}-{_stamp()}.pdf"
    write_private(path, pdf, force=False)
    return ExportDone(path, len(pdf))


def export_fhir(store: StoreAPI, patient_id: str, folder: Path, *, actor: str) -> ExportDone:
    """The patient's records as FHIR bulk NDJSON (`fhir_export.bulk.export_bulk`) in a new folder."""
    from fhir_export.bulk import export_bulk
    from parcours.core.private_files import private_dir
    from parcours.store.audit import Access

    out = private_dir(folder / f"fhir-{patient_id}-{_stamp()}", exist_ok=False)
    store.record_access(patient_id, actor=actor, purpose=Access.TUI_EXPORT_FHIR)
    manifest = export_bulk([store.patient_records(patient_id)], out, request=f"parcours tui export {patient_id}")
    return ExportDone(out, sum(int(o.get("count", 0)) for o in manifest.get("output", [])))
