"""Small modal dialogs: « Reprendre la saisie ? », a yes/no confirmation, a keyboard list to pick one option.

Why: resuming a draft after a crash is one keystroke (`o`/`y` or Entrée), never a hunt through
menus; picking a step-2 instrument or a list is the same arrow-and-Enter dialog everywhere.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, OptionList
from textual.widgets.option_list import Option

from tui.keys import Key, install_keys
from tui.plain import Label, Static, cell
from tui.screens.base import ParcoursModal

__all__ = ["ConfirmScreen", "PickScreen", "ReasonScreen", "ResumeScreen"]

_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 64; height: auto; max-height: 20; border: round $accent; background: $surface; padding: 0 1;
}}
{name} Horizontal {{ height: auto; }}
{name} Button {{ margin-right: 2; }}
"""


class ResumeScreen(ParcoursModal[bool | None]):
    """« Reprendre la saisie ? »: True resumes, False discards, None (Échap) asks again later."""

    DEFAULT_CSS = _CSS.format(name="ResumeScreen")
    KEYS = (
        Key("o,y", "answer(True)", "tui.resume.yes_key"),
        Key("n", "answer(False)", "tui.resume.no_key"),
        Key("escape", "answer(None)", "tui.resume.later_key"),
    )

    def __init__(self, description: str) -> None:
        super().__init__(classes="resume")
        self.description = description

    def compose(self) -> ComposeResult:
        t = self.app.t
        install_keys(self, self.KEYS, self.app.lang)
        with Vertical():
            yield Label(t("tui.resume.question"), classes="title", id="resume-question")
            yield Label(self.description, id="resume-what")
            with Horizontal():
                yield Button(t("tui.resume.yes"), id="resume-yes", variant="primary")
                yield Button(t("tui.resume.no"), id="resume-no")

    def on_mount(self) -> None:
        self.query_one("#resume-yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "resume-yes")

    def action_answer(self, value: bool | None) -> None:
        self.dismiss(value)


class ConfirmScreen(ParcoursModal[bool]):
    """A yes/no question before something that loses typed data: `o`/`y` yes; `n`, Échap no (the default)."""

    DEFAULT_CSS = _CSS.format(name="ConfirmScreen")
    KEYS = (
        Key("o,y", "answer(True)", "tui.confirm.yes_key"),
        Key("n,escape", "answer(False)", "tui.confirm.no_key"),
    )

    def __init__(self, question: str) -> None:
        super().__init__(classes="confirm")
        self.question = question

    def compose(self) -> ComposeResult:
        t = self.app.t
        install_keys(self, self.KEYS, self.app.lang)
        with Vertical():
            yield Label(self.question, id="confirm-question")
            with Horizontal():
                yield Button(t("tui.confirm.no"), id="confirm-no", variant="primary")
                yield Button(t("tui.confirm.yes"), id="confirm-yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class PickScreen(ParcoursModal[Any]):
    """A titled list: ↑/↓ then Entrée returns the option's value; Échap returns None."""

    DEFAULT_CSS = _CSS.format(name="PickScreen")
    KEYS = (Key("escape", "cancel", "tui.key.back"),)

    def __init__(self, title: str, options: list[tuple[Any, str]]) -> None:
        super().__init__(classes="pick")
        self.title_text = title
        self.options = options

    def compose(self) -> ComposeResult:
        install_keys(self, self.KEYS, self.app.lang)
        with Vertical():
            yield Label(self.title_text, classes="title")
            options = (Option(cell(label), id=str(i)) for i, (_, label) in enumerate(self.options))
            yield OptionList(*options, id="pick-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.options[int(str(event.option.id))][0])

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReasonScreen(ParcoursModal[str | None]):
    """A question with a required reason (soft delete): Entrée confirms, Échap cancels."""

    DEFAULT_CSS = _CSS.format(name="ReasonScreen") + "ReasonScreen .error { color: $error; height: auto; }"
    KEYS = (Key("escape", "cancel", "tui.key.back"),)

    def __init__(self, title: str) -> None:
        super().__init__(classes="reason")
        self.title_text = title

    def compose(self) -> ComposeResult:
        t = self.app.t
        install_keys(self, self.KEYS, self.app.lang)
        with Vertical():
            yield Label(self.title_text, classes="title")
            yield Label(t("tui.delete.reason"))
            yield Input(id="reason-text")
            yield Static("", classes="error", id="reason-error")
            yield Label(t("tui.delete.hint"))

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#reason-text", Input))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        reason = event.value.strip()
        if not reason:
            self.query_one("#reason-error", Static).update(self.app.t("tui.delete.reason_required"))
            return
        self.dismiss(reason)

    def action_cancel(self) -> None:
        self.dismiss(None)
