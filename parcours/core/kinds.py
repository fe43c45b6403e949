"""What a document kind is: how it parses, computes, renders, dates, is stored and named, in one spec.

Why (docs/architecture.md): the CLI, the store (saves and demo), the FHIR exporter and the TUI
all read the same `DocumentKind`, so adding a kind is one spec in its domain (`icope/kinds.py`,
`medisis/kinds.py`) plus the consumers' own mapping, never seven tables. Functions are named as
"module:function" and imported on first use, so reading the registry loads no engine.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from parcours.core.records import RecordKind

if TYPE_CHECKING:  # pydantic models: the one-shot CLI reads the registry without building any
    from parcours.core.identity import Organization, PatientIdentity, Practitioner

__all__ = ["DocumentKind", "Parsed", "resolve"]


def resolve(spec: str) -> Callable[..., Any]:
    """The function named by `"module:function"`, imported now."""
    module, _, name = spec.partition(":")
    fn: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return fn


@dataclass(frozen=True, slots=True)
class DocumentKind:
    """One contract document of a domain (docs/interchange.md) and what every layer needs to know of it.

    - `parse`: bytes -> validated model, or the domain's InvalidInput naming each bad field.
    - `compute`: model -> result object with `to_json()`; None for records that are facts (a stay).
    - `json_line`: bytes -> the result's JSON line, a faster path giving the same bytes (step 1).
    - `dates`: model attributes giving the clinical date, the first set one wins; empty: the day saved.
    - `side_rows`: (model, JSON result) -> the narrow values worklists filter on, pure (no database).
    """

    name: str
    parse: str
    compute: str | None = None
    record_kind: RecordKind | None = None
    command: tuple[str, str] | None = None
    fhir: bool = False
    needs_patient: bool = False
    dates: tuple[str, ...] = ("date",)
    side_rows: str | None = None
    json_line: str | None = None
    _cache: dict[str, Callable[..., Any]] = field(default_factory=dict, compare=False, repr=False)

    def _fn(self, which: str) -> Callable[..., Any]:
        found = self._cache.get(which)
        if found is None:
            found = self._cache[which] = resolve(getattr(self, which))
        return found

    def parse_bytes(self, raw: bytes | str) -> Any:
        """The validated input model (InvalidInput on bad input)."""
        return self._fn("parse")(raw)

    def compute_result(self, model: Any) -> Any:
        """The domain's result object for a validated model; None for a kind without one."""
        return None if self.compute is None else self._fn("compute")(model)

    @staticmethod
    def to_json(result: Any) -> dict[str, Any] | None:
        """The contract's JSON object of a result (enums and dates still typed)."""
        return None if result is None else result.to_json()

    def result_json(self, raw: bytes | str) -> dict[str, Any] | None:
        """Parse then compute then `to_json`: what `parcours <group> <command>` prints."""
        return self.to_json(self.compute_result(self.parse_bytes(raw)))

    def clinical_date(self, model: Any) -> date | None:
        """The record's clinical date from the model; None when the document carries none."""
        for name in self.dates:
            value: date | None = getattr(model, name, None)
            if value is not None:
                return value
        return None

    def rows(self, model: Any, result: dict[str, Any] | None) -> dict[str, Any] | None:
        """The pure side-row values of one record (None when no worklist filters on this kind)."""
        return None if self.side_rows is None else self._fn("side_rows")(model, result)


@dataclass(frozen=True, slots=True)
class Parsed:
    """A validated document, its JSON result, its clinical date, its context objects and its side rows."""

    document: dict[str, Any]
    result: dict[str, Any] | None
    recorded_on: date
    patient: PatientIdentity | None
    practitioner: Practitioner | None
    organization: Organization | None
    model: Any
    rows: dict[str, Any] | None = None
