"""How the app routes an unhandled error to the error screen instead of Textual's traceback exit.

Why (issue 17): Textual 8.2.8 ends the app on any unhandled error (`App._handle_exception` then
`_fatal_error`, a traceback with local variables on the terminal), and an error in a key action
stops the app's own message loop, so no screen of ours could be shown. Textual is pinned exactly
(`textual==8.2.8`); tests/tui/test_tui_crash.py fails if the hooks used here change.

Every unhandled error reaches `App._handle_exception`: from a message loop (an action of a key, a
button, an `on_*` handler, a callback; the loop then stops), from a widget's compose or mount, and
from a worker (wrapped in `WorkerFailed`). Here it writes the crash log (tui.crash) and shows the
error screen; the app's own loop is restarted once that screen is up, so it keeps drawing and
reading keys. Drafts need nothing: forms save them on every change (tui/screens/form.py).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from parcours.messages import Lang
from tui.crash import CrashScreen, exit_text, write_crash_log

__all__ = ["CrashGuard"]


class CrashGuard(App[None]):
    """An App whose unhandled errors show `CrashScreen`, then exit with status 1 when the user quits it."""

    lang: Lang

    def __init__(self) -> None:
        super().__init__()
        #: the crash log of the first unhandled error (None until then, or when it could not be written)
        self.crash_log: Path | None = None
        #: the error screen once shown
        self.crash_screen: CrashScreen | None = None
        self._gave_up = False

    @property
    def crashed(self) -> bool:
        """True once an unhandled error happened (the app only waits for the user to quit)."""
        return self.crash_screen is not None or self._gave_up

    def _handle_exception(self, error: Exception) -> None:
        """Log the error, then show the error screen (first error) or exit at once (an error after it)."""
        self._return_code = 1
        if self._exception is None:
            self._exception = error  # `run_test` re-raises it at the end, so tests never miss an error
        log = write_crash_log(error)
        if self.crash_log is None:
            self.crash_log = log
        if self.crashed or not self.is_running:
            self._give_up()
            return
        screen = CrashScreen(self.crash_log)
        try:
            self.push_screen(screen)
        except Exception:  # the error handler of last resort: no screen, then a plain exit
            self._give_up()
            return
        self.crash_screen = screen

    def _give_up(self) -> None:
        """No screen can be trusted any more: exit with status 1, the error screen's words left on the terminal."""
        self._gave_up = True
        self._return_code = 1
        self._exception_event.set()  # as Textual does: a Pilot waiting for the app stops waiting
        if not self._exit_renderables:  # once: Textual adds an English note when it has several to print
            self._exit_renderables.append(exit_text(self.lang, self.crash_log))
        self._close_messages_no_wait()

    async def _process_messages_loop(self) -> None:
        """The app's message loop, restarted when an error stopped it and the error screen is up."""
        await super()._process_messages_loop()
        while self.crash_screen is not None and not (self._gave_up or self._closed):
            await super()._process_messages_loop()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The app's own keys (help, contrast, quit) are off behind the error screen: it handles every key."""
        if self.crashed:
            return False
        return super().check_action(action, parameters)
