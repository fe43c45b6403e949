"""Controls for long vocabularies: a one-line pick with type-ahead, and a checklist of codes.

Why: a route, a unit or an Act-IP problem is one of 7 to 16 labelled codes — too many for a row
of digits at 80 columns — and the pharmacist must pick them by their French label, never type a
code (`oral`, `ug`, `10000001`). Typing the start of a label (or of its code) picks it; the
18 history sources are ticked with one key each (1–9, then a–i).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

from parcours.messages import Lang, message
from tui.forms import FieldSpec
from tui.widgets import LABEL_WIDTH, WIDE_INDENT, ChoiceField, is_wide, notify_change

__all__ = ["CHECK_KEYS", "CheckList", "PickField", "fold"]

#: the key that ticks item i of a checklist
CHECK_KEYS = "123456789abcdefghijklmnopq"


def fold(text: str) -> str:
    """Accents and case dropped, for type-ahead (`Intra` finds « intraveineuse »)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


class PickField(ChoiceField):
    """One value of a long list: shown by its label; type its start (or its code), or ←/→ ↑/↓."""

    BINDINGS = [
        Binding("left,up", "move(-1)", show=False),
        Binding("right,down", "move(1)", show=False),
        Binding("backspace,delete", "clear", show=False),
    ]

    def __init__(self, spec: FieldSpec, lang: Lang, value: Any = None, *, label: str = "", **kw: Any) -> None:
        super().__init__(spec, lang, value, label=label, **kw)
        self._typed = ""
        self._folded = [fold(label) for label in self.labels]
        self._codes = [fold(str(c.value)) for c in spec.choices]

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        if self.question:
            if is_wide(self.question):
                text.append(self.question + "\n" + " " * WIDE_INDENT)
            else:
                text.append(self.question + " " * (LABEL_WIDTH - cell_len(self.question)))
        values = [c.value for c in self.spec.choices]
        index = values.index(self.value) if self.value in values else None
        if index is None:
            text.append("[—]", style="dim")
        else:
            text.append(f"[{self.labels[index]}]", style="bold reverse")
        if self.has_focus:  # what ← and → would give, so every value is seen from the keyboard
            after = self.labels[index + 1:] + self.labels[:index] if index is not None else self.labels
            text.append("  › " + " · ".join(after), style="dim")
        return text

    def on_focus(self) -> None:
        self._typed = ""
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def _find(self, typed: str) -> int | None:
        """The first label, else code, starting with `typed`; else a digit as the answer's rank (1 = first)."""
        key = fold(typed)
        for names in (self._folded, self._codes):
            for i, name in enumerate(names):
                if name.startswith(key):
                    return i
        if typed.isdigit() and 1 <= int(typed) <= len(self.labels):
            return int(typed) - 1
        return None

    def on_key(self, event: events.Key) -> None:
        """A letter, digit or dot extends the typed start and picks the first label (or code) it begins."""
        char = event.character
        if not char or not (char.isalnum() or char in ".-'µ"):
            return
        event.stop()
        event.prevent_default()
        index = self._find(self._typed + char)
        if index is None:
            index = self._find(char)
            self._typed = char if index is not None else self._typed
        else:
            self._typed += char
        if index is None:
            self.app.bell()
            return
        self._set(self.spec.choices[index].value)

    def action_move(self, step: int) -> None:
        self._typed = ""
        super().action_move(step)


class CheckList(Widget, can_focus=True):
    """Ticked codes of a vocabulary (a JSON list): each item has its key (1–9, a–i); ↑/↓ and Space too.

    Unfocused it is one line of the ticked labels; focused, every item in two columns."""

    DEFAULT_CSS = """
    CheckList { height: auto; width: 1fr; }
    CheckList:focus { background: $boost; }
    """
    BINDINGS = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("space,enter", "toggle_cursor", show=False),  # not "toggle": DOMNode.action_toggle(attribute)
        Binding("backspace,delete", "clear", show=False),
    ]

    value: reactive[Any] = reactive(None)

    def __init__(self, spec: FieldSpec, lang: Lang, value: Any = None, *, label: str = "", **kw: Any) -> None:
        super().__init__(**kw)
        self.spec = spec
        self.lang = lang
        self.question = label
        self.labels = [message(c.label, lang) for c in spec.choices]
        self.cursor = 0
        self.set_reactive(CheckList.value, self._as_list(value))

    def _as_list(self, value: Any) -> list[Any]:
        if isinstance(value, str):
            value = [v.strip() for v in value.split(";") if v.strip()]
        return [c.value for c in self.spec.choices if c.value in (value or [])]

    def render(self) -> Text:
        text = Text(self.question + " " * max(1, LABEL_WIDTH - cell_len(self.question)))
        ticked = self._as_list(self.value)
        if not self.has_focus:
            names = [label for c, label in zip(self.spec.choices, self.labels, strict=True) if c.value in ticked]
            text.append(" · ".join(names) if names else message("tui.checks.none", self.lang),
                        style="" if names else "dim")
            return text
        text.append(message("tui.checks.hint", self.lang), style="dim")
        rows = -(-len(self.labels) // 2)
        width = max(20, (self.size.width or 78) // 2 - 1)
        for r in range(rows):
            text.append("\n")
            for i in (r, r + rows):
                if i >= len(self.labels):
                    continue
                mark = "x" if self.spec.choices[i].value in ticked else " "
                cell = f"{CHECK_KEYS[i]} [{mark}] {self.labels[i]}"
                if cell_len(cell) > width - 1:
                    cell = cell[: width - 2] + "…"
                text.append(cell.ljust(width), style="reverse" if i == self.cursor else "")
        return text

    def on_focus(self) -> None:
        self.refresh(layout=True)
        self.call_after_refresh(self._show_focused)

    def on_blur(self) -> None:
        self.refresh(layout=True)  # folds to one line: what is under it moves up
        self.call_after_refresh(self._show_focused)

    def _show_focused(self) -> None:
        """Scroll again to the focused field once the list has changed height (it moved the form)."""
        focused = self.screen.focused
        if focused is not None:
            self.screen.scroll_to_center(focused, animate=False)

    def _toggle(self, i: int) -> None:
        ticked = self._as_list(self.value)
        code = self.spec.choices[i].value
        new = [c for c in ticked if c != code] if code in ticked else [*ticked, code]
        self.cursor = i
        self.value = self._as_list(new)
        notify_change(self, self.spec.key, self.value)
        self.refresh()

    def on_key(self, event: events.Key) -> None:
        """The item's key ticks or unticks it; other letters and digits are swallowed."""
        char = event.character
        if char and char.isalnum():
            event.stop()
            event.prevent_default()
            i = CHECK_KEYS.find(char.lower())
            if 0 <= i < len(self.spec.choices):
                self._toggle(i)
            else:
                self.app.bell()

    def action_cursor(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(self.spec.choices)
        self.refresh()

    def action_toggle_cursor(self) -> None:
        self._toggle(self.cursor)

    def action_clear(self) -> None:
        self.value = []
        notify_change(self, self.spec.key, [])
        self.refresh()
