"""Dates at the UI edge: jj/mm/aaaa shown and typed, ISO accepted, ISO in the documents."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tui.dates import parse_ui_date, show, show_datetime, to_iso
from tui.forms import FieldSpec, build_document


@pytest.mark.parametrize(("text", "expected"), [
    ("02/05/1944", date(1944, 5, 2)), ("2/5/1944", date(1944, 5, 2)), (" 02.05.1944 ", date(1944, 5, 2)),
    ("1944-05-02", date(1944, 5, 2)), ("30/02/1948", None), ("05/1944", None), ("1944-5-2", None), ("", None),
])
def test_parse(text: str, expected: date | None) -> None:
    assert parse_ui_date(text) == expected


def test_show() -> None:
    assert show(date(2026, 11, 20)) == "20/11/2026"
    assert show("2026-11-20") == "20/11/2026"
    assert show(None) == "" and show("n/a") == "n/a"
    assert show_datetime(datetime(2026, 11, 20, 10, 12)) == "20/11/2026 10:12"
    assert to_iso("20/11/2026") == "2026-11-20"


def test_document_gets_iso_and_bad_date_is_named() -> None:
    spec = FieldSpec(("date",), "date", "tui.field.date")
    assert build_document([spec], {"date": "20/11/2026"}) == ({"date": "2026-11-20"}, [])
    doc, issues = build_document([spec], {"date": "31/11/2026"})
    assert doc == {} and [(i.path, i.code) for i in issues] == [(("date",), "not_date")]


@pytest.mark.asyncio
async def test_english_date_error_under_field(make_app, patient) -> None:
    from tui.screens.step1 import Step1Screen

    app = make_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = Step1Screen(patient)
        await app.push_screen(screen)
        await pilot.pause()
        screen.field_changed("date", "2026/11/20")
        await pilot.pause()
        row = screen.query_one("#row-date")
        assert str(row.query_one(".error").render()) == "must be a date DD/MM/YYYY (e.g. 02/05/1944)"
        assert screen.values["date"] == "2026/11/20"
