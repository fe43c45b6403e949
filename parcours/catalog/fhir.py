"""Catalog part: messages of the fhir area (merged by parcours.messages)."""

from collections.abc import Mapping
from typing import Final

PAIRS: Final[Mapping[str, tuple[str, str]]] = {
    "fhir.validation_failed": (
        "erreur interne : la ressource FHIR {type} ({role}) n'est pas valide R4 : {detail}",
        "internal error: the FHIR resource {type} ({role}) is not valid R4: {detail}"),
    "fhir.export.out_not_empty": (
        "--out : le dossier {path} n'est pas vide (un export n'écrase jamais)",
        "--out: the folder {path} is not empty (an export never overwrites)"),
    "fhir.export.out_not_dir": ("--out : {path} n'est pas un dossier", "--out: {path} is not a folder"),
    "fhir.export.unknown_patient": ("--patient : patient inconnu : {id}", "--patient: unknown patient: {id}"),
    "fhir.export.cannot_write": (
        "--out : impossible d'écrire dans {path} : {reason}",
        "--out: cannot write to {path}: {reason}"),
    "fhir.export.progress": (
        "export FHIR : {patients} patient(s), {resources} ressource(s)",
        "FHIR export: {patients} patient(s), {resources} resource(s)"),
    # displays of the project's FHIR CodeSystems (fhir_export/artefacts.py), when no other part has them
    "fhir.display.icope-step1.screening": ("Dépistage ICOPE étape 1", "ICOPE step 1 screening"),
    "fhir.display.domain.cognition": ("Cognition", "Cognition"),
    "fhir.display.domain.locomotion": ("Locomotion", "Locomotion"),
    "fhir.display.domain.nutrition": ("Nutrition (vitalité)", "Nutrition (vitality)"),
    "fhir.display.domain.vision": ("Vision", "Vision"),
    "fhir.display.domain.hearing": ("Audition", "Hearing"),
    "fhir.display.domain.psychology": ("Psychologie (humeur)", "Psychology (mood)"),
    "fhir.display.icope-step2": (
        "Évaluation approfondie ICOPE étape 2 : {domain}",
        "ICOPE step 2 in-depth assessment: {domain}"),
    "fhir.display.icope-result.positive": ("positif", "positive"),
    "fhir.display.icope-result.negative": ("négatif", "negative"),
    "fhir.display.icope-result.incomplete": ("incomplet", "incomplete"),
    "fhir.display.icope-answer.correct": ("correct", "correct"),
    "fhir.display.icope-answer.wrong": ("erroné", "wrong"),
    "fhir.display.icope-answer.unknown": ("ne sait pas", "does not know"),
    "fhir.display.icope-answer.yes": ("oui", "yes"),
    "fhir.display.icope-answer.no": ("non", "no"),
    "fhir.display.icope-answer.pass": ("réussi", "pass"),
    "fhir.display.icope-answer.fail": ("échoué", "fail"),
    "fhir.display.icope-band": ("{instrument} : {band}", "{instrument}: {band}"),
    "fhir.display.sub.sppb.balance": ("SPPB : équilibre", "SPPB: balance"),
    "fhir.display.sub.sppb.gait": ("SPPB : vitesse de marche", "SPPB: gait speed"),
    "fhir.display.sub.sppb.chair": ("SPPB : levers de chaise", "SPPB: chair stands"),
    "fhir.display.sub.phq9.urgent": (
        "PHQ-9 : item 9 positif (idées suicidaires)",
        "PHQ-9: item 9 positive (thoughts of self-harm)"),
    "fhir.display.sub.moca.raw_score": ("MoCA : score brut", "MoCA: raw score"),
    "fhir.display.sub.visual_acuity.right_decimal": (
        "acuité visuelle droite (décimale)",
        "visual acuity, right eye (decimal)"),
    "fhir.display.sub.visual_acuity.left_decimal": (
        "acuité visuelle gauche (décimale)",
        "visual acuity, left eye (decimal)"),
    "fhir.display.sub.visual_acuity.near": ("acuité visuelle de près", "near visual acuity"),
    "fhir.display.risk.lace": ("score LACE", "LACE score"),
    "fhir.display.risk.lace_modified": ("score LACE modifié", "modified LACE score"),
    "fhir.display.risk.hospital": ("score HOSPITAL", "HOSPITAL score"),
    "fhir.display.risk.trst": ("score TRST", "TRST score"),
    "fhir.display.risk.item.length_of_stay": ("durée de séjour", "length of stay"),
    "fhir.display.risk.item.acuity": ("admission en urgence", "emergent admission"),
    "fhir.display.risk.item.comorbidity": ("comorbidités", "comorbidities"),
    "fhir.display.risk.item.ed_visits": ("passages aux urgences (6 mois)", "emergency department visits (6 months)"),
    "fhir.display.risk.item.hemoglobin": ("hémoglobine basse à la sortie", "low haemoglobin at discharge"),
    "fhir.display.risk.item.oncology": ("sortie d'un service d'oncologie", "discharge from an oncology service"),
    "fhir.display.risk.item.sodium": ("natrémie basse à la sortie", "low sodium at discharge"),
    "fhir.display.risk.item.procedure": ("acte pendant le séjour", "procedure during the stay"),
    "fhir.display.risk.item.index_admission": ("admission non programmée", "non-elective admission"),
    "fhir.display.risk.item.admissions": ("hospitalisations (12 mois)", "admissions (12 months)"),
    "fhir.display.risk.item.cognitive_impairment": ("troubles cognitifs", "cognitive impairment"),
    "fhir.display.risk.item.walking_difficulty_or_falls": (
        "difficultés à la marche ou chutes",
        "walking difficulty or falls"),
    "fhir.display.risk.item.five_or_more_medications": ("cinq médicaments ou plus", "five or more medications"),
    "fhir.display.risk.item.recent_ed_or_hospitalisation": (
        "passage aux urgences ou hospitalisation récents",
        "recent emergency visit or hospitalisation"),
    "fhir.display.risk.item.lives_alone_or_no_caregiver": ("vit seul(e) ou sans aidant", "lives alone or no caregiver"),
    "fhir.display.risk.item.professional_concern": ("inquiétude du professionnel", "professional concern"),
    "fhir.display.risk.item.adl_dependence": (
        "dépendance pour les activités de la vie quotidienne",
        "dependence in activities of daily living"),
    "fhir.display.review.rule": ("critère {rule}", "criterion {rule}"),
    "fhir.display.review.acb_total": ("charge anticholinergique totale (ACB)", "total anticholinergic burden (ACB)"),
    "fhir.display.review.acb": (
        "score anticholinergique (ACB) d'un médicament",
        "anticholinergic (ACB) score of one drug"),
    "fhir.display.review.review_30d": ("consultation d'évaluation à J+30", "30-day review consultation"),
    # issue 16 : réponse à un item d'un instrument de l'étape 2 (icope-instrument#<instrument>.<item>[.<n>])
    "fhir.display.item": ("{instrument} : réponse {item}", "{instrument}: answer {item}"),
}
