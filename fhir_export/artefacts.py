"""The project's CodeSystems and extension StructureDefinitions, as FHIR definitions (docs/fhir.md §2.1).

Why generated: the codes are the JSON contract's strings, so they come from the domain's own
vocabularies (enums, rule tables, result keys) and the displays from the message catalog; the
shipped files under `fhir_export/definitions/` are this module's output (a test keeps them equal).
Usage: python -m fhir_export.artefacts [--write]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

import orjson

from fhir_export import urls as U
from icope.vocab import DOMAIN_NAMES

if TYPE_CHECKING:
    from parcours.lang import Lang

__all__ = ["DEFINITIONS_DIR", "code_systems", "definitions", "structure_definitions", "write"]

DEFINITIONS_DIR = Path(__file__).resolve().parent / "definitions"
_DOMAINS = DOMAIN_NAMES
#: result keys of step-2 instruments written as components (docs/interchange.md §2; docs/fhir.md §4.2)
SUB_RESULTS = ("sppb.balance", "sppb.gait", "sppb.chair", "phq9.urgent", "moca.raw_score",
               "visual_acuity.right_decimal", "visual_acuity.left_decimal", "visual_acuity.near")
#: docs/interchange.md §4.2: the components of each readmission-risk score
RISK_ITEMS = {
    "lace": ("length_of_stay", "acuity", "comorbidity", "ed_visits"),
    "lace_modified": ("length_of_stay", "acuity", "comorbidity", "ed_visits"),
    "hospital": ("hemoglobin", "oncology", "sodium", "procedure", "index_admission", "admissions", "length_of_stay"),
    "trst": ("cognitive_impairment", "walking_difficulty_or_falls", "five_or_more_medications",
             "recent_ed_or_hospitalisation", "lives_alone_or_no_caregiver", "professional_concern", "adl_dependence"),
}
_TITLES = {
    "icope-step1": ("Dépistage ICOPE étape 1 : domaines et items", "ICOPE step-1 screening, domains and items"),
    "icope-result": ("Résultat d'un domaine ICOPE", "ICOPE domain result"),
    "icope-reason": ("Motif d'un domaine ICOPE positif", "Reason of a positive ICOPE domain"),
    "icope-flag": ("Signal ICOPE hors résultat", "ICOPE non-result signal"),
    "icope-answer": ("Réponse à un item ICOPE", "Answer to an ICOPE item"),
    "icope-administered-by": ("Qui a réalisé le dépistage ICOPE", "Who ran the ICOPE screening"),
    "icope-step2": ("Évaluation approfondie ICOPE étape 2", "ICOPE step-2 in-depth assessment"),
    "icope-instrument": ("Instrument ICOPE étape 2 et ses sous-résultats", "ICOPE step-2 instrument and sub-results"),
    "icope-band": ("Classe de score d'un instrument ICOPE", "ICOPE instrument score band"),
    "icope-alert": ("Règle d'alerte du suivi ICOPE", "ICOPE follow-up alert rule"),
    "icope-intervention": ("Intervention du plan de soins ICOPE", "ICOPE care-plan intervention"),
    "medisis-risk": ("Score de risque de réhospitalisation et ses items", "Readmission-risk score and items"),
    "medisis-review": ("Critère de la revue de pertinence MEDISIS", "MEDISIS relevance-review criterion"),
}


def _m(key: str, lang: Lang, **params: Any) -> str:
    from parcours.messages import message

    return message(key, lang, **params)


def _pair(key: str, **params: Any) -> tuple[str, str]:
    return _m(key, "fr", **params), _m(key, "en", **params)


def _composed(key: str, fixed: dict[str, Any] | None = None, **parts: str) -> tuple[str, str]:
    """(fr, en) of entry `key` whose parameters `parts` are catalog entries too (param -> their key)."""
    def one(lang: Lang) -> str:
        return _m(key, lang, **(fixed or {}), **{param: _m(part, lang) for param, part in parts.items()})

    return one("fr"), one("en")


def _concepts() -> dict[str, list[tuple[str, tuple[str, str]]]]:
    """name -> [(code, (fr, en))], from the domain vocabularies."""
    from icope.screening import ScreeningItems
    from icope.vocab import (
        AdministeredBy,
        DeclineRule,
        Domain,
        DomainResult,
        Instrument,
        InterventionType,
        SafetyRule,
    )
    from icope.outcome_codes import FLAGS, INSTRUMENT_BANDS, REASONS
    from medisis.review_data import RULE_IDS

    def items(prefix: str, model: Any) -> list[str]:
        out = []
        for name, field in model.model_fields.items():
            args = getattr(field.annotation, "__args__", (field.annotation,))
            inner = [a for a in args if hasattr(a, "model_fields")]
            out += items(f"{prefix}.{name}", inner[0]) if inner else [f"{prefix}.{name}"]
        return out

    step1 = [("screening", _pair("fhir.display.icope-step1.screening"))]
    step1 += [(d.value, _pair(f"fhir.display.domain.{d.value}")) for d in Domain]
    for d in Domain:
        model = get_args(ScreeningItems.model_fields[d.value].annotation)[0]  # `XItems | None`
        step1 += [(code, _pair(f"tui.s1.{code}")) for code in items(d.value, model)]
    instruments = [(i.value, _pair(f"report.instrument.{i.value}")) for i in Instrument]
    instruments += [(s, _pair(f"fhir.display.sub.{s}")) for s in SUB_RESULTS]
    from fhir_export.items import item_codes

    instruments += [(code, _composed("fhir.display.item", {"item": label}, instrument=f"report.instrument.{inst}"))
                    for code, inst, label in item_codes() if code not in SUB_RESULTS]
    bands = [(f"{i}.{b}", _composed("fhir.display.icope-band", instrument=f"report.instrument.{i}",
                                    band=f"report.band.{b}"))
             for i, names in INSTRUMENT_BANDS.items() for b in names]
    risk = []
    for score, names in RISK_ITEMS.items():
        risk.append((score, _pair(f"fhir.display.risk.{score}")))
        risk += [(f"{score}.{n}", _pair(f"fhir.display.risk.item.{n}")) for n in names]
    review = [(r, _pair("fhir.display.review.rule", rule=r)) for r in RULE_IDS]
    review += [(c, _pair(f"fhir.display.review.{c}")) for c in ("acb_total", "acb", "review_30d")]
    return {
        "icope-step1": step1,
        "icope-result": [(r.value, _pair(f"fhir.display.icope-result.{r.value}")) for r in DomainResult],
        "icope-reason": [(c, _pair(f"report.reason.{c}")) for c in REASONS],
        "icope-flag": [(c, _pair(f"report.flag.{c}")) for c in FLAGS],
        "icope-answer": [(c, _pair(f"fhir.display.icope-answer.{c}"))
                         for c in ("correct", "wrong", "unknown", "yes", "no", "pass", "fail")],
        "icope-administered-by": [(a.value, _pair(f"report.role.{a.value}")) for a in AdministeredBy],
        "icope-step2": [(d.value, _composed("fhir.display.icope-step2", domain=f"fhir.display.domain.{d.value}"))
                        for d in Domain],
        "icope-instrument": instruments,
        "icope-band": bands,
        "icope-alert": [(r, _pair(f"report.rule.{r}")) for r in (*DeclineRule, *SafetyRule)],
        "icope-intervention": [(t.value, _pair(f"report.intervention_type.{t.value}")) for t in InterventionType],
        "medisis-risk": risk,
        "medisis-review": review,
    }


def code_systems() -> list[dict[str, Any]]:
    """Every project CodeSystem (content complete, status active, French display, English designation)."""
    from parcours import __version__

    out = []
    for name, concepts in _concepts().items():
        title_fr, title_en = _TITLES[name]
        out.append({
            "resourceType": "CodeSystem", "id": name, "url": U.cs(name), "version": __version__,
            "name": "".join(part.capitalize() for part in name.split("-")), "title": title_fr,
            "status": "active", "experimental": False, "publisher": "parcours", "description": title_en,
            "caseSensitive": True, "content": "complete", "count": len(concepts),
            "concept": [{"code": code, "display": fr, "designation": [{"language": "en", "value": en}]}
                        for code, (fr, en) in concepts],
        })
    return out


def _extension(name: str, title: str, context: str, kind: str, system: str | None, max_: str) -> dict[str, Any]:
    from parcours import __version__

    url = U.sd(name)
    value: dict[str, Any] = {
        "id": "Extension.value[x]", "path": "Extension.value[x]", "min": 1, "type": [{"code": kind}],
    }
    if system is not None:
        value["patternCoding"] = {"system": system}
    return {
        "resourceType": "StructureDefinition", "id": name, "url": url, "version": __version__,
        "name": "".join(part.capitalize() for part in name.split("-")), "title": title, "status": "active",
        "experimental": False, "publisher": "parcours", "description": title, "fhirVersion": "4.0.1",
        "kind": "complex-type", "abstract": False, "context": [{"type": "element", "expression": context}],
        "type": "Extension", "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Extension",
        "derivation": "constraint",
        "differential": {"element": [
            {"id": "Extension", "path": "Extension", "short": title, "definition": title, "min": 0, "max": max_},
            {"id": "Extension.extension", "path": "Extension.extension", "max": "0"},
            {"id": "Extension.url", "path": "Extension.url", "fixedUri": url},
            value,
        ]},
    }


def structure_definitions() -> list[dict[str, Any]]:
    """The three extensions of docs/fhir.md §2.1."""
    return [
        _extension("icope-reason", "Motif d'un domaine ICOPE positif (ICOPE positive-domain reason)", "Observation",
                   "Coding", U.CS_REASON, "*"),
        _extension("icope-flag", "Signal ICOPE hors résultat (ICOPE non-result signal)", "Observation", "Coding",
                   U.CS_FLAG, "*"),
        _extension("medisis-intentional-documented",
                   "Divergence intentionnelle documentée (intentional discrepancy documented: DID / DIND)",
                   "MedicationStatement", "boolean", None, "1"),
    ]


def definitions() -> dict[str, dict[str, Any]]:
    """file name -> resource, for every shipped definition."""
    return {f"{r['resourceType']}-{r['id']}.json": r for r in code_systems() + structure_definitions()}


def write(folder: Path = DEFINITIONS_DIR) -> list[Path]:
    """Write the definitions as indented JSON; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, resource in definitions().items():
        path = folder / name
        path.write_bytes(orjson.dumps(resource, option=orjson.OPT_INDENT_2) + b"\n")
        written.append(path)
    return written


if __name__ == "__main__":
    if "--write" in sys.argv[1:]:
        for path in write():
            print(path)
    else:
        sys.stdout.buffer.write(orjson.dumps(list(definitions().values())) + b"\n")
