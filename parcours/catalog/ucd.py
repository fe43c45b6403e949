"""Catalog part: the UCD correspondence loaded with the drug database (`drugs import --ucd`, issue 17).

Why pairs: each entry is written once as (French, English), so the two languages cannot drift
apart (`parcours.messages` builds FR and EN from the parts). The file format is docs/medisis.md §7.3.
"""

from collections.abc import Mapping
from typing import Final

_NOTHING = ("rien n'a été importé, la base des médicaments est inchangée",
            "nothing was imported, the drug database is unchanged")

PAIRS: Final[Mapping[str, tuple[str, str]]] = {
    # --- `parcours drugs import DIR --ucd FILE [--ucd-columns UCD,LINK]` ---
    "cli.help.drugs.ucd": (
        "fichier de correspondance UCD ↔ CIP13 ou CIS (texte délimité par tabulation, « ; » ou « , », "
        "en-tête facultatif) : la recherche trouve alors les UCD13 et UCD7",
        "UCD ↔ CIP13 or CIS correspondence file (text delimited by tab, « ; » or « , », optional header "
        "line): the lookup then finds UCD13 and UCD7 codes"),
    "cli.help.drugs.ucd_columns": (
        "les deux colonnes lues, UCD (UCD13 ou UCD7) puis CIP13, CIP7 ou CIS, par leur nom dans l'en-tête ou "
        "leur numéro (« Code UCD,Code CIP13 », 1,3) ; sans elle, l'en-tête les nomme",
        "the two columns read, UCD (UCD13 or UCD7) then CIP13, CIP7 or CIS, by their header name or number "
        "(« Code UCD,Code CIP13 », 1,3); without it, the header names them"),
    "drugs.ucd.not_a_file": (f"--ucd : {{path}} n'est pas un fichier ; {_NOTHING[0]}",
                             f"--ucd: {{path}} is not a file; {_NOTHING[1]}"),
    "drugs.ucd.columns_alone": ("--ucd-columns : à donner avec --ucd FICHIER",
                                "--ucd-columns: give it with --ucd FILE"),
    "drugs.ucd.bad_columns": (
        "--ucd-columns : « {value} » : deux colonnes séparées par une virgule, par leur nom dans l'en-tête ou "
        "leur numéro à partir de 1 (« Code UCD,Code CIP13 » ou 1,3)",
        "--ucd-columns: « {value} »: two columns separated by a comma, by their header name or their number "
        "from 1 (« Code UCD,Code CIP13 » or 1,3)"),
    "drugs.ucd.done": ("{links} code(s) UCD reliés à leur spécialité depuis {file} (encodage {encoding})",
                       "{links} UCD code(s) linked to their specialty from {file} (encoding {encoding})"),
    "drugs.ucd.skipped": ("--ucd {file} : {count} ligne(s) ignorée(s) : {reason} (première : ligne {line})",
                          "--ucd {file}: {count} line(s) skipped: {reason} (first: line {line})"),
    # why a line was skipped ({value}: the code read)
    "drugs.ucd.reason.fields": ("moins de {value} colonnes", "fewer than {value} columns"),
    "drugs.ucd.reason.unreadable": ("ligne illisible{value}", "unreadable line{value}"),
    "drugs.ucd.reason.ucd": ("UCD « {value} » : ni un UCD13 (34008…) ni un UCD7",
                             "UCD « {value} »: neither a UCD13 (34008…) nor a UCD7"),
    "drugs.ucd.reason.ucd_check_digit": ("UCD13 {value} : chiffre de contrôle faux",
                                         "UCD13 {value}: wrong check digit"),
    "drugs.ucd.reason.link": ("« {value} » : ni un CIP13 (34009…), ni un CIP7, ni un CIS",
                              "« {value} »: neither a CIP13 (34009…), a CIP7 nor a CIS"),
    "drugs.ucd.reason.link_check_digit": ("CIP13 {value} : chiffre de contrôle faux",
                                          "CIP13 {value}: wrong check digit"),
    "drugs.ucd.reason.not_in_bdpm": ("{value} absent de la BDPM importée", "{value} not in the imported BDPM"),
    # the file cannot be used: nothing is imported (store.drug_file.<problem>)
    "store.drug_file.ucd_missing": (f"--ucd {{file}} : fichier manquant ; {_NOTHING[0]}",
                                    f"--ucd {{file}}: file missing; {_NOTHING[1]}"),
    "store.drug_file.ucd_unreadable": (f"--ucd {{file}} : illisible ({{reason}}) ; {_NOTHING[0]}",
                                       f"--ucd {{file}}: cannot be read ({{reason}}); {_NOTHING[1]}"),
    "store.drug_file.ucd_empty": (f"--ucd {{file}} : fichier vide ; {_NOTHING[0]}",
                                  f"--ucd {{file}}: empty file; {_NOTHING[1]}"),
    "store.drug_file.ucd_unnamed_columns": (
        f"--ucd {{file}}, ligne {{line}} : pas d'en-tête pour nommer les colonnes : donnez leur numéro avec "
        f"--ucd-columns (ex. 1,2) ; {_NOTHING[0]}",
        f"--ucd {{file}}, line {{line}}: no header line names the columns: give their numbers with --ucd-columns "
        f"(e.g. 1,2); {_NOTHING[1]}"),
    "store.drug_file.ucd_no_header": (
        f"--ucd-columns : « {{column}} » : {{file}} n'a pas d'en-tête (la ligne {{line}} contient des codes) : "
        f"donnez le numéro de la colonne (ex. 1,2) ; {_NOTHING[0]}",
        f"--ucd-columns: « {{column}} »: {{file}} has no header line (line {{line}} holds codes): give the column "
        f"number (e.g. 1,2); {_NOTHING[1]}"),
    "store.drug_file.ucd_column_missing": (
        f"--ucd-columns : pas de colonne « {{column}} » dans l'en-tête de {{file}} (ligne {{line}} : {{header}}) ; "
        f"{_NOTHING[0]}",
        f"--ucd-columns: no column « {{column}} » in the header of {{file}} (line {{line}}: {{header}}); "
        f"{_NOTHING[1]}"),
    "store.drug_file.ucd_no_ucd_column": (
        f"--ucd {{file}}, ligne {{line}} : l'en-tête ({{header}}) n'a pas une et une seule colonne UCD : nommez "
        f"les colonnes avec --ucd-columns (ex. « Code UCD,Code CIP13 ») ; {_NOTHING[0]}",
        f"--ucd {{file}}, line {{line}}: the header ({{header}}) has not exactly one UCD column: name the "
        f"columns with --ucd-columns (e.g. « Code UCD,Code CIP13 »); {_NOTHING[1]}"),
    "store.drug_file.ucd_no_link_column": (
        f"--ucd {{file}}, ligne {{line}} : l'en-tête ({{header}}) n'a pas une et une seule colonne CIP13, CIP "
        f"ou CIS : nommez les colonnes avec --ucd-columns (ex. « Code UCD,Code CIP13 ») ; {_NOTHING[0]}",
        f"--ucd {{file}}, line {{line}}: the header ({{header}}) has not exactly one CIP13, CIP or CIS column: "
        f"name the columns with --ucd-columns (e.g. « Code UCD,Code CIP13 »); {_NOTHING[1]}"),
    "store.drug_file.ucd_unusable": (
        f"--ucd {{file}} : aucune ligne utilisable ({{skipped}} ligne(s) ignorée(s) ; première : ligne {{line}}, "
        f"{{reason}}) ; {_NOTHING[0]}",
        f"--ucd {{file}}: no usable line ({{skipped}} line(s) skipped; first: line {{line}}, {{reason}}); "
        f"{_NOTHING[1]}"),
    # --- TUI: a UCD typed in the drug lookup ---
    "tui.drug.ucd_not_loaded": (
        "UCD13 {code} : aucune correspondance UCD chargée (parcours drugs import DOSSIER --ucd FICHIER) ; "
        "Entrée le garde sur la ligne",
        "UCD13 {code}: no UCD correspondence loaded (parcours drugs import FOLDER --ucd FILE); Enter keeps it "
        "on the line"),
    "tui.drug.ucd_unknown": ("UCD13 {code} absent de la correspondance UCD chargée ; Entrée le garde sur la ligne",
                             "UCD13 {code} is not in the loaded UCD correspondence; Enter keeps it on the line"),
    "tui.drug.ucd_kept": ("UCD13 {code} gardé sur la ligne", "UCD13 {code} kept on the line"),
}
