"""The help screen (`?`, F1): the keys of the screen underneath and the global keys, translated.

Why: the footer shows only what fits in 80 columns; this screen lists every key of the current
screen so a nurse never needs the mouse or the manual.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll

from tui.keys import Key, install_keys
from tui.plain import Label, Static
from tui.screens.base import ParcoursModal

__all__ = ["HelpScreen", "help_lines"]

_DISPLAY = {"question_mark": "?", "escape": "Échap/Esc", "slash": "/", "space": "Espace/Space"}


def help_lines(keys: list[Key] | tuple[Key, ...], t: Callable[..., str]) -> list[str]:  # t: catalog lookup
    """One line per binding: `keys  label`."""
    lines = []
    for key in keys:
        shown = key.display or ", ".join(_DISPLAY.get(k.strip(), k.strip()) for k in key.keys.split(","))
        lines.append(f"{shown:<18} {t(key.label)}")
    return lines


class HelpScreen(ParcoursModal[None]):
    """Keys of the screen below, then the global ones; Échap closes."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 76; height: 22; border: round $accent; background: $surface; padding: 0 1; }
    """
    KEYS = (Key("escape,q,question_mark,f1", "close", "tui.key.close", priority=True),)

    def __init__(self, below: object = None) -> None:
        super().__init__(id="help")
        self.below = below

    def compose(self) -> ComposeResult:
        app = self.app
        install_keys(self, self.KEYS, app.lang)
        below = self.below
        with VerticalScroll():
            yield Label(app.t("tui.help.title"), classes="title")
            keys = getattr(below, "KEYS", ())
            if keys:
                yield Static("\n".join(help_lines(keys, app.t)), id="help-screen-keys")
            hints = getattr(below, "HELP", None)
            if hints:
                yield Static(app.t(hints), id="help-hints")
            yield Label(app.t("tui.help.global"), classes="section")
            yield Static("\n".join(help_lines(app.KEYS, app.t)), id="help-global-keys")
            yield Label(app.t("tui.help.forms"), classes="section")
            yield Static(app.t("tui.help.forms_text"), id="help-forms")

    def action_close(self) -> None:
        self.dismiss(None)
