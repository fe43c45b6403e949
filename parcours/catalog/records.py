"""Catalog part: correcting and deleting saved records and patients (docs/interchange.md §5.5)."""

from collections.abc import Mapping
from typing import Final

PAIRS: Final[Mapping[str, tuple[str, str]]] = {
    "cli.help.group.records": ("dossiers enregistrés : corriger, supprimer", "saved records: correct, delete"),
    "cli.help.records.correct": (
        ("enregistre une version corrigée d'un dossier (document complet du même type) et recalcule alertes et "
         "échéances"),
        "store a corrected version of a record (a whole document of its kind) and recompute alerts and due dates"),
    "cli.help.records.delete": (
        "supprime un dossier (il quitte listes, listes de travail et exports ; le journal d'audit le garde)",
        "delete a record (it leaves lists, worklists and exports; the audit trail keeps it)"),
    "cli.help.patients.correct": (
        "corrige l'identité d'un patient (family, given, birth_date, sex, ins) ; les champs absents sont gardés",
        "correct a patient's identity (family, given, birth_date, sex, ins); fields not given are kept"),
    "cli.help.record_id": (
        "id du dossier (le champ id des records de patients show --json)",
        "record id (the id field of patients show --json records)"),
    "cli.help.correction_file": (
        "document JSON corrigé, ou - pour l'entrée standard",
        "corrected JSON document, or - for standard input"),
    "cli.help.records.version": (
        "version lue (records[].version de patients show --json) : refus si le dossier a changé depuis",
        "version read (records[].version of patients show --json): refused if the record changed since"),
    "cli.help.patients.version": (
        "version lue (version de patients show --json) : refus si le patient a changé depuis",
        "version read (version of patients show --json): refused if the patient changed since"),
    "cli.help.records.reason": (
        "motif de la suppression (gardé dans le journal d'audit)",
        "why the record is deleted (kept in the audit trail)"),
    "records.corrected": ("dossier {id} corrigé : version {version}", "record {id} corrected: version {version}"),
    "records.unchanged": (
        "dossier {id} inchangé : le document est identique à la version {version}",
        "record {id} unchanged: the document is the same as version {version}"),
    "records.deleted": (
        "dossier {id} supprimé (motif gardé dans le journal d'audit)",
        "record {id} deleted (reason kept in the audit trail)"),
    "records.empty_reason": (
        "--reason : motif obligatoire (texte non vide)",
        "--reason: a reason is required (non-empty text)"),
    "patients.corrected": ("patient {id} corrigé : version {version}", "patient {id} corrected: version {version}"),
    "store.already_deleted": (
        "{entity} {key} déjà supprimé le {on} : rien n'a été modifié",
        "{entity} {key} already deleted on {on}: nothing was changed"),
    "store.not_correctable": (
        ("{entity} {key} ({kind}) est calculé par parcours à partir des autres dossiers : il ne se corrige pas "
         "(corrigez le dépistage ou l'évaluation qui l'a levé)"),
        ("{entity} {key} ({kind}) is computed by parcours from the other records: it cannot be corrected (correct "
         "the screening or assessment that raised it)")),
    "store.same_as_record": (
        ("{entity} {key} : le document corrigé est identique au dossier {other} du même patient (supprimez l'un des "
         "deux)"),
        ("{entity} {key}: the corrected document is the same as record {other} of the same patient (delete one of "
         "them)")),
    "error.other_patient": (
        "désigne un autre patient que celui du dossier ({id}) : corrigez l'identité avec parcours patients correct",
        "names another patient than the record's ({id}): correct the identity with parcours patients correct"),
    "error.before_birth": (
        "ne peut pas être avant la date de naissance enregistrée du patient",
        "cannot be before the patient's stored birth date"),
    "error.birth_date_not_patients": (
        ("diffère de la date de naissance enregistrée du patient (une seule par personne ; la corriger avec parcours "
         "patients correct)"),
        "differs from the patient's stored birth date (one per person; correct it with parcours patients correct)"),
    "error.birth_after_record": (
        "ne peut pas être après la date d'un dossier du patient (dossier {id})",
        "cannot be after the date of one of the patient's records (record {id})"),
    "error.identifier_taken": ("déjà l'identifiant du patient {id}", "already the identifier of patient {id}"),
}
