"""Catalog part: the command line's own words — description, document errors, help of the main commands."""

from collections.abc import Mapping
from typing import Final

PAIRS: Final[Mapping[str, tuple[str, str]]] = {
    # CLI
    "cli.description": (
        ("Parcours ICOPE et MEDISIS : dépistage, suivi, conciliation médicamenteuse. Sans argument : l'application "
         "en terminal."),
        ("ICOPE and MEDISIS pathways: screening, follow-up, medication reconciliation. Without arguments: the "
         "terminal application.")),
    "cli.invalid_document": ("{source} : document invalide", "{source}: invalid document"),
    "cli.cannot_read": ("impossible de lire {source} : {reason}", "cannot read {source}: {reason}"),
    "cli.batch_summary": ("{bad} ligne(s) invalide(s) sur {total}", "{bad} invalid line(s) out of {total}"),
    "cli.interrupted": ("interrompu", "interrupted"),
    "cli.stdin": ("(entrée standard)", "(standard input)"),
    "cli.usage_error": ("erreur d'utilisation : {detail}", "usage error: {detail}"),
    "cli.help.lang": (
        "langue des messages (défaut : la locale, sinon le français)",
        "language of messages (default: the locale, else French)"),
    "cli.help.db": (
        "base de données (URL SQLAlchemy ; défaut : PARCOURS_DATABASE_URL, sinon un fichier SQLite)",
        "database (SQLAlchemy URL; default: PARCOURS_DATABASE_URL, else an SQLite file)"),
    "cli.help.version": ("affiche la version et quitte", "print the version and exit"),
    "cli.help.file": (
        "document JSON à lire, ou - pour l'entrée standard",
        "JSON document to read, or - for standard input"),
    "cli.help.batch": (
        "lit du NDJSON (un document par ligne) et écrit un résultat par ligne",
        "read NDJSON (one document per line) and write one result per line"),
    "cli.help.group.icope": (
        "ICOPE : dépistage (étape 1), évaluation (étape 2), suivi",
        "ICOPE: screening (step 1), assessment (step 2), follow-up"),
    "cli.help.group.medisis": (
        "MEDISIS : conciliation, risque de réhospitalisation, pertinence, indicateurs",
        "MEDISIS: reconciliation, readmission risk, relevance review, indicators"),
    "cli.help.icope.score": (
        "score le dépistage ICOPE étape 1 d'un document",
        "score the ICOPE step-1 screening of a document"),
    "cli.help.icope.assess": (
        ("score un instrument de l'étape 2 (SPPB, MNA-SF, GDS-15, PHQ-9, MoCA, Mini-Cog, MMSE, acuité, audiométrie, "
         "hearWHO)"),
        "score a step-2 instrument (SPPB, MNA-SF, GDS-15, PHQ-9, MoCA, Mini-Cog, MMSE, acuity, audiometry, hearWHO)"),
    "cli.help.icope.followup": (
        "alertes de suivi (règles D1–D6) et prochaine échéance",
        "follow-up alerts (rules D1–D6) and the next due date"),
    "cli.help.medisis.reconcile": (
        "conciliation médicamenteuse (admission, transfert, sortie)",
        "medication reconciliation (admission, transfer, discharge)"),
    "cli.help.medisis.risk": (
        "score de risque de réhospitalisation (LACE, HOSPITAL, TRST)",
        "readmission-risk score (LACE, HOSPITAL, TRST)"),
    "cli.help.medisis.review": (
        "révision de pertinence (STOPP/START, charge anticholinergique)",
        "medication relevance review (STOPP/START, anticholinergic burden)"),
    "cli.help.medisis.indicators": (
        "indicateurs du parcours pour un site et une période",
        "pathway indicators for a site and a period"),
}
