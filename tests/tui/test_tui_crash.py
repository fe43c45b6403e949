"""An unhandled error: the drafts kept, a crash log without personal data, exit status 1.

The error screen (tui.crash.CrashScreen) shows only when the app's own message loop survives the
error; an error in a key action stops that loop, so what these tests hold is the log and the exit.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual import events

from tui.crash import CrashScreen, crash_report
from tui.screens.patient import PatientScreen

SECRET = "DUPONT Hélène 2440575123456"


def _boom(self: object) -> None:
    raise RuntimeError(f"failure while showing {SECRET}")


@pytest.mark.asyncio
async def test_unhandled_error_logs_keeps_drafts_and_exits_1(make_app, store, patient, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARCOURS_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setattr(PatientScreen, "action_alert_status", _boom)
    store.save_draft("icope.screening", {"values": {"vision.eye_problems": True}, "screen": "Step1Screen",
                                         "args": {}}, actor="test", patient_id=patient.id)
    app = make_app()
    with pytest.raises(RuntimeError):  # run_test re-raises the first error for the test framework
        async with app.run_test(size=(80, 24)) as pilot:
            await app.push_screen(PatientScreen(patient.id))
            await pilot.pause()
            # the key goes straight to the app: Pilot.press would wait for a message pump that
            # Textual stops after an unhandled error
            app.post_message(events.Key("a", "a"))
            for _ in range(100):
                await asyncio.sleep(0.05)
                if not app.is_running:
                    break
    assert app.return_code == 1
    (log,) = (tmp_path / "logs").glob("crash-*.log")
    text = log.read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in text and "_boom" in text
    assert "DUPONT" not in text and "2440575123456" not in text
    assert log.stat().st_mode & 0o777 == 0o600
    assert len(store.list_drafts(kind="icope.screening")) == 1  # the draft survives the crash


def test_crash_report_keeps_the_chain_but_no_message() -> None:
    try:
        try:
            raise KeyError(SECRET)
        except KeyError as inner:
            raise ValueError(SECRET) from inner
    except ValueError as exc:
        text = crash_report(exc)
    assert "builtins.KeyError" in text and "builtins.ValueError" in text
    assert text.index("KeyError") < text.index("ValueError")
    assert SECRET not in text


@pytest.mark.asyncio
async def test_crash_screen_says_drafts_are_kept_and_any_key_quits_with_1(make_app, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(CrashScreen(tmp_path / "crash-1.log"))
        await pilot.pause()
        shown = " ".join(str(label.render()) for label in app.screen.query("Label"))
        assert "erreur inattendue" in shown and "conservées" in shown and "crash-1.log" in shown
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 1
