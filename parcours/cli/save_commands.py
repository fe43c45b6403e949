"""`--save`: store the document and its result, then print exactly what the command prints.

Why: docs/interchange.md §0 — the output of `icope score --save` is byte-identical to `icope score`,
and invalid input stores nothing (the handler validates first; the store saves in one
transaction, so a second failure there rolls everything back).
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from parcours.core.errors import FieldIssue, InvalidInput
from parcours.kinds import by_command

if TYPE_CHECKING:
    from parcours.lang import Lang

__all__ = ["actor_for", "has_identity", "saving_handler"]

ACTOR_ENV = "PARCOURS_ACTOR"


def actor_for(document: Any = None) -> str:
    """Who saves: `PARCOURS_ACTOR`, else the document's practitioner (`rpps:<n>`), else the OS user."""
    env = os.environ.get(ACTOR_ENV)
    if env:
        return env
    practitioner = document.get("practitioner") if isinstance(document, dict) else None
    if isinstance(practitioner, dict) and isinstance(practitioner.get("rpps"), str):
        return f"rpps:{practitioner['rpps']}"
    try:
        return f"user:{getpass.getuser()}"
    except (KeyError, OSError):
        return "user:unknown"


def has_identity(document: dict[str, Any]) -> bool:
    """Enough to know who a saved document is about: an identifier or INS, or family and birth date.

    Why (issue 18): without it each `--save` created one more anonymous patient (« None » in the TUI).
    The birth date may be the document's own (`birth_date`, a follow-up's screenings).
    """
    patient = document.get("patient")
    if not isinstance(patient, dict):
        return False
    if patient.get("identifier") is not None or patient.get("ins") is not None:
        return True
    births = [patient.get("birth_date"), document.get("birth_date")]
    births += [s.get("birth_date") for s in document.get("screenings") or () if isinstance(s, dict)]
    return patient.get("family") is not None and any(b is not None for b in births)


def saving_handler(key: tuple[str, str], handler: Callable[[bytes], Any], store: Any,
                   lang: Lang = "fr") -> Callable[[bytes], Any]:
    """Wrap a document handler: compute (validating), then store, then return the same output.

    The record kind is the command's document kind's (parcours.kinds); a follow-up is no record of
    its own: its screenings and assessments are stored (parcours.store.followups). The same
    document already stored for the patient is not stored again: stdout stays the command's
    output (docs/interchange.md §0), stderr says so.
    """
    import sys

    import orjson

    record_kind = by_command(*key).record_kind

    def save(raw: bytes) -> Any:
        output = handler(raw)  # raises InvalidInput first: nothing is stored for a bad document
        document = orjson.loads(raw)
        if not has_identity(document):
            raise InvalidInput([FieldIssue(("patient",), "no_identity")])
        if record_kind is None:
            from parcours.store.followups import save_followup

            save_followup(store, document, actor=actor_for(document))
        else:
            saved = store.save_document(record_kind, raw, actor=actor_for(document))
            if saved.duplicate:
                from parcours.messages import message

                sys.stderr.write(message("store.save.duplicate", lang, record=saved.record_id,
                                         patient=saved.patient_id) + "\n")
        return output

    return save
