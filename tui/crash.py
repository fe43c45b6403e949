"""What the app does with an error nobody handled: a crash log without personal data, an error screen.

Why: a nurse mid-screening must see a calm message and know her draft is kept (drafts are saved
as she types), and the team needs the traceback; the log holds code locations and the error's
type only — never its message or local variables, which can carry names, INS or answers.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import events
from textual._time import get_time  # the clock of Message.time (Textual pinned: tests/tui/test_tui_crash.py)
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.worker import WorkerFailed

from parcours.messages import Lang, message
from tui.plain import Label  # no markup: a log path may hold brackets (issue 20)

__all__ = ["QUIT_KEYS", "CrashScreen", "crash_dir", "crash_report", "crash_summary", "exit_text", "write_crash_log"]

#: the keys that close the app from the error screen (Entrée is the one it names; ctrl+q is the app's quit key)
QUIT_KEYS = frozenset({"enter", "ctrl+q", "ctrl+c"})


def crash_dir() -> Path:
    """`PARCOURS_LOG_DIR`, else `logs/` in the user's data directory (beside the default database)."""
    configured = os.environ.get("PARCOURS_LOG_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_data_path

    return user_data_path("parcours", appauthor=False) / "logs"


def _where(filename: str) -> str:
    """A source file's path with the home folder as `~` (a login name is the user's personal data too)."""
    home = str(Path.home()).rstrip(os.sep)
    return "~" + filename[len(home):] if home and filename.startswith(home + os.sep) else filename


def crash_report(error: BaseException) -> str:
    """The traceback as code locations (file, line, function, source line) and exception types only."""
    lines = ["parcours: unhandled error in the terminal application", ""]
    if isinstance(error, WorkerFailed):  # Textual's wrapper of a worker's error holds no traceback of its own
        lines += ["in a worker:", ""]
        error = error.error
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for exc in reversed(chain):
        lines.append("Traceback (most recent call last):")
        for frame in traceback.extract_tb(exc.__traceback__):
            lines.append(f'  File "{_where(frame.filename)}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        kind = type(exc)
        lines.append(f"{kind.__module__}.{kind.__qualname__} (message withheld: it may hold personal data)")
        lines.append("")
    return "\n".join(lines)


def write_crash_log(error: BaseException, folder: Path | None = None) -> Path | None:
    """Write `crash-<stamp>.log` (0600 in a 0700 folder); None when it cannot be written."""
    target = folder or crash_dir()
    try:
        target.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = target / f"crash-{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}.log"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(crash_report(error))
    except OSError:
        return None
    return path


def crash_summary(lang: Lang, log: Path | None) -> list[str]:
    """What happened, what is kept, where the log is: the error screen's lines, also printed on exit."""
    where = message("crash.log", lang, path=str(log)) if log else message("crash.no_log", lang)
    return [message("crash.title", lang), message("crash.kept", lang), where]


def exit_text(lang: Lang, log: Path | None) -> Text:
    """The error screen's words, printed on the terminal once the app has closed (plain text, no markup).

    It starts with a blank line: the first line Textual prints on exit is lost when the terminal
    leaves the app's screen (seen in tmux, tests/e2e/test_e2e_tui_tmux.py).
    """
    return Text("\n" + "\n".join(crash_summary(lang, log)))


class CrashScreen(Screen[None]):
    """« Une erreur inattendue… »: what is kept, where the log is; Entrée closes the app (exit status 1).

    A full screen, not a modal over the screen that failed: nothing of the broken state is drawn or
    reachable behind it. Keys typed before it was shown (the user was typing) are ignored, so the
    message cannot flash by; the app's own keys are off while it is up (`tui.crash_guard`).
    """

    DEFAULT_CSS = """
    CrashScreen { align: center middle; }
    CrashScreen > Vertical { width: 72; height: auto; border: heavy $error; background: $surface; padding: 0 1; }
    CrashScreen Label { width: 100%; margin-bottom: 1; }
    CrashScreen #crash-quit { margin-bottom: 0; text-style: bold; }
    """

    def __init__(self, log: Path | None) -> None:
        super().__init__(classes="crash")
        self.log_path = log  # not `log`: Widget.log is a read-only property
        #: keys older than this were typed before the error screen existed
        self.shown_at = get_time()

    def compose(self) -> ComposeResult:
        lang: Lang = getattr(self.app, "lang", "fr")
        title, kept, where = crash_summary(lang, self.log_path)
        with Vertical():
            yield Label(title, classes="title", id="crash-title", markup=False)
            yield Label(kept, id="crash-drafts", markup=False)
            yield Label(where, id="crash-log", markup=False)
            yield Label(message("crash.quit", lang), id="crash-quit", markup=False)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if event.time >= self.shown_at and event.key in QUIT_KEYS:
            self.quit()

    def quit(self) -> None:
        """Close the app with status 1, leaving what the screen said in the terminal."""
        lang: Lang = getattr(self.app, "lang", "fr")
        self.app.exit(return_code=1, message=exit_text(lang, self.log_path))
