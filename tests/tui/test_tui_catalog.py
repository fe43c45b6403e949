"""Every catalog key the TUI names exists in French and English; `import tui` stays cheap."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import tui
from parcours.messages import EN, FR
from tui.forms import FieldSpec
from tui.reconcile_model import IP_FIELDS, RECONCILIATION_FIELDS
from tui.screens.careplan import PLAN_FIELDS
from tui.screens.medisis_forms import C30_FIELDS, RISK_FIELDS
from tui.screens.medisis_review import REVIEW_FIELDS
from tui.screens.patient_form import PATIENT_FIELDS
from tui.step1_model import STEP1_FIELDS
from tui.step2_model import INSTRUMENT_FIELDS

ROOT = Path(tui.__file__).parent


def _all_specs() -> list[FieldSpec]:
    specs = [*STEP1_FIELDS, *PATIENT_FIELDS, *PLAN_FIELDS, *C30_FIELDS, *REVIEW_FIELDS, *RECONCILIATION_FIELDS,
             *IP_FIELDS]
    for group in (*INSTRUMENT_FIELDS.values(), *RISK_FIELDS.values()):
        specs += group
    return specs


def test_field_labels_choices_and_hints_exist() -> None:
    for spec in _all_specs():
        keys = [spec.label, *(c.label for c in spec.choices), *([spec.hint] if spec.hint else [])]
        for key in keys:
            assert key in FR and key in EN, key


def test_literal_keys_in_tui_sources_exist() -> None:
    used = set()
    for path in ROOT.rglob("*.py"):
        used |= set(re.findall(r'"(tui\.[a-z0-9_.]+[a-z0-9_])"', path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if k not in FR and not any(f.startswith(k + ".") for f in FR))
    assert missing == []


def test_import_tui_is_cheap() -> None:
    code = "import sys, tui; print(any(m.startswith('textual') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.strip()
    assert out == "False"
