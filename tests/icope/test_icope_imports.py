"""The domain packages load no UI, PDF or database library (DEVELOPERS.md architecture)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("textual", "reportlab", "sqlalchemy", "alembic", "psycopg", "fhir")


@pytest.mark.parametrize("module", ["icope", "icope.followup", "icope.step2", "medisis", "parcours.cli.icope_commands"])
def test_domain_import_is_lean(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_score_command_imports_only_what_it_needs() -> None:
    code = (
        "import sys\nfrom parcours.cli import main\n"
        "sys.argv = ['parcours', 'icope', 'score', '-']\n"
        "import io\nsys.stdin = io.TextIOWrapper(io.BytesIO(b'{\"date\": \"2026-11-20\"}'))\n"
        "main()\n"
        "print('|' + ','.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('medisis', 'tui', 'reports', 'fhir_export', 'textual', 'reportlab', 'sqlalchemy'))), file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip() == "|"


@pytest.mark.parametrize("doc", [b'{"date": "2026-11-20"}', b'{"date": "2026-11-20", "vision": {"eye_problems": "x"}}'])
def test_score_command_builds_no_pydantic_model(doc: bytes) -> None:
    """The one-shot score validates with the stored schema (icope._generated.screening_schema): pydantic_core only."""
    code = (
        "import io, sys\nfrom parcours.cli import main\n"
        "sys.argv = ['parcours', 'icope', 'score', '-', '--lang', 'en']\n"
        f"sys.stdin = io.TextIOWrapper(io.BytesIO({doc!r}))\n"
        "status = main()\n"
        "print(status, ','.join(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'pydantic_core'})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    status, _, loaded = out.stdout.strip().splitlines()[-1].partition(" ")
    assert loaded == "pydantic_core"
    if b'"x"' in doc:  # invalid input: the field's path on stderr, still without pydantic
        assert status == "2" and "vision.eye_problems: must be true or false" in out.stderr
    else:
        assert status == "0"
