"""End to end: the real app in tmux at 80×24 — new patient, screening typed key by key, SIGKILL
mid-screening, restart, « Reprendre la saisie ? », finish, save, PDF; then the store is checked.

Every key is sent alone and the pane is polled until its echo shows (the typed text, or the
bracketed answer `[1 Oui]` on the field's line), so the test never races the terminal; Tab needs no
wait (the app handles its keys in order). The pane stays open if the app dies, so a crash fails
at once with the traceback on screen instead of a timeout.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

#: seconds to wait for one echo: generous, the machine is shared (a busy CI runner, other test runs)
TIMEOUT = 60.0


def _launcher(db_url: str) -> list[str]:
    """`parcours --db URL` with no command: the README's way to open the terminal UI."""
    return [sys.executable, "-m", "parcours", "--lang", "fr", "--db", db_url]


class Pane:
    """One tmux session running the app; keys in, screen text out."""

    def __init__(self, name: str, command: list[str], env: dict[str, str]) -> None:
        self.name = name
        exports = " ".join(f"{k}={_q(v)}" for k, v in env.items())
        shell = f"exec env -u COLUMNS -u LINES {exports} " + " ".join(_q(c) for c in command)
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", name, "-x", "80", "-y", "24", shell, ";",
             "set-option", "-t", name, "remain-on-exit", "on"],
            check=True,
        )
        self.pid = int(self._tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout

    def text(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def dead(self) -> bool:
        """The app has exited (the pane is kept, with what it printed last)."""
        return self._tmux("display-message", "-p", "-t", self.name, "#{pane_dead}").strip() == "1"

    def wait(self, predicate, what: str, *, exiting: bool = False) -> str:
        """Poll the pane until `predicate(screen)`; fail at once if the app died (unless `exiting`)."""
        end = time.monotonic() + TIMEOUT
        while time.monotonic() < end:
            screen = self.text()
            if predicate(screen):
                return screen
            if not exiting and self.dead():
                raise AssertionError(f"the app exited while waiting for {what!r}; screen:\n{self.text()}")
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what!r}; screen:\n{self.text()}")

    def wait_for(self, text: str) -> str:
        return self.wait(lambda s: text in s, text)

    def line(self, label: str, screen: str | None = None) -> str:
        """The field's line, and the next one (a long question has its answers under it)."""
        rows = (screen or self.text()).splitlines()
        for i, row in enumerate(rows):
            if row.strip().startswith(label):
                return "\n".join(rows[i : i + 2])
        return ""

    def key(self, key: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, key], check=True)

    def literal(self, char: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, "-l", char], check=True)

    def type_into(self, label: str, text: str) -> None:
        """Type `text` one character at a time, each echoed on the line of the field `label`."""
        for i, char in enumerate(text):
            self.literal(char)
            self.wait(lambda s, done=text[: i + 1]: done in self.line(label, s), f"{label}: {text[: i + 1]}")

    def answer(self, label: str, digit: str, shown: str) -> None:
        """Press a digit on a choice field and wait for `[digit shown]` on its line."""
        self.literal(digit)
        self.wait(lambda s: f"[{digit} {shown}]" in self.line(label, s), f"{label}: [{digit} {shown}]")

    def tab(self, times: int = 1) -> None:
        """Next field: keys reach the app in order, so the next key lands in the new field."""
        for _ in range(times):
            self.key("Tab")

    def kill(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], check=False, capture_output=True)


def _q(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


@pytest.fixture
def panes():
    if shutil.which("tmux") is None:
        pytest.fail("tmux is required by the end-to-end test (apt-get install tmux)")
    started: list[Pane] = []
    yield started
    for pane in started:
        pane.kill()


def test_screening_survives_sigkill_and_resumes(tmp_path: Path, panes: list[Pane]) -> None:
    db_url = f"sqlite:///{tmp_path}/e2e.db"
    env = {"PARCOURS_EXPORT_DIR": str(tmp_path / "exports"), "TERM": "xterm-256color", "PARCOURS_ACTOR": "e2e"}
    name = f"parcours-e2e-{os.getpid()}"

    app = Pane(name, _launcher(db_url), env)
    panes.append(app)
    app.wait_for("Rechercher (/)")  # the first screen, before the store is open
    app.wait_for("ligne(s)")  # the store is open: the list is filled
    app.literal("n")
    app.wait_for("Nouveau patient")
    app.type_into("Nom de naissance", "MARTIN")
    app.tab()
    app.type_into("Prénom(s)", "Jeanne")
    app.tab()
    app.type_into("Date de naissance", "02/05/1944")  # dd/mm/yyyy at the UI edge
    app.tab()
    app.answer("Sexe", "1", "Femme")
    app.key("C-s")
    app.wait_for("Dépistages (+ positif")
    app.literal("d")
    app.wait_for("Dépistage ICOPE étape 1 — MARTIN Jeanne")

    app.tab()  # date (today) kept
    app.answer("Réalisé par", "1", "IDE")  # a digit answers and moves to the next question
    for label in ("Année", "Mois", "Jour du mois", "Jour de la semaine", "Lieu"):
        app.answer(label, "1", "Juste")
    app.type_into("Mots rappelés", "3")
    app.tab()
    app.answer("Plainte mnésique", "2", "Non")
    app.wait_for("Cognition : NÉGATIF")
    app.answer("5 levers de chaise", "1", "Oui")
    app.type_into("Temps des 5 levers", "12,5")  # decimal comma
    app.tab()
    app.answer("A utilisé les bras", "2", "Non")
    app.wait_for("Locomotion : NÉGATIF")

    # The terminal dies mid-screening: nothing typed may be lost.
    os.kill(app.pid, signal.SIGKILL)
    app.kill()
    panes.remove(app)

    again = Pane(name + "-2", _launcher(db_url), env)
    panes.append(again)
    again.wait_for("Reprendre la saisie ?")
    again.wait_for("MARTIN Jeanne")
    again.literal("o")
    again.wait_for("Dépistage ICOPE étape 1 — MARTIN Jeanne")
    # reopened on the last field typed, in view with its domain's result: nothing was lost
    again.wait(lambda s: "[2 Non]" in again.line("A utilisé les bras", s), "A utilisé les bras: [2 Non]")
    again.wait_for("Locomotion : NÉGATIF")

    again.tab()  # arms → weight loss
    again.answer("Perte de poids > 3 kg", "2", "Non")
    again.tab()  # the weight lost left empty
    again.answer("Perte d'appétit", "2", "Non")
    again.type_into("Poids du jour", "67,9")
    again.wait_for("Nutrition : NÉGATIF")
    again.tab()
    again.literal("1")  # eye problems: yes; the answer moves the focus on, and the form to hearing
    again.wait_for("Acuité visuelle")  # the positive domain offers its step-2 instrument (F2, not a Tab stop)
    again.answer("Voix chuchotée, oreille droite", "1", "Réussi")
    again.answer("Voix chuchotée, oreille gauche", "1", "Réussi")
    again.tab(2)  # hearWHO and audiometry left empty
    again.answer("Triste, déprimé", "2", "Non")
    again.answer("Peu d'intérêt", "2", "Non")
    again.wait_for("Résultat global : positif")
    again.wait_for("Étape 2 proposée : Vision")
    again.key("C-s")
    again.wait_for("Dépistages (+ positif")
    again.literal("x")
    again.wait_for("PDF écrit")
    again.key("C-q")
    again.wait(lambda _: again.dead(), "the app to quit", exiting=True)

    from parcours.store import open_store

    store = open_store(db_url)
    try:
        (patient,) = store.search_patients("martin")
        screenings = [d for d in store.patient_records(patient.id).documents if d.kind.value == "icope.screening"]
        assert len(screenings) == 1
        doc, result = screenings[0].document, screenings[0].result
        assert doc["administered_by"] == "nurse"  # typed before the kill
        assert doc["locomotion"] == {"completed": True, "chair_rise_seconds": 12.5, "used_arms": False}
        assert doc["nutrition"]["weight_kg"] == 67.9
        assert doc["cognition"]["words_recalled"] == 3
        assert result["overall"] == "positive"
        assert result["domains"]["vision"]["result"] == "positive"
        assert result["step2"] == [{"domain": "vision", "instruments": ["visual_acuity"]}]
        assert store.list_drafts() == []
    finally:
        store.close()
    pdfs = list((tmp_path / "exports").glob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF")
