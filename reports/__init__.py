"""PDF reports with ReportLab (issue 7): built from the engines' results, no clinical logic here.

`build_report` reads a screening, follow-up or reconciliation document (docs/interchange.md §6),
`history_report` a patient's stored records; `render_pdf` lays either out in French or English.
Names load lazily (PEP 562): importing `reports` loads neither ReportLab nor the engines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parcours.core.lazy import lazy_exports

if TYPE_CHECKING:  # the lazy names, typed for editors and checkers (tests/test_lazy_exports.py)
    from reports.batch import write_reports
    from reports.content import Identity, Report
    from reports.history import history_report
    from reports.inputs import build_report, report_kind
    from reports.render import render_pdf

_WHERE: dict[str, str] = {
    "Identity": "reports.content",
    "Report": "reports.content",
    "build_report": "reports.inputs",
    "history_report": "reports.history",
    "render_pdf": "reports.render",
    "report_kind": "reports.inputs",
    "write_reports": "reports.batch",
}

__all__ = ["Identity", "Report", "build_report", "history_report", "render_pdf", "report_kind", "write_reports"]

__getattr__, __dir__ = lazy_exports(globals(), _WHERE)
