"""ICOPE results as FHIR: step-1 screening, step-2 instrument, follow-up alerts (docs/fhir.md §4.1–§4.3).

Why this shape: `icope score --batch --format fhir` is the hot path (docs/fhir.md §7), so constant
fragments (codings, categories, answer components) are built once and shared between resources;
orjson serializes a shared dict as many times as it appears, and nothing here mutates one.
"""

from __future__ import annotations

from typing import Any

from fhir_export import urls as U
from icope.vocab import DOMAIN_NAMES
from fhir_export.emit import Ctx, rid_identifier

__all__ = ["map_alert", "map_assessment", "map_step1"]

DOMAINS = DOMAIN_NAMES
_SURVEY = [{"coding": [{"system": U.OBS_CATEGORY, "code": "survey", "display": "Survey"}]}]
_EXAM = [{"coding": [{"system": U.OBS_CATEGORY, "code": "exam", "display": "Exam"}]}]
_SCREENING = {"coding": [{"system": U.CS_STEP1, "code": "screening", "display": "ICOPE step 1 screening"}]}
_DOMAIN_CODE = {d: {"coding": [{"system": U.CS_STEP1, "code": d}]} for d in DOMAINS}
_STEP2_CODE = {d: {"coding": [{"system": U.CS_STEP2, "code": d}]} for d in DOMAINS}
_RESULT = {r: {"coding": [{"system": U.CS_RESULT, "code": r}]} for r in ("positive", "negative", "incomplete")}
_POS = [{"coding": [{"system": U.V3_INTERPRETATION, "code": "POS", "display": "Positive"}]}]
_NEG = [{"coding": [{"system": U.V3_INTERPRETATION, "code": "NEG", "display": "Negative"}]}]
_ABNORMAL = {"coding": [{"system": U.V3_INTERPRETATION, "code": "A", "display": "Abnormal"}]}
_NORMAL = {"coding": [{"system": U.V3_INTERPRETATION, "code": "N", "display": "Normal"}]}
#: docs/icope.md "Safety rules" (docs/icope.md §3.2 revised): a PHQ-9 with item 9 > 0 is critical abnormal.
_CRITICAL = {"coding": [{"system": U.V3_INTERPRETATION, "code": "AA", "display": "Critical abnormal"}]}
_SELF_HARM_FLAG = [{"url": U.EXT_FLAG, "valueCoding": {"system": U.CS_FLAG, "code": "self_harm_risk"}}]
#: alert rules whose Task is for today (Task.priority `stat`), the S1 safety rule
_STAT_RULES = frozenset({"S1"})
_INTERPRETATION = {"positive": _POS, "negative": _NEG}
_ANSWERS = frozenset({"correct", "wrong", "unknown", "yes", "no", "pass", "fail"})
#: step-1 items with a unit: item -> (unit, UCUM code) (docs/fhir.md §4.1 item 2)
_UNITS = {"chair_rise_seconds": ("s", "s"), "weight_loss_kg": ("kg", "kg"), "weight_kg": ("kg", "kg"),
          "audiometry_db": ("dB HL", "dB"), "hearwho_score": ("{score}", "{score}")}
_INSTRUMENT_CODE: dict[str, dict[str, Any]] = {}
_EXAM_INSTRUMENTS = frozenset({"sppb", "visual_acuity", "audiometry", "hearwho"})
#: docs/fhir.md §4.2 table: the confirmed standard coding of an instrument's total score.
#: standard codings of the totals, LOINC with its display (docs/interchange.md §5.5 revised: GDS-15 48545-8)
_STANDARD = {"phq9": (U.LOINC, "44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"),
             "mmse": (U.LOINC, "72106-8", "Total score [MMSE]"),
             "moca": (U.LOINC, "72172-0", "Total score [MoCA]"),
             "mna_sf": (U.LOINC, "107114-1", "Mini Nutritional Assessment Short Form total score"),
             "gds15": (U.LOINC, "48545-8", "Geriatric depression scale (GDS) short version total"),
             "mini_cog": (U.SNOMED, "713408000", None)}
_SCORE_UNIT = {"audiometry": ("dB HL", "dB"), "visual_acuity": ("decimal", "1")}
_COMMON_KEYS = frozenset({"instrument", "score", "max_score", "band", "abnormal"})
_COMPONENTS: dict[tuple[str, Any, type], dict[str, Any]] = {}
_CACHE_LIMIT = 8192


def _instrument(name: str) -> dict[str, Any]:
    coding = _INSTRUMENT_CODE.get(name)
    if coding is None:
        coding = _INSTRUMENT_CODE[name] = {"coding": [{"system": U.CS_INSTRUMENT, "code": name}]}
    return coding


def _component(code: str, value: Any, leaf: str) -> dict[str, Any]:
    """One step-1 item as a component, typed as docs/fhir.md §4.1 item 2 says (cached when repetitive)."""
    key = (code, value, type(value))
    comp = _COMPONENTS.get(key)
    if comp is not None:
        return comp
    comp = {"code": {"coding": [{"system": U.CS_STEP1, "code": code}]}}
    if leaf in _UNITS:
        unit, ucum = _UNITS[leaf]
        comp["valueQuantity"] = {"value": value, "unit": unit, "system": U.UCUM, "code": ucum}
    elif value is True or value is False:
        comp["valueBoolean"] = value
    elif isinstance(value, int):
        comp["valueInteger"] = value
    elif value in _ANSWERS:
        comp["valueCodeableConcept"] = {"coding": [{"system": U.CS_ANSWER, "code": value}]}
    elif isinstance(value, str):
        comp["valueString"] = value
    else:
        comp["valueQuantity"] = {"value": value}
    if len(_COMPONENTS) < _CACHE_LIMIT and not isinstance(value, float):
        _COMPONENTS[key] = comp
    return comp


def _components(prefix: str, items: dict[str, Any], out: list[dict[str, Any]]) -> None:
    """Answered items in input order, nested objects flattened (`cognition.orientation.year`)."""
    for name, value in items.items():
        if value is None:
            continue
        code = f"{prefix}.{name}"
        if isinstance(value, dict):
            _components(code, value, out)
        else:
            out.append(_component(code, value, name))


def map_step1(ctx: Ctx, doc: dict[str, Any], result: dict[str, Any], *, rescreen_due: str | None = "result") -> str:
    """Panel, six domain Observations, step-2 ServiceRequests, re-screen (§4.1); returns the panel id.

    `result` is the JSON result of docs/interchange.md §1 (str values; dates as ISO strings or dates).
    `rescreen_due`: "result" takes `next_step1_due`; None writes no re-screen (follow-up, §4.3).
    """
    sink, subject, actor = ctx.sink, ctx.patient, ctx.actor
    date = str(doc["date"])
    observer = ctx.observer()
    performer = [observer] if observer is not None else None
    domain_ids = [ctx.id("Observation", "step1|" + d) for d in DOMAINS]
    panel_id, panel = ctx.new("Observation", "step1")
    flags = result.get("flags")
    if flags:
        panel["extension"] = [{"url": U.EXT_FLAG, "valueCoding": {"system": U.CS_FLAG, "code": f}} for f in flags]
    panel["identifier"] = rid_identifier(panel_id)
    panel["status"] = "final"
    panel["category"] = _SURVEY
    panel["code"] = _SCREENING
    panel["subject"] = subject
    panel["effectiveDateTime"] = date
    panel_performer = list(performer or ())
    if doc.get("administered_by") == "self":
        panel_performer.append(subject)
    if panel_performer:
        panel["performer"] = panel_performer
    overall = str(result["overall"])
    panel["valueCodeableConcept"] = _RESULT[overall]
    if overall in _INTERPRETATION:
        panel["interpretation"] = _INTERPRETATION[overall]
    if doc.get("administered_by"):
        panel["method"] = {"coding": [{"system": U.CS_ADMINISTERED_BY, "code": doc["administered_by"]}]}
    panel["hasMember"] = [ctx.ref("Observation", i) for i in domain_ids]
    sink.add("Observation", panel_id, panel, None, "step1")
    domains = result["domains"]
    for domain, id_ in zip(DOMAINS, domain_ids, strict=True):
        outcome = domains[domain]
        res = sink.start("Observation", id_)
        reasons = outcome["reasons"]
        if reasons:
            res["extension"] = [
                {"url": U.EXT_REASON, "valueCoding": {"system": U.CS_REASON, "code": r}} for r in reasons
            ]
        res["identifier"] = rid_identifier(id_)
        res["status"] = "final"
        res["category"] = _SURVEY
        res["code"] = _DOMAIN_CODE[domain]
        res["subject"] = subject
        res["effectiveDateTime"] = date
        if performer:
            res["performer"] = performer
        value = str(outcome["result"])
        res["valueCodeableConcept"] = _RESULT[value]
        if value in _INTERPRETATION:
            res["interpretation"] = _INTERPRETATION[value]
        items = doc.get(domain)
        if items:
            comps: list[dict[str, Any]] = []
            _components(domain, items, comps)
            if comps:
                res["component"] = comps
        sink.add("Observation", id_, res, None, "step1|" + domain)
    for proposal in result["step2"]:
        domain = str(proposal["domain"])
        id_, res = ctx.new("ServiceRequest", "step2|" + domain)
        res["identifier"] = rid_identifier(id_)
        res["status"] = "active"
        res["intent"] = "proposal"
        res["code"] = _STEP2_CODE[domain]
        res["orderDetail"] = [_instrument(str(i)) for i in proposal["instruments"]]
        res["subject"] = subject
        res["authoredOn"] = date
        if actor is not None:
            res["requester"] = actor
        res["reasonReference"] = [ctx.ref("Observation", domain_ids[DOMAINS.index(domain)])]
        sink.add("ServiceRequest", id_, res, None, "step2|" + domain)
    if rescreen_due == "result":
        add_rescreen(ctx, panel_id, date, str(result["next_step1_due"]))
    weight = (doc.get("nutrition") or {}).get("weight_kg")
    if weight is not None:  # interchange §5.5: every measured weight, LOINC 29463-7 in kg
        from fhir_export.measures import add_measure

        add_measure(ctx, "weight_kg", weight, date, "step1|weight")
    return panel_id


def add_rescreen(ctx: Ctx, panel_id: str, date: str, due: str) -> None:
    """The re-screen ServiceRequest (§4.1 item 4)."""
    id_, res = ctx.new("ServiceRequest", "rescreen|" + due)
    res["identifier"] = rid_identifier(id_)
    res["status"] = "active"
    res["intent"] = "plan"
    res["code"] = _SCREENING
    res["subject"] = ctx.patient
    res["occurrenceDateTime"] = due
    res["authoredOn"] = date
    res["reasonReference"] = [ctx.ref("Observation", panel_id)]
    ctx.sink.add("ServiceRequest", id_, res, None, "rescreen|" + due)


def _value(code: str, value: Any) -> dict[str, Any] | None:
    comp: dict[str, Any] = {"code": _instrument(code)}
    if value is True or value is False:
        comp["valueBoolean"] = value
    elif isinstance(value, int):
        comp["valueInteger"] = value
    elif isinstance(value, float):
        comp["valueQuantity"] = {"value": value, "system": U.UCUM, "code": "1"}
    elif isinstance(value, str):
        comp["valueString"] = value
    else:
        return None
    return comp


def map_assessment(ctx: Ctx, doc: dict[str, Any], result: dict[str, Any], date: str | None = None) -> str:
    """The step-2 Observation (§4.2); returns its id."""
    name = str(result["instrument"])
    id_, res = ctx.new("Observation", "assess")
    urgent = bool(result.get("urgent"))
    if urgent:
        res["extension"] = _SELF_HARM_FLAG
    res["identifier"] = rid_identifier(id_)
    res["status"] = "final"
    res["category"] = _EXAM if name in _EXAM_INSTRUMENTS else _SURVEY
    codings = []
    if name in _STANDARD:
        system, code, display = _STANDARD[name]
        coding = {"system": system, "code": code}
        codings.append({**coding, "display": display} if display else coding)
    codings.append({"system": U.CS_INSTRUMENT, "code": name})
    res["code"] = {"coding": codings}
    res["subject"] = ctx.patient
    res["effectiveDateTime"] = str(date or doc["date"])
    if ctx.observer() is not None:
        res["performer"] = [ctx.observer()]
    unit, ucum = _SCORE_UNIT.get(name, ("{score}", "{score}"))
    res["valueQuantity"] = {"value": result["score"], "unit": unit, "system": U.UCUM, "code": ucum}
    band = {"coding": [{"system": U.CS_BAND, "code": f"{name}.{result['band']}"}]}
    res["interpretation"] = [_CRITICAL if urgent else _ABNORMAL if result["abnormal"] else _NORMAL, band]
    comps = []
    for key, value in result.items():
        if key in _COMMON_KEYS or value is None:
            continue
        pairs = value.items() if isinstance(value, dict) and key == "components" else [(key, value)]
        for sub, v in pairs:
            comp = _value(f"{name}.{sub}", v)
            if comp is not None:
                comps.append(comp)
    _item_answers(name, doc, comps)
    if comps:
        res["component"] = comps
    ctx.sink.add("Observation", id_, res, None, "assess")
    return id_


def _item_answers(name: str, doc: dict[str, Any], comps: list[dict[str, Any]]) -> None:
    """Every item answer of the document as a component (`<instrument>.<key>[.<n>]`, fhir_export/items.py):
    nothing entered is dropped (interchange §5.5), PHQ-9 item 9 among them."""
    from fhir_export.items import SKIPPED

    have = {c["code"]["coding"][0]["code"] for c in comps}
    for key, value in doc.items():
        if key in SKIPPED or value is None:
            continue
        pairs = [(f"{name}.{key}.{n}", v) for n, v in enumerate(value, 1)] if isinstance(value, list) else [
            (f"{name}.{key}", value)]
        for code, v in pairs:
            if code not in have and v is not None:
                comp = _value(code, v)
                if comp is not None:
                    comps.append(comp)


_TASK_STATUS = {"new": "requested", "confirmed": "in-progress", "closed": "completed", "refuted": "cancelled"}


def map_alert(ctx: Ctx, alert: dict[str, Any], focus_ctx: Ctx, status: str | None = None,
              focus_role: str | None = None) -> None:
    """An alert Task (§4.3; status from the stored alert's, §4.4); focus is the domain Observation.

    An S1 alert (docs/icope.md "Safety rules") focuses the PHQ-9 Observation (`focus_role`
    `assess`) and has priority `stat`: the safety assessment is due the same day.
    """
    rule, domain = str(alert["rule"]), str(alert["domain"])
    role = f"alert|{rule}|{domain}"
    # keyed by the screening (or PHQ-9) record it focuses: (patient, rule, domain, that record)
    # only, so adding older history or saving the alert as a record keeps its id (docs/fhir.md "Ids")
    id_ = focus_ctx.id("Task", role)
    res = ctx.sink.start("Task", id_)
    res["identifier"] = rid_identifier(id_)
    res["status"] = _TASK_STATUS.get(status or "new", "requested")
    res["intent"] = "proposal"
    if rule in _STAT_RULES:
        res["priority"] = "stat"
    res["code"] = {"coding": [{"system": U.CS_ALERT, "code": rule}]}
    res["focus"] = ctx.ref("Observation", focus_ctx.id("Observation", focus_role or "step1|" + domain))
    res["for"] = ctx.patient
    res["authoredOn"] = str(alert["date"])
    if ctx.actor is not None:
        res["owner"] = ctx.actor
    ctx.sink.add("Task", id_, res, None, role)
