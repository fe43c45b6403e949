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

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen

from tui.plain import Label  # no markup: a log path may hold brackets (issue 20)

__all__ = ["CrashScreen", "crash_dir", "crash_report", "write_crash_log"]


def crash_dir() -> Path:
    """`PARCOURS_LOG_DIR`, else `logs/` in the user's data directory (beside the default database)."""
    configured = os.environ.get("PARCOURS_LOG_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_data_path

    return user_data_path("parcours", appauthor=False) / "logs"


def crash_report(error: BaseException) -> str:
    """The traceback as code locations (file, line, function, source line) and exception types only."""
    lines = ["parcours: unhandled error in the terminal application", ""]
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for exc in reversed(chain):
        lines.append("Traceback (most recent call last):")
        for frame in traceback.extract_tb(exc.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
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


class CrashScreen(ModalScreen[None]):
    """« Une erreur inattendue… »: the drafts are kept, where the log is; any key quits (exit status 1)."""

    DEFAULT_CSS = """
    CrashScreen { align: center middle; }
    CrashScreen > Vertical { width: 70; height: auto; border: heavy $error; background: $surface; padding: 0 1; }
    """

    def __init__(self, log: Path | None) -> None:
        super().__init__(classes="crash")
        self.log_path = log  # not `log`: Widget.log is a read-only property

    def compose(self) -> ComposeResult:
        t = self.app.t  # type: ignore[attr-defined]
        with Vertical():
            yield Label(t("tui.crash.title"), classes="title", id="crash-title", markup=False)
            yield Label(t("tui.crash.drafts"), id="crash-drafts", markup=False)
            where = t("tui.crash.log", path=str(self.log_path)) if self.log_path else t("tui.crash.no_log")
            yield Label(where, id="crash-log", markup=False)
            yield Label(t("tui.crash.quit"), id="crash-quit", markup=False)

    def on_key(self) -> None:
        self.app.exit(return_code=1)
