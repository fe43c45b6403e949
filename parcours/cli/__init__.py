"""The `parcours` command line: argument parsing and dispatch, nothing clinical.

Handlers are imported only when their command runs, so that `parcours icope score` loads the
step-1 engine and nothing else (no UI, PDF or database library).
"""

from __future__ import annotations

import argparse
import functools
import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NoReturn

from parcours import __version__
from parcours.cli.output import OutputError, output_failed
from parcours.core.errors import ParcoursError
from parcours.kinds import Commands, by_name
from parcours.lang import LANGS, Lang, detect_lang

if TYPE_CHECKING:
    from types import SimpleNamespace

__all__ = ["DOCUMENT_COMMANDS", "FHIR_COMMANDS", "SAVE_COMMANDS", "TOOL_COMMANDS", "document_handler", "main"]

#: (group, command) -> the name of its document kind (parcours.kinds); the handler is the kind's
#: parse -> compute -> to_json (or its faster `json_line`), see `document_handler`.
DOCUMENT_COMMANDS: Mapping[tuple[str, str], str] = Commands(attrgetter("name"))

#: The commands with `--format fhir` (one transaction Bundle line, docs/interchange.md §5.1): kinds with
#: a FHIR form; indicators have none. Handlers: parcours.cli.fhir_commands.bundle_line.
FHIR_COMMANDS: Mapping[tuple[str, str], str] = Commands(attrgetter("name"), where=attrgetter("fhir"))

#: Commands that accept `--save` (docs/interchange.md §0): the document and its result are stored.
#: They are the commands with a FHIR form (both are the contract's stored documents).
SAVE_COMMANDS: Mapping[tuple[str, str], str] = FHIR_COMMANDS

#: Commands that are not document filters: "module:function" of `(args, lang) -> exit status`.
TOOL_COMMANDS: dict[tuple[str, ...], str] = {
    ("demo",): "parcours.cli.store_commands:demo",
    ("patients", "list"): "parcours.cli.store_commands:patients_list",
    ("patients", "show"): "parcours.cli.store_commands:patients_show",
    ("patients", "correct"): "parcours.cli.records_commands:patients_correct",
    ("records", "correct"): "parcours.cli.records_commands:records_correct",
    ("records", "delete"): "parcours.cli.records_commands:records_delete",
    ("db", "upgrade"): "parcours.cli.store_commands:db_upgrade",
    ("db", "check"): "parcours.cli.store_commands:db_check",
    ("export", "fhir"): "parcours.cli.export_commands:export_fhir",
    ("report",): "parcours.cli.report_commands:report",
    # the TUI's worklists for scripts (parcours.cli.worklist_commands.WORKLISTS)
    **{("worklist", name): "parcours.cli.worklist_commands:worklist" for name in (
        "due", "alerts", "positive-without-step2", "review30", "discharges-without-reconciliation")},
    ("drugs", "import"): "parcours.cli.drug_commands:drugs_import",
}


def message(key: str, lang: Lang, /, **params: object) -> str:
    """A catalog sentence (parcours.messages), the catalog loaded only when something is printed."""
    from parcours.messages import message as catalog_message

    return catalog_message(key, lang, **params)


def _lang_from_argv(argv: Sequence[str]) -> Lang:
    """`--lang` wherever it stands (it is read again by argparse), else the locale."""
    for i, arg in enumerate(argv):
        value = (
            arg.partition("=")[2] if arg.startswith("--lang=")
            else (argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        )
        if value in LANGS:
            return value
    return detect_lang()


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors rendered through the catalog and exit status 2."""

    lang: Lang = "fr"

    def error(self, text: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, message("cli.usage_error", self.lang, detail=text) + "\n")


def build_parser(lang: Lang) -> argparse.ArgumentParser:
    """The whole command tree, with help texts in `lang`."""
    _Parser.lang = lang
    h = lambda key: message(f"cli.help.{key}", lang)  # noqa: E731
    common = _Parser(add_help=False)
    common.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=h("lang"))
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help=h("db"))

    parser = _Parser(prog="parcours", description=message("cli.description", lang), parents=[common])
    parser.add_argument("--version", action="version", version=f"parcours {__version__}", help=h("version"))
    groups = parser.add_subparsers(dest="group",
                                   metavar="{icope,medisis,report,export,patients,records,worklist,db,demo,drugs}")
    subparsers: dict[str, argparse._SubParsersAction] = {}
    for group in ("icope", "medisis"):
        group_parser = groups.add_parser(group, help=h(f"group.{group}"), description=h(f"group.{group}"))
        subparsers[group] = group_parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for (group, name) in DOCUMENT_COMMANDS:
        cmd = subparsers[group].add_parser(
            name, parents=[common], help=h(f"{group}.{name}"), description=h(f"{group}.{name}")
        )
        cmd.add_argument("source", metavar="FILE", help=h("file"))
        cmd.add_argument("--batch", action="store_true", help=h("batch"))
        cmd.add_argument("--format", choices=("json", "fhir"), default="json", help=h("format"))
        cmd.add_argument("--validate", action="store_true", help=h("validate"))
        if (group, name) in SAVE_COMMANDS:
            cmd.add_argument("--save", action="store_true", help=h("save"))
        cmd.set_defaults(handler=DOCUMENT_COMMANDS[group, name], key=(group, name))
    _add_tool_commands(groups, common, h, lang)
    return parser


def _add_tool_commands(groups, common, h, lang: Lang) -> None:  # noqa: ANN001 - argparse internals
    """`report`, `export fhir`, `patients list|show`, `db upgrade|check`, `demo`."""
    from parcours.cli.argparse_words import localized_type

    positive, day, integer = (localized_type(f, lang) for f in (positive_integer, iso_date, int))
    instant = localized_type(iso_instant, lang)
    nested: dict[str, argparse._SubParsersAction] = {}
    for key, spec in TOOL_COMMANDS.items():
        name = ".".join(key)
        if len(key) == 1:
            cmd = groups.add_parser(key[0], parents=[common], help=h(name), description=h(name))
        else:
            if key[0] not in nested:
                group_parser = groups.add_parser(key[0], help=h(f"group.{key[0]}"), description=h(f"group.{key[0]}"))
                nested[key[0]] = group_parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
            cmd = nested[key[0]].add_parser(key[1], parents=[common], help=h(name), description=h(name))
        cmd.set_defaults(tool=spec)
        if key == ("demo",):
            cmd.add_argument("--patients", type=positive, default=200, metavar="N", help=h("demo.patients"))
            cmd.add_argument("--seed", type=integer, default=1, help=h("demo.seed"))
        elif key == ("patients", "list"):
            cmd.add_argument("--site", metavar="FINESS", help=h("patients.site"))
            cmd.add_argument("--json", action="store_true", help=h("json"))
            cmd.add_argument("--limit", type=positive, default=50, metavar="N", help=h("patients.limit"))
        elif key == ("patients", "show"):
            cmd.add_argument("patient", metavar="ID", help=h("patient_id"))
            cmd.add_argument("--json", action="store_true", help=h("json"))
        elif key[0] == "worklist":
            cmd.add_argument("--site", metavar="FINESS", help=h("worklist.site"))
            cmd.add_argument("--json", action="store_true", help=h("json"))
            cmd.add_argument("--limit", type=positive_integer, metavar="N", help=h("worklist.limit"))
        elif key == ("export", "fhir"):
            cmd.add_argument("--out", required=True, metavar="DIR", help=h("export.out"))
            cmd.add_argument("--patient", action="append", default=[], metavar="ID", help=h("patient_id"))
            cmd.add_argument("--since", type=instant, metavar="INSTANT", help=h("export.since"))
            cmd.add_argument("--dated-from", type=day, metavar="DATE", help=h("export.dated_from"))
            cmd.add_argument("--validate", action="store_true", help=h("validate"))
        elif key == ("drugs", "import"):
            cmd.add_argument("folder", metavar="DIR", help=h("drugs.folder"))
            cmd.add_argument("--ucd", metavar="FILE", help=h("drugs.ucd"))
            cmd.add_argument("--ucd-columns", metavar="UCD,LINK", help=h("drugs.ucd_columns"))
        elif key in (("records", "correct"), ("records", "delete"), ("patients", "correct")):
            from parcours.cli.records_commands import add_arguments

            add_arguments(key, cmd, h)
        elif key == ("report",):
            cmd.add_argument("source", nargs="?", metavar="FILE", help=h("file"))
            cmd.add_argument("--patient", metavar="ID", help=h("patient_id"))
            cmd.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help=h("report.output"))
            cmd.add_argument("--force", action="store_true", help=h("report.force"))


def positive_integer(text: str) -> int:
    """An argparse type: an integer ≥ 1 (argparse names the option and the bad value)."""
    if not (text.isascii() and text.strip().isdigit()):  # int() takes "٣" and "²" is no digit (issue 18)
        raise ValueError(text)
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


def iso_date(text: str) -> date:
    """An argparse type: a YYYY-MM-DD date."""
    return date.fromisoformat(text)


def iso_instant(text: str) -> datetime:
    """An argparse type: an ISO date-time with its offset, or a date (its start in local time)."""
    if len(text) == 10:
        return datetime.combine(date.fromisoformat(text), time()).astimezone()
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(text)  # an instant needs its offset: which 10:00 is meant is not guessed
    return value


def _resolve(spec: str):  # noqa: ANN202 - a tool's `(args, lang) -> status`
    module, _, func = spec.partition(":")
    return getattr(importlib.import_module(module), func)


def document_handler(name: str) -> Callable[[bytes], Any]:
    """The bytes -> JSON handler of a document kind.

    Its `json_line` when it has one, else parse -> compute -> to_json.
    """
    kind = by_name(name)
    if kind.json_line is not None:
        from parcours.core.kinds import resolve

        return resolve(kind.json_line)
    return kind.result_json


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `parcours` console script; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from_argv(args_list)
    from parcours.cli.safe_errors import escaped_errors

    try:
        return _main(args_list, lang)
    except escaped_errors() as exc:  # a library error that escaped: one line, fields named, no values
        from parcours.cli.safe_errors import render_escaped

        text, status = render_escaped(exc, lang)
        sys.stderr.write(text + "\n")
        return status


def _main(args_list: list[str], lang: Lang) -> int:
    """Parse and run one command."""
    from parcours.cli.runner import plain_document_args  # skips building argparse's tree (~15 ms)

    args = plain_document_args(args_list, DOCUMENT_COMMANDS, SAVE_COMMANDS) or _parse(args_list, lang)
    lang = getattr(args, "lang", lang)
    try:
        status = _dispatch(args, lang)
        sys.stdout.flush()
    except BrokenPipeError as exc:  # a tool command's output cut short (`parcours patients list | head`)
        status = output_failed(OutputError(exc), lang)
    except OutputError as exc:
        status = output_failed(exc, lang)
    return status


def _parse(args_list: list[str], lang: Lang) -> argparse.Namespace:
    """argparse, speaking `lang` (usage errors exit 2); `--validate` needs `--format fhir`."""
    from parcours.cli.argparse_words import speaking

    with speaking(lang):
        args = build_parser(lang).parse_args(args_list)
    lang = getattr(args, "lang", lang)
    if getattr(args, "handler", None) is not None and args.validate and args.format != "fhir":
        detail = message("cli.validate_needs_fhir", lang)
        sys.stderr.write(message("cli.usage_error", lang, detail=detail) + "\n")
        raise SystemExit(2)
    return args


def _dispatch(args: argparse.Namespace | SimpleNamespace, lang: Lang) -> int:
    """Run the parsed command: a tool, the TUI, or a document command."""
    if getattr(args, "tool", None) is not None:
        return _resolve(args.tool)(args, lang)
    if getattr(args, "handler", None) is None:
        from parcours.cli.store_commands import tui

        return tui(args, lang)
    from parcours.cli import runner
    from parcours.cli.output import Output

    out, err = Output(sys.stdout.buffer), sys.stderr.buffer
    if args.format == "fhir" and args.key not in FHIR_COMMANDS:
        err.write((message("cli.no_fhir_form", lang) + "\n").encode())
        return runner.EXIT_INVALID
    store = None
    handler: Callable[[bytes], Any]
    try:
        if args.format == "fhir":
            from parcours.cli.fhir_commands import bundle_line

            handler = functools.partial(bundle_line, FHIR_COMMANDS[args.key], validate=args.validate)
        else:
            handler = document_handler(args.handler)
        if getattr(args, "save", False):
            from parcours.cli.save_commands import saving_handler
            from parcours.store import open_store

            store = open_store(getattr(args, "db", None))
            handler = saving_handler(args.key, handler, store, lang=lang)
        if args.batch:
            stream = sys.stdin.buffer if args.source == "-" else open(args.source, "rb")  # noqa: SIM115
            with stream:
                return runner.run_batch(handler, stream, lang, out, saving=store is not None)
        raw = runner.read_source(args.source)
        source = message("cli.stdin", lang) if args.source == "-" else args.source
        return runner.run_one(handler, raw, lang, out, err, source)
    except OSError as exc:
        err.write((message("cli.cannot_read", lang, source=args.source, reason=exc.strerror or exc) + "\n").encode())
        return runner.EXIT_INVALID
    except KeyboardInterrupt:
        err.write((message("cli.interrupted", lang) + "\n").encode())
        return 130
    except OutputError:
        raise  # said by main: stdout, not the input
    except ParcoursError as exc:  # the store's (a database URL, a database fault, a conflict while saving)
        from parcours.cli.store_commands import render_store_error, store_error_status

        err.write((render_store_error(exc, lang) + "\n").encode())
        return store_error_status(exc)
    finally:
        out.flush()
        if store is not None:
            store.close()
