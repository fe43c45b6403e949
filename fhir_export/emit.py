"""Where mapped resources go, and the actors every document carries (docs/fhir.md §3, §6).

Why: one mapping serves both outputs. A `Sink` in transaction mode gives `urn:uuid:` references
and no `id`; in bulk mode `<type>/<id>` references and an `id`. Shared resources (practitioner,
site, drug, the software) are emitted once per Bundle, or once per export in bulk mode.
"""

from __future__ import annotations

from typing import Any

from fhir_export import urls as U
from fhir_export.ids import business_identifier, rid

__all__ = ["SHARED_TYPES", "Ctx", "Sink", "add_actors", "rid_identifier"]

#: Types written once per export whatever the patient (docs/fhir.md §6.2).
SHARED_TYPES = frozenset({"Practitioner", "Organization", "PractitionerRole", "Device", "Medication"})

Resource = dict[str, Any]
#: One emitted resource: (type, rid, resource, conditional-create match "system|value", role).
Item = tuple[str, str, Resource, str, str]

_PROFESSIONS = {"physician": ("10", "Médecin"), "pharmacist": ("21", "Pharmacien"),
                "nurse": ("60", "Infirmier"), "physiotherapist": ("70", "Masseur-Kinésithérapeute")}


def _fr_type(code: str) -> dict[str, Any]:
    return {"coding": [{"system": U.FR_V2_0203, "code": code}]}


_IDNPS, _RPPS, _FINEG, _IDNST = _fr_type("IDNPS"), _fr_type("RPPS"), _fr_type("FINEG"), _fr_type("IDNST")
_INS_TYPE = {system: _fr_type(code) for system, code in U.INS_TYPES.items()}
_PI = {"coding": [{"system": U.V2_0203, "code": "PI"}]}


class Sink:
    """Resources in emission order, deduplicated by id."""

    __slots__ = ("bulk", "items", "seen", "shared")

    def __init__(self, bulk: bool = False, shared: set[str] | None = None) -> None:
        self.bulk = bulk
        self.items: list[Item] = []
        self.seen: set[str] = set()
        #: ids of shared resources already emitted (the export's set in bulk mode)
        self.shared: set[str] = self.seen if shared is None else shared

    def ref(self, rtype: str, id_: str) -> dict[str, str]:
        """A reference to a resource of this output."""
        return {"reference": f"{rtype}/{id_}"} if self.bulk else {"reference": "urn:uuid:" + id_}

    def start(self, rtype: str, id_: str) -> Resource:
        """A new resource dict: `resourceType`, plus `id` in bulk mode (docs/fhir.md §6.1, §6.2)."""
        return {"resourceType": rtype, "id": id_} if self.bulk else {"resourceType": rtype}

    def wants(self, rtype: str, id_: str) -> bool:
        """False when this resource was already emitted (build shared resources only once)."""
        return id_ not in (self.shared if rtype in SHARED_TYPES else self.seen)

    def add(self, rtype: str, id_: str, resource: Resource, match: str | None = None, role: str = "") -> None:
        """Emit `resource` unless already emitted; `match` defaults to its resource-id identifier."""
        bucket = self.shared if rtype in SHARED_TYPES else self.seen
        if id_ in bucket:
            return
        bucket.add(id_)
        self.items.append((rtype, id_, resource, match or f"{U.SID_RESOURCE}|{id_}", role))


class Ctx:
    """What the mapping of one document needs: the sink, key prefix and the actors' references."""

    __slots__ = ("actor", "device_ref", "patient", "pk", "prefix", "role", "sink")

    def __init__(self, sink: Sink, pk: str, prefix: str) -> None:
        self.sink = sink
        self.pk = pk
        self.prefix = prefix  # "<pk>|<H>|" or "<pk>|<kind>|<store id>|"
        self.patient: dict[str, str] = {}
        self.actor: dict[str, str] | None = None  # PractitionerRole, else Organization (§3)
        self.role: dict[str, str] | None = None  # the PractitionerRole only
        self.device_ref: dict[str, str] | None = None

    def id(self, rtype: str, role: str) -> str:
        """The rid of a resource produced from the document (docs/fhir.md §2.3)."""
        return rid(rtype, self.prefix + role)

    def new(self, rtype: str, role: str, profile: str | None = None) -> tuple[str, Resource]:
        """(rid, resource with resourceType[/id][/meta]) for a produced resource."""
        id_ = rid(rtype, self.prefix + role)
        res = self.sink.start(rtype, id_)
        if profile:
            res["meta"] = {"profile": [profile]}
        return id_, res

    def ref(self, rtype: str, id_: str) -> dict[str, str]:
        """A reference to a resource of this output."""
        return self.sink.ref(rtype, id_)

    def child(self, prefix: str) -> Ctx:
        """The same actors with another key prefix (a follow-up's newest screening, §4.3)."""
        other = Ctx(self.sink, self.pk, prefix)
        other.patient, other.actor, other.role, other.device_ref = self.patient, self.actor, self.role, self.device_ref
        return other


def rid_identifier(id_: str) -> list[dict[str, str]]:
    """`identifier` of a resource without a business identifier (docs/fhir.md §2.3)."""
    return [{"system": U.SID_RESOURCE, "value": id_}]


def _name(person: dict[str, Any], use: str | None) -> list[dict[str, Any]] | None:
    name: dict[str, Any] = {"use": use} if use else {}
    if person.get("family"):
        name["family"] = person["family"]
    given = person.get("given")
    if given:
        name["given"] = [given] if isinstance(given, str) else list(given)
    return [name] if len(name) > (1 if use else 0) else None


def _patient(ctx: Ctx, pk: str, patient: dict[str, Any] | None, birth_date: str | None) -> None:
    sink = ctx.sink
    id_ = rid("Patient", pk)
    ctx.patient = sink.ref("Patient", id_)
    if not sink.wants("Patient", id_):
        return
    res = sink.start("Patient", id_)
    res["meta"] = {"profile": [U.P_PATIENT]}
    ident = business_identifier(patient)
    if ident is None:
        res["identifier"] = rid_identifier(id_)
        match = None
    else:
        system, value = ident
        kind = _INS_TYPE.get(system)
        if kind is not None:
            res["identifier"] = [{"use": "official", "type": kind, "system": system, "value": value}]
        else:
            res["identifier"] = [{"use": "usual", "type": _PI, "system": system, "value": value}]
        match = f"{system}|{value}"
    patient = patient or {}
    name = _name(patient, "official")
    if name:
        res["name"] = name
    if patient.get("sex"):
        res["gender"] = patient["sex"]
    birth = patient.get("birth_date") or birth_date
    if birth:
        res["birthDate"] = str(birth)
    sink.add("Patient", id_, res, match, "patient")


def add_actors(
    ctx: Ctx,
    patient: dict[str, Any] | None,
    birth_date: str | None = None,
    practitioner: dict[str, Any] | None = None,
    organization: dict[str, Any] | None = None,
    *,
    device: bool = False,
) -> None:
    """Patient, Organization, Practitioner, PractitionerRole, Device, in this order (§3, §6.1)."""
    sink = ctx.sink
    _patient(ctx, ctx.pk, patient, birth_date)
    org_ref = None
    if organization:
        finess = organization["finess"]
        id_ = rid("Organization", f"{U.FINESS}|{finess}")
        org_ref = sink.ref("Organization", id_)
        if sink.wants("Organization", id_):
            res = sink.start("Organization", id_)
            res["meta"] = {"profile": [U.P_ORGANIZATION]}
            res["identifier"] = [
                {"use": "official", "type": _FINEG, "system": U.FINESS, "value": finess},
                {"use": "official", "type": _IDNST, "system": U.IDNST, "value": "1" + finess},
            ]
            if organization.get("name"):
                res["name"] = organization["name"]
            sink.add("Organization", id_, res, f"{U.FINESS}|{finess}", "organization")
        ctx.actor = org_ref
    if practitioner:
        rpps = practitioner["rpps"]
        pid = rid("Practitioner", f"{U.RPPS}|{rpps}")
        if sink.wants("Practitioner", pid):
            res = sink.start("Practitioner", pid)
            res["meta"] = {"profile": [U.P_PRACTITIONER]}
            res["identifier"] = [
                {"use": "official", "type": _IDNPS, "system": U.IDNPS, "value": "8" + rpps},
                {"use": "official", "type": _RPPS, "system": U.RPPS, "value": rpps},
            ]
            name = _name(practitioner, None)
            if name:
                res["name"] = name
            sink.add("Practitioner", pid, res, f"{U.RPPS}|{rpps}", "practitioner")
        role = practitioner.get("role")
        key = f"{rpps}|{organization['finess'] if organization else ''}|{role or ''}"
        rrid = rid("PractitionerRole", key)
        if sink.wants("PractitionerRole", rrid):
            res = sink.start("PractitionerRole", rrid)
            res["meta"] = {"profile": [U.P_PRACTITIONER_ROLE]}
            res["identifier"] = rid_identifier(rrid)
            res["practitioner"] = sink.ref("Practitioner", pid)
            if org_ref is not None:
                res["organization"] = org_ref
            if role in _PROFESSIONS:
                code, display = _PROFESSIONS[role]
                res["code"] = [{"coding": [{"system": U.TRE_G15, "code": code, "display": display}]}]
            elif role:
                res["code"] = [{"text": role}]
            sink.add("PractitionerRole", rrid, res, None, "practitioner-role")
        ctx.actor = ctx.role = sink.ref("PractitionerRole", rrid)
    if device and ctx.actor is None:
        did = rid("Device", "parcours")
        if sink.wants("Device", did):
            res = sink.start("Device", did)
            res["identifier"] = rid_identifier(did)
            res["deviceName"] = [{"name": "parcours", "type": "manufacturer-name"}]
            sink.add("Device", did, res, None, "device")
        ctx.device_ref = sink.ref("Device", did)
