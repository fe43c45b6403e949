"""Catalog part: what any input may get wrong (issue 18) — JSON syntax, dates past 9999, the database
URL, output errors, and argparse's own sentences (merged by parcours.messages)."""

from typing import Final

FR: Final[dict[str, str]] = {
    # JSON syntax, with where (line, column)
    "error.json_eof": "JSON incomplet : fin du document inattendue (ligne {line}, colonne {column})",
    "error.json_trailing": "JSON invalide : caractères après la fin du document (ligne {line}, colonne {column})",
    "error.json_encoding": "JSON invalide : octets qui ne sont pas de l'UTF-8 (ligne {line}, colonne {column})",
    "error.json_syntax": "JSON invalide ligne {line}, colonne {column} (UTF-8 attendu ; NaN et Infinity refusés)",
    # values a computation cannot carry
    "error.due_beyond": "doit être ≤ {limit} : l'échéance qui en découle dépasserait le 31/12/9999",
    "error.fhir_integer": "trop grand pour un entier FHIR (au plus {limit})",
    "error.no_identity": "identité insuffisante pour enregistrer : donner identifier ou ins, ou family et birth_date",
}

EN: Final[dict[str, str]] = {
    "error.json_eof": "incomplete JSON: unexpected end of the document (line {line}, column {column})",
    "error.json_trailing": "invalid JSON: characters after the end of the document (line {line}, column {column})",
    "error.json_encoding": "invalid JSON: bytes that are not UTF-8 (line {line}, column {column})",
    "error.json_syntax": "invalid JSON at line {line}, column {column} (UTF-8 expected; NaN and Infinity refused)",
    "error.due_beyond": "must be ≤ {limit}: the due date it gives would fall after 9999-12-31",
    "error.fhir_integer": "too large for a FHIR integer (at most {limit})",
    "error.no_identity": "not enough identity to save: give identifier or ins, or family and birth_date",
}
