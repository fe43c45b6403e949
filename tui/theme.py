"""The two themes: the standard one and a high-contrast one (white on black, yellow focus).

Why: screening happens in bright consulting rooms on old screens; F3 switches to high contrast,
and `PARCOURS_TUI_THEME=contrast` starts with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.theme import Theme

if TYPE_CHECKING:
    from textual.app import App

__all__ = ["CONTRAST", "STANDARD", "register_themes"]

STANDARD = "parcours"
CONTRAST = "parcours-contrast"

_THEMES = (
    Theme(
        name=STANDARD,
        primary="#2f6fb3",
        secondary="#5e8fc4",
        accent="#e0a030",
        warning="#e0a030",
        error="#e05050",
        success="#4caf50",
        background="#101418",
        surface="#1a2028",
        panel="#22303c",
        dark=True,
    ),
    Theme(
        name=CONTRAST,
        primary="#ffff00",
        secondary="#00ffff",
        accent="#ffff00",
        warning="#ffff00",
        error="#ff5f5f",
        success="#00ff00",
        foreground="#ffffff",
        background="#000000",
        surface="#000000",
        panel="#000000",
        boost="#303030",
        dark=True,
        text_alpha=1.0,
    ),
)


def register_themes(app: App[Any]) -> None:
    """Make both themes available to `app`."""
    for theme in _THEMES:
        app.register_theme(theme)
