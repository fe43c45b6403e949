"""Where the database is: `--db`, else `PARCOURS_DATABASE_URL`, else an SQLite file of the user.

Why: a laptop at an MSP needs no configuration; a shared site points every workstation at one
PostgreSQL server with one variable. The default file is private to its user (0600 in 0700).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DATABASE_ENV", "default_sqlite_path", "resolve_url"]

DATABASE_ENV = "PARCOURS_DATABASE_URL"
DATABASE_FILE = "parcours.db"


def default_sqlite_path() -> Path:
    """`<user data dir>/parcours/parcours.db` (platformdirs), its directory created 0700."""
    from platformdirs import user_data_path

    directory = user_data_path("parcours", appauthor=False)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    directory.chmod(0o700)
    return directory / DATABASE_FILE


def resolve_url(url: str | None = None) -> str:
    """The SQLAlchemy URL to open: the argument, the environment, or the default file."""
    if url:
        return url
    env = os.environ.get(DATABASE_ENV)
    if env:
        return env
    return f"sqlite:///{default_sqlite_path()}"


def create_private_file(path: Path) -> None:
    """Create an empty database file readable by its owner only (before SQLite opens it)."""
    if path.exists():
        return
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    os.close(fd)
