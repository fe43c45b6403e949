"""Deterministic identities: resource ids, document hash, patient key (docs/fhir.md §2.3).

In the kernel because the store (a patient's FHIR id, a record's document hash) and the FHIR
exporter compute the same ids, and the store must not import an output package. Why: the same
input must give byte-identical output and a server must recognise a re-sent resource; every id is
a UUID v5 of content. `rid` computes the UUID v5 with hashlib directly
(RFC 4122 §4.3, checked against `uuid.uuid5` in the tests): 7× cheaper than building UUID objects.
"""

from __future__ import annotations

import uuid
from hashlib import sha1, sha256
from typing import Any

import orjson

from parcours.core.identifiers import INS_NIR_SYSTEM as INS_NIR

#: The base of every URL and id namespace of parcours; must never change once published (docs/fhir.md §2.1).
BASE = "https://parcours.example/fhir"

__all__ = ["BASE", "NS", "business_identifier", "doc_hash", "patient_key", "rid", "stored_patient_key"]

#: uuid5(NAMESPACE_URL, BASE) (docs/fhir.md §2.3).
NS = uuid.uuid5(uuid.NAMESPACE_URL, BASE)
_NS_BYTES = NS.bytes
_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}
_IDENTITY_KEYS = ("identifier", "ins", "family", "given")


def rid(rtype: str, key: str) -> str:
    """`str(uuid5(NS, rtype + "|" + key))`: version nibble 5, variant bits 10."""
    h = sha1(_NS_BYTES + f"{rtype}|{key}".encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


def doc_hash(doc: dict[str, Any]) -> str:
    """H: SHA-256 of the sorted-key document without its identity context (docs/fhir.md §2.3)."""
    if "practitioner" in doc or "organization" in doc or "patient" in doc:
        doc = {k: v for k, v in doc.items() if k != "practitioner" and k != "organization"}
        patient = doc.get("patient")
        if isinstance(patient, dict):
            clinical = {k: v for k, v in patient.items() if k not in _IDENTITY_KEYS}
            if clinical:
                doc["patient"] = clinical
            else:
                del doc["patient"]
    return sha256(orjson.dumps(doc, option=orjson.OPT_SORT_KEYS)).hexdigest()


def business_identifier(patient: dict[str, Any] | None) -> tuple[str, str] | None:
    """(system, value) of the patient's identifier: `identifier`, or `ins` with the INS-NIR OID."""
    if not patient:
        return None
    ident = patient.get("identifier")
    if ident:
        return ident["system"], ident["value"]
    if patient.get("ins"):
        return INS_NIR, patient["ins"]
    return None


def stored_patient_key(store_id: str | int, identifier: tuple[str, str] | None) -> str:
    """pk in the database export: `<system>|<value>` of the identifier (INS or other), as the
    stateless Bundle's, else `parcours-patient|<store id>` (docs/fhir.md "Ids", issue 16)."""
    if identifier is not None:
        return f"{identifier[0]}|{identifier[1]}"
    return f"parcours-patient|{store_id}"


def patient_key(patient: dict[str, Any] | None, h: str) -> str:
    """pk of a stateless document: `<system>|<value>`, else `doc|<H>` (docs/fhir.md §2.3)."""
    ident = business_identifier(patient)
    return f"{ident[0]}|{ident[1]}" if ident else f"doc|{h}"
