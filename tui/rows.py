"""The rows of a form: a field with its label and its error, and a line of text that changes often.

Why: a form is rows of the same shape (question, answer, error under it); they are the widgets a
keystroke or a scroll repaints, so each is as few widgets as possible and re-lays out the form
only when its height changes (keystroke latency, issue 8, bench/tui_startup.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget

from parcours.messages import Lang, message
from tui.forms import FieldSpec
from tui.plain import Label, Static, plain
from tui.widgets import ChoiceField, StopwatchInput, TextField, is_wide

if TYPE_CHECKING:
    from tui.pickers import CheckList

__all__ = ["FieldRow", "InfoRow", "Line"]


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
        return Text(plain(self._text))

    def update(self, text: str) -> None:
        """Show `text` (no-op when unchanged); the form is laid out again only if its height changes."""
        if text == self._text:
            return
        layout = self._height(text) != self._height(self._text)
        self._text = text
        self.refresh(layout=layout)

    def _height(self, text: str) -> int:
        """The rows `text` takes in this widget (its fixed height, or its wrapped lines and min-height)."""
        styles = self.styles
        if styles.height is not None and not styles.height.is_auto:
            return -1  # fixed: never laid out again
        width = max(1, self.content_region.width or self.app.size.width)
        rows = sum(max(1, -(-cell_len(line) // width)) for line in text.split("\n")) if text else 0
        low = int(styles.min_height.value) if styles.min_height is not None and styles.min_height.is_cells else 0
        return max(rows, low)


class ErrorLine(Vertical):
    """A row with an `.error` line under it, shown (class `invalid`) only while it holds a message."""

    def set_error(self, text: str | None) -> None:
        """Show (or clear) the error under the row; what the row holds is left untouched."""
        text = text or ""
        if text == getattr(self, "_error", ""):
            return
        self._error = text
        self.set_class(bool(text), "invalid")
        self.query_one(".error", Static).update(text)


class FieldRow(ErrorLine):
    """Label, control, and under them the field's validation error in the user's language.

    The row draws its question itself (a choice control draws it in its own line): two widgets a
    row instead of four, as a scroll repaints every visible widget (bench/tui_startup.py)."""

    DEFAULT_CSS = """
    FieldRow { height: auto; }
    FieldRow > .answer { margin-left: 38; }
    FieldRow > Horizontal.answer { height: auto; width: auto; }
    FieldRow.wide > .answer { margin: 1 0 0 4; }
    FieldRow .hint { color: $text-muted; width: auto; }
    FieldRow .error { color: $error; text-style: bold; padding-left: 38; height: auto; display: none; }
    FieldRow.invalid .error { display: block; }
    """

    def __init__(self, spec: FieldSpec, lang: Lang, value: Any = None) -> None:
        super().__init__(id=f"row-{spec.key.replace('.', '-')}")
        self.spec = spec
        self.lang = lang
        self.initial = value
        self.question = message(spec.label, lang)

    def render(self) -> Text:
        if self.spec.kind in ("pick", "checks") or self.spec.kind == "choice" and not self.spec.hint:
            return Text("")
        return Text(self.question, no_wrap=True, overflow="ellipsis")

    def compose(self) -> ComposeResult:
        spec, wid = self.spec, "f-" + self.spec.key.replace(".", "-")
        if spec.kind == "pick":
            from tui.pickers import PickField

            yield PickField(spec, self.lang, self.initial, label=self.question, id=wid)  # draws its question
        elif spec.kind == "checks":
            from tui.pickers import CheckList

            yield CheckList(spec, self.lang, self.initial, label=self.question, id=wid)  # draws its question
        elif spec.kind == "choice" and not spec.hint:
            yield ChoiceField(spec, self.lang, self.initial, label=self.question, id=wid)  # draws its question
        else:
            if is_wide(self.question):  # a question on its own line, the answer under it
                self.add_class("wide")
            if spec.kind == "choice":
                control: Any = ChoiceField(spec, self.lang, self.initial, id=wid)
            elif spec.extra.get("lookup"):
                from tui.drug_lookup import DrugField

                control = DrugField(spec, self.initial or "", lang=self.lang, id=wid)
            elif spec.extra.get("stopwatch"):
                control = StopwatchInput(spec, self.initial or "", decimal_comma=self.lang == "fr", id=wid)
            else:
                control = TextField(spec, self.initial or "", id=wid)
            if spec.hint:
                with Horizontal(classes="answer"):
                    yield control
                    yield Label(message(spec.hint, self.lang), classes="hint")
            else:
                control.add_class("answer")
                yield control
            if spec.extra.get("lookup"):
                from tui.drug_lookup import Suggestions

                yield Suggestions("")
        yield Static("", classes="error")

    @property
    def control(self) -> ChoiceField | TextField | CheckList:
        """The focusable control of this row (a PickField is a ChoiceField, a DrugField a TextField)."""
        from tui.pickers import CheckList

        control = self.query_one("#f-" + self.spec.key.replace(".", "-"))
        if not isinstance(control, (ChoiceField, TextField, CheckList)):
            raise TypeError(f"{self.spec.key}: {type(control).__name__} is not a control")  # compose() yields one
        return control

    def set_value(self, value: Any) -> None:
        """Put a value back (draft resume) without posting a change."""
        control = self.control
        if not isinstance(control, (ChoiceField, TextField)):  # a checklist
            control.set_reactive(type(control).value, control._as_list(value))
            control.refresh()
        elif isinstance(control, ChoiceField):
            control.set_reactive(ChoiceField.value, value)
            control.refresh()
        else:
            control._silent = True
            try:
                control.value = "" if value is None else str(value)
            finally:
                control._silent = False


class InfoRow(ErrorLine):
    """A value the form shows but does not edit (the patient file's birth date), with an error under it.

    Why: a document may carry a value taken from elsewhere; when it is refused (a birth date after
    the visit) the message belongs under that value, not at the bottom of the form."""

    DEFAULT_CSS = """
    InfoRow { height: auto; }
    InfoRow .error { color: $error; text-style: bold; padding-left: 38; height: auto; display: none; }
    InfoRow.invalid .error { display: block; }
    """

    def __init__(self, text: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text, classes="info")
        yield Static("", classes="error")

