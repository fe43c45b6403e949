"""Files holding personal data: 0600 in 0700 directories whatever the umask, written atomically.

Why: PDFs were 0644 and FHIR exports 0755/0644 (issue 20) — readable by every account of a shared
workstation. Modes are given at creation (os.open / mkdir) and set again with chmod, since a umask
of 0 or a file already there must not widen them; a reader never sees half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO

__all__ = ["DIR_MODE", "FILE_MODE", "open_private", "private_dir", "write_private"]

FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: Path, *, exist_ok: bool = True) -> Path:
    """Create `path` (and missing parents) 0700; an existing `path` is set to 0700 (it is ours to hold data)."""
    path = Path(path)
    missing = [p for p in (path, *path.parents) if not p.exists()]
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=exist_ok)
    for created in missing:
        created.chmod(DIR_MODE)
    path.chmod(DIR_MODE)
    return path


def open_private(path: Path, buffering: int = -1) -> BinaryIO:
    """`open(path, "wb")`, but the file is 0600 from its creation (and made so if it existed)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "wb", buffering=buffering)


def write_private(path: Path, data: bytes, *, force: bool) -> None:
    """Write `data` to `path` 0600 through a temporary file, fsync'd, then renamed (or linked).

    FileExistsError when `path` exists and not `force` (never clobbered without it, even if it
    appears meanwhile: the final step is a hard link, which fails on an existing name).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)  # 0600 by mkstemp
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)
            os.unlink(tmp)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
