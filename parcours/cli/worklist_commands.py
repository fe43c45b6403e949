"""`parcours worklist …` and the alerts of `patients show --json`: the TUI's lists, for scripts.

Why: a coordinating nurse scripts « qui est à redépister », « alertes ouvertes »… The rows come
from the store's worklist queries (parcours.store.worklists, keyset pages, as the TUI's home
screen reads them); this module only pages through them and prints a table (headings in the
user's language, dates dd/mm/yyyy) or JSON (ISO dates).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any

import orjson

from parcours.messages import Lang, message

__all__ = ["WORKLISTS", "alerts_json", "rows_of", "worklist"]

#: CLI name -> (store method, the TUI's list id whose title names it: tui.home.list.<id>).
WORKLISTS: dict[str, tuple[str, str]] = {
    "due": ("due_for_rescreening", "due"),
    "alerts": ("open_alerts", "alerts"),
    "positive-without-step2": ("positive_without_step2", "step2"),
    "review30": ("awaiting_30day_review", "review30"),
    "discharges-without-reconciliation": ("discharges_without_reconciliation", "discharges"),
}


def rows_of(store: Any, name: str, *, site: str | None, limit: int | None) -> Iterator[Any]:
    """Every row of worklist `name` (or the first `limit`), page after page, in the store's order."""
    from parcours.core import clock
    from parcours.store.worklists import PAGE, due_window

    method = getattr(store, WORKLISTS[name][0])
    extra: dict[str, Any] = {}
    if name == "due":
        extra["start"], extra["end"] = due_window(clock.today())
    after: str | None = None
    given = 0
    while limit is None or given < limit:
        size = PAGE if limit is None else min(PAGE, limit - given)
        page = method(site=site, after=after, limit=size, **extra)
        yield from page
        given += len(page)
        if len(page) < size:
            return
        after = page[-1].cursor


def _structured(name: str, detail: str) -> dict[str, Any]:
    """The row's detail as named fields (the store's `detail` string stays alongside)."""
    if name == "alerts":
        rule, _, domain = detail.partition(":")
        return {"rule": rule, "domain": domain}
    if name == "positive-without-step2":
        return {"domains": [d for d in detail.split(",") if d]}
    if name == "discharges-without-reconciliation":
        return {"stay": detail or None}
    if name == "review30":
        return {"reconciliation": detail}
    return {}


def _row_json(name: str, row: Any) -> dict[str, Any]:
    return {"patient_id": row.patient_id, "family": row.family, "given": list(row.given), "birth_date": row.birth_date,
            "site": row.site, "date": row.due, "detail": row.detail, **_structured(name, row.detail)}


def _domain(domain: str, lang: Lang) -> str:
    try:
        return message(f"icope.domain.{domain}", lang)
    except KeyError:
        return domain  # a domain added later still shows, by its code


def _detail_text(name: str, detail: str, lang: Lang) -> str:
    if name == "alerts":
        rule, _, domain = detail.partition(":")
        return f"{rule} {_domain(domain, lang)}"
    if name == "positive-without-step2":
        return ", ".join(_domain(d, lang) for d in detail.split(",") if d)
    return detail


def _show(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    lines = ["  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)).rstrip() for row in [header, *rows]]
    return "\n".join(lines) + "\n"


def worklist(args: argparse.Namespace, lang: Lang) -> int:
    """`parcours worklist NAME [--site FINESS] [--json] [--limit N]`."""
    from parcours.cli.store_commands import EXIT_OK, _with_store

    name = args.command

    def body(store: Any) -> int:
        rows = rows_of(store, name, site=args.site, limit=args.limit)
        out = sys.stdout
        if args.json:
            out.buffer.write(b"[" + b",".join(orjson.dumps(_row_json(name, r)) for r in rows) + b"]\n")
            return EXIT_OK
        header = [message(f"worklist.column.{c}", lang) for c in ("id", "family", "given", "birth_date", "site")]
        header += [message(f"worklist.date.{name}", lang), message("worklist.column.detail", lang)]
        table = [[r.patient_id, r.family or "", " ".join(r.given), _show(r.birth_date), r.site or "", _show(r.due),
                  _detail_text(name, r.detail, lang)] for r in rows]
        title = message(f"tui.home.list.{WORKLISTS[name][1]}", lang)
        out.write(message("worklist.title", lang, list=title, site=args.site or message("worklist.all_sites", lang),
                          count=len(table)) + "\n")
        out.write(_table(header, table))
        return EXIT_OK

    return _with_store(args, lang, body)


def alerts_json(records: Any) -> list[dict[str, Any]]:
    """The alerts among a patient's records, oldest first: `{id, rule, domain, status, stage, open, date}`.

    `status` is what a script filters on (issue 15): `open` while the alert still needs a
    professional (the store's new or confirmed, as in the open-alerts worklist), else `closed` or
    `refuted`; `stage` is the store's lifecycle itself (new, confirmed, closed, refuted).
    """
    from parcours.core.records import RecordKind
    from parcours.store.alerts import OPEN

    out = []
    for d in records.documents:
        if d.kind is RecordKind.ICOPE_ALERT:
            stage = d.document.get("status")
            out.append({"id": d.record_id, "rule": d.document.get("rule"), "domain": d.document.get("domain"),
                        "status": "open" if stage in OPEN else stage, "stage": stage, "open": stage in OPEN,
                        "date": d.recorded_on})
    return out
