"""Ask « Reprendre la saisie ? » for one draft, then reopen its screen or discard it.

Why: the same question is asked at start-up (after a crash) and when a form is reopened for a
patient who has an unfinished one; one function keeps the answer's effect identical.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from parcours.core.errors import ParcoursError
from tui.drafts import describe_draft, screen_for_draft
from tui.screens.modals import ConfirmScreen, ResumeScreen

if TYPE_CHECKING:
    from parcours.store.rows import Draft
    from tui.app import ParcoursApp

__all__ = ["ask_resume"]


def ask_resume(app: ParcoursApp, draft: Draft, otherwise: Callable[[], None] | None = None,
               on_done: Callable[[Any], None] | None = None) -> None:
    """Yes: reopen the draft's screen. No: ask once more, then discard it (audited). Échap: keep it.

    `otherwise` is called whenever the draft's screen is not reopened. A discard is asked twice
    because `n` is one stray key away from losing a whole screening.
    """

    def go_on() -> None:
        if otherwise is not None:
            otherwise()

    def discard(sure: bool | None) -> None:
        if sure:
            try:
                app.db.discard_draft(draft.id, actor=app.actor)
            except ParcoursError as exc:
                app.status(app.t("tui.status.store_error", code=exc.code), error=True)
        else:
            app.status(app.t("tui.resume.kept"))
        go_on()

    def answered(resume: bool | None) -> None:
        if resume:
            screen = screen_for_draft(app, draft)
            if screen is not None:
                app.push_screen(screen, on_done)
                return
        elif resume is False:
            app.push_screen(ConfirmScreen(app.t("tui.resume.discard_sure")), discard)
            return
        go_on()

    app.push_screen(ResumeScreen(describe_draft(app, draft)), answered)
