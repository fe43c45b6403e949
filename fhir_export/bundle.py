"""One transaction Bundle per stateless document (docs/fhir.md §6.1; docs/interchange.md §5.1).

Why `PUT <type>/<id>` (docs/interchange.md §5.4 item 3): the ids are chosen by parcours, equal to those
of `export fhir` for the same record, so Bundles and bulk NDJSON converge on the same resources on
a server, re-sending a Bundle creates nothing, and a corrected record updates its resources.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson

from fhir_export import urls as U
from fhir_export.emit import Ctx, Item, Sink, add_actors
from fhir_export.icope import add_rescreen, map_alert, map_assessment, map_step1
from fhir_export.ids import doc_hash, patient_key, rid
from fhir_export.medisis import map_reconciliation, map_review, map_risk
from parcours.kinds import by_name

__all__ = ["BUILDERS", "build", "bundle_bytes"]

_dumps = orjson.dumps


def begin(
    doc: dict[str, Any], *, birth_date: Any = None, device: bool = False, h: str | None = None
) -> tuple[Ctx, str]:
    """A Sink with the document's actors; returns (ctx, H)."""
    h = h or doc_hash(doc)
    patient = doc.get("patient")
    pk = patient_key(patient, h)
    ctx = Ctx(Sink(), pk, f"{pk}|{h}|")
    add_actors(ctx, patient, birth_date, doc.get("practitioner"), doc.get("organization"), device=device)
    return ctx, h


def bundle_bytes(bundle_id: str, items: list[Item]) -> bytes:
    """The compact transaction Bundle line, `\\n`-terminated."""
    entries = [
        {"fullUrl": "urn:uuid:" + id_, "resource": res, "request": {"method": "PUT", "url": f"{rtype}/{id_}"}}
        for rtype, id_, res, _match, _role in items
    ]
    return _dumps({"resourceType": "Bundle", "identifier": {"system": U.SID_RESOURCE, "value": bundle_id},
                   "type": "transaction", "entry": entries}) + b"\n"


def _score(doc: dict[str, Any], result: dict[str, Any]) -> Ctx:
    ctx, _ = begin(doc, birth_date=doc.get("birth_date"))
    map_step1(ctx, doc, result)
    return ctx


def _assess(doc: dict[str, Any], result: dict[str, Any]) -> Ctx:
    ctx, _ = begin(doc)
    map_assessment(ctx, doc, result)
    return ctx


def _followup(doc: dict[str, Any], result: dict[str, Any]) -> Ctx:
    """§4.3: the newest screening's step-1 (its own H), the re-screen, one Task per alert."""
    latest_date = str(result["latest_date"]) if "latest_date" in result else None
    screenings = doc["screenings"]
    newest = max(screenings, key=lambda s: str(s["date"])) if latest_date is None else next(
        s for s in screenings if str(s["date"]) == latest_date)
    ctx, _ = begin(doc, birth_date=newest.get("birth_date"))
    child = ctx.child(f"{ctx.pk}|{doc_hash(newest)}|")
    panel = map_step1(child, newest, result["latest"], rescreen_due=None)
    add_rescreen(child, panel, str(newest["date"]), str(result["next_step1_due"]))
    for alert in result["alerts"]:
        map_alert(ctx, alert, child)
    return ctx


def _reconcile(doc: dict[str, Any], result: dict[str, Any]) -> Ctx:
    ctx, _ = begin(doc, device=True)
    map_reconciliation(ctx, doc, result)
    return ctx


def _risk(doc: dict[str, Any], result: dict[str, Any]) -> Ctx:
    ctx, _ = begin(doc)
    map_risk(ctx, doc, result, str(doc["date"]) if doc.get("date") else None)
    return ctx


def _review(doc: dict[str, Any], result: dict[str, Any]) -> Ctx:
    ctx, _ = begin(doc)
    map_review(ctx, doc, result)
    return ctx


#: document kind (parcours.kinds, those with `fhir`) -> builder(doc as parsed JSON, JSON result) -> Ctx
BUILDERS: dict[str, Callable[[dict[str, Any], dict[str, Any]], Ctx]] = {
    "icope.screening": _score, "icope.assessment": _assess, "icope.followup": _followup,
    "medisis.reconciliation": _reconcile, "medisis.risk": _risk, "medisis.review": _review,
}


def build(kind: str, doc: dict[str, Any], result: dict[str, Any]) -> tuple[str, list[Item]]:
    """(Bundle id, items) for one document of `kind` (`icope.screening`) and its JSON result.

    The Bundle id is keyed by the kind's command (`score`, docs/fhir.md §6.1), as it always was.
    """
    ctx = BUILDERS[kind](doc, result)
    h = ctx.prefix.rsplit("|", 2)[-2]
    spec = by_name(kind).command
    assert spec is not None, f"{kind} has a FHIR mapping, so a command (parcours.kinds)"
    command = spec[1]
    return rid("Bundle", f"{ctx.pk}|{h}|{command}"), ctx.sink.items
