"""Catalog part: `parcours worklist …` (merged by parcours.messages; list titles are the TUI's)."""

from collections.abc import Mapping
from typing import Final

PAIRS: Final[Mapping[str, tuple[str, str]]] = {
    "cli.help.group.worklist": (
        "listes de travail (celles de l'application) pour les scripts",
        "worklists (the application's) for scripts"),
    "cli.help.worklist.due": (
        "patients à redépister : en retard ou dans les 30 jours",
        "patients due for re-screening: overdue or within 30 days"),
    "cli.help.worklist.alerts": (
        "alertes ouvertes (nouvelles ou confirmées), les plus anciennes d'abord",
        "open alerts (new or confirmed), oldest first"),
    "cli.help.worklist.positive-without-step2": (
        "patients dont le dernier dépistage a des domaines positifs sans étape 2 depuis",
        "patients whose newest screening has positive domains with no step 2 since"),
    "cli.help.worklist.review30": (
        "conciliations de sortie dont la revue à 30 jours n'est pas faite",
        "discharge reconciliations whose 30-day review is not done"),
    "cli.help.worklist.discharges-without-reconciliation": (
        "séjours sortis sans conciliation de sortie",
        "discharged stays without a discharge reconciliation"),
    "cli.help.worklist.site": ("seulement ce site (FINESS)", "only this site (FINESS)"),
    "cli.help.worklist.limit": ("nombre maximal de lignes (défaut : toutes)", "maximum number of rows (default: all)"),
    "worklist.title": ("{list} — {site} — {count} ligne(s)", "{list} — {site} — {count} row(s)"),
    "worklist.all_sites": ("tous les sites", "all sites"),
    "worklist.column.id": ("ID", "ID"),
    "worklist.column.family": ("NOM", "FAMILY"),
    "worklist.column.given": ("PRÉNOM", "GIVEN"),
    "worklist.column.birth_date": ("NAISSANCE", "BORN"),
    "worklist.column.site": ("SITE", "SITE"),
    "worklist.column.detail": ("DÉTAIL", "DETAIL"),
    "worklist.date.due": ("ÉCHÉANCE", "DUE"),
    "worklist.date.alerts": ("LEVÉE LE", "RAISED ON"),
    "worklist.date.positive-without-step2": ("DÉPISTÉ LE", "SCREENED ON"),
    "worklist.date.review30": ("REVUE PRÉVUE LE", "REVIEW DUE"),
    "worklist.date.discharges-without-reconciliation": ("SORTIE LE", "DISCHARGED ON"),
}
