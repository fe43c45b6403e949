"""Ask « Reprendre la saisie ? » for one draft, then reopen its screen or discard it.

Why: the same question is asked at start-up (after a crash) and when a form is reopened for a
patient who has an unfinished one; one function keeps the answer's effect identical.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parcours.core.errors import ParcoursError
from tui.drafts import describe_draft, screen_for_draft
from tui.screens.modals import ResumeScreen

__all__ = ["ask_resume"]


def ask_resume(app: Any, draft: Any, otherwise: Callable[[], None] | None = None,
               on_done: Callable[[Any], None] | None = None) -> None:
    """Yes: reopen the draft's screen. No: discard it (audited) and call `otherwise`. Échap: keep it."""

    def answered(resume: bool | None) -> None:
        if resume:
            screen = screen_for_draft(app, draft)
            if screen is not None:
                app.push_screen(screen, on_done)
                return
        elif resume is False:
            try:
                app.store.discard_draft(draft.id, actor=app.actor)
            except ParcoursError as exc:
                app.status(app.t("tui.status.store_error", code=exc.code), error=True)
        if otherwise is not None:
            otherwise()

    app.push_screen(ResumeScreen(describe_draft(app, draft)), answered)
