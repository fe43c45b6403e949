"""Messages of the drug database: `parcours drugs import` and the TUI's drug lookup (issue 17)."""

from collections.abc import Mapping
from typing import Final

PAIRS: Final[Mapping[str, tuple[str, str]]] = {
    "cli.help.group.drugs": ("base des médicaments (BDPM de l'ANSM)", "drug database (ANSM BDPM)"),
    "cli.help.drugs.import": (
        ("charge la base publique des médicaments (fichiers texte BDPM tels que téléchargés) ; remplace l'import "
         "précédent"),
        "load the public drug database (BDPM text files as downloaded); replaces the previous import"),
    "cli.help.drugs.folder": (
        "dossier des fichiers BDPM (CIS_bdpm.txt, CIS_CIP_bdpm.txt, CIS_COMPO_bdpm.txt, CIS_MITM.txt)",
        "folder of the BDPM files (CIS_bdpm.txt, CIS_CIP_bdpm.txt, CIS_COMPO_bdpm.txt, CIS_MITM.txt)"),
    "drugs.progress": ("Médicaments", "Drugs"),
    "drugs.done": ("{specialties} spécialités et {presentations} présentations importées dans {url}",
                   "{specialties} specialties and {presentations} packs imported into {url}"),
    "drugs.skipped": ("{file} : {count} ligne(s) illisible(s) ignorée(s) (encodage {encoding})",
                      "{file}: {count} unreadable line(s) skipped (encoding {encoding})"),
    "drugs.not_a_folder": ("DIR : {path} n'est pas un dossier", "DIR: {path} is not a folder"),
    "store.drug_file": ("{file} : fichier BDPM inutilisable", "{file}: unusable BDPM file"),
    "store.drug_file.missing": (
        "{file} : fichier BDPM manquant ; rien n'a été importé, la base des médicaments est inchangée",
        "{file}: BDPM file missing; nothing was imported, the drug database is unchanged"),
    "store.drug_file.unreadable": ("{file} : illisible ({reason}) ; rien n'a été importé",
                                   "{file}: cannot be read ({reason}); nothing was imported"),
    "store.drug_file.garbled": (
        ("{file} : aucune ligne lisible ({skipped} ligne(s) sans les {fields} colonnes attendues) : fichier tronqué ou "
         "d'un autre format ? Rien n'a été importé"),
        ("{file}: no readable line ({skipped} line(s) without the {fields} expected columns): truncated or another "
         "format? Nothing was imported")),
    # TUI: the drug lookup of the reconciliation editor
    "tui.drug.label": ("Médicament (nom, CIS, CIP13)", "Drug (name, CIS, CIP13)"),
    "tui.drug.none": ("aucun médicament trouvé", "no drug found"),
    "tui.drug.no_database": ("base des médicaments non importée (parcours drugs import DOSSIER)",
                             "drug database not imported (parcours drugs import FOLDER)"),
    "tui.drug.choose": ("↑↓ puis Entrée pour choisir", "↑↓ then Enter to pick"),
    "tui.drug.not_marketed": ("non commercialisé", "not marketed"),
    "tui.drug.ucd": ("UCD13 {code} : gardé sur la ligne (la BDPM ne donne pas les UCD)",
                     "UCD13 {code}: kept on the line (the BDPM has no UCD codes)"),
    "tui.drug.filled": ("{name} : ATC, forme, voie et dose remplis", "{name}: ATC, form, route and dose filled"),
    "tui.rec.form": ("Forme", "Form"),
    "tui.checks.hint": ("1–9, a–i : cocher (ou ↑↓ Espace)", "1–9, a–i: tick (or ↑↓ Space)"),
    "tui.checks.none": ("aucune", "none"),
    "tui.pick.hint": ("tapez le début, ou ←→", "type the start, or ←→"),
    "tui.error.drug_identification_missing": (
        "choisissez le médicament (nom, CIS ou CIP13) ou donnez son code ATC",
        "pick the drug (name, CIS or CIP13) or give its ATC code"),
    "tui.error.equivalence_unpaired": ("indiquez d'abord la ligne du bilan appariée",
                                       "give the paired history line first"),
    "tui.error.required_for_intervention": ("à renseigner pour une intervention", "required for an intervention"),
    "tui.error.outcome_before_date": ("le devenir ne peut pas précéder l'intervention",
                                      "the outcome cannot come before the intervention"),
}
