"""Fixtures of the TUI tests: a real in-memory store, a patient, an app at 80×24 with a fixed date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from parcours.store import open_store

TODAY = date(2026, 11, 20)


@pytest.fixture
def store() -> Iterator[object]:
    s = open_store("sqlite://")
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def patient(store):
    return store.create_patient(
        {"family": "MARTIN", "given": ["Jeanne"], "birth_date": "1944-05-02", "sex": "female"}, site=None, actor="test"
    )


@pytest.fixture
def make_app(store):
    """An app on the store, in French unless told, with today's date fixed; no home screen by default."""
    from tui import make_app as factory

    def build(lang: str = "fr", **kw: object):
        kw.setdefault("home", False)
        return factory(store, lang, today=TODAY, actor="test", **kw)

    return build


def field_error(screen, row_id: str) -> str:
    """The error shown under a form row ("" when the row is valid)."""
    row = screen.query_one(f"#{row_id}")
    return str(row.query_one(".error").render()) if row.has_class("invalid") else ""


async def retype(pilot, screen, key: str, text: str) -> None:
    """Focus the row of field `key`, clear it and type `text`, as a user would."""
    from tui.rows import FieldRow

    row = screen.query_one(f"#row-{key.replace('.', '-')}", FieldRow)
    row.control.focus()
    await pilot.pause()
    await pilot.press("end", *["backspace"] * 12, *text)
    await pilot.pause()
