"""The default database: a private SQLite file in the user's data directory; URL precedence."""

from __future__ import annotations

import io
import stat

from parcours.store import open_store
from parcours.store.settings import DATABASE_ENV, resolve_url


def test_default_file_is_private(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    store = open_store()
    try:
        path = tmp_path / "data" / "parcours" / "parcours.db"
        assert store.url == f"sqlite:///{path}"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL: durable across a power cut
    finally:
        store.close()


def test_url_precedence(monkeypatch):
    monkeypatch.setenv(DATABASE_ENV, "sqlite:///from-env.db")
    assert resolve_url("sqlite:///given.db") == "sqlite:///given.db"
    assert resolve_url(None) == "sqlite:///from-env.db"


def test_progress_bar_only_on_a_terminal(monkeypatch):
    from parcours.cli import store_commands

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert store_commands.progress_bar(10, "fr", "store.demo.progress") is None
    terminal = Tty()
    monkeypatch.setattr("sys.stderr", terminal)
    show = store_commands.progress_bar(10, "fr", "store.demo.progress")
    show(5)
    show(10)
    assert "Patients fictifs [###############...............] 5/10" in terminal.getvalue()
    assert terminal.getvalue().endswith("10/10\n")
