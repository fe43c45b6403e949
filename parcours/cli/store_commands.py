"""`parcours demo`, `patients list|show`, `db upgrade|check`, and the TUI launcher.

Why: thin shells over the store API; every error is rendered once here, in the user's
language, naming the argument at fault, with exit 2 for bad input and 1 for a database fault.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from types import SimpleNamespace
from typing import Any

import orjson

from parcours.core.visible import shown_key, visible
from parcours.messages import Lang, message
from parcours.messages import render_error as render_store_error

__all__ = ["db_check", "db_upgrade", "demo", "patients_list", "patients_show", "render_store_error", "tui"]

EXIT_OK, EXIT_FAULT, EXIT_INVALID = 0, 1, 2


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def store_error_status(exc: Exception) -> int:
    """Exit 2 for a database URL the user got wrong (issue 18), 1 for a database that fails."""
    from parcours.store.errors import DatabaseUrlError

    return EXIT_INVALID if isinstance(exc, DatabaseUrlError) else EXIT_FAULT


def _with_store(args: argparse.Namespace, lang: Lang, body: Callable[[Any], int], *, migrate: bool = True,
                on_damaged: Callable[[Exception], int] | None = None) -> int:
    """Open the store, run `body`, close; render store errors (`on_damaged`: a damaged file's own answer)."""
    from parcours.core.errors import InvalidInput
    from parcours.store import open_store
    from parcours.store.errors import Damaged, DatabaseError, StoreError

    try:
        store = open_store(getattr(args, "db", None), migrate=migrate)
    except StoreError as exc:
        if on_damaged is not None and isinstance(exc, Damaged):
            return on_damaged(exc)
        _err(render_store_error(exc, lang))
        return store_error_status(exc)
    try:
        return body(store)
    except DatabaseError as exc:
        _err(render_store_error(exc, lang))
        return EXIT_FAULT
    except (StoreError, InvalidInput) as exc:
        _err(render_store_error(exc, lang))
        return EXIT_INVALID
    finally:
        store.close()


def _date(value: date | None) -> str:
    """dd/mm/yyyy, the French (and project-wide) display format."""
    return value.strftime("%d/%m/%Y") if value else ""


def progress_bar(total: int, lang: Lang, label_key: str) -> Callable[[int], None] | None:
    """A one-line progress bar on stderr when it is a terminal (None otherwise)."""
    if not sys.stderr.isatty():
        return None
    label = message(label_key, lang)

    def show(done: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def demo(args: argparse.Namespace, lang: Lang) -> int:
    """`parcours demo [--patients N]`: fake patients for trying the app."""
    def body(store: Any) -> int:
        from parcours.store.demo import generate

        tty = sys.stderr.isatty()
        from parcours.store.demo import ACTOR, DEMO_SITES, seed_loaded
        from parcours.store.sites import ensure_site

        with store.engine.begin() as conn:
            sites = tuple(ensure_site(conn, f, n, k, t, actor=ACTOR) for f, n, k, t in DEMO_SITES)
            if seed_loaded(conn, args.seed, sites):
                _err(message("store.demo.seed_loaded", lang, seed=args.seed, next=args.seed + 1, url=store.url))
                return EXIT_OK
        added = generate(store, args.patients, seed=args.seed,
                         progress=progress_bar(args.patients, lang, "store.demo.progress"),
                         indexing=(lambda: _err(message("store.demo.indexing", lang))) if tty else None)
        _err(message("store.demo.done", lang, count=added, url=store.url))
        return EXIT_OK

    return _with_store(args, lang, body)


def patients_list(args: argparse.Namespace, lang: Lang) -> int:
    """`parcours patients list [--site FINESS] [--json]`."""
    def body(store: Any) -> int:
        found = store.search_patients("", site=args.site, limit=args.limit + 1)  # one more: is there more?
        if len(found) > args.limit:
            found = found[:args.limit]
            _err(message("store.list.truncated", lang, limit=args.limit))
        if args.json:
            sys.stdout.buffer.write(orjson.dumps([_patient_json(p) for p in found]) + b"\n")
            return EXIT_OK
        header = [message(f"store.column.{c}", lang) for c in ("id", "family", "given", "birth_date", "ins", "site",
                                                               "next_due")]
        rows = [[visible(str(cell)) for cell in (p.id, p.family or "", " ".join(p.given), _date(p.birth_date),
                                                 p.ins or "", p.site or "", _date(p.next_step1_due))]
                for p in found]  # stored names are data: a control character is shown, never obeyed
        sys.stdout.write(_table(header, rows))
        return EXIT_OK

    return _with_store(args, lang, body)


def _resolve_patient(store: Any, key: str, lang: Lang) -> str | None:
    """The patient's store id for the `ID` argument; None after saying it is unknown (INS masked)."""
    from parcours.store.errors import NotFound

    try:
        return str(store.resolve_patient(key))
    except NotFound:
        _err(message("store.unknown_patient", lang, option="ID", key=shown_key(key)))
        return None


def _patient_json(p: Any) -> dict[str, Any]:
    return {"id": p.id, "fhir_id": p.fhir_id, "version": p.version, "patient": p.identity, "site": p.site,
            "next_step1_due": p.next_step1_due}


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    lines = ["  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)).rstrip() for row in [header, *rows]]
    return "\n".join(lines) + "\n"


def patients_show(args: argparse.Namespace, lang: Lang) -> int:
    """`parcours patients show ID [--json]`: identity and every record."""
    def body(store: Any) -> int:
        patient_id = _resolve_patient(store, args.patient, lang)
        if patient_id is None:
            return EXIT_INVALID
        from parcours.cli.save_commands import actor_for
        from parcours.store.audit import Access

        store.record_access(patient_id, actor=actor_for(), purpose=Access.SHOW)  # before anything is shown
        patient = store.get_patient(patient_id)
        records = store.patient_records(patient_id)
        if args.json:
            from parcours.cli.worklist_commands import alerts_json

            versions = store.record_versions(patient_id)  # what `records correct --version` compares
            out = _patient_json(patient) | {"records": [
                {"kind": d.kind, "id": d.record_id, "version": versions.get(d.record_id), "date": d.recorded_on,
                 "document": d.document, "result": d.result}
                for d in records.documents], "alerts": alerts_json(records)}
            sys.stdout.buffer.write(orjson.dumps(out) + b"\n")
            return EXIT_OK
        name = " ".join(filter(None, [patient.family, *patient.given])) or message("store.anonymous", lang)
        lines = [f"{name} ({patient.id})", message("store.show.identity", lang, birth=_date(patient.birth_date),
                                                   ins=patient.ins or "—", site=patient.site or "—",
                                                   due=_date(patient.next_step1_due) or "—")]
        for doc in records.documents:
            lines.append(f"  {_date(doc.recorded_on)}  {message(f'store.kind.{doc.kind}', lang)}  {_summary(doc)}")
        sys.stdout.write("\n".join(visible(line) for line in lines) + "\n")  # control characters shown, not obeyed
        return EXIT_OK

    return _with_store(args, lang, body)


def _summary(doc: Any) -> str:
    """A few words per record: what the engines said (no clinical logic here)."""
    result, document = doc.result or {}, doc.document
    if "overall" in result:
        positive = ", ".join(d for d, v in result["domains"].items() if v["result"] == "positive")
        return f"{result['overall']} ({positive})"
    if "instrument" in result:
        return f"{result['instrument']} {result['score']}/{result['max_score']}"
    if "summary" in result:
        return f"{result['moment']} {result['summary']}"
    if "rule" in document:
        return f"{document['rule']} {document['domain']} [{document.get('status', '')}]"
    return ""


def db_upgrade(args: argparse.Namespace, lang: Lang) -> int:
    """`parcours db upgrade`: apply the migrations (open_store does it; say where we are)."""
    def body(store: Any) -> int:
        from parcours.store.engine import current_revision

        _err(message("store.db.at_revision", lang, revision=current_revision(store.engine), url=store.url))
        return EXIT_OK

    return _with_store(args, lang, body)


def db_check(args: argparse.Namespace, lang: Lang) -> int:
    """`parcours db check`: integrity, foreign keys, schema revision, append-only audit."""
    def body(store: Any) -> int:
        from sqlalchemy.exc import SQLAlchemyError

        from parcours.store.check import check_database

        try:
            problems = check_database(store.engine)
        except SQLAlchemyError as exc:  # a page too damaged to read: the check's answer, not a crash
            problems = [("integrity", {"detail": str(getattr(exc, "orig", None) or exc).splitlines()[0]})]
        for code, params in problems:
            _err(message(f"store.check.{code}", lang, **params))
        if not problems:
            _err(message("store.check.ok", lang, url=store.url))
        return EXIT_FAULT if problems else EXIT_OK

    def damaged(exc: Exception) -> int:
        _err(message("store.check.integrity", lang, detail=message("store.check.unreadable", lang)))
        return EXIT_FAULT

    return _with_store(args, lang, body, migrate=False, on_damaged=damaged)


def tui(args: argparse.Namespace | SimpleNamespace, lang: Lang) -> int:
    """`parcours` with no argument: the terminal UI on the default (or given) database.

    The app opens the store itself, in a worker thread after its first screen (SQLAlchemy's import
    and the migration check would otherwise delay it); a store error is shown in the app.
    """
    from tui import make_app

    def open_db() -> Any:
        from parcours.store import open_store

        return open_store(getattr(args, "db", None))

    app = make_app(open_db, lang)
    try:
        app.run()
    finally:
        app.close_store()
    return EXIT_FAULT if app.store_error or app.return_code else EXIT_OK
