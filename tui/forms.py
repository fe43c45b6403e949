"""Form descriptions and the typed-text → JSON document conversion every TUI form shares.

Why: screens describe their fields as data (path, kind, choices) so that building the contract's
document, keeping raw text in drafts and putting a validation error back next to its field are
written once; nothing here knows a clinical threshold, the domain packages decide.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from parcours.core.errors import FieldIssue, Path
from tui.dates import to_iso

__all__ = [
    "BOOL",
    "Choice",
    "FieldSpec",
    "FormError",
    "build_document",
    "is_empty",
    "issues_by_field",
    "parse_decimal",
    "path_key",
]

Kind = Literal["choice", "pick", "checks", "number", "int", "date", "text", "texts", "acuity"]


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer of a choice field: the JSON value and the catalog key of its label."""

    value: Any
    label: str


#: Yes/no answers stored as JSON booleans (labels in parcours/catalog/tui_common.py).
BOOL: tuple[Choice, ...] = (Choice(True, "tui.yes"), Choice(False, "tui.no"))


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field: its JSON path in the document, how its text is read, and its label key.

    `null_when_empty`: an empty field is sent as JSON null (e.g. SPPB "not attempted") instead of
    being left out. List items are paths ending with an index; empty items are dropped.
    """

    path: Path
    kind: Kind
    label: str
    choices: tuple[Choice, ...] = ()
    null_when_empty: bool = False
    hint: str | None = None
    width: int = 12
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The field's stable name: its dotted path (used in drafts and as widget id)."""
        return path_key(self.path)


def path_key(path: Path) -> str:
    """`("gait_times_s", 0)` → `gait_times_s.0`."""
    return ".".join(str(p) for p in path)


class FormError(ValueError):
    """The typed text of one field cannot be read as its kind (before any domain validation)."""

    def __init__(self, issue: FieldIssue) -> None:
        super().__init__(issue.code)
        self.issue = issue


def parse_decimal(text: str) -> float | None:
    """`12,5` or `12.5` → 12.5 (the French decimal comma is accepted); None for text that is not a number."""
    cleaned = text.strip().replace("\u202f", "").replace(" ", "").replace(",", ".")
    if not cleaned or cleaned.count(".") > 1:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return value


def _read(spec: FieldSpec, raw: Any) -> Any:
    """The JSON value of one non-empty field, or FormError."""
    if spec.kind in ("choice", "pick"):
        for choice in spec.choices:
            if choice.value == raw:
                return raw
        raise FormError(FieldIssue(spec.path, "invalid"))
    if spec.kind == "checks":  # ticked values, in the vocabulary's order (a draft may hold `a;b` text)
        ticked = set(raw.split(";") if isinstance(raw, str) else raw)
        ticked = {t.strip() if isinstance(t, str) else t for t in ticked} - {""}
        known = [c.value for c in spec.choices]
        if not ticked <= set(known):
            raise FormError(FieldIssue(spec.path, "invalid"))
        return [v for v in known if v in ticked]
    text = str(raw).strip()
    if spec.kind in ("number", "int"):
        value = parse_decimal(text)
        if value is None:
            raise FormError(FieldIssue(spec.path, "not_number" if spec.kind == "number" else "not_integer"))
        if spec.kind == "int":
            if not value.is_integer():
                raise FormError(FieldIssue(spec.path, "not_integer"))
            return int(value)
        return value
    if spec.kind == "date":
        iso = to_iso(text)  # jj/mm/aaaa typed, ISO stored (tui.dates)
        if iso is None:
            raise FormError(FieldIssue(spec.path, "not_date"))
        return iso
    if spec.kind == "acuity":
        # docs/interchange.md §2: a decimal acuity, or a text such as "4/10", "6/12", "P2".
        value = parse_decimal(text)
        return text if value is None else value
    if spec.kind == "texts":
        return [part.strip() for part in text.split(";") if part.strip()]
    return text


def is_empty(raw: Any) -> bool:
    """Nothing typed or chosen (False and 0 are answers)."""
    return raw is None or (isinstance(raw, str) and not raw.strip()) or (isinstance(raw, (list, tuple)) and not raw)


def build_document(
    specs: Sequence[FieldSpec], values: Mapping[str, Any], base: Mapping[str, Any] | None = None
) -> tuple[dict[str, Any], list[FieldIssue]]:
    """The JSON document of a form from the fields' raw values, and the fields that could not be read.

    Values are the typed strings (or choice values) keyed by `FieldSpec.key`; an empty field is
    left out (or null, see FieldSpec). Unreadable fields are left out and reported.
    """
    doc: dict[str, Any] = {k: v for k, v in (base or {}).items()}
    issues: list[FieldIssue] = []
    lists: dict[Path, list[Any]] = {}
    list_null: dict[Path, bool] = {}
    for spec in specs:
        raw = values.get(spec.key)
        is_item = bool(spec.path) and isinstance(spec.path[-1], int)
        if is_item:
            lists.setdefault(spec.path[:-1], [])
            list_null[spec.path[:-1]] = spec.null_when_empty
        if is_empty(raw):
            if spec.null_when_empty and not is_item:
                _put(doc, spec.path, None)
            continue
        try:
            value = _read(spec, raw)
        except FormError as exc:
            issues.append(exc.issue)
            continue
        if is_item:
            lists[spec.path[:-1]].append(value)
        else:
            _put(doc, spec.path, value)
    for path, items in lists.items():
        if items:
            _put(doc, path, items)
        elif list_null[path]:
            _put(doc, path, None)
    return _lists(doc), issues


def _put(doc: dict[Any, Any], path: Path, value: Any) -> None:
    node = doc
    for part in path[:-1]:
        node = node.setdefault(part, {})  # an int key is a list slot (see _lists)
    node[path[-1]] = value


def _lists(node: Any) -> Any:
    """Int-keyed objects become lists; a slot left empty between filled ones is `{}` (its errors stay put)."""
    if not isinstance(node, dict):
        return node
    if node and all(isinstance(k, int) for k in node):
        return [_lists(node.get(i, {})) for i in range(max(node) + 1)]
    return {k: _lists(v) for k, v in node.items()}


def issues_by_field(
    specs: Iterable[FieldSpec], issues: Iterable[FieldIssue]
) -> tuple[dict[str, FieldIssue], list[FieldIssue]]:
    """Each issue attached to the field of its path (or of the nearest enclosing list); the rest apart."""
    keys = {spec.path: spec.key for spec in specs}
    by_field: dict[str, FieldIssue] = {}
    other: list[FieldIssue] = []
    for issue in issues:
        key = keys.get(tuple(issue.path))
        if key is None:
            # a list-level issue ("answers": too_few_items) goes to the list's first item
            first = next((k for p, k in keys.items() if p[:-1] == tuple(issue.path) and p[-1] == 0), None)
            key = first
        if key is None:
            # an issue inside a field (`sources[0]` of a checklist) goes to that field; an issue on a
            # group (`bm[0]`: no drug named) to the group's first field: never shown by its raw path
            path = tuple(issue.path)
            key = next((k for p, k in keys.items() if p and path[:len(p)] == p), None) or (
                next((k for p, k in keys.items() if path and p[:len(path)] == path), None))
        if key is None:
            other.append(issue)
        else:
            by_field.setdefault(key, issue)
    return by_field, other
