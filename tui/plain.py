"""Widgets and cells that show text as data: never parsed as markup, control characters made visible.

Why: stored text (names, free text, drafts) reaches every screen; a patient named `DUPONT [/]`
crashed the home screen at start-up and `[@click=app.quit]` became a live action (issue 20). The
catalog's sentences hold no markup either, so the app's Label and Static are these, everywhere.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Label as _Label
from textual.widgets import Static as _Static

from parcours.core.visible import visible

__all__ = ["Label", "Static", "cell", "plain"]


def plain(content: Any) -> Any:
    """A string with its control characters shown, line feeds kept (other renderables unchanged)."""
    return visible(content, keep_newlines=True) if isinstance(content, str) else content


def cell(value: Any) -> Any:
    """A DataTable or OptionList cell: a literal Text for a string (a str there is parsed as markup)."""
    return Text(visible(value)) if isinstance(value, str) else value


class Static(_Static):
    """textual's Static without markup; strings shown with their control characters visible."""

    def __init__(self, content: Any = "", **kw: Any) -> None:
        kw.setdefault("markup", False)
        super().__init__(plain(content), **kw)

    def update(self, content: Any = "", *, layout: bool = True) -> None:
        super().update(plain(content), layout=layout)


class Label(_Label):
    """textual's Label without markup; strings shown with their control characters visible."""

    def __init__(self, content: Any = "", **kw: Any) -> None:
        kw.setdefault("markup", False)
        super().__init__(plain(content), **kw)

    def update(self, content: Any = "", *, layout: bool = True) -> None:
        super().update(plain(content), layout=layout)
