"""Open the database the user named (a URL, a plain path, or nothing), or say exactly why it cannot be.

Why (issue 18): a plain path, an unknown scheme, a missing folder, a file that is not a database, a
wrong password or a damaged file each gave a traceback or a driver's English sentence. Each is now a
typed StoreError naming where the URL came from (`--db` or PARCOURS_DATABASE_URL); the CLI and the TUI
render it through the catalog.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from parcours.store.errors import (
    AccessDenied, Damaged, DatabaseError, InvalidUrl, NoDirectory, NotADatabase, StoreError, UnknownScheme, Unreachable,
)
from parcours.store.settings import DATABASE_ENV, default_sqlite_path

__all__ = ["as_url", "open_engine", "resolve_target"]

DB_OPTION = "--db"
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def as_url(text: str) -> str:
    """A URL as given; a plain path (no `scheme://`) is an SQLite file (issue 18)."""
    if "://" in text:
        return text
    if text == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(text).expanduser().absolute()}"


def resolve_target(url: str | None = None) -> tuple[str, str, bool]:
    """(URL, where it came from, explicit?): `--db`, else PARCOURS_DATABASE_URL, else the default file."""
    if url:
        return as_url(url), DB_OPTION, True
    env = os.environ.get(DATABASE_ENV)
    if env:
        return as_url(env), DATABASE_ENV, True
    return f"sqlite:///{default_sqlite_path()}", DB_OPTION, False


def open_engine(url: str | None = None, *, migrate: bool = True) -> Engine:
    """The engine of the named database, pinged and (with `migrate`) at the head revision.

    Raises a StoreError subclass saying why it cannot be used; an explicit SQLite file's folder is
    never created (a typo must not leave folders behind), the default one is.
    """
    from parcours.store.deferred_indexes import restore_indexes
    from parcours.store.engine import make_engine, ping, upgrade

    text, source, explicit = resolve_target(url)
    try:
        parsed = make_url(text)
    except (ArgumentError, ValueError):
        raise InvalidUrl(source=source, url=_PASSWORD.sub(r"\1***@", text)) from None
    _check_sqlite_path(parsed, source, explicit)
    try:
        engine = make_engine(text)
    except (NoSuchModuleError, ImportError):
        raise UnknownScheme(source=source, scheme=parsed.drivername) from None
    except ArgumentError:
        raise InvalidUrl(source=source, url=parsed.render_as_string(hide_password=True)) from None
    except SQLAlchemyError as exc:
        raise diagnose(exc, parsed, source) from None
    try:
        ping(engine)
        if migrate:
            upgrade(engine)
            restore_indexes(engine)  # after a demo load that could not rebuild them
    except DatabaseError as exc:
        engine.dispose()
        cause = exc.__cause__
        raise (diagnose(cause, parsed, source) if isinstance(cause, SQLAlchemyError) else exc) from None
    except SQLAlchemyError as exc:
        engine.dispose()
        raise diagnose(exc, parsed, source) from None
    return engine


def _check_sqlite_path(parsed: URL, source: str, explicit: bool) -> None:
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return
    if parsed.database.startswith("file:"):
        return
    path = Path(parsed.database)
    if explicit and not path.absolute().parent.is_dir():
        raise NoDirectory(source=source, directory=str(path.absolute().parent))
    if path.is_dir():
        raise NotADatabase(source=source, path=str(path))


def diagnose(exc: SQLAlchemyError, parsed: URL, source: str) -> StoreError:
    """The typed error for a driver's failure to open or read the database."""
    text = str(getattr(exc, "orig", None) or exc)
    low = text.lower()
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    if "file is not a database" in low:
        return NotADatabase(source=source, path=parsed.database or "")
    if "malformed" in low or "disk image" in low:
        return Damaged(path=parsed.database or "")
    if ("authentication failed" in low or "no password supplied" in low
            or ("does not exist" in low and ("role" in low or "database" in low))):
        return AccessDenied(source=source, user=parsed.username or "—", reason=first)
    return Unreachable(target=parsed.render_as_string(hide_password=True), reason=first)
