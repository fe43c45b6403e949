"""The nurse's lists and search at 80×24: headings, rule labels, no record ids, words never cut,
the cursor kept after a status change, accent-free search, the patient file scrolled by keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import DataTable

from parcours.core.records import RecordKind
from tui.cells import ELLIPSIS, fit, wrap
from tui.screens.home import HomeScreen
from tui.screens.modals import PickScreen
from tui.screens.patient import PatientScreen

WORDS = st.lists(st.text(alphabet="abcdéèxyz", min_size=1, max_size=12), max_size=12).map(" ".join)


@given(WORDS, st.integers(min_value=1, max_value=40))
def test_fit_cuts_between_words_and_says_so(text, width):
    out = fit(text, width)
    assert len(out) <= width
    if out == text:
        return
    assert out.endswith(ELLIPSIS)
    kept = out[:-1].split()
    assert kept == text.split()[:len(kept)]  # whole words only, in order


@given(WORDS, st.integers(min_value=3, max_value=30), st.integers(min_value=1, max_value=3))
def test_wrap_keeps_whole_words(text, width, lines):
    out = wrap(text, width, lines)
    assert 1 <= len(out) <= lines and all(len(line) <= width for line in out)
    shown = "".join("".join(line.removesuffix(ELLIPSIS).split()) for line in out)
    assert "".join(text.split()).startswith(shown)  # nothing added, nothing reordered
    if shown != "".join(text.split()):
        assert out[-1].endswith(ELLIPSIS)  # what is left out is said
    if all(len(w) <= width for w in text.split()):  # words that fit a line are never split
        words = [w for line in out[:-1] for w in line.split()]
        assert words == text.split()[:len(words)]


def _alerts(store, patient) -> None:
    """Vision and psychology negative then positive: two D1 alerts (icope.md §3.2)."""
    for day, bad in (("2026-05-01", False), ("2026-11-01", True)):
        store.save_document(RecordKind.ICOPE_SCREENING, {"date": day, "vision": {"eye_problems": bad},
                                                         "psychology": {"feeling_down": bad, "little_interest": bad}},
                            actor="t", patient_id=patient.id)


def _row(app, index: int) -> list[str]:
    return [str(c) for c in app.screen.query_one(DataTable).get_row_at(index)]


def _headings(app) -> list[str]:
    return [str(c.label) for c in app.screen.query_one(DataTable).columns.values()]


@pytest.mark.asyncio
@pytest.mark.parametrize(("lang", "headings", "detail"), [
    ("fr", ["Nom", "Naissance", "Alerte du", "Règle et domaine"], "D1 nouveau positif (Vision)"),
    ("en", ["Name", "Born", "Raised on", "Rule and domain"], "D1 newly positive (Vision)"),
])
async def test_alert_list_says_what_each_column_holds(make_app, store, patient, lang, headings, detail) -> None:
    _alerts(store, patient)
    app = make_app(lang, home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert _headings(app) == headings
        rows = [_row(app, i) for i in range(2)]
        assert {r[3].replace("\n", " ") for r in rows} >= {detail}
        assert all(r[2] == "01/11/2026" for r in rows)
        await pilot.press("1")
        await pilot.pause()
        assert _headings(app)[2] == ("Prochain dépistage" if lang == "fr" else "Next screening")
        assert len(_headings(app)) == 3


@pytest.mark.asyncio
async def test_the_cursor_stays_on_its_row_after_a_status_change(make_app, store, patient) -> None:
    _alerts(store, patient)
    app = make_app(home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3", "down")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.cursor_row == 1
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        await pilot.press("enter")  # confirmed: the alert stays on the list
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and table.row_count == 2
        assert table.cursor_row == 1


@pytest.mark.asyncio
async def test_long_details_wrap_between_words_at_80_columns(make_app, store, patient) -> None:
    every = {"cognition": {"words_recalled": 0}, "vision": {"eye_problems": True},
             "hearing": {"whisper_right": "fail", "whisper_left": "fail"},
             "psychology": {"feeling_down": True, "little_interest": True},
             "nutrition": {"weight_loss": "yes", "appetite_loss": True}}
    store.save_document(RecordKind.ICOPE_SCREENING, {"date": "2026-11-01", **every}, actor="t", patient_id=patient.id)
    app = make_app(home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        detail = _row(app, 0)[3]
        width = app.screen.detail_width()
        lines = detail.split("\n")
        assert len(lines) == 2 and all(len(line) <= width for line in lines)
        full = "Cognition, Nutrition, Vision, Audition, Psychologie"
        shown = " ".join(lines).removesuffix(ELLIPSIS)
        assert full.startswith(shown) and (shown == full or full[len(shown)] in " ,")  # never mid-word


@pytest.mark.asyncio
@pytest.mark.parametrize("text", ["helene", "HÉLÈNE", "martin hel", "02/05/1944", "2 44 05 75 123 456 92"])
async def test_home_search_by_first_name_full_name_birth_date_and_ins(make_app, store, text) -> None:
    store.create_patient({"family": "MARTIN", "given": ["Hélène"], "birth_date": "1944-05-02", "sex": "female",
                          "ins": "244057512345692"}, site=None, actor="test")
    store.create_patient({"family": "HELMUT", "given": ["Paul"], "birth_date": "1950-01-01", "sex": "male"},
                         site=None, actor="test")
    app = make_app(home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *text)
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        names = [_row(app, i)[0] for i in range(table.row_count)]
        assert names[0] == "MARTIN Hélène"
        assert "HELMUT Paul" not in names or text.lower().startswith("hel")


@pytest.mark.asyncio
async def test_patient_file_scrolls_from_the_keyboard(make_app, store, patient) -> None:
    for month in range(1, 11):
        store.save_document(RecordKind.ICOPE_SCREENING, {"date": f"2026-{month:02d}-01",
                                                         "vision": {"eye_problems": month % 2 == 0}},
                            actor="t", patient_id=patient.id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = PatientScreen(patient.id)
        await app.push_screen(screen)
        await pilot.pause()
        file = screen.query_one("#file")
        assert file.max_scroll_y > 0 and file.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert file.scroll_y > 0
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert file.scroll_y == file.max_scroll_y
        await pilot.press("ctrl+home")
        await pilot.pause()
        assert file.scroll_y == 0
        assert "nouveau positif" in str(screen.query_one("#pf-alerts").render())  # rule labels, not bare D1


@pytest.mark.asyncio
async def test_an_s1_alert_shows_its_label(make_app, store, patient) -> None:
    store.save_document(RecordKind.ICOPE_ASSESSMENT, {"instrument": "phq9", "date": "2026-11-02",
                                                      "items": [0, 0, 0, 0, 0, 0, 0, 0, 1]},
                        actor="t", patient_id=patient.id)
    app = make_app(home=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        detail = _row(app, 0)[3].replace("\n", " ")
        assert detail.startswith("S1 sécurité") and "S1:" not in detail
