"""The drug field of a reconciliation line: type a few letters (or a CIS, CIP13, UCD13, UCD7), pick with ↑↓, Enter.

Why: the pharmacist names a drug as she reads it on a box, a prescription or a hospital unit; the
store's drug database (the BDPM, with the hospital's UCD correspondence) answers, and the pick fills
the line's ATC, form, route and dose (the screen does the filling; this widget only asks and shows).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from parcours.messages import Lang, message
from tui.forms import FieldSpec
from tui.plain import Static
from tui.widgets import TextField

__all__ = ["MIN_LETTERS", "SHOWN", "DrugField", "Suggestions"]

#: letters typed before the database is asked (a code is asked whatever its length)
MIN_LETTERS = 2
#: matches shown under the field
SHOWN = 5


class Suggestions(Static):
    """The matches under the drug field, the highlighted one reversed."""

    DEFAULT_CSS = "Suggestions { height: auto; padding-left: 4; color: $text; display: none; }"


class DrugField(TextField):
    """A text field that asks `screen.find_drugs(text)` as it changes and calls `screen.drug_picked`."""

    def __init__(self, spec: FieldSpec, value: str = "", *, lang: Lang = "fr", **kw: Any) -> None:
        super().__init__(spec, value, **kw)
        self.lang = lang
        self.matches: list[Any] = []
        self.note = ""
        self.highlight = 0

    @property
    def suggestions(self) -> Suggestions | None:
        from tui.rows import FieldRow

        row = next((a for a in self.ancestors if isinstance(a, FieldRow)), None)
        found = row.query(Suggestions) if row is not None else None
        return found.first() if found else None

    def _watch_value(self, value: str) -> None:
        super()._watch_value(value)
        if not self._silent and self.is_mounted:
            self.lookup(value)

    def lookup(self, text: str) -> None:
        """Ask the screen for the drugs matching `text`; show them (or why there are none)."""
        query = text.strip()
        finder = getattr(self.screen, "find_drugs", None)
        if finder is None or (len(query) < MIN_LETTERS and not query.isdigit()):
            self.matches, self.note = [], ""
        else:
            self.matches, self.note = finder(query)
        self.highlight = 0
        self.show()

    def show(self) -> None:
        box = self.suggestions
        if box is None:
            return
        if not self.matches and not self.note:
            box.display = False
            return
        text = Text()
        for i, match in enumerate(self.matches[:SHOWN]):
            line = f"{match.name}" + (f"  {match.atc}" if match.atc else "")
            if not match.marketed:
                line += f"  ({message('tui.drug.not_marketed', self.lang)})"
            chosen = i == self.highlight
            text.append(("▸ " if chosen else "  ") + line + "\n", style="reverse" if chosen else "")
        text.append(self.note or message("tui.drug.choose", self.lang), style="dim")
        box.update(text)
        box.display = True

    def close(self) -> None:
        """Hide the matches (the typed text stays)."""
        self.matches, self.note = [], ""
        self.show()

    def on_key(self, event: events.Key) -> None:
        """↑/↓ move among the matches, Enter picks the highlighted one, Escape closes the list."""
        if not self.matches and not self.note:
            return
        if event.key in ("up", "down") and self.matches:
            count = min(SHOWN, len(self.matches))
            self.highlight = (self.highlight + (1 if event.key == "down" else -1)) % count
            self.show()
        elif event.key == "enter":
            pick = getattr(self.screen, "drug_picked", None)
            match = self.matches[self.highlight] if self.matches else None
            self.close()
            if pick is not None:
                pick(self.spec, match, self.value.strip())
        elif event.key == "escape":
            self.close()
        else:
            return
        event.stop()
        event.prevent_default()

    def on_blur(self) -> None:
        self.close()
