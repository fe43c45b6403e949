"""The Textual application: store, language, theme, global keys; the home screen is pushed at start.

Why: every screen reaches the store, the user's language and the actor through the app, so
screens stay thin and testable with `App.run_test` on an in-memory store.
"""

from __future__ import annotations

import getpass
import os
from datetime import date
from typing import Any

from textual.app import App

from parcours.messages import Lang, message
from tui.keys import Key, install_keys
from tui.theme import CONTRAST, STANDARD, register_themes

__all__ = ["ParcoursApp"]


def _actor() -> str:
    try:
        return os.environ.get("PARCOURS_ACTOR") or getpass.getuser()
    except (OSError, KeyError):
        return "tui"


class ParcoursApp(App):
    """parcours: ICOPE screening and MEDISIS in the terminal."""

    ENABLE_COMMAND_PALETTE = False
    CSS = """
    Screen { background: $background; }
    .title { text-style: bold; color: $accent; height: 1; }
    .status { height: 1; color: $text-muted; }
    .section { text-style: bold; background: $primary 30%; height: 1; margin-top: 1; }
    """

    KEYS = (
        Key("ctrl+q", "quit", "tui.key.quit", priority=True),
        Key("f1", "help", "tui.key.help", show=False, priority=True),
        Key("question_mark", "help", "tui.key.help", display="?"),
        Key("f3", "toggle_contrast", "tui.key.contrast"),
    )

    def __init__(
        self,
        store: Any,
        lang: Lang = "fr",
        *,
        actor: str | None = None,
        site: str | None = None,
        today: date | None = None,
        contrast: bool | None = None,
        home: bool = True,
        export_folder: str | None = None,
    ) -> None:
        self.lang: Lang = lang
        super().__init__()
        self.store = store
        self.actor = actor or _actor()
        self.site = site
        self._today = today
        self._home = home
        self.export_folder = export_folder
        self._contrast = os.environ.get("PARCOURS_TUI_THEME") == "contrast" if contrast is None else contrast
        self.title = message("tui.app.title", lang)
        install_keys(self, self.KEYS, lang)

    def t(self, key: str, /, **params: object) -> str:
        """A catalog message in the user's language."""
        return message(key, self.lang, **params)

    def today(self) -> date:
        """Today's date (fixed in tests)."""
        return self._today or date.today()

    def on_mount(self) -> None:
        register_themes(self)
        self.theme = CONTRAST if self._contrast else STANDARD
        if self._home:
            from tui.screens.home import HomeScreen

            self.push_screen(HomeScreen())

    def action_help(self) -> None:
        """The key help screen (`?` or F1)."""
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_toggle_contrast(self) -> None:
        """Switch between the standard and the high-contrast theme."""
        self.theme = STANDARD if self.theme == CONTRAST else CONTRAST

    def status(self, text: str, *, error: bool = False) -> None:
        """A short status message (toast) in the corner."""
        self.notify(text, severity="error" if error else "information", timeout=6)
