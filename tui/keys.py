"""Key bindings declared as data with catalog labels, installed per widget in the user's language.

Why: Textual's BINDINGS carry fixed English descriptions; the footer and the help screen (`?`)
must speak French by default, so each screen lists `KEYS` and `install_keys` builds the bindings.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from textual.binding import Binding

from parcours.messages import Lang, message

__all__ = ["Key", "install_keys"]


class Key(NamedTuple):
    """One binding: keys (comma-separated), action, catalog key of its label, shown in the footer?

    `short`: the catalog key of a shorter footer label, where the screen's keys would not fit 80
    columns; the help screen (F1) always shows the full `label`.
    """

    keys: str
    action: str
    label: str
    show: bool = True
    priority: bool = False
    display: str | None = None
    short: str | None = None


def install_keys(node: Any, keys: list[Key] | tuple[Key, ...], lang: Lang) -> None:
    """Replace the node's bindings for these keys by translated ones."""
    table = node._bindings.key_to_bindings  # Textual has no public per-instance API
    for key in keys:
        text = message(key.short or key.label, lang)
        for name in key.keys.split(","):
            table[name.strip()] = [
                Binding(name.strip(), key.action, text, show=key.show, priority=key.priority, key_display=key.display)
            ]
