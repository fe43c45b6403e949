"""Catalog part: the field errors, one `error.<code>` per stable code a check can raise."""

from collections.abc import Mapping
from typing import Final

PAIRS: Final[Mapping[str, tuple[str, str]]] = {
    # validation errors (codes of parcours.core.documents and of the domain checks)
    "error.missing": ("champ obligatoire manquant", "required field is missing"),
    "error.unknown_field": ("champ inconnu", "unknown field"),
    "error.not_integer": ("doit être un entier", "must be an integer"),
    "error.not_number": ("doit être un nombre", "must be a number"),
    "error.not_finite": ("doit être un nombre fini", "must be a finite number"),
    "error.not_boolean": ("doit être true ou false", "must be true or false"),
    "error.not_string": ("doit être une chaîne de caractères", "must be a string"),
    "error.string_too_short": ("doit contenir au moins {min} caractère(s)", "must have at least {min} character(s)"),
    "error.string_too_long": ("doit contenir au plus {max} caractère(s)", "must have at most {max} character(s)"),
    "error.bad_format": ("format invalide", "invalid format"),
    "error.not_one_of": ("doit être l'une des valeurs : {expected}", "must be one of: {expected}"),
    "error.ge": ("doit être ≥ {limit}", "must be ≥ {limit}"),
    "error.gt": ("doit être > {limit}", "must be > {limit}"),
    "error.le": ("doit être ≤ {limit}", "must be ≤ {limit}"),
    "error.lt": ("doit être < {limit}", "must be < {limit}"),
    "error.not_date": ("doit être une date AAAA-MM-JJ", "must be a YYYY-MM-DD date"),
    "error.not_list": ("doit être une liste", "must be a list"),
    "error.too_few_items": ("doit contenir au moins {min} élément(s)", "must have at least {min} item(s)"),
    "error.too_many_items": ("doit contenir au plus {max} élément(s)", "must have at most {max} item(s)"),
    "error.not_object": ("doit être un objet JSON", "must be a JSON object"),
    "error.invalid_json": (
        "document JSON invalide (UTF-8 attendu ; NaN et Infinity refusés)",
        "invalid JSON document (UTF-8 expected; NaN and Infinity refused)"),
    "error.too_deep": (
        "imbrication trop profonde (au plus {limit} niveaux)",
        "nested too deeply (at most {limit} levels)"),
    "error.nul_character": (
        "ne doit pas contenir de caractère NUL (\\u0000)",
        "must not contain a NUL character (\\u0000)"),  # issue 20
    "error.invalid": ("valeur invalide", "invalid value"),
    "error.not_absolute_uri": ("doit être une URI absolue", "must be an absolute URI"),
    "error.ins_invalid": (
        "INS invalide (13 caractères et une clé de contrôle de 2 chiffres)",
        "invalid INS (13 characters and a 2-digit check key)"),
    "error.identifier_and_ins": ("donner identifier ou ins, pas les deux", "give identifier or ins, not both"),
    "error.rpps_invalid": ("RPPS invalide (11 chiffres)", "invalid RPPS (11 digits)"),
    "error.finess_invalid": (
        "FINESS invalide (2 chiffres ou 2A/2B, puis 7 chiffres)",
        "invalid FINESS (2 digits or 2A/2B, then 7 digits)"),
    "error.birth_date_mismatch": ("diffère de birth_date du document", "differs from the document's birth_date"),
    "error.required_by_option": ("obligatoire avec l'option {option}", "required by the option {option}"),
    "error.duplicate_date": ("deux dépistages à la même date ({date})", "two screenings on the same date ({date})"),
    "error.unknown_rule": ("règle inconnue : {rule}", "unknown rule: {rule}"),
    "error.not_acuity": (
        "acuité invalide : un décimal > 0 ou une fraction comme 4/10 ou 6/12",
        "invalid acuity: a decimal > 0 or a fraction such as 4/10 or 6/12"),
    "error.not_near_acuity": (
        "acuité de près invalide : P1,5 à P20 (Parinaud) ou N5 à N48",
        "invalid near acuity: P1.5 to P20 (Parinaud) or N5 to N48"),
    "error.exclusive": ("ne pas donner avec {other}", "must not be given with {other}"),
    "error.one_required": ("donner {first} ou {second}", "give {first} or {second}"),
    "error.date_after": ("ne peut pas être après {other}", "cannot be after {other}"),
    "error.not_equal_length": ("doit contenir exactement {count} éléments", "must have exactly {count} items"),
    # plausible input (issue 15; docs/plausibility.md)
    "error.future_date": ("ne peut pas être après aujourd'hui ({today})", "cannot be after today ({today})"),
    "error.birth_date_differs": (
        "diffère de {other} (une seule date de naissance par personne)",
        "differs from {other} (one birth date per person)"),
    "error.implausible": (
        "valeur invraisemblable : attendue entre {low} et {high}{unit}",
        "implausible value: expected between {low} and {high}{unit}"),
    "error.implausible_hb_g_l": (
        ("valeur invraisemblable : attendue entre {low} et {high}{unit} — une valeur en g/L se divise par 10 (95 g/L "
         "= 9,5 g/dL)"),
        ("implausible value: expected between {low} and {high}{unit} — a value in g/L is divided by 10 (95 g/L = "
         "9.5 g/dL)")),
    "error.implausible_creatinine_mg_dl": (
        ("valeur invraisemblable : attendue entre {low} et {high}{unit} — une valeur en mg/dL se multiplie par 88,4 "
         "(1,2 mg/dL = 106 µmol/L)"),
        ("implausible value: expected between {low} and {high}{unit} — a value in mg/dL is multiplied by 88.4 (1.2 "
         "mg/dL = 106 µmol/L)")),
    # --- medisis ---
    "error.unknown_bm_id": ("aucune ligne du bilan n'a l'id {id}", "no bm line has the id {id}"),
    "error.bm_already_paired": (
        "la ligne du bilan {id} est déjà appariée à l'ordonnance {order}",
        "bm line {id} is already paired with order {order}"),
    "error.equivalence_unpaired": (
        "equivalence: true sur une ligne non appariée : indiquer bm_id",
        "equivalence: true on an unpaired line: set bm_id"),
    "error.answer_on_both_lines": (
        "réponse déjà donnée sur l'autre ligne de la paire ({other})",
        "answer already given on the other line of the pair ({other})"),
    "error.duplicate_id": ("identifiant en double : {id}", "duplicate id: {id}"),
    "error.drug_identification_missing": (
        "identification du médicament manquante : donner atc, cis, cip13 ou ucd13",
        "drug identification missing: give atc, cis, cip13 or ucd13"),
    "error.frequency_forms": (
        "donner soit times_per_day, soit times, every et period",
        "give either times_per_day, or times, every and period"),
    "error.cip13_format": (
        "CIP13 invalide : 13 chiffres commençant par 34009",
        "invalid CIP13: 13 digits starting with 34009"),
    "error.ucd13_format": (
        "UCD13 invalide : 13 chiffres commençant par 34008",
        "invalid UCD13: 13 digits starting with 34008"),
    "error.check_digit": ("clé de contrôle EAN-13 invalide", "invalid EAN-13 check digit"),
    "error.not_for_variant": ("sans objet pour la variante {variant}", "not used by the {variant} variant"),
    "error.not_above": ("ne peut pas dépasser {other}", "cannot exceed {other}"),
    "error.dni_without_patients": (
        "des DNI sont comptées mais patients_with_dni vaut 0",
        "DNI are counted but patients_with_dni is 0"),
    "error.required_with": ("obligatoire avec {other}", "required with {other}"),
    "error.bad_bands": (
        "classes invalides : bornes entières distinctes, la plus basse à 0, une classe high",
        "invalid bands: distinct integer bounds, the lowest 0, a band named high"),
    "error.bad_kind": ("type attendu : {kind}", "expected type: {kind}"),
    "error.bad_toml": ("fichier TOML invalide : {reason}", "invalid TOML file: {reason}"),
    "error.bad_equivalence": (
        "équivalence invalide : un code from_* et un code to_* (atc, cis, ucd13, cip13), note facultative",
        "invalid equivalence: one from_* and one to_* code (atc, cis, ucd13, cip13), optional note"),
    "error.subcode_mismatch": (
        "sous-code incompatible avec le problème {problem}",
        "sub-code does not belong to problem {problem}"),
    "error.not_configured": ("non configuré ({key})", "not configured ({key})"),
    "error.not_in_form": ("champ absent du formulaire configuré", "field not in the configured form"),
}
