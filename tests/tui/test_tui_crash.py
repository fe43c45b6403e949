"""An unhandled error: the error screen, the drafts kept, a crash log without personal data, exit 1.

Each path by which Textual hands an error to the app is injected while a screening is being typed
(its draft on disk): a key action (priority and ordinary bindings), a button, an `on_*` handler, a
store method called from a key handler, a worker (thread and async) and a screen's compose.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import inspect
from collections.abc import Awaitable, Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.worker import Worker, WorkerFailed

from parcours.store import open_store
from tui.crash import CrashScreen, crash_report
from tui.crash_guard import CrashGuard
from tui.screens.form import FormScreen
from tui.screens.help import HelpScreen
from tui.screens.step1 import Step1Screen

#: the patient's identity: none of it may reach the crash log
FAMILY, GIVEN, BIRTH, INS = "DUPONT", "Hélène", "1944-05-07", "244057512345692"
SECRET = f"{FAMILY} {GIVEN} {BIRTH} {INS}"
TODAY = date(2026, 11, 20)


def _boom(*_args: object, **_kw: object) -> None:
    raise RuntimeError(f"failure while showing {SECRET}")


@pytest.fixture
def disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Any, str]]:
    """A store in a file (the draft must be on disk), the crash logs in tmp_path/logs."""
    monkeypatch.setenv("PARCOURS_LOG_DIR", str(tmp_path / "logs"))
    url = f"sqlite:///{tmp_path / 'parcours.db'}"
    store = open_store(url)
    try:
        yield store, url
    finally:
        store.close()


def _app(store: Any, lang: str = "fr") -> Any:
    from tui import make_app

    return make_app(store, lang, today=TODAY, actor="test", home=False)


async def _typing_a_screening(app: Any, pilot: Any, store: Any) -> Step1Screen:
    """Step 1 open for the patient, one answer typed (saved as a draft): the vision domain is positive."""
    patient = store.create_patient({"family": FAMILY, "given": [GIVEN], "birth_date": BIRTH, "sex": "female",
                                    "ins": INS}, site=None, actor="test")
    screen = Step1Screen(patient)
    await app.push_screen(screen)
    await pilot.pause()
    screen.query_one("#f-vision-eye_problems").focus()
    await pilot.pause()
    await pilot.press("1")  # Oui: saved in the draft at once, the focus moves to the next question
    assert len(store.list_drafts(kind="icope.screening")) == 1
    return screen


async def _wait_for_crash_screen(app: Any, pilot: Any) -> CrashScreen:
    for _ in range(100):
        await pilot.pause()
        if isinstance(app.screen, CrashScreen):
            return app.screen
        await asyncio.sleep(0.02)
    raise AssertionError(f"no error screen; the app shows {app.screen!r}")


Trigger = Callable[[Any, Any, Step1Screen, pytest.MonkeyPatch], Awaitable[None]]


async def _priority_key(app: Any, pilot: Any, screen: Step1Screen, mp: pytest.MonkeyPatch) -> None:
    mp.setattr(Step1Screen, "action_step2", _boom)
    await pilot.press("f2")  # a priority binding: run by the app's own loop before the key is forwarded


async def _ordinary_key(app: Any, pilot: Any, screen: Step1Screen, mp: pytest.MonkeyPatch) -> None:
    mp.setattr(FormScreen, "action_back", _boom)
    await pilot.press("escape")  # bubbles from the field to the app, whose loop runs the screen's action


async def _button(app: Any, pilot: Any, screen: Step1Screen, mp: pytest.MonkeyPatch) -> None:
    mp.setattr(Step1Screen, "on_button_pressed", _boom)
    screen.query_one("#s2-vision-visual_acuity").press()  # the step-2 offer of the positive domain


async def _on_handler(app: Any, pilot: Any, screen: Step1Screen, mp: pytest.MonkeyPatch) -> None:
    mp.setattr(Step1Screen, "on_descendant_focus", _boom, raising=False)
    await pilot.press("tab")  # the focus moves: the screen's handler of DescendantFocus fails


async def _store_method(app: Any, pilot: Any, screen: Step1Screen, mp: pytest.MonkeyPatch) -> None:
    mp.setattr(app.store, "save_draft", _boom)
    await pilot.press("1")  # the field's key handler saves the draft: the store fails (not a ParcoursError)


async def _thread_worker(app: Any, pilot: Any, screen: Step1Screen, mp: pytest.MonkeyPatch) -> None:
    screen.run_worker(_boom, thread=True)


async def _async_worker(app: Any, pilot: Any, screen: Step1Screen, mp: pytest.MonkeyPatch) -> None:
    async def work() -> None:
        _boom()

    screen.run_worker(work())


async def _mount(app: Any, pilot: Any, screen: Step1Screen, mp: pytest.MonkeyPatch) -> None:
    mp.setattr(HelpScreen, "compose", _boom)
    await pilot.press("f1")  # the help screen is pushed; its compose fails in its own message loop


TRIGGERS: dict[str, Trigger] = {
    "priority_key": _priority_key, "key": _ordinary_key, "button": _button, "on_handler": _on_handler,
    "store_method": _store_method, "thread_worker": _thread_worker, "async_worker": _async_worker, "mount": _mount,
}


@pytest.mark.asyncio
@pytest.mark.parametrize("path", list(TRIGGERS))
async def test_every_unhandled_error_shows_the_error_screen_keeps_the_draft_and_exits_1(
        disk: tuple[Any, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str) -> None:
    store, url = disk
    app, checked = _app(store), False
    with pytest.raises((RuntimeError, WorkerFailed)):  # run_test re-raises the first error for the test framework
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await _typing_a_screening(app, pilot, store)
            stale = events.Key("enter", None)  # typed before the error: must not close the error screen
            await TRIGGERS[path](app, pilot, screen, monkeypatch)
            crash = await _wait_for_crash_screen(app, pilot)
            shown = " ".join(str(label.render()) for label in crash.query("Label"))
            assert "erreur inattendue" in shown and "saisie en cours est gardée" in shown
            assert app.crash_log is not None and str(app.crash_log) in shown.replace("\n", "")
            assert "Entrée" in shown
            app.post_message(stale)
            await pilot.press("f1", "a", "f3", "escape")  # the app's keys are off, other keys ignored
            await pilot.pause()
            assert app.is_running and app.screen is crash and len(app.screen_stack) >= 2
            await pilot.press("enter")
            await pilot.pause()
            checked = True  # pytest.raises would hide an error raised before the checks above
    assert checked and app.return_code == 1
    (log,) = (tmp_path / "logs").glob("crash-*.log")
    assert log == app.crash_log and log.stat().st_mode & 0o777 == 0o600
    text = log.read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in text and "in _boom" in text
    for personal in (FAMILY, GIVEN, BIRTH, INS, "07/05/1944"):
        assert personal not in text
    again = open_store(url)  # another connection to the file: the draft typed before the error
    try:
        (draft,) = again.list_drafts(kind="icope.screening")
        assert draft.data["values"]["vision.eye_problems"] is True
    finally:
        again.close()


@pytest.mark.asyncio
async def test_the_app_quit_key_on_the_error_screen_exits_1_and_leaves_the_words_on_the_terminal(
        disk: tuple[Any, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    store, _ = disk
    app, checked = _app(store, "en"), False
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await _typing_a_screening(app, pilot, store)
            await _priority_key(app, pilot, screen, monkeypatch)
            crash = await _wait_for_crash_screen(app, pilot)
            assert "entry in progress is kept" in " ".join(str(label.render()) for label in crash.query("Label"))
            await pilot.press("ctrl+q")  # the app's quit key is off: the error screen quits, with status 1
            await pilot.pause()
            checked = True
    assert checked and app.return_code == 1
    err = capsys.readouterr().err  # what stays on the terminal once the app has closed
    assert "unexpected error" in err and str(app.crash_log) in err.replace("\n", "") and "Traceback" not in err


@pytest.mark.asyncio
async def test_an_error_behind_the_error_screen_exits_at_once_without_a_traceback(
        disk: tuple[Any, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    store, _ = disk
    app, checked = _app(store), False
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await _typing_a_screening(app, pilot, store)
            await _priority_key(app, pilot, screen, monkeypatch)
            await _wait_for_crash_screen(app, pilot)
            checked = True
            screen.run_worker(_boom, thread=True)  # a second error: no screen can be trusted any more
            screen.run_worker(_boom, thread=True)  # and a third, while the app closes
            for _ in range(100):
                await asyncio.sleep(0.02)
                if not app.is_running:
                    break
    assert checked and app.return_code == 1
    assert len(list((tmp_path / "logs").glob("crash-*.log"))) >= 2
    err = capsys.readouterr().err
    assert err.count("erreur inattendue") == 1 and "Traceback" not in err and FAMILY not in err
    assert "NOTE" not in err  # Textual's English note when it has several errors to print


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


def test_crash_report_of_a_worker_holds_the_worker_s_traceback_and_no_home_folder(
        monkeypatch: pytest.MonkeyPatch) -> None:
    here = Path(__file__).resolve()
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: here.parent))
    try:
        _boom()
    except RuntimeError as exc:
        text = crash_report(WorkerFailed(exc))
    assert "in a worker" in text and "in _boom" in text and "builtins.RuntimeError" in text
    assert f'"~/{here.name}"' in text and str(here.parent) not in text
    assert SECRET not in text


@pytest.mark.asyncio
async def test_crash_screen_says_what_happened_and_enter_quits_with_1(make_app, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(CrashScreen(tmp_path / "crash-1.log"))
        await pilot.pause()
        shown = " ".join(str(label.render()) for label in app.screen.query("Label"))
        assert "erreur inattendue" in shown and "gardée" in shown and "crash-1.log" in shown
        await pilot.press("x")
        assert app.is_running
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 1


def test_the_textual_hooks_of_the_crash_path_are_those_of_the_pinned_version() -> None:
    """tui/crash_guard.py overrides private methods of Textual 8.2.8: a new version must be re-checked."""
    assert importlib.metadata.version("textual") == "8.2.8"
    assert list(inspect.signature(App._handle_exception).parameters) == ["self", "error"]
    assert inspect.iscoroutinefunction(MessagePump._process_messages_loop)
    assert list(inspect.signature(MessagePump._process_messages_loop).parameters) == ["self"]
    loop = inspect.getsource(MessagePump._process_messages_loop)
    assert "self.app._handle_exception(error)\n                break" in loop  # the loop stops after an error
    assert "app._handle_exception(worker_failed)" in inspect.getsource(Worker._run)
    assert "self.app._handle_exception(error)" in inspect.getsource(MessagePump._pre_process)
    for name in ("_exit_renderables", "_exception", "_return_code"):
        assert name in inspect.getsource(App.__init__)
    assert callable(App._close_messages_no_wait) and "_exception_event" in dir(App)
    assert list(inspect.signature(App.check_action).parameters) == ["self", "action", "parameters"]
    assert CrashGuard._handle_exception is not App._handle_exception


@pytest.mark.asyncio
async def test_an_error_showing_the_store_once_open_is_an_unhandled_error(
        disk: tuple[Any, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The home screen fills its list when the store is open: an error there is a crash, not « base inaccessible »."""
    from tui import make_app
    from tui.screens.home import HomeScreen

    store, _ = disk
    store.create_patient({"family": FAMILY, "given": [GIVEN], "birth_date": BIRTH, "sex": "female", "ins": INS},
                         site=None, actor="test")
    monkeypatch.setattr(HomeScreen, "reload", _boom)  # filling the list, once the store is open
    app, checked = make_app(lambda: store, "fr", today=TODAY, actor="test"), False
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await _wait_for_crash_screen(app, pilot)
            assert app.store_error is None
            await pilot.press("enter")
            await pilot.pause()
            checked = True
    assert checked and app.return_code == 1
    (log,) = (tmp_path / "logs").glob("crash-*.log")
    assert "in _boom" in log.read_text(encoding="utf-8") and FAMILY not in log.read_text(encoding="utf-8")
