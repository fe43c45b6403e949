"""The registry of document kinds (parcours.kinds) and the consumers that read it agree.

Why (docs/architecture.md): a kind is declared once in its domain; these tests fail when a
consumer's own mapping (FHIR, TUI screen, side table) is missing for a declared kind, or when a
table names a kind that does not exist.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from datetime import date
from types import SimpleNamespace

import pytest

from parcours.core.records import RecordKind
from parcours.kinds import all_kinds, by_command, by_name, by_record, side_rows

STORE_MADE = {RecordKind.ICOPE_ALERT}  # raised by the store itself, never parsed from a document


def test_every_stored_kind_has_one_spec():
    stored = [k.record_kind for k in all_kinds() if k.record_kind is not None]
    assert len(stored) == len(set(stored))
    assert set(stored) == set(RecordKind) - STORE_MADE
    for kind in stored:
        assert by_record(kind).record_kind is kind
        assert by_name(by_record(kind).name) is by_record(kind)


def test_names_and_commands_are_unique_and_found():
    kinds = list(all_kinds())
    assert len({k.name for k in kinds}) == len(kinds)
    for kind in kinds:
        assert kind.name.partition(".")[0] in ("icope", "medisis")
        if kind.command is not None:
            assert by_command(*kind.command) is kind
    with pytest.raises(KeyError):
        by_command("icope", "nothing")
    with pytest.raises(KeyError):
        by_name("other.kind")
    with pytest.raises(KeyError):
        by_record(RecordKind.ICOPE_ALERT)


def test_cli_tables_are_views_of_the_registry():
    from parcours.cli import DOCUMENT_COMMANDS, FHIR_COMMANDS, SAVE_COMMANDS

    assert dict(DOCUMENT_COMMANDS) == {k.command: k.name for k in all_kinds() if k.command is not None}
    assert set(FHIR_COMMANDS) == {k.command for k in all_kinds() if k.command is not None and k.fhir}
    assert ("medisis", "indicators") in DOCUMENT_COMMANDS and ("medisis", "indicators") not in SAVE_COMMANDS
    assert ("icope", "nothing") not in DOCUMENT_COMMANDS and ("x",) not in DOCUMENT_COMMANDS


def test_every_fhir_kind_has_a_builder_and_every_record_a_mapping():
    from fhir_export.bundle import BUILDERS
    from fhir_export.patient import _MAPPINGS

    assert set(BUILDERS) == {k.name for k in all_kinds() if k.fhir}
    assert set(_MAPPINGS) == set(RecordKind)


def test_every_entered_kind_has_its_screen():
    from tui.drafts import KIND_SCREENS, SCREENS

    assert set(KIND_SCREENS) == {k.name for k in all_kinds() if k.record_kind is not None}
    for name, spec in KIND_SCREENS.items():
        module, _, cls = spec.partition(":")
        assert name == getattr(importlib.import_module(module), cls).DRAFT_KIND
        assert SCREENS[cls] == spec


def test_side_rows_of_a_screening_and_an_assessment():
    from icope.step1 import parse_screening, score_screening
    from icope.step2 import assess_instrument, parse_assessment

    model = parse_screening(b'{"date": "2026-11-20", "cognition": {"words_recalled": 1}}')
    import orjson

    result = orjson.loads(orjson.dumps(score_screening(model).to_json()))
    row = side_rows("icope.screening", model, result)
    assert row["cognition"] == "positive" and row["positive_mask"] & 1
    assert row["next_step1_due"] == date.fromisoformat(result["next_step1_due"])
    assessment = parse_assessment(b'{"instrument": "mmse", "date": "2026-11-21", "score": 20}')
    arow = side_rows(RecordKind.ICOPE_ASSESSMENT, assessment,
                     orjson.loads(orjson.dumps(assess_instrument(assessment).to_json())))
    assert arow["domain"] == "cognition" and arow["instrument"] == "mmse"
    assert side_rows(RecordKind.MEDISIS_RISK, None, {}) is None  # no worklist filters on a risk
    assert side_rows(RecordKind.ICOPE_ALERT, None, None) is None


@pytest.mark.parametrize(("status", "closes"), [("done", True), ("declined", True), ("not_applicable", True),
                                                 ("planned", False), ("missed", False)])
def test_which_consultations_close_the_30_day_review(status, closes):
    from medisis.consultation30 import ConsultationStatus

    row = side_rows(RecordKind.MEDISIS_CONSULTATION30, SimpleNamespace(status=ConsultationStatus(status)), None)
    assert row == {"closes_review30": closes}


def test_clinical_date_takes_the_first_date_set():
    spec = by_record(RecordKind.MEDISIS_CONSULTATION30)
    day = date(2026, 11, 30)
    assert spec.clinical_date(SimpleNamespace(performed_at=None, scheduled_at=day, due_date=date(2026, 12, 1))) == day
    # a risk carries its evaluation `date` (issue 16, docs/interchange.md §5.5); without one the store
    # dates it the day saved (parcours/store/saving.py)
    assert by_record(RecordKind.MEDISIS_RISK).clinical_date(SimpleNamespace(date=day)) == day
    assert by_record(RecordKind.MEDISIS_RISK).clinical_date(SimpleNamespace(date=None)) is None


def test_reading_one_group_loads_no_other_domain_nor_engine():
    code = ("import sys\nfrom parcours.kinds import by_command\nk = by_command('icope', 'score')\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('medisis', 'pydantic', 'sqlalchemy') "
            "or m in ('icope.step1', 'icope.step2')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_reading_every_kind_loads_no_engine():
    """`parcours --help`, the TUI and `--format fhir` build the whole command tree: specs only, no models."""
    code = ("import sys\nfrom parcours.kinds import all_kinds\nkinds = list(all_kinds())\n"
            "print(len(kinds), sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic' "
            "or m in ('medisis.reconciliation', 'medisis.risk', 'icope.step1')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "11 []"
