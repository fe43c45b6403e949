"""The last guard of the command line: a library error is said in one line naming fields, never values.

Why: an uncaught PostgreSQL DataError printed a traceback holding the INS, names and birth date,
and a pydantic error printed `input_value='1944-05-02'` (issue 20). What the code raises on
purpose is rendered where it is raised; this catches only what escaped, without importing anything
on the normal path (the `except` expression is evaluated only when an exception propagates).
"""

from __future__ import annotations

import sys

from parcours.lang import Lang

__all__ = ["escaped_errors", "render_escaped"]

EXIT_FAULT, EXIT_INVALID = 1, 2


class _Never(Exception):
    """Stands in the `except` tuple when no library is loaded (never raised)."""


def escaped_errors() -> tuple[type[BaseException], ...]:
    """The database and validation library errors, of the libraries this process has loaded."""
    found: list[type[BaseException]] = [_Never]
    if "sqlalchemy" in sys.modules:
        from sqlalchemy.exc import SQLAlchemyError

        found.append(SQLAlchemyError)
    if "pydantic_core" in sys.modules:
        from pydantic_core import ValidationError

        found.append(ValidationError)
    return tuple(found)


def render_escaped(exc: BaseException, lang: Lang) -> tuple[str, int]:
    """(the lines to print, the exit status): field paths for a validation error, else the database fault."""
    from parcours.messages import message, render_error

    if type(exc).__name__ == "ValidationError" and type(exc).__module__.startswith("pydantic"):
        from parcours.core.documents import issues_from_validation_error
        from parcours.core.errors import InvalidInput

        issues = issues_from_validation_error(exc)  # type: ignore[arg-type]
        return render_error(InvalidInput(issues), lang), EXIT_INVALID
    from parcours.store.errors import safe_reason

    return message("store.database", lang, reason=safe_reason(exc)), EXIT_FAULT
