"""The one message catalog: French first (the default), English second.

Every user-facing sentence of the CLI, TUI and reports comes from here. Keys are stable;
placeholders use `str.format` names, and a test checks that both languages have the same keys
and the same placeholders. The words live in `parcours.catalog`, one `(fr, en)` pair per key.
"""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter
from typing import Final

from parcours.core.errors import FieldIssue, InvalidInput, ParcoursError, format_path
from parcours.lang import LANGS, Lang, detect_lang

__all__ = [
    "CATALOG", "EN", "FR", "LANGS", "Lang", "build_catalog", "detect_lang", "error_lines", "message", "placeholders",
    "render_error", "render_issue",
]


def build_catalog(parts: Mapping[str, Mapping[str, tuple[str, str]]]) -> dict[Lang, dict[str, str]]:
    """The French and English tables of the parts' pairs, as new dicts; a key defined twice raises ValueError.

    Why a function: the catalog is built once from the parts, nothing is updated after the fact.
    """
    fr: dict[str, str] = {}
    en: dict[str, str] = {}
    owner: dict[str, str] = {}
    for name, pairs in parts.items():
        for key, (french, english) in pairs.items():
            if key in owner:
                raise ValueError(f"catalog key {key!r} defined twice: in {owner[key]} and in {name}")
            owner[key] = name
            fr[key], en[key] = french, english
    return {"fr": fr, "en": en}


def _catalog() -> dict[Lang, dict[str, str]]:
    from parcours.catalog import PARTS

    return build_catalog(PARTS)


CATALOG: Final[Mapping[Lang, Mapping[str, str]]] = _catalog()
FR: Final[Mapping[str, str]] = CATALOG["fr"]
EN: Final[Mapping[str, str]] = CATALOG["en"]


def placeholders(text: str) -> frozenset[str]:
    """The `{name}` fields of a catalog entry."""
    return frozenset(name for _, name, _, _ in Formatter().parse(text) if name)


def message(key: str, lang: Lang = "fr", /, **params: object) -> str:
    """One catalog entry, formatted; a missing key is a bug and raises KeyError."""
    text = CATALOG[lang][key]
    return text.format(**params) if params else text


def render_issue(issue: FieldIssue, lang: Lang = "fr", *, path: bool = True) -> str:
    """`path: message` for one bad field, in the user's language (`path=False`: the message alone)."""
    key = f"error.{issue.code}"
    table = CATALOG[lang]
    text = table.get(key) or table["error.invalid"]
    try:
        body = text.format(**issue.params)
    except (KeyError, IndexError):
        body = table["error.invalid"]
    return f"{format_path(issue.path)}: {body}" if path else body


def error_lines(exc: ParcoursError, lang: Lang = "fr", *, source: str | None = None) -> list[str]:
    """The lines of a typed error: an InvalidInput field by field (headed by « SOURCE : document invalide »
    when `source` is given), a StoreError by its stable code.

    Why here: the CLI and the TUI render errors the same way, and neither imports the other.
    """
    if isinstance(exc, InvalidInput):
        head = [message("cli.invalid_document", lang, source=source)] if source is not None else []
        return head + [render_issue(issue, lang) for issue in exc.issues]
    params = dict(getattr(exc, "params", {}))
    if "entity" in params:
        params["entity"] = message(f"store.entity.{params['entity']}", lang)
    return [message(f"store.{exc.code}", lang, **params)]


def render_error(exc: ParcoursError, lang: Lang = "fr", *, source: str | None = None) -> str:
    """One text for a typed error: its `error_lines`, one per line."""
    return "\n".join(error_lines(exc, lang, source=source))

