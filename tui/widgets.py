"""The form controls: a one-line keyboard choice, a text/number input and the chair-rise stopwatch.

Why: a nurse answers twenty items with the person in front of her; one keystroke per answer
(`1`, `2`, `3`, arrows) on a one-line row keeps the whole step-1 form usable at 80×24 without
a mouse, and every change posts one message the screen turns into an autosaved draft.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input

from parcours.messages import Lang, message
from tui.forms import FieldSpec

if TYPE_CHECKING:
    from textual.timer import Timer

__all__ = [
    "LABEL_WIDTH", "WIDE_INDENT", "ChoiceField", "FieldChanged", "StopwatchInput", "TextField", "is_wide",
    "notify_change",
]

#: cells of a field's label column; a longer question is on its own line, the answer indented under it
LABEL_WIDTH = 38
WIDE_INDENT = 4


def is_wide(label: str) -> bool:
    """The question does not fit the label column: it takes its own line."""
    return len(label) > LABEL_WIDTH - 2


class FieldChanged(Message):
    """A field's raw value changed (choice value, or the typed text)."""

    def __init__(self, key: str, value: Any) -> None:
        super().__init__()
        self.key = key
        self.value = value


def notify_change(widget: Widget, key: str, value: Any) -> None:
    """Tell the screen at once (same call, before the next paint): the draft is saved before the echo."""
    handler = getattr(widget.screen, "field_changed", None)
    if handler is not None:
        handler(key, value)
    else:
        widget.post_message(FieldChanged(key, value))


class ChoiceField(Widget, can_focus=True):
    """One line of numbered answers: a digit picks one, ←/→ move, Suppr/⌫ clears.

    On a screen with `ADVANCE_ON_CHOICE` (step 1), a digit that picks an answer also moves to the
    next question: one key per answer instead of two (issue 17, bench/README.md)."""

    DEFAULT_CSS = """
    ChoiceField { height: auto; width: 1fr; }
    ChoiceField:focus { background: $boost; text-style: bold; }
    """
    BINDINGS = [
        Binding("left", "move(-1)", show=False),
        Binding("right", "move(1)", show=False),
        Binding("backspace,delete", "clear", show=False),
    ]

    value: reactive[Any] = reactive(None)

    def __init__(self, spec: FieldSpec, lang: Lang, value: Any = None, *, label: str = "", **kw: Any) -> None:
        super().__init__(**kw)
        self.spec = spec
        self.labels = [message(c.label, lang) for c in spec.choices]
        #: the question, drawn by this widget (one widget per row instead of three: a scroll repaints
        #: every visible widget, bench/tui_startup.py); a long one on its own line, the answers under it
        self.question = label
        self.set_reactive(ChoiceField.value, value)

    def render(self) -> Text:
        text = Text()
        if self.question:
            if is_wide(self.question):
                text.append(self.question + "\n" + " " * WIDE_INDENT)
            else:
                text.append(self.question + " " * (LABEL_WIDTH - cell_len(self.question)))
        for i, (choice, label) in enumerate(zip(self.spec.choices, self.labels, strict=True)):
            # the brackets mark the answer without colour too (monochrome terminals, screen readers)
            if choice.value == self.value and self.value is not None:
                text.append(f"[{i + 1} {label}]", style="bold reverse")
            else:
                text.append(f" {i + 1} ", style="dim")
                text.append(f"{label} ")
            text.append(" ")
        return text

    def _set(self, value: Any) -> None:
        if value != self.value:
            self.value = value
            notify_change(self, self.spec.key, value)

    def on_key(self, event: events.Key) -> None:
        """A digit picks its answer; any other digit is swallowed (it must never reach another field)."""
        if event.character and event.character.isdigit():
            event.stop()
            event.prevent_default()
            index = int(event.character) - 1 if event.character in "0123456789" else -1
            if 0 <= index < len(self.spec.choices):
                self._set(self.spec.choices[index].value)
                advance = getattr(self.screen, "advance_from", None)  # FormFocus.advance_from
                if getattr(self.screen, "ADVANCE_ON_CHOICE", False) and advance is not None:  # answered: next question
                    advance(self)
            else:
                self.app.bell()

    def action_move(self, step: int) -> None:
        values = [c.value for c in self.spec.choices]
        index = values.index(self.value) if self.value in values else (-1 if step > 0 else 0)
        self._set(values[(index + step) % len(values)])

    def action_clear(self) -> None:
        self._set(None)


class TextField(Input):
    """A text/number input; the decimal comma is typed as is (`12,5`) and read by `tui.forms`."""

    DEFAULT_CSS = """
    TextField { border: none; height: 1; padding: 0 1; background: $surface-lighten-2; }
    TextField:focus { border: none; background: $primary 60%; }
    """

    def __init__(self, spec: FieldSpec, value: str = "", **kw: Any) -> None:
        self._silent = True
        # No select-all on focus: a key typed as the form opens, or after Shift+Tab, must add to
        # the field, never wipe what it holds (issue 17).
        super().__init__(value=value or "", compact=True, select_on_focus=False, **kw)
        self._silent = False
        self.spec = spec
        self.styles.width = spec.width + 2

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()

    def refresh(self, *regions: Any, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Any:
        """Typing changes the input's virtual width, and Textual then lays out the whole screen
        again; the field's own size is fixed (width from its spec, one line), so a repaint will do."""
        if layout and not recompose and not self.styles.auto_dimensions:
            layout = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _watch_value(self, value: str) -> None:
        super()._watch_value(value)
        if not self._silent:
            notify_change(self, self.spec.key, value)


class StopwatchInput(TextField):
    """The chair-rise time: space starts and stops the stopwatch; the time stays editable."""

    running: reactive[bool] = reactive(False)

    def __init__(self, spec: FieldSpec, value: str = "", *, decimal_comma: bool = True, **kw: Any) -> None:
        super().__init__(spec, value, **kw)
        self.decimal_comma = decimal_comma
        self._started = 0.0
        self._timer: Timer | None = None

    def _show(self, seconds: float) -> None:
        text = f"{seconds:.2f}"
        self.value = text.replace(".", ",") if self.decimal_comma else text

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "space":
            event.stop()
            event.prevent_default()
            self.toggle()
            return
        await super()._on_key(event)

    def toggle(self) -> None:
        """Start the stopwatch, or stop it and keep the elapsed time (2 decimals, docs/icope.md §1.3)."""
        if not self.running:
            self._started = time.monotonic()
            self.running = True
            self._timer = self.set_interval(0.1, lambda: self._show(time.monotonic() - self._started))
            self._show(0.0)
        else:
            elapsed = time.monotonic() - self._started
            self.running = False
            if self._timer is not None:
                self._timer.stop()
                self._timer = None
            self._show(elapsed)
