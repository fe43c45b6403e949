"""Home: patient search (`/`), the worklists of the site, a new patient; drafts offered at start.

Why: a nurse starts from "who is due" or from a name; the five lists are the store's worklists
(keyset pages), filtered by the chosen site, and Enter opens the patient's file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Header, Input

from parcours.core.errors import ParcoursError
from parcours.core.visible import visible
from tui.cells import rule_label, wrap
from tui.dates import show
from tui.footer import KeyFooter
from tui.keys import Key, install_keys
from tui.plain import Label
from tui.screens.base import ParcoursScreen
from tui.screens.home_drafts import HomeDrafts

if TYPE_CHECKING:
    from parcours.store.rows import WorklistRow

__all__ = ["COLUMNS", "LISTS", "HomeScreen"]

#: list id → store method (None: the patient search).
LISTS: dict[str, str | None] = {
    "patients": None,
    "due": "due_for_rescreening",
    "alerts": "open_alerts",
    "step2": "positive_without_step2",
    "review30": "awaiting_30day_review",
    "discharges": "discharges_without_reconciliation",
}
#: list id → (heading of its date column, heading of its detail column or None): what each holds.
COLUMNS: dict[str, tuple[str, str | None]] = {
    "patients": ("tui.col.next_screening", None),
    "due": ("tui.col.next_screening", None),
    "alerts": ("tui.col.raised_on", "tui.col.alert"),
    "step2": ("tui.col.screened_on", "tui.col.pending"),
    "review30": ("tui.col.review_due", "tui.col.reconciled_on"),
    "discharges": ("tui.col.discharged_on", "tui.col.stay"),
}
NAME_WIDTH = 22  # cells of the name column; a longer name goes on more lines, cut between words
NAME_LINES = 3  # then it ends in « … » (a name is never cut silently)
DATE_WIDTH = 10  # jj/mm/aaaa


class HomeScreen(HomeDrafts, ParcoursScreen[None]):
    """Search field, list selector and site filter, then the table of patients."""

    KEYS = (
        Key("slash", "search", "tui.home.key.search", display="/"),
        Key("n", "new_patient", "tui.home.key.new"),
        Key("1", "show_list('patients')", "tui.home.list.patients", show=False),
        Key("2", "show_list('due')", "tui.home.list.due", show=False),
        Key("3", "show_list('alerts')", "tui.home.list.alerts", show=False),
        Key("4", "show_list('step2')", "tui.home.list.step2", show=False),
        Key("5", "show_list('review30')", "tui.home.list.review30", show=False),
        Key("6", "show_list('discharges')", "tui.home.list.discharges", show=False),
        Key("a", "alert_status", "tui.home.key.alert", show=False),
        Key("l", "next_list", "tui.home.key.lists"),
        Key("s", "next_site", "tui.home.key.site"),
        Key("m", "more", "tui.home.key.more", show=False),
        Key("b", "drafts", "tui.home.key.drafts"),
    )
    HELP = "tui.home.help"
    DEFAULT_CSS = """
    HomeScreen #bar { height: 1; }
    HomeScreen #bar Label { width: auto; margin-right: 1; }
    HomeScreen #search { width: 1fr; border: none; height: 1; }
    HomeScreen #which { height: 1; background: $primary 30%; text-style: bold; }
    HomeScreen DataTable { height: 1fr; }
    """

    def __init__(self) -> None:
        super().__init__(id="home")
        self.list_id = "patients"
        self.rows: list[Any] = []
        self.cursor: str | None = None
        self.offered = False
        self.loaded = False  # the first page is shown (the store was ready)

    def compose(self) -> ComposeResult:
        install_keys(self, self.KEYS, self.app.lang)
        t = self.app.t
        yield Header()
        with Horizontal(id="bar"):
            yield Label(t("tui.home.search"))
            yield Input(placeholder=t("tui.home.search_hint"), id="search", compact=True)
        yield Label("", id="which")
        yield DataTable(id="table", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.store_ready()
        self.call_after_refresh(self.app.start_opening)  # after the first frame (tui.app)

    def store_ready(self) -> None:
        """Fill the list once the store is open (the app calls this when it opened it in the background)."""
        if self.app.store is None:
            text = self.app.store_error and self.app.t("tui.store.failed", reason=self.app.store_error)
            self.query_one("#which", Label).update(text or self.app.t("tui.store.opening"))
            return
        self.reload()
        self.loaded = True
        self.call_after_refresh(self.offer_drafts)

    # --- data -----------------------------------------------------------------------------
    def fetch(self, after: str | None) -> list[Any]:
        """One page of the current list from the store."""
        store, site = self.app.db, self.app.site  # reload() checked that it is open
        method = LISTS[self.list_id]
        if method is None:
            text = self.query_one("#search", Input).value.strip()
            return store.search_patients(text, site=site, limit=50, after=after)
        if method == "due_for_rescreening":
            from parcours.store.worklists import due_window

            start, end = due_window(self.app.today())  # the same window as `parcours worklist due`
            return store.due_for_rescreening(site=site, start=start, end=end, after=after, limit=50)
        worklist: Callable[..., list[WorklistRow]] = getattr(store, method)
        return worklist(site=site, after=after, limit=50)

    def reload(self, *, more: bool = False) -> None:
        """Refill the table (or add the next page)."""
        if self.app.store is None:
            return
        table = self.query_one(DataTable)
        if not more:
            keep = table.cursor_row if self.rows else 0  # a status change or a return keeps the row
            self.set_columns(table)
            self.rows, self.cursor = [], None
        try:
            page = self.fetch(self.cursor if more else None)
        except ParcoursError as exc:
            self.app.status(self.app.t("tui.status.store_error", code=exc.code), error=True)
            return
        for row in page:
            self.rows.append(row)
            cells = self.cells(row)
            table.add_row(*(Text(visible(c, keep_newlines=True)) for c in cells),  # literal text, never markup
                          key=str(len(self.rows) - 1), height=max(c.count("\n") + 1 for c in cells))
        if page:
            self.cursor = getattr(page[-1], "cursor", None) or getattr(page[-1], "id", None)
        if not more and keep and self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1), animate=False)
        t = self.app.t
        site = self.app.site or t("tui.home.all_sites")
        self.query_one("#which", Label).update(
            t("tui.home.which", list=t(f"tui.home.list.{self.list_id}"), site=site, count=len(self.rows))
        )

    def set_columns(self, table: DataTable[Text]) -> None:
        """Empty the table and head its columns with what the current list holds."""
        t = self.app.t
        date_key, detail_key = COLUMNS[self.list_id]
        table.clear(columns=True)
        table.add_column(t("tui.col.name"), width=NAME_WIDTH)
        table.add_column(t("tui.col.birth"), width=DATE_WIDTH)
        table.add_column(t(date_key), width=max(DATE_WIDTH, len(t(date_key))))
        if detail_key is not None:
            table.add_column(t(detail_key), width=self.detail_width())

    def detail_width(self) -> int:
        """The cells left for the detail column at the current width (each column pads 1 a side,
        the scroll bar takes 2)."""
        date_key, _ = COLUMNS[self.list_id]
        used = NAME_WIDTH + DATE_WIDTH + max(DATE_WIDTH, len(self.app.t(date_key))) + 4 * 2 + 2
        return max(12, (self.size.width or self.app.size.width) - used)

    def cells(self, row: Any) -> tuple[str, ...]:
        name = f"{row.family or ''} {' '.join(row.given)}".strip()
        name = "\n".join(wrap(visible(name), NAME_WIDTH, NAME_LINES))  # control characters shown, then measured
        due = getattr(row, "due", None) or getattr(row, "next_step1_due", None)
        cells = (name, show(row.birth_date), show(due))
        if COLUMNS[self.list_id][1] is None:
            return cells
        return (*cells, "\n".join(wrap(visible(self.detail(getattr(row, "detail", "") or "")), self.detail_width())))

    def detail(self, text: str) -> str:
        """A worklist detail in words: `D1:cognition` → « D1 nouveau positif (Cognition) », domain
        lists translated, a date shown jj/mm/aaaa."""
        t = self.app.t
        if self.list_id in ("review30",):
            return show(text)
        if self.list_id != "alerts" and self.list_id != "step2":
            return text
        out = []
        for part in text.split(","):
            rule, _, domain = part.partition(":") if ":" in part else ("", "", part)
            try:
                name = t(f"icope.domain.{domain.strip()}")
            except KeyError:
                name = domain.strip()
            out.append(f"{rule_label(t, rule)} ({name})" if rule else name)
        return ", ".join(o for o in out if o)

    def patient_id_of(self, index: int) -> str:
        row = self.rows[index]
        return str(getattr(row, "patient_id", None) or row.id)

    # --- events and actions -----------------------------------------------------------------
    def on_resize(self) -> None:
        if self.loaded:  # the detail column takes the width left: laid out again
            self.reload()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            event.stop()
            self.list_id = "patients"
            self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open_patient(self.patient_id_of(int(str(event.row_key.value))))

    def open_patient(self, patient_id: str) -> None:
        from tui.screens.patient import PatientScreen

        self.app.push_screen(PatientScreen(patient_id), lambda _: self.reload())

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_show_list(self, list_id: str) -> None:
        if not self.app.has_store():
            return
        self.list_id = list_id
        self.reload()

    def action_next_list(self) -> None:
        ids = list(LISTS)
        self.action_show_list(ids[(ids.index(self.list_id) + 1) % len(ids)])

    def action_next_site(self) -> None:
        if not self.app.has_store():
            return
        try:
            sites = [None, *(s.finess for s in self.app.db.sites())]
        except ParcoursError as exc:
            self.app.status(self.app.t("tui.status.store_error", code=exc.code), error=True)
            return
        index = sites.index(self.app.site) if self.app.site in sites else 0
        self.app.site = sites[(index + 1) % len(sites)]
        self.reload()

    def action_alert_status(self) -> None:
        """`a` on the open-alerts list: confirm, close or refute the alert under the cursor."""
        if self.list_id != "alerts" or not self.rows:
            self.app.status(self.app.t("tui.home.alert_only"))
            return
        from tui.alerts import ask_alert_status, record_id_of_cursor

        row = self.rows[self.query_one(DataTable).cursor_row]
        def changed(status: str | None) -> None:
            if status:
                self.reload()

        ask_alert_status(self.app, record_id_of_cursor(row.cursor), changed)

    def action_more(self) -> None:
        self.reload(more=True)

    def action_new_patient(self) -> None:
        if not self.app.has_store():
            return
        from tui.screens.patient_form import PatientFormScreen

        def created(patient: Any) -> None:
            self.reload()
            if patient is not None:
                self.open_patient(patient.id)

        self.app.push_screen(PatientFormScreen(), created)
