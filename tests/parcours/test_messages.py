"""The FR/EN catalog: same keys, same placeholders, every error code renderable."""

from __future__ import annotations

import pytest

from parcours.core.documents import _CODES
from parcours.core.errors import FieldIssue
from parcours.messages import EN, FR, detect_lang, placeholders, render_issue


def test_same_keys() -> None:
    assert FR.keys() == EN.keys()


@pytest.mark.parametrize("key", sorted(FR))
def test_same_placeholders(key: str) -> None:
    assert placeholders(FR[key]) == placeholders(EN[key])


def test_every_mapped_pydantic_code_has_a_message() -> None:
    assert {f"error.{code}" for code in _CODES.values()} <= FR.keys()


@pytest.mark.parametrize(("env", "lang"), [({}, "fr"), ({"LANG": "en_US.UTF-8"}, "en"), ({"LANG": "fr_FR.UTF-8"}, "fr"),
                                           ({"LC_ALL": "en_GB", "LANG": "fr_FR"}, "en"), ({"LANG": "C"}, "fr")])
def test_detect_lang(env: dict[str, str], lang: str) -> None:
    assert detect_lang(env) == lang


def test_render_paths() -> None:
    issue = FieldIssue(("bm", 0, "dose", "value"), "gt", {"limit": 0})
    assert render_issue(issue, "en") == "bm[0].dose.value: must be > 0"
    assert render_issue(issue, "fr") == "bm[0].dose.value: doit être > 0"
    assert render_issue(FieldIssue(("a\nb",), "unknown_field"), "en") == '["a\\nb"]: unknown field'
    assert render_issue(FieldIssue((), "unheard_of"), "fr") == "$: valeur invalide"
