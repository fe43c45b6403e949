"""Every `docs/<name>.md §N` the code cites names a section that exists in our own docs/.

Why: code cites the rules it applies, and those rules are written in the repository (in our words),
never in a file outside it; a citation to a missing section is a rule nobody can read.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITATION = re.compile(r"docs/(\w+)\.md`? ?§ ?(\d+(?:\.\d+)*)")
#: a heading's section number: `## §1.4 …` (our style) or `## 1. Dates` / `### 2.1 …`
HEADING_SECTION = re.compile(r"§(\d+(?:\.\d+)*)|^#+\s+(\d+(?:\.\d+)*)\.?\s")
OUTSIDE = re.compile(r"(?<![\w/.-])(?:icope|medisis|fhir|interchange)\.md ?§|\.\./shared/spec")
SOURCES = ("icope", "medisis", "parcours", "fhir_export", "reports", "tui", "tools", "bench")


def _code_files() -> list[Path]:
    return [p for folder in SOURCES for p in sorted((ROOT / folder).rglob("*.py"))]


def _sections(name: str) -> set[str]:
    path = ROOT / "docs" / f"{name}.md"
    if not path.exists():
        return set()
    return {number for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")
            for pair in HEADING_SECTION.findall(line) for number in pair if number}


def test_every_cited_section_exists() -> None:
    missing = set()
    cache: dict[str, set[str]] = {}
    for path in _code_files():
        for name, number in CITATION.findall(path.read_text(encoding="utf-8")):
            sections = cache.setdefault(name, _sections(name))
            if number.rstrip(".") not in sections:
                missing.add(f"{path.relative_to(ROOT)}: docs/{name}.md §{number}")
    assert not missing, sorted(missing)


def test_code_cites_no_file_outside_the_repository() -> None:
    found = [f"{path.relative_to(ROOT)}:{i}" for path in _code_files()
             for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if OUTSIDE.search(line)]
    assert not found, found
