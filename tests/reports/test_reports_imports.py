"""What importing the reports package loads, labels coverage, the batch progress bar."""

from __future__ import annotations

import io
import pathlib
import subprocess
import sys

from icope.vocab import DeclineRule, Instrument, InterventionType
from medisis.interventions import InterventionType as PiType
from medisis.interventions import Outcome, Problem
from medisis.vocab import (
    Category,
    Change,
    Discrepancy,
    DoseUnit,
    ErrorType,
    HistorySource,
    ReconciliationWarning,
    Resolution,
    Route,
    Severity,
    Status,
)
from parcours.messages import EN, FR
from reports import build_report, write_reports
from reports.batch import Progress

from .conftest import EXAMPLES


def test_import_loads_neither_reportlab_nor_ui_nor_database() -> None:
    code = ("import sys, reports; "
            "bad = [m for m in ('reportlab', 'textual', 'sqlalchemy', 'icope', 'medisis') if m in sys.modules]; "
            "print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
    code = ("import sys, reports.render, reports.inputs, reports.history; "
            "print([m for m in ('textual', 'sqlalchemy') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_every_engine_code_has_a_label_in_both_languages() -> None:
    vocab = {
        "instrument": Instrument, "rule": DeclineRule, "intervention_type": InterventionType, "status": Status,
        "discrepancy": Discrepancy, "category": Category, "error_type": ErrorType, "severity": Severity,
        "resolution": Resolution, "change": Change, "warning": ReconciliationWarning, "route": Route, "unit": DoseUnit,
        "source": HistorySource, "problem": Problem, "pi_type": PiType, "outcome": Outcome,
    }
    for name, enum in vocab.items():
        for member in enum:
            key = f"report.{name}.{member.value}"
            assert key in FR and key in EN, key


def test_every_reason_code_of_the_engine_has_a_label() -> None:
    root = pathlib.Path(__file__).parents[2] / "icope"
    source = "".join(p.read_text() for p in root.glob("*.py"))
    import re

    appended = set(re.findall(r'reasons\.append\("([a-z0-9_]+)"\)', source))
    for code in appended | {"feeling_down", "little_interest", "eye_problems"}:
        assert f"report.reason.{code}" in FR, code


def test_progress_bar_only_on_a_terminal(tmp_path: pathlib.Path) -> None:
    report = build_report(EXAMPLES["reconciliation"].read_bytes())

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Tty(), io.StringIO()
    jobs = [(report, tmp_path / f"{i}.pdf") for i in range(3)]
    written = list(write_reports(jobs, "en", total=3, stream=tty))
    assert [p.name for p, _ in written] == ["0.pdf", "1.pdf", "2.pdf"] and all(size > 1000 for _, size in written)
    assert "\r[" in tty.getvalue() and "3/3 reports" in tty.getvalue() and tty.getvalue().endswith("\n")
    list(write_reports(jobs, "fr", total=3, stream=pipe))
    assert pipe.getvalue() == ""
    bar = Progress(2, "fr", Tty())
    bar.step()
    assert "1/2 rapports" in bar.stream.getvalue()
