"""Nothing dated after today, no birth after the document, one birth date per person (issues 15, 18).

Every document command refuses these the same way: typed error, the field's JSON path; the CLI
exits 2 with the message in the user's language. "Today" is injected (parameter, `fixed_today`,
or the PARCOURS_TODAY setting), never patched.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from parcours.core import clock
from parcours.core.errors import InvalidInput, format_path

TODAY = date(2026, 12, 1)
SCREENING = {"date": "2026-11-20", "vision": {"eye_problems": False}}
ASSESSMENT = {"instrument": "mmse", "date": "2026-11-20", "score": 28}
RECONCILIATION = {"moment": "admission", "date": "2026-11-20", "bm": [], "orders": []}
REVIEW = {"date": "2026-11-20", "patient": {"birth_date": "1944-05-02"}, "drugs": []}
STAY = {"admission_date": "2026-11-20"}
CARE_PLAN = {"date": "2026-11-20", "goals": [], "interventions": []}
FOLLOWUP = {"screenings": [{"date": "2026-05-20"}, {"date": "2026-11-20"}]}


def _parsers() -> dict[str, Any]:
    from icope.careplan import parse_care_plan_record
    from icope.followup import parse_followup
    from icope.step1 import parse_screening, read_screening
    from icope.step2 import parse_assessment
    from medisis.reconciliation import parse_reconciliation
    from medisis.review import parse_review
    from medisis.stays import parse_stay

    return {
        "screening": parse_screening, "read_screening": read_screening, "assessment": parse_assessment,
        "reconciliation": parse_reconciliation, "review": parse_review, "stay": parse_stay,
        "care_plan": parse_care_plan_record, "followup": parse_followup,
    }


#: (parser, document, the date key to move, its JSON path)
DATED = [
    ("screening", SCREENING, ("date",)),
    ("read_screening", SCREENING, ("date",)),
    ("assessment", ASSESSMENT, ("date",)),
    ("reconciliation", RECONCILIATION, ("date",)),
    ("review", REVIEW, ("date",)),
    ("stay", STAY, ("admission_date",)),
    ("care_plan", CARE_PLAN, ("date",)),
    ("followup", FOLLOWUP, ("screenings", 1, "date")),
    ("followup", {**FOLLOWUP, "assessments": [ASSESSMENT]}, ("assessments", 0, "date")),
]


def _set(doc: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    out = orjson.loads(orjson.dumps(doc))
    node = out
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return out


def _paths(exc: InvalidInput) -> dict[str, str]:
    return {format_path(i.path): i.code for i in exc.issues}


@pytest.mark.parametrize(("kind", "doc", "path"), DATED)
@given(days=st.integers(min_value=-3000, max_value=3000))
def test_a_date_after_today_is_refused_naming_it(
    kind: str, doc: dict[str, Any], path: tuple[Any, ...], days: int
) -> None:
    parse = _parsers()[kind]
    day = TODAY + timedelta(days=days)
    moved = orjson.dumps(_set(doc, path, day.isoformat()))
    if days > 0:
        with pytest.raises(InvalidInput) as caught:
            parse(moved, today=TODAY)
        assert _paths(caught.value).get(format_path(path)) == "future_date"
    else:
        try:
            parse(moved, today=TODAY)
        except InvalidInput as exc:  # another rule may refuse it (a follow-up's dates), never this one
            assert "future_date" not in _paths(exc).values()


def test_today_itself_is_accepted_and_the_clock_can_be_fixed() -> None:
    from icope.step1 import parse_screening

    doc = orjson.dumps({"date": "2026-12-01"})
    assert parse_screening(doc, today=TODAY).date == TODAY
    before = clock.today()
    with clock.fixed_today(date(2026, 11, 30)):
        assert clock.today() == date(2026, 11, 30)
        with pytest.raises(InvalidInput) as caught:
            parse_screening(doc)
        assert _paths(caught.value) == {"date": "future_date"}
    assert clock.today() == before


def test_stay_discharge_after_today_is_refused() -> None:
    from medisis.stays import parse_stay

    with pytest.raises(InvalidInput) as caught:
        parse_stay(orjson.dumps({"admission_date": "2026-11-20", "discharge_date": "2026-12-02"}), today=TODAY)
    assert _paths(caught.value) == {"discharge_date": "future_date"}


def test_a_dated_risk_document_is_checked_too() -> None:
    from medisis.risk import _dated

    class Doc:  # the shape of a dated risk document (docs/interchange.md §5.4: `date` is optional)
        date = date(2026, 12, 2)
        patient = None

    assert [i.code for i in _dated(None, TODAY)(Doc())] == ["future_date"]
    Doc.date = TODAY
    assert list(_dated(None, TODAY)(Doc())) == []


BIRTH_AFTER = [
    ("screening", {**SCREENING, "patient": {"birth_date": "2026-11-21"}}, "patient.birth_date"),
    ("screening", {**SCREENING, "birth_date": "2026-11-21"}, "birth_date"),
    ("assessment", {**ASSESSMENT, "patient": {"birth_date": "2026-11-21"}}, "patient.birth_date"),
    ("reconciliation", {**RECONCILIATION, "patient": {"birth_date": "2026-11-21"}}, "patient.birth_date"),
    ("review", {**REVIEW, "patient": {"birth_date": "2026-11-21"}}, "patient.birth_date"),
    ("stay", {**STAY, "patient": {"birth_date": "2026-11-21"}}, "patient.birth_date"),
    ("followup", {**FOLLOWUP, "patient": {"birth_date": "2026-06-01"}}, "patient.birth_date"),
]


@pytest.mark.parametrize(("kind", "doc", "path"), BIRTH_AFTER)
def test_a_birth_after_the_document_is_refused_by_every_command(kind: str, doc: dict[str, Any], path: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        _parsers()[kind](orjson.dumps(doc), today=TODAY)
    assert _paths(caught.value).get(path) == "date_after"


def test_a_birth_on_the_document_date_is_accepted() -> None:
    for kind, doc, _ in BIRTH_AFTER[2:6]:
        on = doc.get("date") or doc.get("admission_date")
        _parsers()[kind](orjson.dumps({**doc, "patient": {"birth_date": on}}), today=TODAY)


@pytest.mark.parametrize(("doc", "path", "other"), [
    ({"screenings": [{"date": "2026-05-20", "birth_date": "1944-05-02"},
                     {"date": "2026-11-20", "birth_date": "1944-05-03"}]},
     "screenings[1].birth_date", "screenings[0].birth_date"),
    ({**FOLLOWUP, "patient": {"birth_date": "1944-05-02"},
      "screenings": [{"date": "2026-05-20"}, {"date": "2026-11-20", "birth_date": "1945-01-01"}]},
     "screenings[1].birth_date", "patient.birth_date"),
])
def test_a_followup_whose_birth_dates_disagree_is_refused(doc: dict[str, Any], path: str, other: str) -> None:
    from icope.followup import parse_followup

    with pytest.raises(InvalidInput) as caught:
        parse_followup(orjson.dumps(doc), today=TODAY)
    issue = next(i for i in caught.value.issues if format_path(i.path) == path)
    assert issue.code == "birth_date_differs" and issue.params == {"other": other}


def test_a_followup_whose_birth_dates_agree_is_accepted() -> None:
    from icope.followup import parse_followup

    doc = {"patient": {"birth_date": "1944-05-02"},
           "screenings": [{"date": "2026-05-20", "birth_date": "1944-05-02"}, {"date": "2026-11-20"}]}
    assert len(parse_followup(orjson.dumps(doc), today=TODAY).screenings) == 2


def _cli(*args: str, stdin: bytes, today: str = "2026-12-01") -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env[clock.TODAY_SETTING] = today
    return subprocess.run([sys.executable, "-m", "parcours", *args, "-"], input=stdin, capture_output=True, env=env,
                          check=False)


@pytest.mark.parametrize(("command", "doc", "line_fr", "line_en"), [
    (("icope", "score"), {"date": "2026-12-02"}, "date: ne peut pas être après aujourd'hui (2026-12-01)",
     "date: cannot be after today (2026-12-01)"),
    (("icope", "assess"), {**ASSESSMENT, "date": "2027-01-01"}, "date: ne peut pas être après aujourd'hui (2026-12-01)",
     "date: cannot be after today (2026-12-01)"),
    (("medisis", "reconcile"), {**RECONCILIATION, "patient": {"birth_date": "2026-11-21"}},
     "patient.birth_date: ne peut pas être après date", "patient.birth_date: cannot be after date"),
    (("medisis", "review"), {**REVIEW, "date": "2026-12-24"}, "date: ne peut pas être après aujourd'hui (2026-12-01)",
     "date: cannot be after today (2026-12-01)"),
    (("icope", "followup"), {"screenings": [{"date": "2026-05-20", "birth_date": "1944-05-02"},
                                            {"date": "2026-11-20", "birth_date": "1944-05-03"}]},
     "screenings[1].birth_date: diffère de screenings[0].birth_date (une seule date de naissance par personne)",
     "screenings[1].birth_date: differs from screenings[0].birth_date (one birth date per person)"),
])
def test_cli_exits_2_naming_the_field_in_the_users_language(command: tuple[str, str], doc: dict[str, Any],
                                                            line_fr: str, line_en: str) -> None:
    for lang_args, line in (((), line_fr), (("--lang", "en"), line_en)):
        run = _cli(*command, *lang_args, stdin=orjson.dumps(doc))
        assert run.returncode == 2 and run.stdout == b""
        assert line in run.stderr.decode().splitlines()


def test_the_setting_fixes_today_for_a_subprocess() -> None:
    doc = orjson.dumps({"date": "2030-01-01"})
    assert _cli("icope", "score", stdin=doc, today="2030-01-01").returncode == 0
    assert _cli("icope", "score", stdin=doc, today="2029-12-31").returncode == 2
