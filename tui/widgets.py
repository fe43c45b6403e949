"""The form widgets: a one-line keyboard choice, a number input and the chair-rise stopwatch.

Why: a nurse answers twenty items with the person in front of her; one keystroke per answer
(`1`, `2`, `3`, arrows) on a one-line row keeps the whole step-1 form usable at 80×24 without
a mouse, and every change posts one message the screen turns into an autosaved draft.
"""

from __future__ import annotations

import time
from typing import Any

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from parcours.messages import Lang, message
from tui.forms import FieldSpec

__all__ = ["LABEL_WIDTH", "ChoiceField", "Line", "FieldChanged", "FieldRow", "StopwatchInput", "TextField", "notify_change"]

LABEL_WIDTH = 38


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
    """One line of numbered answers: a digit picks one, ←/→ move, Suppr/⌫ clears."""

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

    def __init__(self, spec: FieldSpec, lang: Lang, value: Any = None, **kw: Any) -> None:
        super().__init__(**kw)
        self.spec = spec
        self.labels = [message(c.label, lang) for c in spec.choices]
        self.set_reactive(ChoiceField.value, value)

    def render(self) -> Text:
        text = Text()
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
        if event.character and event.character.isdigit():
            index = int(event.character) - 1
            if 0 <= index < len(self.spec.choices):
                self._set(self.spec.choices[index].value)
                event.stop()
                event.prevent_default()

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
        super().__init__(value=value or "", compact=True, **kw)
        self._silent = False
        self.spec = spec
        self.styles.width = spec.width + 2

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()

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
        self._timer = None

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
        """Start the stopwatch, or stop it and keep the elapsed time (2 decimals, icope.md §1.3)."""
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


class Line(Widget):
    """Text that changes often (live results): repainted in place, laid out again only when its
    number of lines changes — a keystroke must not re-layout the whole form (bench/tui_startup.py)."""

    DEFAULT_CSS = "Line { height: auto; }"

    def __init__(self, text: str = "", **kw: Any) -> None:
        super().__init__(**kw)
        self._text = text

    @property
    def text(self) -> str:
        return self._text

    def render(self) -> Text:
        return Text(self._text)

    def update(self, text: str) -> None:
        """Show `text` (no-op when unchanged)."""
        if text == self._text:
            return
        layout = text.count("\n") != self._text.count("\n") or not text or not self._text
        self._text = text
        self.refresh(layout=layout)


class FieldRow(Vertical):
    """Label, control, and under them the field's validation error in the user's language."""

    DEFAULT_CSS = """
    FieldRow { height: auto; }
    FieldRow > Horizontal { height: auto; }
    FieldRow .label { width: 38; }
    FieldRow .long { width: 1fr; }
    FieldRow.wide > Horizontal { padding-left: 4; }
    FieldRow .hint { color: $text-muted; width: auto; }
    FieldRow .error { color: $error; text-style: bold; padding-left: 38; height: auto; display: none; }
    FieldRow.invalid .error { display: block; }
    """

    def __init__(self, spec: FieldSpec, lang: Lang, value: Any = None) -> None:
        super().__init__(id=f"row-{spec.key.replace('.', '-')}")
        self.spec = spec
        self.lang = lang
        self.initial = value

    def compose(self):  # noqa: ANN201 - textual ComposeResult
        spec, wid = self.spec, "f-" + self.spec.key.replace(".", "-")
        label = message(spec.label, self.lang)
        if len(label) > LABEL_WIDTH - 2:  # a question on its own line, the answers under it
            self.add_class("wide")
            yield Label(label, classes="long")
        with Horizontal():
            if not self.has_class("wide"):
                yield Label(label, classes="label")
            if spec.kind == "choice":
                yield ChoiceField(spec, self.lang, self.initial, id=wid)
            elif spec.extra.get("stopwatch"):
                yield StopwatchInput(spec, self.initial or "", decimal_comma=self.lang == "fr", id=wid)
            else:
                yield TextField(spec, self.initial or "", id=wid)
            if spec.hint:
                yield Label(message(spec.hint, self.lang), classes="hint")
        yield Static("", classes="error")

    @property
    def control(self) -> ChoiceField | TextField:
        """The focusable control of this row."""
        return self.query_one("#f-" + self.spec.key.replace(".", "-"))  # type: ignore[return-value]

    def set_error(self, text: str | None) -> None:
        """Show (or clear) this field's error; the typed value is left untouched."""
        text = text or ""
        if text == getattr(self, "_error", ""):
            return
        self._error = text
        self.set_class(bool(text), "invalid")
        self.query_one(".error", Static).update(text)

    def set_value(self, value: Any) -> None:
        """Put a value back (draft resume) without posting a change."""
        control = self.control
        if isinstance(control, ChoiceField):
            control.set_reactive(ChoiceField.value, value)
            control.refresh()
        else:
            control._silent = True  # noqa: SLF001
            try:
                control.value = "" if value is None else str(value)
            finally:
                control._silent = False  # noqa: SLF001
