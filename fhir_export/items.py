"""The item answers of the step-2 instruments as codes: `<instrument>.<key>` and `<instrument>.<key>.<n>`.

Why (docs/interchange.md §5.5 revised: nothing entered is dropped; PHQ-9 item 9 among them): the
assessment Observation carries every answer as a component, coded in `icope-instrument`; the codes
come from the instruments' input models, so the CodeSystem shipped lists exactly what can be sent.
"""

from __future__ import annotations

import typing
from functools import cache
from typing import Any

__all__ = ["SKIPPED", "item_codes"]

#: keys of an assessment document that are not item answers: the kind, the date, the context
#: objects, and `score` where the input is the total itself (the Observation's value)
SKIPPED = frozenset({"instrument", "date", "patient", "practitioner", "organization", "score"})


def _max_length(annotation: Any) -> int | None:
    """The `max_length` of a list field (inside Optional and Annotated), None for a scalar."""
    for meta in getattr(annotation, "__metadata__", ()):
        for inner in (meta, *getattr(meta, "metadata", ())):  # a pydantic Field keeps MaxLen in .metadata
            if getattr(inner, "max_length", None) is not None:
                return int(inner.max_length)
    for arg in typing.get_args(annotation):
        found = _max_length(arg)
        if found is not None:
            return found
    return None


def _is_list(annotation: Any) -> bool:
    if typing.get_origin(annotation) is list:
        return True
    return any(_is_list(a) for a in typing.get_args(annotation) if a is not type(None))


@cache
def item_codes() -> tuple[tuple[str, str, str], ...]:
    """(code, instrument, item label) of every item answer an assessment document can carry."""
    from icope.step2 import INSTRUMENTS

    out = []
    for instrument, (model, _scorer, _check) in INSTRUMENTS.items():
        for name, field in model.model_fields.items():
            if name in SKIPPED:
                continue
            annotation = field.rebuild_annotation()
            if _is_list(annotation):
                size = _max_length(annotation) or next(
                    (int(m.max_length) for m in field.metadata if getattr(m, "max_length", None)), 0)
                out += [(f"{instrument.value}.{name}.{n}", instrument.value, f"{name} {n}") for n in range(1, size + 1)]
            else:
                out.append((f"{instrument.value}.{name}", instrument.value, name))
    return tuple(out)
