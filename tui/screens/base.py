"""The base of every screen of the app: `self.app` typed as the ParcoursApp it runs in.

Why: Textual types `Widget.app` as `App[Any]`, so `self.app.t(...)`, `.lang`, `.store`, `.actor` were
unchecked; declaring the real app type (Textual's own `getters.app` idiom) lets mypy check every
screen's use of them. Only the type checker sees it: at run time `app` is Textual's own property.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from textual import getters

    from tui.app import ParcoursApp

__all__ = ["ParcoursModal", "ParcoursScreen"]

ResultT = TypeVar("ResultT")


class ParcoursScreen(Screen[ResultT]):
    """A full screen of the app, dismissed with a `ResultT`."""

    if TYPE_CHECKING:
        app = getters.app(ParcoursApp)


class ParcoursModal(ModalScreen[ResultT]):
    """A dialog over a screen of the app, dismissed with a `ResultT`."""

    if TYPE_CHECKING:
        app = getters.app(ParcoursApp)
