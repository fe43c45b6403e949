"""Change an alert's status (confirmed, closed, refuted) from a worklist or the patient file.

Why: an open alert stays on the « Alertes ouvertes » list until a professional acts on it; the
store moves it along new → confirmed → closed | refuted and audits the change (docs/fhir.md §4.4).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from parcours.core.errors import ParcoursError

if TYPE_CHECKING:
    from tui.app import ParcoursApp

__all__ = ["STATUSES", "ask_alert_status", "record_id_of_cursor"]

STATUSES = ("confirmed", "closed", "refuted")


def record_id_of_cursor(cursor: str) -> str:
    """The alert's record id in an open-alerts worklist cursor `<date>|<record_id>`."""
    return cursor.rpartition("|")[2]


def ask_alert_status(app: ParcoursApp, record_id: str, on_done: Callable[[str | None], None] | None = None) -> None:
    """Pick the new status, apply it in the store, tell the user; `on_done(status or None)`."""
    from tui.screens.modals import PickScreen

    def picked(status: str | None) -> None:
        if status:
            try:
                app.db.set_alert_status(record_id, status, actor=app.actor)
            except ParcoursError as exc:
                app.status(app.t("tui.status.store_error", code=exc.code), error=True)
                status = None
            else:
                app.status(app.t("tui.alert.changed", status=app.t(f"tui.alert.{status}")))
        if on_done is not None:
            on_done(status)

    options = [(s, app.t(f"tui.alert.set.{s}")) for s in STATUSES]
    app.push_screen(PickScreen(app.t("tui.alert.pick_status"), options), picked)
