"""The step-2 offer under a step-1 domain: its instruments' buttons, shown when the domain is positive.

Why: keystroke latency (issue 8, bench/tui_startup.py). Mounting buttons while the nurse types,
or showing a hidden row, lays out the whole form again (~150 ms on a loaded machine); this row is
always there, one line high (the gap before the next domain), with every instrument the domain may
offer (docs/interchange.md §1 table) at a fixed width: an offer only repaints it. When nothing is offered
it is blank (no text left for a screen reader or a copy). Its buttons are never Tab stops (a Tab
through a screening goes from question to question, issue 17): F2 opens an offered instrument.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button

from tui.rows import Line

__all__ = ["OfferButton", "StepTwoOffer", "domain_instruments"]

_INSTRUMENTS: dict[str, tuple[str, ...]] = {}


def domain_instruments(domain: str) -> tuple[str, ...]:
    """Every step-2 instrument icope may propose for `domain`, in its order (icope.STEP2_INSTRUMENTS)."""
    if not _INSTRUMENTS:
        from icope import STEP2_INSTRUMENTS

        _INSTRUMENTS.update({d.value: tuple(i.value for i in ins) for d, ins in STEP2_INSTRUMENTS.items()})
    return _INSTRUMENTS.get(domain, ())


class OfferButton(Button):
    """A step-2 instrument button of fixed width, blank while it is not offered; never a Tab stop
    (F2 on the step-1 screen opens it, a click too)."""

    def __init__(self, label: str, **kw: Any) -> None:
        super().__init__(label, compact=True, classes="off", **kw)
        self.styles.width = cell_len(label) + 2  # laid out once: showing it later is only a repaint
        self.can_focus = False

    @property
    def offered(self) -> bool:
        return not self.has_class("off")

    def render(self) -> Any:
        return super().render() if self.offered else ""

    def offer(self, on: bool) -> None:
        self.set_class(not on, "off")
        self.refresh()


class StepTwoOffer(Horizontal):
    """« Étape 2 : [MMSE] [MoCA] [Mini-Cog] » under one domain; `show` picks the offered ones."""

    DEFAULT_CSS = """
    StepTwoOffer { height: 1; }
    StepTwoOffer > Line { height: 1; margin-right: 1; }
    StepTwoOffer > OfferButton { height: 1; border: none; margin-right: 1; min-width: 0; }
    StepTwoOffer > OfferButton.off { background: $background 0%; }
    """

    def __init__(self, domain: str, t: Any) -> None:  # t: catalog lookup
        super().__init__(id=f"offer-{domain}", classes="offer")
        self.domain = domain
        self._t = t
        self.label = t("tui.s1.step2_offer")
        self.wanted: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        label = Line("", id=f"offer-label-{self.domain}")
        label.styles.width = cell_len(self.label)
        yield label
        for i in domain_instruments(self.domain):
            yield OfferButton(self._t(f"tui.instrument.{i}"), name=i, id=f"s2-{self.domain}-{i}")

    def show(self, wanted: tuple[str, ...]) -> None:
        """Offer these instruments (none: the row is blank)."""
        if wanted == self.wanted:
            return
        self.wanted = wanted
        self.set_class(bool(wanted), "shown")
        self.query_one(Line).update(self.label if wanted else "")
        for button in self.query(OfferButton):
            button.offer(button.name in wanted)
