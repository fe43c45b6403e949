"""Catalog part: what any input may get wrong (issue 18) — JSON syntax, dates past 9999, the database
URL, output errors, and argparse's own sentences (merged by parcours.messages).
"""

from collections.abc import Mapping
from typing import Final

PAIRS: Final[Mapping[str, tuple[str, str]]] = {
    # JSON syntax, with where (line, column)
    "error.json_eof": (
        "JSON incomplet : fin du document inattendue (ligne {line}, colonne {column})",
        "incomplete JSON: unexpected end of the document (line {line}, column {column})"),
    "error.json_trailing": (
        "JSON invalide : caractères après la fin du document (ligne {line}, colonne {column})",
        "invalid JSON: characters after the end of the document (line {line}, column {column})"),
    "error.json_encoding": (
        "JSON invalide : octets qui ne sont pas de l'UTF-8 (ligne {line}, colonne {column})",
        "invalid JSON: bytes that are not UTF-8 (line {line}, column {column})"),
    "error.json_syntax": (
        "JSON invalide ligne {line}, colonne {column} (UTF-8 attendu ; NaN et Infinity refusés)",
        "invalid JSON at line {line}, column {column} (UTF-8 expected; NaN and Infinity refused)"),
    # values a computation cannot carry
    "error.due_beyond": (
        "doit être ≤ {limit} : l'échéance qui en découle dépasserait le 31/12/9999",
        "must be ≤ {limit}: the due date it gives would fall after 9999-12-31"),
    "error.fhir_integer": (
        "trop grand pour un entier FHIR (au plus {limit})",
        "too large for a FHIR integer (at most {limit})"),
    "error.no_identity": (
        "identité insuffisante pour enregistrer : donner identifier ou ins, ou family et birth_date",
        "not enough identity to save: give identifier or ins, or family and birth_date"),
    # argparse's own sentences (parcours.cli.argparse_words), %-style as argparse formats them
    "argparse.usage": ("utilisation : ", "usage: "),
    # argparse adds ":" (« arguments positionnels : »)
    "argparse.positionals": ("arguments positionnels ", "positional arguments"),
    "argparse.options": ("options ", "options"),
    "argparse.help": ("affiche cette aide et quitte", "show this help message and exit"),
    "argparse.argument": ("argument %(argument_name)s : %(message)s", "argument %(argument_name)s: %(message)s"),
    "argparse.required": ("argument(s) obligatoire(s) manquant(s) : %s", "the following arguments are required: %s"),
    "argparse.unrecognized": ("argument(s) non reconnu(s) : %s", "unrecognized arguments: %s"),
    "argparse.invalid_choice": (
        "choix invalide : %(value)r (choisir parmi %(choices)s)",
        "invalid choice: %(value)r (choose from %(choices)s)"),
    "argparse.invalid_value": ("valeur invalide (%(type)s) : %(value)r", "invalid %(type)s value: %(value)r"),
    "argparse.expected_one": ("une valeur attendue", "expected one argument"),
    "argparse.expected_at_most_one": ("au plus une valeur attendue", "expected at most one argument"),
    "argparse.expected_at_least_one": ("au moins une valeur attendue", "expected at least one argument"),
    "argparse.expected_n": ("%s valeur(s) attendue(s)", "expected %s argument(s)"),
    "argparse.ambiguous": (
        "option ambiguë : %(option)s peut désigner %(matches)s",
        "ambiguous option: %(option)s could match %(matches)s"),
    "argparse.not_allowed_with": ("interdit avec l'argument %s", "not allowed with argument %s"),
    "argparse.one_required": ("l'un des arguments %s est obligatoire", "one of the arguments %s is required"),
    "argparse.ignored_explicit": ("valeur explicite ignorée : %r", "ignored explicit argument %r"),
    "argparse.unknown_parser": (
        "commande inconnue %(parser_name)r (choix : %(choices)s)",
        "unknown parser %(parser_name)r (choices: %(choices)s)"),
    "argparse.cannot_open": (
        "impossible d'ouvrir « %(filename)s » : %(error)s",
        "can't open '%(filename)s': %(error)s"),
    "argparse.unexpected_option": ("option inattendue : %s", "unexpected option string: %s"),
    "argparse.error": ("%(prog)s : erreur : %(message)s\n", "%(prog)s: error: %(message)s\n"),
    "cli.type.positive_integer": ("entier ≥ 1", "positive integer"),
    "cli.type.iso_date": ("date AAAA-MM-JJ", "YYYY-MM-DD date"),
    "cli.type.iso_instant": (
        "instant AAAA-MM-JJTHH:MM:SS+01:00 ou date AAAA-MM-JJ",
        "YYYY-MM-DDTHH:MM:SS+01:00 instant or YYYY-MM-DD date"),  # issue 16
    "cli.type.int": ("entier", "integer"),
    "cli.validate_needs_fhir": (
        "--validate : seulement avec --format fhir (il vérifie les ressources FHIR émises)",
        "--validate: only with --format fhir (it checks the emitted FHIR resources)"),
    # standard output (parcours.cli.output)
    "cli.output_closed": (
        "sortie standard fermée avant la fin (tube rompu) : résultat incomplet",
        "standard output closed before the end (broken pipe): incomplete result"),
    "cli.cannot_write_output": (
        "impossible d'écrire la sortie standard : {reason}",
        "cannot write standard output: {reason}"),
    # the database URL and file (parcours.store.opening); {source} is --db or PARCOURS_DATABASE_URL
    "store.db_url": ("{source} : base de données inutilisable", "{source}: database unusable"),
    "store.db_url_invalid": (
        ("{source} : URL de base de données illisible « {url} » (attendu : un fichier, sqlite:///chemin/parcours.db "
         "ou postgresql+psycopg://utilisateur@hôte/base)"),
        ("{source}: unreadable database URL \"{url}\" (expected: a file, sqlite:///path/parcours.db or "
         "postgresql+psycopg://user@host/database)")),
    "store.db_url_scheme": (
        ("{source} : type de base inconnu « {scheme} » (attendu : sqlite:///chemin/parcours.db ou "
         "postgresql+psycopg://utilisateur@hôte/base)"),
        ("{source}: unknown kind of database \"{scheme}\" (expected: sqlite:///path/parcours.db or "
         "postgresql+psycopg://user@host/database)")),
    "store.db_no_directory": (
        ("{source} : le dossier {directory} n'existe pas (il n'est pas créé pour une base désignée : créez-le ou "
         "corrigez le chemin)"),
        ("{source}: the folder {directory} does not exist (it is not created for a named database: create it or fix "
         "the path)")),
    "store.db_not_a_database": (
        "{source} : {path} n'est pas une base de données SQLite",
        "{source}: {path} is not an SQLite database"),
    "store.db_access_denied": (
        ("{source} : accès refusé par le serveur pour l'utilisateur {user} (mot de passe, utilisateur ou nom de "
         "base) : {reason}"),
        "{source}: the server refused user {user} (password, user or database name): {reason}"),
    "store.db_damaged": (
        "base de données endommagée : {path} (lancez parcours db check ; restaurez une sauvegarde)",
        "damaged database: {path} (run parcours db check; restore a backup)"),
    "store.db_unreachable": (
        "base de données injoignable ({target}) : {reason}",
        "database unreachable ({target}): {reason}"),
    "store.check.unreadable": (
        "le fichier ne peut pas être lu (database disk image is malformed) : restaurez une sauvegarde",
        "the file cannot be read (database disk image is malformed): restore a backup"),
    "store.demo.seed_loaded": (
        ("les patients fictifs de la graine {seed} sont déjà dans {url} : rien n'est ajouté (--seed {next} pour en "
         "ajouter d'autres)"),
        "the fake patients of seed {seed} are already in {url}: nothing added (--seed {next} to add others)"),
    "store.list.truncated": (
        "… {limit} premiers patients seulement : --limit N pour en voir plus",
        "… the first {limit} patients only: --limit N to see more"),
}
