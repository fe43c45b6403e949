"""Unfinished drafts offered on the home screen: once at start (after a crash), then on `b`.

Why: « never lose what was typed » (issue 8) ends here: every draft left by a closed terminal or a
crash is offered again, newest first, and a resumed form that is saved opens that patient's file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parcours.core.errors import ParcoursError

if TYPE_CHECKING:
    from parcours.store.rows import Draft
    from tui.screens.base import ParcoursScreen

    _Screen = ParcoursScreen[None]  # the screen it is mixed into: typed `self.app`, query_one…
else:
    _Screen = object

__all__ = ["HomeDrafts"]


class HomeDrafts(_Screen):
    """Draft actions of HomeScreen (mixed into it: uses its app, reload and open_patient)."""

    offered: bool
    loaded: bool

    def reload(self, *, more: bool = False) -> None:  # provided by HomeScreen
        raise NotImplementedError

    def open_patient(self, patient_id: str) -> None:  # provided by HomeScreen
        raise NotImplementedError

    def offer_drafts(self, drafts: list[Draft] | None = None) -> None:
        """« Reprendre la saisie ? » for each unfinished draft, newest first (once per start)."""
        if drafts is None:
            if self.offered or self.app.store is None:
                return
            self.offered = True
            try:
                drafts = self.app.store.list_drafts()
            except ParcoursError:
                return
        if drafts:
            from tui.screens.resume import ask_resume

            ask_resume(self.app, drafts[0], lambda: self.offer_drafts(drafts[1:]), on_done=self.after_resumed)

    def after_resumed(self, saved: Any) -> None:
        """A resumed form was saved: show that patient's file (else just refresh the list)."""
        self.reload()
        patient_id = getattr(saved, "patient_id", None) or getattr(saved, "id", None)
        if patient_id is not None:
            self.open_patient(str(patient_id))

    def action_drafts(self) -> None:
        """Offer every unfinished draft again."""
        if not self.app.has_store():
            return
        self.offered = False
        self.loaded = False  # the first page is shown (the store was ready)
        self.offer_drafts()
