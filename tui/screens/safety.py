"""The S1 safety banner: a PHQ-9 with item 9 > 0 must be acknowledged before anything else.

Why (docs/icope.md "Safety rules", docs/icope.md §3.2): thoughts of death or self-harm call for a
same-day safety assessment whatever the total; the nurse must see it and say so with one key
(`o`), never dismiss it by Escape or by a stray Enter. What is urgent is the engine's `urgent`.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from tui.keys import Key, install_keys
from tui.plain import Label, Static
from tui.screens.base import ParcoursModal

__all__ = ["SafetyBanner"]


class SafetyBanner(ParcoursModal[bool]):
    """A red box that only `o` closes (returns True)."""

    DEFAULT_CSS = """
    SafetyBanner { align: center middle; }
    SafetyBanner > Vertical { width: 70; height: auto; border: heavy $error; background: $error 20%; padding: 0 1; }
    SafetyBanner #safety-title { text-style: bold; color: $error; }
    SafetyBanner #safety-ack { text-style: bold; margin-top: 1; }
    """
    KEYS = (
        Key("o", "acknowledge", "tui.safety.ack_key"),
        Key("escape,enter,space", "refuse", "tui.safety.ack_key", show=False),
    )

    def __init__(self, date_text: str) -> None:
        super().__init__(classes="safety")  # no fixed id: modals may stack (issue 17)
        self.date_text = date_text

    def compose(self) -> ComposeResult:
        t = self.app.t
        install_keys(self, self.KEYS, self.app.lang)
        with Vertical():
            yield Label(t("tui.safety.title"), id="safety-title")
            yield Static(t("tui.safety.body", date=self.date_text), id="safety-body")
            yield Label(t("tui.safety.ack"), id="safety-ack")

    def action_acknowledge(self) -> None:
        self.app.status(self.app.t("tui.safety.acknowledged"))
        self.dismiss(True)

    def action_refuse(self) -> None:
        """Escape, Enter, space: the banner stays; say which key closes it."""
        self.app.status(self.app.t("tui.safety.ack"), error=True)
