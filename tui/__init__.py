"""Textual terminal UI (issue 8): screens call the domain and the store; no clinical logic here.

Why: `import tui` must stay cheap (the CLI imports it only to open the app), so Textual and the
screens load inside `make_app`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.app import ParcoursApp
    from tui.store_api import StoreAPI

__all__ = ["make_app"]


def make_app(store: StoreAPI | Callable[[], StoreAPI], lang: str = "fr", **options: Any) -> ParcoursApp:
    """The terminal UI on `store`, in `lang` ("fr" or "en").

    `store` is a `parcours.store.Store`, or a zero-argument callable returning one: the app then
    shows its first screen at once and opens the store in a worker thread (`app.close_store()`
    closes it after `run()`; `app.store_error` says why it could not be opened).
    """
    from tui.app import ParcoursApp

    return ParcoursApp(store, "en" if lang == "en" else "fr", **options)
