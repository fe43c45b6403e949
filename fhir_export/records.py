"""Database-only records as FHIR: care plans, stays, interventions, 30-day reviews (docs/fhir.md §4.4, §5.5, §5.6).

Why separate: these have no stateless command; their keys are `<pk>|<record kind>|<store id>|<role>`
and they point at resources of other records of the same patient (the screening a plan follows).
"""

from __future__ import annotations

from typing import Any

from fhir_export import urls as U
from fhir_export.emit import Ctx, rid_identifier
from fhir_export.medication import add_medication

__all__ = ["map_careplan", "map_consultation30", "map_intervention", "map_stay"]

_DEVENIR = {"accepted": ("1", "acceptée"), "not_accepted": ("2", "non acceptée"),
            "not_recorded": ("3", "non renseigné"), "accepted_modified": ("4", "acceptée avec modification")}
_ENCOUNTER_STATUS = frozenset({"planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled"})
_REVIEW_30D = {"coding": [{"system": U.CS_REVIEW, "code": "review_30d"}]}


def map_careplan(ctx: Ctx, doc: dict[str, Any], screening: Ctx | None, supporting: list[str]) -> None:
    """Goals and the CarePlan (§4.4); `supporting` = ids of the step-2 Observations that led to it."""
    goal_ids = []
    for index, text in enumerate(doc.get("goals") or ()):
        role = f"goal|{index}"
        id_, goal = ctx.new("Goal", role)
        goal["identifier"] = rid_identifier(id_)
        goal["lifecycleStatus"] = "active"
        goal["description"] = {"text": text}
        goal["subject"] = ctx.patient
        if doc.get("review_date"):
            goal["target"] = [{"dueDate": str(doc["review_date"])}]
        ctx.sink.add("Goal", id_, goal, None, role)
        goal_ids.append(id_)
    id_, plan = ctx.new("CarePlan", "careplan")
    plan["identifier"] = rid_identifier(id_)
    status = "completed" if doc.get("status") == "completed" else "active"
    plan["status"] = status
    plan["intent"] = "plan"
    plan["title"] = "Plan de soins personnalisé ICOPE"
    plan["subject"] = ctx.patient
    plan["period"] = {"start": str(doc["date"])}
    if ctx.actor is not None:
        plan["author"] = ctx.actor
    info = [ctx.ref("Observation", screening.id("Observation", "step1"))] if screening is not None else []
    info += [ctx.ref("Observation", i) for i in supporting]
    if info:
        plan["supportingInfo"] = info
    if goal_ids:
        plan["goal"] = [ctx.ref("Goal", i) for i in goal_ids]
    activities = []
    for item in doc.get("interventions") or ():
        detail: dict[str, Any] = {"kind": "ServiceRequest",
                                  "code": {"coding": [{"system": U.CS_INTERVENTION, "code": item["type"]}]}}
        if screening is not None and item.get("domain"):
            detail["reasonReference"] = [ctx.ref("Observation", screening.id("Observation", "step1|" + item["domain"]))]
        detail["status"] = "completed" if status == "completed" else "not-started"
        if item.get("due"):
            detail["scheduledPeriod"] = {"end": str(item["due"])}
        if item.get("assignee_role"):
            detail["description"] = str(item["assignee_role"])
        activities.append({"detail": detail})
    if activities:
        plan["activity"] = activities
    ctx.sink.add("CarePlan", id_, plan, None, "careplan")
    if status == "active":
        _plan_rescreen(ctx, id_, doc, screening)


def _plan_rescreen(ctx: Ctx, plan_id: str, doc: dict[str, Any], screening: Ctx | None) -> None:
    """The re-screen ServiceRequest an active plan sets: plan start + 6 months (docs/icope.md §3.1, docs/icope.md)."""
    from datetime import date

    from icope.careplan import rescreen_due

    due = rescreen_due(date.fromisoformat(str(doc["date"]))).isoformat()
    role = "rescreen|" + due
    id_, res = ctx.new("ServiceRequest", role)
    res["identifier"] = rid_identifier(id_)
    res["basedOn"] = [ctx.ref("CarePlan", plan_id)]
    res["status"] = "active"
    res["intent"] = "plan"
    res["code"] = {"coding": [{"system": U.CS_STEP1, "code": "screening", "display": "ICOPE step 1 screening"}]}
    res["subject"] = ctx.patient
    res["occurrenceDateTime"] = due
    res["authoredOn"] = str(doc["date"])
    if screening is not None:
        res["reasonReference"] = [ctx.ref("Observation", screening.id("Observation", "step1"))]
    ctx.sink.add("ServiceRequest", id_, res, None, role)


def map_stay(ctx: Ctx, doc: dict[str, Any]) -> None:
    """A stay as Encounter (§5.6), class IMP, serviceProvider the site."""
    id_, enc = ctx.new("Encounter", "stay")
    enc["identifier"] = rid_identifier(id_)
    status = doc.get("status")
    if status in _ENCOUNTER_STATUS:
        enc["status"] = status
    else:
        enc["status"] = "finished" if doc.get("discharge_date") else "in-progress"
    enc["class"] = {"system": U.V3_ACT_CODE, "code": "IMP"}
    enc["subject"] = ctx.patient
    period = {"start": str(doc["admission_date"])}
    if doc.get("discharge_date"):
        period["end"] = str(doc["discharge_date"])
    enc["period"] = period
    if ctx.org is not None:  # the site (docs/fhir.md "Who and where")
        enc["serviceProvider"] = ctx.org
    ctx.sink.add("Encounter", id_, enc, None, "stay")


def _datetime(value: str) -> str:
    """An R4 dateTime: a time without zone is not allowed, so a naive timestamp keeps its date."""
    text = str(value)
    if "T" in text and not (text.endswith("Z") or "+" in text[10:] or "-" in text[10:]):
        return text[:10]
    return text


def map_intervention(ctx: Ctx, doc: dict[str, Any]) -> None:
    """Analysed orders, proposal, analysis Task and Communication (§5.5)."""
    group = {"system": U.SID_PRESCRIPTION, "value": str(doc.get("stay") or doc["id"])}
    date = str(doc["date"])
    orders = []
    for index, drug in enumerate(doc["drugs"]):
        med = add_medication(ctx, drug)
        role = f"order|{index}"
        id_, mr = ctx.new("MedicationRequest", role)
        mr["identifier"] = rid_identifier(id_)
        mr["status"] = "active"
        mr["intent"] = "order"
        mr["medicationReference"] = ctx.ref("Medication", med)
        mr["subject"] = ctx.patient
        mr["groupIdentifier"] = group
        ctx.sink.add("MedicationRequest", id_, mr, None, role)
        orders.append((id_, med))
    proposal_id = None
    if doc.get("proposal"):
        proposal_id, mr = ctx.new("MedicationRequest", "proposal", U.P_INTERVENTION_SUGGESTION)
        mr["identifier"] = rid_identifier(proposal_id)
        mr["status"] = "active"
        mr["intent"] = "proposal"
        mr["medicationReference"] = ctx.ref("Medication", orders[0][1])
        mr["subject"] = ctx.patient
        mr["groupIdentifier"] = group
        mr["note"] = [{"text": doc["proposal"]}]
        ctx.sink.add("MedicationRequest", proposal_id, mr, None, "proposal")
    task_id, task = ctx.new("Task", "analysis", U.P_ANALYSIS_RESULT)
    task["identifier"] = rid_identifier(task_id)
    task["groupIdentifier"] = group
    task["status"] = "completed"
    if doc.get("outcome") in _DEVENIR:
        code, display = _DEVENIR[doc["outcome"]]
        task["businessStatus"] = {"coding": [{"system": U.CS_IP_DEVENIR, "code": code, "display": display}]}
    task["intent"] = "proposal"
    task["for"] = ctx.patient
    task["authoredOn"] = date
    task["performerType"] = [{"coding": [{"system": U.TRE_G15, "code": "21", "display": "Pharmacien"}]}]
    if ctx.actor is not None:
        task["owner"] = ctx.actor
    task["input"] = [
        {"type": {"text": "ligne de prescription analysée"}, "valueReference": ctx.ref("MedicationRequest", i)}
        for i, _ in orders
    ]
    output: list[dict[str, Any]] = [{"type": {"text": "résultat de l'analyse"}, "valueCode": doc["result"]}]
    if doc["result"] == "INTERVENTION":
        if doc.get("problem"):
            output.append({"type": {"text": "type de problème"},
                           "valueCodeableConcept": {"coding": [{"system": U.CS_IP_PROBLEM, "code": doc["problem"]}]}})
        if doc.get("intervention"):
            output.append({"type": {"text": "type d'intervention"},
                           "valueCodeableConcept": {"coding": [{"system": U.CS_IP_TYPE, "code": doc["intervention"]}]}})
    if doc.get("description"):
        output.append({"type": {"text": "commentaire"}, "valueString": doc["description"]})
    if proposal_id is not None:
        output.append({"type": {"text": "proposition"}, "valueReference": ctx.ref("MedicationRequest", proposal_id)})
    task["output"] = output
    ctx.sink.add("Task", task_id, task, None, "analysis")
    if doc.get("contacted_at"):
        id_, com = ctx.new("Communication", "communication")
        com["identifier"] = rid_identifier(id_)
        com["status"] = "completed"
        if doc.get("transmission"):
            com["medium"] = [{"text": doc["transmission"]}]
        com["subject"] = ctx.patient
        com["about"] = [ctx.ref("Task", task_id)]
        com["sent"] = _datetime(doc["contacted_at"])
        ctx.sink.add("Communication", id_, com, None, "communication")


def map_consultation30(ctx: Ctx, doc: dict[str, Any]) -> None:
    """The 30-day review (§5.6): due ServiceRequest; done Encounter (AMB) based on it.

    The scheduled Appointment is not written: R4 needs `start`/`end` instants for a booked
    appointment and the record keeps a date only (an open point for integrators, docs/fhir.md).
    """
    sr_id, sr = ctx.new("ServiceRequest", "review30")
    sr["identifier"] = rid_identifier(sr_id)
    done = doc.get("status") == "done" and bool(doc.get("performed_at"))
    sr["status"] = "completed" if done else "active"  # closed by the consultation (interchange §5.5)
    sr["intent"] = "plan"
    sr["code"] = _REVIEW_30D
    sr["subject"] = ctx.patient
    sr["occurrenceDateTime"] = str(doc["due_date"])
    ctx.sink.add("ServiceRequest", sr_id, sr, None, "review30")
    if done:
        id_, enc = ctx.new("Encounter", "review30|done")
        enc["identifier"] = rid_identifier(id_)
        enc["status"] = "finished"
        enc["class"] = {"system": U.V3_ACT_CODE, "code": "AMB"}
        enc["type"] = [_REVIEW_30D]
        enc["subject"] = ctx.patient
        enc["basedOn"] = [ctx.ref("ServiceRequest", sr_id)]
        enc["period"] = {"start": str(doc["performed_at"])}
        if ctx.org is not None:
            enc["serviceProvider"] = ctx.org
        ctx.sink.add("Encounter", id_, enc, None, "review30|done")
