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
