"""The one registry of document kinds: every domain's `DocumentKind` specs, looked up by name, command or record kind.

Why (docs/architecture.md): the CLI, the store (saves and demo), the FHIR exporter and the TUI
read what a kind is here instead of restating it. A domain's specs load only when one of its kinds
is asked for, so `parcours icope score` never imports `medisis` (nor any engine until it runs).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from parcours.core.kinds import DocumentKind
from parcours.core.records import RecordKind

__all__ = ["DOMAINS", "Commands", "all_kinds", "by_command", "by_name", "by_record", "domain_kinds", "side_rows"]

#: The domain packages; each has a `kinds` module whose `KINDS` tuple lists its document kinds.
DOMAINS: tuple[str, ...] = ("icope", "medisis")


@cache
def domain_kinds(domain: str) -> dict[str, DocumentKind]:
    """One domain's kinds by name (its `kinds` module imported now)."""
    module = importlib.import_module(f"{domain}.kinds")
    return {kind.name: kind for kind in module.KINDS}


def all_kinds() -> Iterator[DocumentKind]:
    """Every kind of every domain, in DOMAINS then declaration order."""
    for domain in DOMAINS:
        yield from domain_kinds(domain).values()


def by_name(name: str) -> DocumentKind:
    """The kind named `name` (`icope.screening`); KeyError for an unknown one."""
    domain = name.partition(".")[0]
    if domain not in DOMAINS:
        raise KeyError(name)
    return domain_kinds(domain)[name]


def by_record(kind: RecordKind | str) -> DocumentKind:
    """The kind stored as `kind` (KeyError for records the store makes itself, e.g. an alert)."""
    found = _by_record().get(RecordKind(kind))
    if found is None:
        raise KeyError(kind)
    return found


@cache
def _by_record() -> dict[RecordKind, DocumentKind]:
    return {k.record_kind: k for k in all_kinds() if k.record_kind is not None}


def by_command(group: str, command: str) -> DocumentKind:
    """The kind of `parcours <group> <command>` (KeyError when there is none)."""
    if group not in DOMAINS:
        raise KeyError((group, command))
    for kind in domain_kinds(group).values():
        if kind.command == (group, command):
            return kind
    raise KeyError((group, command))


class Commands(Mapping[tuple[str, str], Any]):
    """(group, command) -> `value(kind)` for the kinds with a command, loading only the group asked for."""

    def __init__(self, value: Any, where: Any = None) -> None:
        self._value, self._where = value, where or (lambda kind: True)

    def __getitem__(self, key: tuple[str, str]) -> Any:
        try:
            kind = by_command(*key)
        except (KeyError, TypeError):
            raise KeyError(key) from None
        if not self._where(kind):
            raise KeyError(key)
        return self._value(kind)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return (k.command for k in all_kinds() if k.command is not None and self._where(k))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def side_rows(kind: RecordKind | str, model: Any, result: dict[str, Any] | None) -> dict[str, Any] | None:
    """The pure side-row values of a `kind` record (None when no worklist filters on it)."""
    try:
        spec = by_record(kind)
    except KeyError:
        return None
    return spec.rows(model, result)
