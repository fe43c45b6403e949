"""Catalog part: the CLI's tool commands and the store (merged by parcours.messages)."""

from collections.abc import Mapping
from typing import Final

PAIRS: Final[Mapping[str, tuple[str, str]]] = {
    "cli.help.format": (
        "format de sortie : json (résultat) ou fhir (Bundle transaction FHIR R4)",
        "output format: json (the result) or fhir (an R4 transaction Bundle)"),
    "cli.help.validate": (
        "vérifie aussi chaque ressource FHIR émise avec fhir.resources (R4B)",
        "also check every emitted FHIR resource with fhir.resources (R4B)"),
    "cli.help.save": (
        "enregistre aussi le document et son résultat dans la base (une transaction)",
        "also store the document and its result in the database (one transaction)"),
    "cli.help.json": ("sortie JSON au lieu d'un tableau", "JSON output instead of a table"),
    "cli.help.patient_id": (
        "patient : id du store, id FHIR d'un export précédent ou INS",
        "patient: store id, FHIR id from an earlier export, or INS"),
    "cli.help.group.patients": ("patients enregistrés dans la base", "patients stored in the database"),
    "cli.help.group.db": (
        "schéma de la base : migrations et contrôle d'intégrité",
        "database schema: migrations and integrity check"),
    "cli.help.group.export": ("exports de la base", "exports from the database"),
    "cli.help.demo": (
        "remplit la base de patients fictifs (INS du système de test) pour essayer l'application",
        "fill the database with fake patients (test INS system) to try the application"),
    "cli.help.demo.patients": ("nombre de patients fictifs (défaut : 200)", "number of fake patients (default: 200)"),
    "cli.help.demo.seed": (
        "graine du générateur (mêmes données pour la même graine)",
        "generator seed (same data for the same seed)"),
    "cli.help.patients.list": ("liste les patients (par site)", "list the patients (per site)"),
    "cli.help.patients.show": ("affiche un patient et ses dossiers", "show one patient and their records"),
    "cli.help.patients.site": ("seulement les patients de ce site (FINESS)", "only the patients of this site (FINESS)"),
    "cli.help.patients.limit": ("nombre maximal de lignes (défaut : 50)", "maximum number of rows (default: 50)"),
    "cli.help.db.upgrade": ("applique les migrations du schéma", "apply the schema migrations"),
    "cli.help.db.check": ("contrôle l'intégrité et la version du schéma", "check integrity and the schema version"),
    "cli.help.export.fhir": (
        "export FHIR R4 en NDJSON (Bulk Data) depuis la base",
        "FHIR R4 bulk NDJSON export from the database"),
    "cli.help.export.out": (
        "dossier de sortie (créé s'il n'existe pas ; doit être vide)",
        "output directory (created if absent; must be empty)"),
    "cli.help.export.since": (
        ("seulement ce qui a changé depuis cet instant (AAAA-MM-JJTHH:MM:SS+01:00, ou un jour : son début en heure "
         "locale), suppressions comprises"),
        ("only what changed at or after this instant (YYYY-MM-DDTHH:MM:SS+01:00, or a day: its start in local "
         "time), deletions included")),
    "cli.help.export.dated_from": (
        "seulement les dossiers datés de ce jour ou après (AAAA-MM-JJ)",
        "only records dated on or after this day (YYYY-MM-DD)"),
    "cli.help.report": (
        "rapport PDF d'un dépistage, d'un suivi ou d'une conciliation",
        "PDF report of a screening, a follow-up or a reconciliation"),
    "cli.help.report.output": (
        "fichier PDF à écrire, ou - pour la sortie standard",
        "PDF file to write, or - for standard output"),
    "cli.help.report.force": ("remplace le fichier de sortie s'il existe", "replace the output file if it exists"),
    "cli.no_fhir_form": (
        "--format : les indicateurs n'ont pas de forme FHIR",
        "--format: indicators have no FHIR form"),
    "error.date_before": ("ne peut pas être avant {other}", "cannot be before {other}"),
    "store.store_error": ("erreur de la base de données", "database error"),
    "store.not_found": ("{entity} introuvable : {key}", "{entity} not found: {key}"),
    "store.conflict": (
        ("{entity} {key} a été modifié entre-temps par quelqu'un d'autre : rechargez puis recommencez (rien n'a été "
         "écrasé)"),
        "{entity} {key} was changed meanwhile by someone else: reload, then try again (nothing was overwritten)"),
    "store.database": ("base de données inutilisable : {reason}", "database unusable: {reason}"),
    "store.entity.patient": ("patient", "patient"),
    "store.entity.draft": ("brouillon", "draft"),
    "store.entity.record": ("dossier", "record"),
    "store.entity.site": ("site", "site"),
    "store.entity.alert": ("alerte", "alert"),
    "store.unknown_patient": ("{option} : patient inconnu : {key}", "{option}: unknown patient: {key}"),
    "store.anonymous": ("(patient sans nom)", "(unnamed patient)"),
    "store.demo.progress": ("Patients fictifs", "Fake patients"),
    "store.demo.done": ("{count} patients fictifs ajoutés dans {url}", "{count} fake patients added to {url}"),
    "store.demo.indexing": ("Construction des index des listes de travail…", "Building the worklist indexes…"),
    "store.column.id": ("ID", "ID"),
    "store.column.family": ("NOM", "FAMILY"),
    "store.column.given": ("PRÉNOM", "GIVEN"),
    "store.column.birth_date": ("NAISSANCE", "BORN"),
    "store.column.ins": ("INS", "INS"),
    "store.column.site": ("SITE", "SITE"),
    "store.column.next_due": ("PROCHAIN DÉPISTAGE", "NEXT SCREENING"),
    "store.show.identity": (
        "né(e) le {birth} · INS {ins} · site {site} · prochain dépistage {due}",
        "born {birth} · INS {ins} · site {site} · next screening {due}"),
    "store.kind.icope.screening": ("Dépistage ICOPE", "ICOPE screening"),
    "store.kind.icope.assessment": ("Évaluation étape 2", "Step-2 assessment"),
    "store.kind.icope.care_plan": ("Plan de soins", "Care plan"),
    "store.kind.icope.alert": ("Alerte de suivi", "Follow-up alert"),
    "store.kind.medisis.stay": ("Séjour", "Stay"),
    "store.kind.medisis.reconciliation": ("Conciliation", "Reconciliation"),
    "store.kind.medisis.risk": ("Risque de réhospitalisation", "Readmission risk"),
    "store.kind.medisis.review": ("Révision de pertinence", "Relevance review"),
    "store.kind.medisis.intervention": ("Intervention pharmaceutique", "Pharmaceutical intervention"),
    "store.kind.medisis.consultation30": ("Consultation à J+30", "30-day review"),
    "store.db.at_revision": ("schéma à la révision {revision} ({url})", "schema at revision {revision} ({url})"),
    "store.check.ok": ("base saine, schéma à jour ({url})", "database sound, schema up to date ({url})"),
    "store.check.revision": (
        "schéma à la révision {found}, attendue {expected} : lancez parcours db upgrade",
        "schema at revision {found}, expected {expected}: run parcours db upgrade"),
    "store.check.integrity": ("contrôle d'intégrité en échec : {detail}", "integrity check failed: {detail}"),
    "store.check.foreign_keys": (
        "{count} référence(s) cassée(s) entre tables",
        "{count} broken reference(s) between tables"),
    "store.check.audit_guard": (
        "protection du journal d'audit absente : {missing}",
        "audit trail guard missing: {missing}"),
    # issue 20: audit chain and guard, duplicates named by field (helper F)
    "store.duplicate": (
        "{entity} déjà enregistré avec ce {field} (id {key}) : rien n'a été écrit",
        "{entity} already stored with this {field} (id {key}): nothing was written"),
    "store.check.audit_guard_altered": (
        "protection du journal d'audit modifiée (corps ou définition) : {names}",
        "audit trail guard altered (body or definition): {names}"),
    "store.check.audit_guard_disabled": (
        "protection du journal d'audit désactivée : {names}",
        "audit trail guard disabled: {names}"),
    "store.check.audit_chain": (
        "journal d'audit réécrit : {count} ligne(s) ne suivent pas la chaîne de hachage (id {ids})",
        "audit trail rewritten: {count} row(s) do not follow the hash chain (id {ids})"),
    # issue 20, data: duplicates, recounts, stale writes
    "store.save.duplicate": (
        "déjà enregistré pour ce patient (dossier {record}, patient {patient}) : rien d'ajouté",
        "already stored for this patient (record {record}, patient {patient}): nothing added"),
    "store.check.drift": (
        "{count} compteur(s) faux d'après un recomptage : {detail}",
        "{count} count(s) wrong according to a recount: {detail}"),
    "store.check.duplicates": (
        "{count} dossier(s) enregistré(s) en double avant la révision 0005 (même document, même patient)",
        "{count} record(s) stored twice before revision 0005 (same document, same patient)"),
}
