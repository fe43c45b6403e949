"""The user's language: the two the catalog speaks and the one the environment asks for.

Why: the command line needs the language before anything is printed; the catalog itself
(parcours.messages) loads only when a sentence is printed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Final, Literal

__all__ = ["LANGS", "Lang", "detect_lang"]

Lang = Literal["fr", "en"]
LANGS: Final[tuple[Lang, ...]] = ("fr", "en")


def detect_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """The language from LC_ALL / LC_MESSAGES / LANG (no setlocale call); French when unknown."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "fr"
    return "fr"
