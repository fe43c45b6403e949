"""The report fonts: DejaVu Sans (Debian fonts-dejavu-core), else Bitstream Vera from ReportLab.

Why: a PDF for a patient and a GP must render the same everywhere, so fonts are embedded TrueType
subsets; the base-14 fonts are never used (they are not embedded and lack "≥", "µ", "œ").
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

__all__ = ["BOLD", "FONT_DIRS", "REGULAR", "font_files", "register_fonts"]

#: Where DejaVu Sans is looked for, in order (PARCOURS_FONT_DIR first when set).
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
REGULAR, BOLD = "ParcoursSans", "ParcoursSans-Bold"


def font_files() -> tuple[Path, Path]:
    """(regular, bold) TrueType files: DejaVu Sans when installed, else the Vera shipped by ReportLab."""
    extra = os.environ.get("PARCOURS_FONT_DIR")
    for folder in ((Path(extra),) if extra else ()) + FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    import reportlab

    shipped = Path(reportlab.__file__).parent / "fonts"
    return shipped / "Vera.ttf", shipped / "VeraBd.ttf"


@functools.cache
def register_fonts() -> tuple[str, str]:
    """Register the two faces once per process, as one family (so <b> maps to the bold face)."""
    regular, bold = font_files()
    pdfmetrics.registerFont(TTFont(REGULAR, str(regular)))
    pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
    for italic in (0, 1):
        addMapping(REGULAR, 0, italic, REGULAR)
        addMapping(REGULAR, 1, italic, BOLD)
    return REGULAR, BOLD
