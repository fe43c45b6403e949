"""argparse in the user's language: its own sentences (usage, required, invalid choice…) from the catalog.

Why: argparse builds its messages with gettext, which follows the process locale; the project never
calls `locale.setlocale`, so `speaking(lang)` swaps argparse's `_`/`ngettext` for catalog lookups
while the parser is built and runs, and puts them back after (issue 18).
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from parcours.lang import Lang

__all__ = ["ARGPARSE_KEYS", "localized_type", "speaking"]

#: argparse's msgid (Python 3.11-3.13) -> catalog key (parcours.catalog.inputs).
ARGPARSE_KEYS: dict[str, str] = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positionals",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "the following arguments are required: %s": "argparse.required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "expected one argument": "argparse.expected_one",
    "expected at most one argument": "argparse.expected_at_most_one",
    "expected at least one argument": "argparse.expected_at_least_one",
    "expected %s argument": "argparse.expected_n",
    "expected %s arguments": "argparse.expected_n",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "not allowed with argument %s": "argparse.not_allowed_with",
    "one of the arguments %s is required": "argparse.one_required",
    "ignored explicit argument %r": "argparse.ignored_explicit",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "argparse.unknown_parser",
    "can't open '%(filename)s': %(error)s": "argparse.cannot_open",
    "unexpected option string: %s": "argparse.unexpected_option",
    "%(prog)s: error: %(message)s\n": "argparse.error",
}


@contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """argparse's sentences in `lang` inside the block (its own gettext functions outside)."""
    from parcours.messages import CATALOG

    table = CATALOG[lang]

    def gettext(text: str) -> str:
        key = ARGPARSE_KEYS.get(text)
        return table[key] if key is not None else text

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]  # argparse.py binds `_` at import; typeshed omits it
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def localized_type(func: Callable[[str], Any], lang: Lang) -> Callable[[str], Any]:
    """`func` named in `lang` for argparse's « valeur invalide (entier ≥ 1) : '0' »."""
    from parcours.messages import message

    @functools.wraps(func)
    def typed(text: str) -> Any:
        return func(text)

    typed.__name__ = message(f"cli.type.{func.__name__}", lang)
    return typed
