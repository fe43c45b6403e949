"""A compact footer that rebuilds itself only when the keys it shows change, not at every focus change.

Why: Textual's Footer recomposes (and re-lays out the whole screen) each time the focus moves;
on a form, Tab is every other key and the shown keys stay the same, so a re-layout per Tab was
most of the keystroke latency (bench/tui_startup.py). Compact: the French labels of the patient
file need 102 columns with Textual's padding; every key fits 80 columns without it (tested).
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer

__all__ = ["KeyFooter"]


class KeyFooter(Footer):
    """Footer recomposed only when (key, label, enabled) of its shown bindings differ."""

    _shown: tuple[Any, ...] | None = None

    def __init__(self, *children: Any, **kw: Any) -> None:
        kw.setdefault("compact", True)
        super().__init__(*children, **kw)

    def bindings_changed(self, screen: Any) -> None:
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            super().bindings_changed(screen)
            return
        shown = tuple(
            (binding.key, binding.description, enabled)
            for (_, binding, enabled, _) in screen.active_bindings.values()
            if binding.show
        )
        if shown == self._shown and self._bindings_ready:
            return
        self._shown = shown
        super().bindings_changed(screen)
