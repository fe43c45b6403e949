"""The Textual application: store, language, theme, global keys; the home screen is pushed at start.

Why: every screen reaches the store, the user's language and the actor through the app, so
screens stay thin and testable with `App.run_test` on an in-memory store.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from parcours.core.errors import ParcoursError
from parcours.messages import Lang, message
from tui.crash_guard import CrashGuard
from tui.keys import Key, install_keys
from tui.plain import plain
from tui.theme import CONTRAST, STANDARD, register_themes

if TYPE_CHECKING:
    from textual.worker import Worker

    from tui.store_api import StoreAPI

__all__ = ["ParcoursApp"]


def _actor() -> str:
    try:
        return os.environ.get("PARCOURS_ACTOR") or getpass.getuser()
    except (OSError, KeyError):
        return "tui"


class ParcoursApp(CrashGuard):
    """parcours: ICOPE screening and MEDISIS in the terminal (an unhandled error: tui.crash_guard)."""

    ENABLE_COMMAND_PALETTE = False
    CSS = """
    Screen { background: $background; }
    .title { text-style: bold; color: $accent; height: 1; }
    .status { height: 1; color: $text-muted; }
    .section { text-style: bold; background: $primary 30%; height: 1; margin-top: 1; }
    """

    KEYS = (
        Key("ctrl+q", "quit", "tui.key.quit", priority=True),
        Key("f1", "help", "tui.key.help", priority=True),
        Key("question_mark", "help", "tui.key.help", show=False, display="?"),
        Key("f3", "toggle_contrast", "tui.key.contrast", show=False),  # in the help (F1), for 80 columns
    )

    def __init__(
        self,
        store: StoreAPI | Callable[[], StoreAPI],  # a Store, or a callable opening one (after the first screen)
        lang: Lang = "fr",
        *,
        actor: str | None = None,
        site: str | None = None,
        today: date | None = None,
        contrast: bool | None = None,
        home: bool = True,
        export_folder: str | None = None,
    ) -> None:
        self.lang: Lang = lang
        super().__init__()
        #: the store once open (None while « Ouverture de la base… » is shown)
        self.store: StoreAPI | None = None if callable(store) else store
        self._open_store = store if callable(store) else None
        self._owns_store = False
        self._opening_started = False
        #: why the store could not be opened (shown on the home screen), None otherwise
        self.store_error: str | None = None
        self.actor = actor or _actor()
        self.site = site
        self._today = today
        self._home = home
        self.export_folder = export_folder
        self._contrast = os.environ.get("PARCOURS_TUI_THEME") == "contrast" if contrast is None else contrast
        self.title = message("tui.app.title", lang)
        install_keys(self, self.KEYS, lang)

    def t(self, key: str, /, **params: object) -> str:
        """A catalog message in the user's language."""
        return message(key, self.lang, **params)

    def today(self) -> date:
        """Today's date (fixed in tests)."""
        return self._today or date.today()

    def on_mount(self) -> None:
        register_themes(self)
        self.theme = CONTRAST if self._contrast else STANDARD
        if self._home:
            from tui.screens.home import HomeScreen

            self.push_screen(HomeScreen())
        else:
            self.start_opening()

    def start_opening(self) -> None:
        """Open the store in a worker thread (once), if the app was given a way to open it.

        SQLAlchemy's import and the migration check take longer than the whole first screen: the
        home screen calls this after its first frame, shows « Ouverture de la base… », and is
        filled when the store is ready.
        """
        if self._open_store is not None and self.store is None and not self._opening_started:
            self._opening_started = True
            self.run_worker(self._opening, thread=True, name="open-store", exit_on_error=False)

    def _opening(self) -> None:
        """In a worker thread: open the store, then hand it (or the error) to the event loop."""
        assert self._open_store is not None
        try:
            store = self._open_store()
        except ParcoursError as exc:
            from parcours.messages import render_error

            text = render_error(exc, self.lang)
            self._deliver(lambda: self._store_failed(text))
            return
        if not self._deliver(lambda: self._store_opened(store)):
            store.close()  # the app quit while the database was opening

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """An opening that failed with an error not of the store's own: say it, not « Ouverture… » forever.

        Why: the store cannot open, so there is nothing to keep; the error's type and its logged
        traceback are shown, without its message (tui.crash).
        """
        from textual.worker import WorkerState

        if event.worker.name == "open-store" and event.state == WorkerState.ERROR and self.store_error is None:
            from tui.crash import write_crash_log

            error = event.worker.error
            assert error is not None
            # Its message is withheld like a crash's (a driver's text may hold a URL and its password).
            log = write_crash_log(error)
            self._store_failed(self.t("crash.store_open", kind=type(error).__name__, path=log or "—"))

    def _deliver(self, callback: Callable[[], None]) -> bool:
        """Run `callback` in the app's message loop; False when the app is no longer running.

        Queued with `call_later`, not run by `call_from_thread` itself: an error in it (a screen
        failing to show the list) is then an unhandled error of the app, shown by the error screen,
        not an error of the opening worker shown as « base inaccessible » (tui.crash_guard).
        """
        try:
            return bool(self.call_from_thread(self.call_later, callback))
        except RuntimeError:  # the app is no longer running
            return False

    def _store_opened(self, store: StoreAPI) -> None:
        self.store, self._owns_store = store, True
        for screen in list(self.screen_stack):
            ready = getattr(screen, "store_ready", None)
            if ready is not None:
                ready()

    def _store_failed(self, text: str) -> None:
        self.store_error = text
        self.status(self.t("tui.store.failed", reason=text), error=True)
        for screen in list(self.screen_stack):
            ready = getattr(screen, "store_ready", None)
            if ready is not None:
                ready()

    def has_store(self) -> bool:
        """True once the store is open; otherwise tell the user it is still opening (or why it failed)."""
        if self.store is not None:
            return True
        if self.store_error:
            self.status(self.t("tui.store.failed", reason=self.store_error), error=True)
        else:
            self.status(self.t("tui.store.opening"))
        return False

    @property
    def db(self) -> StoreAPI:
        """The open store, for the screens reached only once it is open (past the home screen).

        Why: `store` is None while the database opens; the forms and the patient file are opened
        from a loaded list, so there it is always set, and this says so to the type checker.
        """
        if self.store is None:
            raise RuntimeError("the store is not open yet")  # a screen opened before has_store(): a bug
        return self.store

    def close_store(self) -> None:
        """Close the store if the app opened it (the caller closes a store it passed in)."""
        if self._owns_store and self.store is not None:
            self.store.close()
            self._owns_store = False

    def action_help(self) -> None:
        """The key help screen (`?` or F1)."""
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_toggle_contrast(self) -> None:
        """Switch between the standard and the high-contrast theme."""
        self.theme = STANDARD if self.theme == CONTRAST else CONTRAST

    def status(self, text: str, *, error: bool = False) -> None:
        """A short status message (toast) in the corner."""
        # markup=False: a status may quote a stored name (issue 20: names are data, never markup)
        self.notify(plain(text), severity="error" if error else "information", timeout=6, markup=False)
