"""A throwaway PostgreSQL server for the tests: initdb in a temp dir, a Unix socket, trust auth.

Why: the store must behave the same on PostgreSQL as on SQLite (issue 5), so the suite runs its
store tests against a real server it starts itself — Debian's `postgresql` package, the same
binaries a site would run. As root, the server runs as the `postgres` user (initdb refuses root).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PgServer", "find_bin_dir", "start_server"]

# The suite's documents are dated freely (fixed dates, `st.dates()` up to 9999): "today" is fixed at
# the last representable day, before any parcours module reads it (parcours.core.clock), and
# subprocesses inherit it. Tests of the "not after today" rule fix their own today.
os.environ.setdefault("PARCOURS_TODAY", "9999-12-31")
# A crash log is written to the user's data directory unless PARCOURS_LOG_DIR says where (tui/crash.py):
# a test that hits an unexpected error logs to a throwaway folder, never to the real one.
os.environ.setdefault("PARCOURS_LOG_DIR", tempfile.mkdtemp(prefix="parcours-test-logs-"))


@dataclass
class PgServer:
    """A running server: its socket directory and port, and how to stop it."""

    root: Path
    port: int
    bin_dir: Path
    runas: list[str]

    def url(self, database: str = "postgres") -> str:
        """A SQLAlchemy URL through the Unix socket."""
        return f"postgresql+psycopg://postgres@/{database}?host={self.root}&port={self.port}"

    def stop(self) -> None:
        """Stop the server and remove its files."""
        subprocess.run([*self.runas, str(self.bin_dir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate",
                        "stop"], capture_output=True, check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def find_bin_dir() -> Path | None:
    """The newest /usr/lib/postgresql/<major>/bin with initdb, or pg_config's bindir."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server() -> PgServer:
    """initdb + pg_ctl start; raises RuntimeError saying why when it cannot."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL server binaries not found (install Debian's `postgresql` package)")
    root = Path(tempfile.mkdtemp(prefix="parcours-pg-"))
    runas: list[str] = []
    if os.geteuid() == 0:
        runas = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, "postgres", "postgres")
    root.chmod(0o700)
    server = PgServer(root, _free_port(), bin_dir, runas)
    steps = (
        [*runas, str(bin_dir / "initdb"), "-D", str(root / "data"), "-U", "postgres", "--auth=trust",
         "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
        [*runas, str(bin_dir / "pg_ctl"), "-D", str(root / "data"), "-l", str(root / "log"), "-w", "-t", "60",
         "-o", f"-k {root} -p {server.port} -c listen_addresses='' -c fsync=off -c full_page_writes=off",
         "start"],
    )
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = (root / "log").read_text(errors="replace")[-2000:] if (root / "log").exists() else ""
            server.stop()
            raise RuntimeError(f"{Path(step[len(runas)]).name} failed: {done.stderr.strip()[-2000:]} {log}")
    return server


# --- fixtures -----------------------------------------------------------------------------------
import itertools  # noqa: E402

import pytest  # noqa: E402

REQUIRE_POSTGRES = "PARCOURS_REQUIRE_POSTGRES"
_databases = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server():
    """One server for the session; skipped with the reason when it cannot start, unless CI requires it."""
    try:
        server = start_server()
    except (RuntimeError, OSError) as exc:
        if os.environ.get(REQUIRE_POSTGRES) == "1":
            pytest.fail(f"PostgreSQL is required ({REQUIRE_POSTGRES}=1) but could not start: {exc}")
        pytest.skip(f"PostgreSQL could not start: {exc}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server):
    """A fresh, empty database on the session's server."""
    from sqlalchemy import create_engine, text

    name = f"parcours_test_{os.getpid()}_{next(_databases)}"
    admin = create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return pg_server.url(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """The same test on an SQLite file and on a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/parcours.db"
    return request.getfixturevalue("pg_url")
