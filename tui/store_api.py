"""What the terminal UI asks of the store: the `StoreAPI` protocol, checked by mypy against `parcours.store.Store`.

Why: screens reach the store through `app.store`; typing it as this protocol checks every call they
make (names, keywords, returned rows) without importing SQLAlchemy at run time, and the line at the
end makes mypy fail if the real store stops providing what the TUI calls.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from parcours.core.records import PatientRecords, RecordKind
    from parcours.store.audit import Access
    from parcours.store.drugs import DrugMatch
    from parcours.store.rows import Draft, Patient, Saved, Site, WorklistRow
    from parcours.store.store import Store

__all__ = ["StoreAPI"]


class StoreAPI(Protocol):
    """The `parcours.store.Store` methods the TUI calls (same signatures)."""

    def close(self) -> None: ...

    # patients
    def sites(self) -> list[Site]: ...
    def create_patient(self, identity: dict[str, Any], *, site: str | None, actor: str) -> Patient: ...
    def get_patient(self, patient_id: str) -> Patient: ...
    def update_patient(self, patient_id: str, identity: dict[str, Any], *, version: int, actor: str) -> Patient: ...
    def delete_patient(self, patient_id: str, *, reason: str, actor: str, version: int | None = None) -> None: ...
    def search_patients(self, text: str = "", *, site: str | None = None, limit: int = 50,
                        after: str | None = None) -> list[Patient]: ...
    def record_access(self, patient_id: str, *, actor: str, purpose: Access) -> None: ...
    def patient_records(self, patient_id: str) -> PatientRecords: ...

    # records, alerts, drafts
    def save_document(self, kind: RecordKind, document: bytes | dict[str, Any], *, actor: str,
                      patient_id: str | None = None) -> Saved: ...
    def set_alert_status(self, record_id: str, status: str, *, actor: str) -> None: ...
    def save_draft(self, kind: str, data: dict[str, Any], *, actor: str, draft_id: str | None = None,
                   patient_id: str | None = None, version: int | None = None) -> str: ...
    def list_drafts(self, *, kind: str | None = None, patient_id: str | None = None) -> list[Draft]: ...
    def discard_draft(self, draft_id: str, *, actor: str) -> None: ...

    # worklists (the home screen's lists) and the drug database
    def due_for_rescreening(self, *, start: date, end: date, site: str | None = None, after: str | None = None,
                            limit: int = ...) -> list[WorklistRow]: ...
    def open_alerts(self, *, site: str | None = None, after: str | None = None,
                    limit: int = ...) -> list[WorklistRow]: ...
    def positive_without_step2(self, *, site: str | None = None, after: str | None = None,
                               limit: int = ...) -> list[WorklistRow]: ...
    def discharges_without_reconciliation(self, *, site: str | None = None, after: str | None = None,
                                          limit: int = ...) -> list[WorklistRow]: ...
    def awaiting_30day_review(self, *, site: str | None = None, after: str | None = None,
                              limit: int = ...) -> list[WorklistRow]: ...
    def find_drugs(self, text: str, *, limit: int = 10) -> list[DrugMatch]: ...  # Store says list[Any]
    def drug_count(self) -> int: ...


if TYPE_CHECKING:

    def _the_store_provides_it(store: Store) -> StoreAPI:
        """mypy fails here when `parcours.store.Store` no longer matches what the TUI calls."""
        return store
