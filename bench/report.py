"""Benchmark of `parcours report`: N two-page reports against bare ReportLab with the same content.

Usage: python bench/report.py [N]   (default 200)

"Ours" is `reports.render_pdf` on the follow-up example (two A4 pages): sections, embedded DejaVu
subsets, metadata, identity header and "page x/y" footer on every page. The baseline lays out the
very same flowables (same text, same fonts, same tables) with a plain `SimpleDocTemplate`: no
header, footer, page count or metadata. Both are timed in the same run, alternating, best of 3
rounds; the ratio ours/baseline is the figure to watch (target ≤ 1.3×). A progress bar goes to
stderr on a terminal.
"""

from __future__ import annotations

import io
import os
import pathlib
import sys
import time

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

sys.path.insert(0, str(pathlib.Path(__file__).parents[1]))

from reports import build_report, render_pdf
from reports.batch import Progress
from reports.labels import Labels
from reports.render import story, title_of

EXAMPLE = pathlib.Path(__file__).parents[1] / "examples" / "report_followup.json"


def bare(report, lab: Labels) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story(report, lab, title_of(report, lab)))
    return buffer.getvalue()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    report = build_report(EXAMPLE.read_bytes())
    lab = Labels("fr")
    sample = render_pdf(report, "fr")
    from pypdf import PdfReader

    page_count = len(PdfReader(io.BytesIO(sample)).pages)
    base_count = len(PdfReader(io.BytesIO(bare(report, lab))).pages)
    assert page_count == 2 and base_count == 2, (page_count, base_count)
    best = {"ours": float("inf"), "bare": float("inf")}
    bar = Progress(6 * n, "fr")
    for _ in range(3):
        for name in ("bare", "ours"):
            start = time.perf_counter()
            for _ in range(n):
                report = build_report(EXAMPLE.read_bytes())  # parse + engines, as the CLI does
                if name == "ours":
                    render_pdf(report, "fr")
                else:
                    bare(report, lab)
                bar.step()
            best[name] = min(best[name], time.perf_counter() - start)
    pages_total = 2 * n
    print(f"{n} reports of {page_count} pages, best of 3 rounds")
    print(f"parcours report : {pages_total / best['ours']:8.1f} pages/s  ({best['ours'] / n * 1000:.1f} ms/report)")
    print(f"bare ReportLab  : {pages_total / best['bare']:8.1f} pages/s  ({best['bare'] / n * 1000:.1f} ms/report)")
    print(f"ratio           : {best['ours'] / best['bare']:.2f}x (target <= 1.3x)")


if __name__ == "__main__":
    main()
