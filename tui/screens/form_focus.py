"""Where the focus goes on a form: the field to start from, the scroll that shows it, early keys.

Why: a form is typed fast, often with the person in front of the nurse: the focused field must be
in view with its heading (a step-1 domain and its live result) after one cheap scroll, a resumed
draft reopens on the field last typed (« exactement où vous en étiez »), and a key typed while the
screen is still opening must land in the first field instead of being lost.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.containers import VerticalScroll

from tui.rows import FieldRow
from tui.screens.base import ParcoursScreen

__all__ = ["CONTEXT_ROWS", "FormFocus"]

#: rows kept above the focused field when its heading does not fit with it (its question…).
CONTEXT_ROWS = 2


class FormFocus(ParcoursScreen[Any]):
    """Focus rules of FormScreen; `resume_key` is the field to start on (the last one typed)."""

    resume_key: str | None = None

    def start_field(self) -> FieldRow | None:
        """The row to focus first: the last field typed in a resumed draft, else the first one."""
        rows = list(self.query(FieldRow))
        return next((r for r in rows if r.spec.key == self.resume_key), rows[0] if rows else None)

    def focus_start(self) -> None:
        """Focus the start field now (a key typed right after the title shows lands there)."""
        row = self.start_field()
        if row is not None:
            self.set_focus(row.control, scroll_visible=row is not next(iter(self.query(FieldRow)), None))

    def advance_from(self, control: Any) -> None:
        """Focus the question after `control`'s row (a digit answered it); after the last shown
        question the focus stays: a jump to the collapsed options would scroll the form for nothing."""
        chain = self.focus_chain  # what Tab would visit: shown, focusable, in order
        after = chain[chain.index(control) + 1:] if control in chain else []
        if after and hasattr(after[0], "spec"):  # a question, not the options' title or a button
            self.set_focus(after[0])

    def scroll_to_center(self, widget: Any, animate: bool = True, **kw: Any) -> None:
        """Bring the focused field into view at once (Textual's animated, centred scroll repainted
        for 0.2 s), with its heading at the top when both fit, else the CONTEXT_ROWS rows before it."""
        form = self.query_one("#form", VerticalScroll)
        row = next((a for a in widget.ancestors_with_self if a.parent is form), None)
        if row is None:
            super().scroll_to_center(widget, animate=False, **kw)
            return
        children = list(form.children)
        index = children.index(row)
        anchor = children[max(0, index - CONTEXT_ROWS)]
        bottom, height = row.virtual_region_with_margin.bottom, form.scrollable_content_region.height
        for child in reversed(children[:index]):
            if bottom - child.virtual_region_with_margin.y > height:
                break
            if child.has_class("domain") or child.has_class("section"):
                anchor = child
                break
        form.scroll_to_widget(anchor, animate=False, top=True, immediate=True)

    def _forward_event(self, event: Any) -> None:
        """A key typed while the screen opens, before its first field has the focus, reaches the
        screen itself and was lost (the e2e test saw « M » vanish under load): give it to the field."""
        if isinstance(event, events.Key) and self.focused is None and not event.is_forwarded:
            row = self.start_field()
            if row is not None:
                self.set_focus(row.control, scroll_visible=False)
                row.control._forward_event(event)  # the path App gives a focused widget
                return
        super()._forward_event(event)
