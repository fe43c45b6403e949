"""Messages of the terminal app's error screen: what happened, what is kept, where the log is (issue 17)."""

from collections.abc import Mapping
from typing import Final

PAIRS: Final[Mapping[str, tuple[str, str]]] = {
    "crash.title": ("Une erreur inattendue est survenue : parcours doit se fermer.",
                    "An unexpected error occurred: parcours has to close."),
    "crash.kept": (
        "Les dossiers enregistrés restent dans la base, et la saisie en cours est gardée : parcours vous la "
        "proposera à la prochaine ouverture.",
        "Saved records stay in the database, and the entry in progress is kept: parcours will offer it the next "
        "time it opens."),
    "crash.log": ("Le détail technique (sans donnée de patient) est dans :\n{path}",
                  "The technical details (no patient data) are in:\n{path}"),
    "crash.no_log": ("Le détail technique n'a pas pu être enregistré.",
                     "The technical details could not be saved."),
    "crash.store_open": ("erreur inattendue {kind} (détail technique dans {path})",
                         "unexpected error {kind} (technical details in {path})"),
    "crash.quit": ("Appuyez sur Entrée pour fermer parcours, puis relancez-le.",
                   "Press Enter to close parcours, then start it again."),
}
