"""The `parcours` command line: argument parsing and dispatch, nothing clinical.

Handlers are imported only when their command runs, so that `parcours icope score` loads the
step-1 engine and nothing else (no UI, PDF or database library).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from parcours import __version__
from parcours.messages import LANGS, Lang, detect_lang, message

__all__ = ["DOCUMENT_COMMANDS", "main"]

#: (group, command) -> "module:function" of a bytes -> JSON handler (parcours.cli.runner).
DOCUMENT_COMMANDS: dict[tuple[str, str], str] = {
    ("icope", "score"): "parcours.cli.icope_commands:score",
    ("icope", "assess"): "parcours.cli.icope_commands:assess",
    ("icope", "followup"): "parcours.cli.icope_commands:followup",
    ("medisis", "reconcile"): "parcours.cli.medisis_commands:reconcile",
    ("medisis", "risk"): "parcours.cli.medisis_commands:risk",
    ("medisis", "review"): "parcours.cli.medisis_commands:review",
    ("medisis", "indicators"): "parcours.cli.medisis_commands:indicators",
}


def _lang_from_argv(argv: Sequence[str]) -> Lang:
    """`--lang` wherever it stands (it is read again by argparse), else the locale."""
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value in LANGS:
            return value  # type: ignore[return-value]
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
    groups = parser.add_subparsers(dest="group", metavar="{icope,medisis}")
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
        cmd.set_defaults(handler=DOCUMENT_COMMANDS[group, name])
    return parser


def _resolve(spec: str):  # noqa: ANN202 - a bytes -> JSON handler
    module, _, func = spec.partition(":")
    return getattr(importlib.import_module(module), func)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `parcours` console script; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from_argv(args_list)
    parser = build_parser(lang)
    args = parser.parse_args(args_list)
    lang = getattr(args, "lang", lang)
    if getattr(args, "handler", None) is None:
        parser.print_help()
        return 0
    from parcours.cli import runner

    handler = _resolve(args.handler)
    out, err = sys.stdout.buffer, sys.stderr.buffer
    try:
        if args.batch:
            stream = sys.stdin.buffer if args.source == "-" else open(args.source, "rb")  # noqa: SIM115
            with stream:
                return runner.run_batch(handler, stream, lang, out)
        raw = runner.read_source(args.source)
        source = message("cli.stdin", lang) if args.source == "-" else args.source
        return runner.run_one(handler, raw, lang, out, err, source)
    except OSError as exc:
        err.write((message("cli.cannot_read", lang, source=args.source, reason=exc.strerror or exc) + "\n").encode())
        return runner.EXIT_INVALID
    except KeyboardInterrupt:
        err.write((message("cli.interrupted", lang) + "\n").encode())
        return 130
    finally:
        out.flush()
