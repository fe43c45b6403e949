"""Protocol file, formulary proposals, Act-IP interventions and the 30-day consultation (§1.3, §2.6, §5, §8)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
import pytest

import medisis
from medisis.config import SCHEMA, UNCONFIGURED, load_protocol, parse_protocol
from medisis.consultation30 import classify_taken, due_date, is_overdue, parse_consultation, window
from medisis.errors import InvalidFollowupConsultation, InvalidIntervention, InvalidProtocol, NotConfigured
from medisis.formulary import parse_equivalences, propose
from medisis.interventions import OUTCOME_CODE, Outcome, Problem, parse_intervention, problem_form_number
from medisis.lines import BmLine, OrderLine
from parcours.messages import render_issue

EXAMPLE = Path(medisis.__file__).parent / "protocol.example.toml"


def test_example_file_configures_nothing_unknown() -> None:
    protocol = load_protocol(EXAMPLE)
    assert protocol.values == {}
    for key in ("protocol.source", "inclusion.min_age_years", "risk.score", "stages.review_30d.window_days_before"):
        assert protocol.get(key) is None
        with pytest.raises(NotConfigured):
            protocol.require(key)
    assert (protocol.review_30d_days, protocol.acb_threshold, protocol.recurrent_falls_min) == (30, 3, 2)
    assert protocol.indicator_moments == ("admission",) and len(protocol.review_rules) == 24


def test_every_schema_key_is_documented_in_the_example_file() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for key in SCHEMA:
        assert key.rsplit(".", 1)[-1] in text, key


@pytest.mark.parametrize(("data", "expected"), [
    ({"inclusion": {"min_age": 75}}, ["inclusion.min_age: unknown field"]),
    ({"inclusion": {"min_age_years": "75"}}, ["inclusion.min_age_years: expected type: integer"]),
    ({"risk": {"lace": {"bands": {"low": 0, "moderate": 5}}}},
     ["risk.lace.bands: invalid bands: distinct integer bounds, the lowest 0, a band named high"]),
    ({"review": {"rules": ["STOPP-Z1"]}}, ["review.rules[0]: unknown rule: STOPP-Z1"]),
])
def test_invalid_protocol(data, expected) -> None:
    with pytest.raises(InvalidProtocol) as exc:
        parse_protocol(data)
    assert [render_issue(i, "en") for i in exc.value.issues] == expected


def test_bad_toml(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text("[risk\n", encoding="utf-8")
    with pytest.raises(InvalidProtocol):
        load_protocol(path)


def test_formulary_proposals_only_for_unpaired_lines() -> None:
    table = parse_equivalences([{"from_atc": "A02BC05", "to_atc": "A02BC03", "note": "livret"}])
    bm = [BmLine(id="b1", atc="A02BC05"), BmLine(id="b2", atc="C03CA01")]
    orders = [OrderLine(id="o1", atc="C03CA01"), OrderLine(id="o2", atc="A02BC03")]
    proposals = propose(bm, orders, table)
    assert [(p.order_id, p.bm_id) for p in proposals] == [("o2", "b1")]
    with pytest.raises(InvalidProtocol):
        parse_equivalences([{"from_atc": "A02BC05"}])


def test_example_9_intervention_coding() -> None:
    ip = parse_intervention(orjson.dumps({
        "id": "ip1", "date": "2026-11-20", "result": "INTERVENTION", "analysis_level": 2,
        "drugs": [{"atc": "B01AF02", "label": "apixaban 5 mg"}], "problem": "4", "intervention": "7",
        "outcome": "accepted", "proposal": "apixaban 2,5 mg x 2/j", "transmission": "phone",
    }))
    assert (ip.problem, ip.intervention.value, OUTCOME_CODE[ip.outcome]) == (Problem.OVERDOSE, "7", "1")
    assert problem_form_number(Problem.OVERDOSE) == "1.4"
    assert problem_form_number(Problem.INTERACTION_PUBLISHED) == "1.6"
    assert len(Problem) == 14 and "6" not in {p.value for p in Problem} and len(Outcome) == 4


@pytest.mark.parametrize(("changes", "expected"), [
    ({"problem": "6"}, "problem: must be one of"),
    ({"intervention": "8"}, "intervention: must be one of"),
    ({"problem_subcode": "3.1"}, "problem_subcode: sub-code does not belong to problem 4"),
    ({"drugs": []}, "drugs: must have at least 1 item(s)"),
    ({"problem": None}, "problem: required with result = INTERVENTION"),
])
def test_invalid_intervention(changes, expected) -> None:
    body = {"id": "ip1", "date": "2026-11-20", "result": "INTERVENTION", "drugs": [{"atc": "B01AF02"}],
            "problem": "4", "intervention": "7", **changes}
    with pytest.raises(InvalidIntervention) as exc:
        parse_intervention(orjson.dumps(body))
    assert render_issue(exc.value.issues[0], "en").startswith(expected)


def test_consultation_due_date_and_window() -> None:
    discharge = date(2026, 11, 20)
    assert due_date(discharge) == date(2026, 12, 20)
    assert window(discharge) is None and is_overdue(discharge, date(2027, 6, 1)) is None
    protocol = parse_protocol({"stages": {"review_30d": {"days_after_discharge": 28, "window_days_before": 3,
                                                         "window_days_after": 7, "modes": ["phone"]}}})
    assert due_date(discharge, protocol) == date(2026, 12, 18)
    assert window(discharge, protocol) == (date(2026, 12, 15), date(2026, 12, 25))
    assert is_overdue(discharge, date(2026, 12, 26), protocol) is True
    record = parse_consultation(orjson.dumps({"status": "done", "due_date": "2026-12-18", "performed_at": "2026-12-17",
                                              "mode": "phone"}), protocol)
    assert record.status == "done"


def test_consultation_mode_not_configured_and_required_fields() -> None:
    with pytest.raises(InvalidFollowupConsultation) as exc:
        parse_consultation(orjson.dumps({"status": "done", "due_date": "2026-12-20", "mode": "phone"}), UNCONFIGURED)
    assert [render_issue(i, "en") for i in exc.value.issues] == [
        "performed_at: required with status = done", "mode: not configured (stages.review_30d.modes)"]


def test_medication_taken_classified_against_discharge_prescription() -> None:
    discharge = [OrderLine(id="o1", atc="C03CA01"), OrderLine(id="o2", atc="C08CA01")]
    taken = [OrderLine(id="t1", atc="C03CA01"), OrderLine(id="t2", atc="N02BE01")]
    result = classify_taken(date(2026, 11, 20), discharge, taken)
    assert [(x.bm_id, x.order_id, x.status.value) for x in result.lines] == [
        ("o1", "t1", "continued"), ("o2", None, "stopped"), (None, "t2", "initiated")]
    assert result.warnings[0].value == "unqualified_discrepancies"


def test_importing_medisis_loads_no_ui_pdf_or_database_library() -> None:
    import subprocess
    import sys

    code = ("import sys, medisis; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual','reportlab','sqlalchemy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(medisis.__file__).parent.parent)
    assert out.stdout.strip() == "[]"
