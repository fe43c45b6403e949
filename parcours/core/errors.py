"""The root of the project's error tree and the field issue every validation error carries.

Errors hold stable codes and parameters, never sentences: the shell renders them once, in the
user's language, through the message catalog (`parcours.messages`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

Path = tuple[str | int, ...]


_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def format_path(path: Path) -> str:
    """Render a location as a JSON path: ``bm[0].dose.value``; the whole document is ``$``.

    A key that is not a plain name is quoted (``["a b"]``) so a message stays on one line.
    """
    out: list[str] = []
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif not _NAME.match(part):
            out.append(f"[{json.dumps(part)}]")  # ASCII-escaped: one line, whatever the key
        elif out:
            out.append(f".{part}")
        else:
            out.append(part)
    return "".join(out) or "$"


@dataclass(frozen=True, slots=True)
class FieldIssue:
    """One bad field: where (JSON path), what (a stable message code), and its parameters."""

    path: Path
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def prefixed(self, prefix: Path) -> FieldIssue:
        """The same issue seen from an enclosing document."""
        return FieldIssue(prefix + self.path, self.code, self.params)


class ParcoursError(Exception):
    """Base of every error the project raises on purpose; `code` is stable across releases."""

    code: ClassVar[str] = "parcours_error"


class InvalidInput(ParcoursError, ValueError):
    """A document failed validation; `issues` names each bad field by its JSON path."""

    code: ClassVar[str] = "invalid_input"

    def __init__(self, issues: Sequence[FieldIssue] | Iterable[FieldIssue]) -> None:
        self.issues: tuple[FieldIssue, ...] = tuple(issues)
        if not self.issues:
            raise ValueError("InvalidInput needs at least one issue")
        super().__init__("; ".join(f"{format_path(i.path)}: {i.code}" for i in self.issues))
