"""The stored step-1 schema (icope._generated.screening_schema) is pydantic's,
and validates exactly as the model does."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from icope import InvalidScreening
from icope.option_values import DEFAULT_OPTIONS
from icope.options import Step1Options
from icope.screening import Screening
from icope.step1 import parse_screening, read_screening
from parcours.core.compiled import ValidatedObject
from parcours.core.identifiers import ins_key

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> Any:
    """tools/schema_source.py, a development script outside the installed packages."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("schema_source_tool", ROOT / "tools" / "schema_source.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_TOOL = _tool()
GENERATED, _model, schema_source = _TOOL.GENERATED, _TOOL._model, _TOOL.schema_source


@pytest.mark.parametrize("relative", sorted(GENERATED))
def test_stored_schema_is_current(relative: str) -> None:
    spec, purpose = GENERATED[relative]
    shipped = (ROOT / relative).read_text(encoding="utf-8")
    assert shipped == schema_source(_model(spec), purpose)  # regenerate: python tools/schema_source.py --write


def test_check_mode_names_a_stale_schema(tmp_path: Path) -> None:
    """`tools/schema_source.py --check` (the pre-commit hook) finds a stored schema edited by hand."""
    assert _TOOL.stale(ROOT) == []
    for relative in GENERATED:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text((ROOT / relative).read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert sorted(_TOOL.stale(tmp_path)) == sorted(tmp_path / relative for relative in GENERATED)


def test_default_options_are_the_models_defaults() -> None:
    assert [f.name for f in fields(DEFAULT_OPTIONS)] == list(Step1Options.model_fields)
    assert Step1Options().model_dump() == {f.name: getattr(DEFAULT_OPTIONS, f.name) for f in fields(DEFAULT_OPTIONS)}


def _plain(value: Any) -> Any:
    """A validated document (model or ValidatedObject) as nested dicts of its field values."""
    if isinstance(value, ValidatedObject | BaseModel):
        return (type(value).__name__, {k: _plain(v) for k, v in value.__dict__.items()})
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _outcome(read: Any, raw: bytes) -> tuple[str, Any]:
    try:
        return "ok", _plain(read(raw))
    except InvalidScreening as exc:
        return "invalid", exc.issues


def _ins(body: str) -> str:
    return body + ins_key(body)


digits = st.text("0123456789", min_size=6, max_size=6)
ins_bodies = st.tuples(
    st.text("0123456789", min_size=5, max_size=5), st.sampled_from(["54", "2A", "2B"]), digits
).map("".join)
ins_values = st.one_of(ins_bodies.map(_ins), st.text(max_size=16))
patients = st.fixed_dictionaries({}, optional={
    "identifier": st.fixed_dictionaries({
        "system": st.sampled_from(["urn:oid:1.2.250.1.213.1.4.8", "urn:oid:1.2.250.1.213.1.4.10",
                                   "https://hopital.example/ipp", "no scheme", ""]),
        "value": st.one_of(ins_values, st.just("urn:uuid:1"))}),
    "ins": ins_values,
    "family": st.text(max_size=3),
    "given": st.one_of(st.text(max_size=3), st.lists(st.text(max_size=3), max_size=2)),
    "birth_date": st.dates().map(lambda d: d.isoformat()),
    "sex": st.sampled_from(["female", "male", "other", "unknown", "F"]),
})
options = st.fixed_dictionaries({}, optional={
    "age_adjusted_chair_rise": st.booleans(), "chair_rise_comparator": st.sampled_from(["gt", "ge", "x"]),
    "weight_loss_unknown": st.sampled_from(["positive", "incomplete"]),
    "whisper_rule": st.sampled_from(["either_ear", "both_ears"]),
    "audiometry_pass_max_db": st.one_of(st.floats(-5, 130, allow_nan=False), st.integers(-5, 130)),
    "rescreen_months": st.integers(0, 30),
})
answers = st.one_of(st.none(), st.booleans(), st.integers(-2, 4), st.floats(-20, 140, allow_nan=False),
                    st.sampled_from(["correct", "wrong", "unknown", "yes", "no", "pass", "fail", "2026-01-01", ""]))
domain_objects = st.dictionaries(
    st.sampled_from(["orientation", "words_recalled", "memory_complaint", "completed", "chair_rise_seconds",
                     "used_arms", "weight_loss", "weight_loss_kg", "appetite_loss", "weight_kg", "eye_problems",
                     "whisper_right", "whisper_left", "hearwho_score", "audiometry_db", "feeling_down",
                     "little_interest", "typo"]),
    answers, max_size=4)
documents = st.fixed_dictionaries(
    {"date": st.one_of(st.dates().map(lambda d: d.isoformat()), st.just("20/11/2026"))},
    optional={
        "birth_date": st.dates().map(lambda d: d.isoformat()),
        "administered_by": st.sampled_from(["nurse", "self", "robot"]),
        "cognition": domain_objects, "locomotion": domain_objects, "nutrition": domain_objects,
        "vision": domain_objects, "hearing": domain_objects, "psychology": domain_objects,
        "options": options, "patient": patients,
        "practitioner": st.fixed_dictionaries(
            {"rpps": st.sampled_from(["10001234567", "123"])},
            optional={"role": st.sampled_from(["nurse", "cook"]), "given": st.text(max_size=2)}),
        "organization": st.fixed_dictionaries({"finess": st.sampled_from(["540099901", "2A0001234", "5400999"])}),
    },
)


@settings(max_examples=400, deadline=None)
@given(documents)
def test_stored_schema_validates_as_the_model(doc: dict[str, Any]) -> None:
    raw = orjson.dumps(doc)
    fast, model = _outcome(read_screening, raw), _outcome(parse_screening, raw)
    assert fast == model


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.binary(max_size=40), st.text(max_size=20).map(str.encode)))
def test_stored_schema_refuses_bytes_as_the_model(raw: bytes) -> None:
    assert _outcome(read_screening, raw) == _outcome(parse_screening, raw)


def test_validated_objects_are_immutable_values() -> None:
    raw = (ROOT / "examples" / "screening.json").read_bytes()
    doc, again = read_screening(raw), read_screening(raw)
    assert doc == again and doc is not again
    assert isinstance(doc, ValidatedObject) and not isinstance(doc, Screening)
    with pytest.raises(AttributeError, match="immutable"):
        doc.date = None  # type: ignore[assignment]
    with pytest.raises(AttributeError, match="immutable"):
        del doc.cognition
    assert repr(doc).startswith("Screening(date=datetime.date(2026, 11, 20)")
