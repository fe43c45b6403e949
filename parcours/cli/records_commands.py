"""`parcours records correct|delete` and `parcours patients correct` (docs/interchange.md §5.5).

Why: a thin shell over the store's corrections (parcours.store.corrections): the corrected
document is first run through its own command (same validation, same printed result), then
stored as the record's next version; every refusal names the field or the record, exit 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import orjson

from parcours.messages import Lang, message

__all__ = ["add_arguments", "patients_correct", "records_correct", "records_delete"]

EXIT_OK, EXIT_INVALID = 0, 2


def add_arguments(key: tuple[str, ...], cmd: argparse.ArgumentParser, h: Any) -> None:
    """The arguments of the three commands (called by parcours.cli while building the tree)."""
    if key == ("records", "correct"):
        cmd.add_argument("record", metavar="RECORD_ID", help=h("record_id"))
        cmd.add_argument("source", metavar="FILE", help=h("correction_file"))
        cmd.add_argument("--version", type=int, metavar="N", dest="expected_version", help=h("records.version"))
    elif key == ("records", "delete"):
        cmd.add_argument("record", metavar="RECORD_ID", help=h("record_id"))
        cmd.add_argument("--reason", required=True, metavar="TEXT", help=h("records.reason"))
        cmd.add_argument("--version", type=int, metavar="N", dest="expected_version", help=h("records.version"))
    elif key == ("patients", "correct"):
        cmd.add_argument("patient", metavar="ID", help=h("patient_id"))
        cmd.add_argument("source", metavar="FILE", help=h("correction_file"))
        cmd.add_argument("--version", type=int, metavar="N", dest="expected_version", help=h("patients.version"))


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _invalid(exc: Any, source: str, lang: Lang) -> int:
    """The field errors as a document command prints them (parcours.cli.runner.run_one)."""
    from parcours.messages import render_error

    _err(render_error(exc, lang, source=source))
    return EXIT_INVALID


def _read(source: str, lang: Lang) -> bytes | None:
    from parcours.cli.runner import read_source

    try:
        return read_source(source)
    except OSError as exc:
        _err(message("cli.cannot_read", lang, source=source, reason=exc.strerror or exc))
        return None


def _source_name(source: str, lang: Lang) -> str:
    return message("cli.stdin", lang) if source == "-" else source


def _document(raw: bytes) -> Any:
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None


#: record kind -> the document command whose input it is (the others have no command: TUI-only kinds).
COMMAND_OF: dict[str, tuple[str, str]] = {
    "icope.screening": ("icope", "score"),
    "icope.assessment": ("icope", "assess"),
    "medisis.reconciliation": ("medisis", "reconcile"),
    "medisis.risk": ("medisis", "risk"),
    "medisis.review": ("medisis", "review"),
}


def _command_for(kind: Any) -> str | None:
    """The document command's kind name (`DOCUMENT_COMMANDS` value) whose input this record kind is, if any."""
    from parcours.cli import DOCUMENT_COMMANDS

    key = COMMAND_OF.get(str(kind))
    return None if key is None else DOCUMENT_COMMANDS[key]


def records_correct(args: argparse.Namespace, lang: Lang) -> int:
    """`parcours records correct RECORD_ID FILE [--version N]`: the new result on stdout."""
    from parcours.cli.store_commands import _with_store

    raw = _read(args.source, lang)
    if raw is None:
        return EXIT_INVALID
    source = _source_name(args.source, lang)

    def body(store: Any) -> int:
        from parcours.cli import document_handler
        from parcours.cli.save_commands import actor_for
        from parcours.core.errors import InvalidInput

        kind, version, _ = store.record_kind_and_version(args.record)
        command = _command_for(kind)
        output: Any = None
        try:
            if command is not None:
                output = document_handler(command)(raw)  # the command's own validation and printed result
            saved = store.correct_record(args.record, raw, actor=actor_for(_document(raw)),
                                         version=version if args.expected_version is None else args.expected_version)
        except InvalidInput as exc:
            return _invalid(exc, source, lang)
        _, new_version, _ = store.record_kind_and_version(args.record)
        if output is None:
            output = {"id": saved.record_id, "kind": kind, "version": new_version, "document": _document(raw),
                      "result": saved.result}
        sys.stdout.buffer.write(output if isinstance(output, bytes) else orjson.dumps(output) + b"\n")
        key = "records.unchanged" if new_version == version else "records.corrected"
        _err(message(key, lang, id=saved.record_id, version=new_version))
        return EXIT_OK

    return _with_store(args, lang, body)


def records_delete(args: argparse.Namespace, lang: Lang) -> int:
    """`parcours records delete RECORD_ID --reason TEXT [--version N]`."""
    from parcours.cli.store_commands import _with_store

    reason = args.reason.strip()
    if not reason:
        _err(message("records.empty_reason", lang))
        return EXIT_INVALID

    def body(store: Any) -> int:
        from parcours.cli.save_commands import actor_for

        store.delete_record(args.record, reason=reason, actor=actor_for(), version=args.expected_version)
        _err(message("records.deleted", lang, id=args.record, reason=reason))
        return EXIT_OK

    return _with_store(args, lang, body)


def patients_correct(args: argparse.Namespace, lang: Lang) -> int:
    """`parcours patients correct ID FILE [--version N]`: the corrected patient on stdout (JSON)."""
    from parcours.cli.store_commands import _patient_json, _resolve_patient, _with_store

    raw = _read(args.source, lang)
    if raw is None:
        return EXIT_INVALID
    source = _source_name(args.source, lang)

    def body(store: Any) -> int:
        from parcours.cli.save_commands import actor_for
        from parcours.core.errors import FieldIssue, InvalidInput
        from parcours.store.identity_corrections import PATIENT_FIELDS

        patient_id = _resolve_patient(store, args.patient, lang)
        if patient_id is None:
            return EXIT_INVALID
        changes = _document(raw)
        try:
            if not isinstance(changes, dict):
                raise InvalidInput([FieldIssue((), "invalid_json" if changes is None else "not_object")])
            unknown = [FieldIssue(("patient", k), "unknown_field") for k in changes if k not in PATIENT_FIELDS]
            if unknown:
                raise InvalidInput(unknown)
            patient = store.correct_patient(patient_id, changes, actor=actor_for(), version=args.expected_version)
        except InvalidInput as exc:
            return _invalid(exc, source, lang)
        sys.stdout.buffer.write(orjson.dumps(_patient_json(patient)) + b"\n")
        _err(message("patients.corrected", lang, id=patient.id, version=patient.version))
        return EXIT_OK

    return _with_store(args, lang, body)
