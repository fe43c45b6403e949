"""The one message catalog: French first (the default), English second.

Every user-facing sentence of the CLI, TUI and reports comes from here. Keys are stable;
placeholders use `str.format` names, and a test checks that both languages have the same keys
and the same placeholders.
"""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter
from typing import Final

from parcours.core.errors import FieldIssue, format_path
from parcours.lang import LANGS, Lang, detect_lang

__all__ = ["CATALOG", "EN", "FR", "LANGS", "Lang", "detect_lang", "message", "placeholders", "render_error", "render_issue"]

FR: Final[dict[str, str]] = {
    # validation errors (codes of parcours.core.documents and of the domain checks)
    "error.missing": "champ obligatoire manquant",
    "error.unknown_field": "champ inconnu",
    "error.not_integer": "doit être un entier",
    "error.not_number": "doit être un nombre",
    "error.not_finite": "doit être un nombre fini",
    "error.not_boolean": "doit être true ou false",
    "error.not_string": "doit être une chaîne de caractères",
    "error.string_too_short": "doit contenir au moins {min} caractère(s)",
    "error.string_too_long": "doit contenir au plus {max} caractère(s)",
    "error.bad_format": "format invalide",
    "error.not_one_of": "doit être l'une des valeurs : {expected}",
    "error.ge": "doit être ≥ {limit}",
    "error.gt": "doit être > {limit}",
    "error.le": "doit être ≤ {limit}",
    "error.lt": "doit être < {limit}",
    "error.not_date": "doit être une date AAAA-MM-JJ",
    "error.not_list": "doit être une liste",
    "error.too_few_items": "doit contenir au moins {min} élément(s)",
    "error.too_many_items": "doit contenir au plus {max} élément(s)",
    "error.not_object": "doit être un objet JSON",
    "error.invalid_json": "document JSON invalide (UTF-8 attendu ; NaN et Infinity refusés)",
    "error.too_deep": "imbrication trop profonde (au plus {limit} niveaux)",
    "error.nul_character": "ne doit pas contenir de caractère NUL (\\u0000)",  # issue 20
    "error.invalid": "valeur invalide",
    "error.not_absolute_uri": "doit être une URI absolue",
    "error.ins_invalid": "INS invalide (13 caractères et une clé de contrôle de 2 chiffres)",
    "error.identifier_and_ins": "donner identifier ou ins, pas les deux",
    "error.rpps_invalid": "RPPS invalide (11 chiffres)",
    "error.finess_invalid": "FINESS invalide (2 chiffres ou 2A/2B, puis 7 chiffres)",
    "error.birth_date_mismatch": "diffère de birth_date du document",
    "error.required_by_option": "obligatoire avec l'option {option}",
    "error.duplicate_date": "deux dépistages à la même date ({date})",
    "error.unknown_rule": "règle inconnue : {rule}",
    "error.not_acuity": "acuité invalide : un décimal > 0 ou une fraction comme 4/10 ou 6/12",
    "error.not_near_acuity": "acuité de près invalide : P1,5 à P20 (Parinaud) ou N5 à N48",
    "error.exclusive": "ne pas donner avec {other}",
    "error.one_required": "donner {first} ou {second}",
    "error.date_after": "ne peut pas être après {other}",
    "error.not_equal_length": "doit contenir exactement {count} éléments",
    # plausible input (issue 15; docs/plausibility.md)
    "error.future_date": "ne peut pas être après aujourd'hui ({today})",
    "error.birth_date_differs": "diffère de {other} (une seule date de naissance par personne)",
    "error.implausible": "valeur invraisemblable : attendue entre {low} et {high}{unit}",
    "error.implausible_hb_g_l": "valeur invraisemblable : attendue entre {low} et {high}{unit} — une valeur en g/L se divise par 10 (95 g/L = 9,5 g/dL)",
    "error.implausible_creatinine_mg_dl": "valeur invraisemblable : attendue entre {low} et {high}{unit} — une valeur en mg/dL se multiplie par 88,4 (1,2 mg/dL = 106 µmol/L)",
    # CLI
    "cli.description": "Parcours ICOPE et MEDISIS : dépistage, suivi, conciliation médicamenteuse. Sans argument : l'application en terminal.",
    "cli.invalid_document": "{source} : document invalide",
    "cli.cannot_read": "impossible de lire {source} : {reason}",
    "cli.batch_summary": "{bad} ligne(s) invalide(s) sur {total}",
    "cli.interrupted": "interrompu",
    "cli.stdin": "(entrée standard)",
    "cli.usage_error": "erreur d'utilisation : {detail}",
    "cli.help.lang": "langue des messages (défaut : la locale, sinon le français)",
    "cli.help.db": "base de données (URL SQLAlchemy ; défaut : PARCOURS_DATABASE_URL, sinon un fichier SQLite)",
    "cli.help.version": "affiche la version et quitte",
    "cli.help.file": "document JSON à lire, ou - pour l'entrée standard",
    "cli.help.batch": "lit du NDJSON (un document par ligne) et écrit un résultat par ligne",
    "cli.help.group.icope": "ICOPE : dépistage (étape 1), évaluation (étape 2), suivi",
    "cli.help.group.medisis": "MEDISIS : conciliation, risque de réhospitalisation, pertinence, indicateurs",
    "cli.help.icope.score": "score le dépistage ICOPE étape 1 d'un document",
    "cli.help.icope.assess": "score un instrument de l'étape 2 (SPPB, MNA-SF, GDS-15, PHQ-9, MoCA, Mini-Cog, MMSE, acuité, audiométrie, hearWHO)",
    "cli.help.icope.followup": "alertes de suivi (règles D1–D6) et prochaine échéance",
    "cli.help.medisis.reconcile": "conciliation médicamenteuse (admission, transfert, sortie)",
    "cli.help.medisis.risk": "score de risque de réhospitalisation (LACE, HOSPITAL, TRST)",
    "cli.help.medisis.review": "révision de pertinence (STOPP/START, charge anticholinergique)",
    "cli.help.medisis.indicators": "indicateurs du parcours pour un site et une période",
    # ICOPE labels (TUI, reports)
    "icope.domain.cognition": "Cognition",
    "icope.domain.locomotion": "Locomotion",
    "icope.domain.nutrition": "Nutrition",
    "icope.domain.vision": "Vision",
    "icope.domain.hearing": "Audition",
    "icope.domain.psychology": "Psychologie",
    "icope.result.positive": "positif",
    "icope.result.negative": "négatif",
    "icope.result.incomplete": "incomplet",
    # --- medisis ---
    "error.unknown_bm_id": "aucune ligne du bilan n'a l'id {id}",
    "error.bm_already_paired": "la ligne du bilan {id} est déjà appariée à l'ordonnance {order}",
    "error.equivalence_unpaired": "equivalence: true sur une ligne non appariée : indiquer bm_id",
    "error.answer_on_both_lines": "réponse déjà donnée sur l'autre ligne de la paire ({other})",
    "error.duplicate_id": "identifiant en double : {id}",
    "error.drug_identification_missing": "identification du médicament manquante : donner atc, cis, cip13 ou ucd13",
    "error.frequency_forms": "donner soit times_per_day, soit times, every et period",
    "error.cip13_format": "CIP13 invalide : 13 chiffres commençant par 34009",
    "error.ucd13_format": "UCD13 invalide : 13 chiffres commençant par 34008",
    "error.check_digit": "clé de contrôle EAN-13 invalide",
    "error.not_for_variant": "sans objet pour la variante {variant}",
    "error.not_above": "ne peut pas dépasser {other}",
    "error.dni_without_patients": "des DNI sont comptées mais patients_with_dni vaut 0",
    "error.required_with": "obligatoire avec {other}",
    "error.bad_bands": "classes invalides : bornes entières distinctes, la plus basse à 0, une classe high",
    "error.bad_kind": "type attendu : {kind}",
    "error.bad_toml": "fichier TOML invalide : {reason}",
    "error.bad_equivalence": "équivalence invalide : un code from_* et un code to_* (atc, cis, ucd13, cip13), note facultative",
    "error.subcode_mismatch": "sous-code incompatible avec le problème {problem}",
    "error.not_configured": "non configuré ({key})",
    "error.not_in_form": "champ absent du formulaire configuré",
}

EN: Final[dict[str, str]] = {
    "error.missing": "required field is missing",
    "error.unknown_field": "unknown field",
    "error.not_integer": "must be an integer",
    "error.not_number": "must be a number",
    "error.not_finite": "must be a finite number",
    "error.not_boolean": "must be true or false",
    "error.not_string": "must be a string",
    "error.string_too_short": "must have at least {min} character(s)",
    "error.string_too_long": "must have at most {max} character(s)",
    "error.bad_format": "invalid format",
    "error.not_one_of": "must be one of: {expected}",
    "error.ge": "must be ≥ {limit}",
    "error.gt": "must be > {limit}",
    "error.le": "must be ≤ {limit}",
    "error.lt": "must be < {limit}",
    "error.not_date": "must be a YYYY-MM-DD date",
    "error.not_list": "must be a list",
    "error.too_few_items": "must have at least {min} item(s)",
    "error.too_many_items": "must have at most {max} item(s)",
    "error.not_object": "must be a JSON object",
    "error.invalid_json": "invalid JSON document (UTF-8 expected; NaN and Infinity refused)",
    "error.too_deep": "nested too deeply (at most {limit} levels)",
    "error.nul_character": "must not contain a NUL character (\\u0000)",  # issue 20
    "error.invalid": "invalid value",
    "error.not_absolute_uri": "must be an absolute URI",
    "error.ins_invalid": "invalid INS (13 characters and a 2-digit check key)",
    "error.identifier_and_ins": "give identifier or ins, not both",
    "error.rpps_invalid": "invalid RPPS (11 digits)",
    "error.finess_invalid": "invalid FINESS (2 digits or 2A/2B, then 7 digits)",
    "error.birth_date_mismatch": "differs from the document's birth_date",
    "error.required_by_option": "required by the option {option}",
    "error.duplicate_date": "two screenings on the same date ({date})",
    "error.unknown_rule": "unknown rule: {rule}",
    "error.not_acuity": "invalid acuity: a decimal > 0 or a fraction such as 4/10 or 6/12",
    "error.not_near_acuity": "invalid near acuity: P1.5 to P20 (Parinaud) or N5 to N48",
    "error.exclusive": "must not be given with {other}",
    "error.one_required": "give {first} or {second}",
    "error.date_after": "cannot be after {other}",
    "error.not_equal_length": "must have exactly {count} items",
    # plausible input (issue 15; docs/plausibility.md)
    "error.future_date": "cannot be after today ({today})",
    "error.birth_date_differs": "differs from {other} (one birth date per person)",
    "error.implausible": "implausible value: expected between {low} and {high}{unit}",
    "error.implausible_hb_g_l": "implausible value: expected between {low} and {high}{unit} — a value in g/L is divided by 10 (95 g/L = 9.5 g/dL)",
    "error.implausible_creatinine_mg_dl": "implausible value: expected between {low} and {high}{unit} — a value in mg/dL is multiplied by 88.4 (1.2 mg/dL = 106 µmol/L)",
    "cli.description": "ICOPE and MEDISIS pathways: screening, follow-up, medication reconciliation. Without arguments: the terminal application.",
    "cli.invalid_document": "{source}: invalid document",
    "cli.cannot_read": "cannot read {source}: {reason}",
    "cli.batch_summary": "{bad} invalid line(s) out of {total}",
    "cli.interrupted": "interrupted",
    "cli.stdin": "(standard input)",
    "cli.usage_error": "usage error: {detail}",
    "cli.help.lang": "language of messages (default: the locale, else French)",
    "cli.help.db": "database (SQLAlchemy URL; default: PARCOURS_DATABASE_URL, else an SQLite file)",
    "cli.help.version": "print the version and exit",
    "cli.help.file": "JSON document to read, or - for standard input",
    "cli.help.batch": "read NDJSON (one document per line) and write one result per line",
    "cli.help.group.icope": "ICOPE: screening (step 1), assessment (step 2), follow-up",
    "cli.help.group.medisis": "MEDISIS: reconciliation, readmission risk, relevance review, indicators",
    "cli.help.icope.score": "score the ICOPE step-1 screening of a document",
    "cli.help.icope.assess": "score a step-2 instrument (SPPB, MNA-SF, GDS-15, PHQ-9, MoCA, Mini-Cog, MMSE, acuity, audiometry, hearWHO)",
    "cli.help.icope.followup": "follow-up alerts (rules D1–D6) and the next due date",
    "cli.help.medisis.reconcile": "medication reconciliation (admission, transfer, discharge)",
    "cli.help.medisis.risk": "readmission-risk score (LACE, HOSPITAL, TRST)",
    "cli.help.medisis.review": "medication relevance review (STOPP/START, anticholinergic burden)",
    "cli.help.medisis.indicators": "pathway indicators for a site and a period",
    "icope.domain.cognition": "Cognition",
    "icope.domain.locomotion": "Locomotion",
    "icope.domain.nutrition": "Nutrition",
    "icope.domain.vision": "Vision",
    "icope.domain.hearing": "Hearing",
    "icope.domain.psychology": "Psychology",
    "icope.result.positive": "positive",
    "icope.result.negative": "negative",
    "icope.result.incomplete": "incomplete",
    # --- medisis ---
    "error.unknown_bm_id": "no bm line has the id {id}",
    "error.bm_already_paired": "bm line {id} is already paired with order {order}",
    "error.equivalence_unpaired": "equivalence: true on an unpaired line: set bm_id",
    "error.answer_on_both_lines": "answer already given on the other line of the pair ({other})",
    "error.duplicate_id": "duplicate id: {id}",
    "error.drug_identification_missing": "drug identification missing: give atc, cis, cip13 or ucd13",
    "error.frequency_forms": "give either times_per_day, or times, every and period",
    "error.cip13_format": "invalid CIP13: 13 digits starting with 34009",
    "error.ucd13_format": "invalid UCD13: 13 digits starting with 34008",
    "error.check_digit": "invalid EAN-13 check digit",
    "error.not_for_variant": "not used by the {variant} variant",
    "error.not_above": "cannot exceed {other}",
    "error.dni_without_patients": "DNI are counted but patients_with_dni is 0",
    "error.required_with": "required with {other}",
    "error.bad_bands": "invalid bands: distinct integer bounds, the lowest 0, a band named high",
    "error.bad_kind": "expected type: {kind}",
    "error.bad_toml": "invalid TOML file: {reason}",
    "error.bad_equivalence": "invalid equivalence: one from_* and one to_* code (atc, cis, ucd13, cip13), optional note",
    "error.subcode_mismatch": "sub-code does not belong to problem {problem}",
    "error.not_configured": "not configured ({key})",
    "error.not_in_form": "field not in the configured form",
}



def _merge_parts() -> None:
    """Add the area parts of `parcours.catalog` (store, FHIR, reports, TUI) to FR and EN."""
    import importlib

    from parcours.catalog import PARTS

    for name in PARTS:
        part = importlib.import_module(name)
        for base, extra in ((FR, part.FR), (EN, part.EN)):
            clash = base.keys() & extra.keys()
            if clash:
                raise RuntimeError(f"catalog keys defined twice ({name}): {sorted(clash)}")
            base.update(extra)


_merge_parts()

CATALOG: Final[Mapping[Lang, Mapping[str, str]]] = {"fr": FR, "en": EN}


def placeholders(text: str) -> frozenset[str]:
    """The `{name}` fields of a catalog entry."""
    return frozenset(name for _, name, _, _ in Formatter().parse(text) if name)


def message(key: str, lang: Lang = "fr", /, **params: object) -> str:
    """One catalog entry, formatted; a missing key is a bug and raises KeyError."""
    text = CATALOG[lang][key]
    return text.format(**params) if params else text


def render_issue(issue: FieldIssue, lang: Lang = "fr") -> str:
    """`path: message` for one bad field, in the user's language."""
    key = f"error.{issue.code}"
    table = CATALOG[lang]
    text = table.get(key) or table["error.invalid"]
    try:
        body = text.format(**issue.params)
    except (KeyError, IndexError):
        body = table["error.invalid"]
    return f"{format_path(issue.path)}: {body}"


def render_error(exc: Exception, lang: Lang = "fr") -> str:
    """One text for a typed error: a StoreError by its stable code, an InvalidInput field by field.

    Why here: the CLI and the TUI render a store's error the same way, and neither imports the other.
    """
    from parcours.core.errors import InvalidInput

    if isinstance(exc, InvalidInput):
        return "\n".join(render_issue(issue, lang) for issue in exc.issues)
    params = dict(getattr(exc, "params", {}))
    if "entity" in params:
        params["entity"] = message(f"store.entity.{params['entity']}", lang)
    return message(f"store.{exc.code}", lang, **params)  # type: ignore[attr-defined]
