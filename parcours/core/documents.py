"""Turn the bytes of one JSON document into a validated input model, or a typed error.

Every command reads documents through `load`, so that a bad byte, NaN, nesting deeper than 64 or
an unknown field is reported the same way everywhere: as `FieldIssue`s naming JSON paths.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from pydantic_core import ValidationError

from parcours.core.errors import FieldIssue, InvalidInput
from parcours.core.plausibility import bound_at_edge

if TYPE_CHECKING:  # types only: the one-shot `icope score` builds no class it does not use
    from pydantic import BaseModel

    class JsonValidator(Protocol):
        """What `validate_json` needs of a validator: a model's own (plain or plugin-wrapped) or a compiled one."""

        def validate_json(self, input: bytes, /, *, strict: bool | None = None) -> Any: ...

M = TypeVar("M", bound="BaseModel")

#: docs/interchange.md (header): nesting deeper than 64 is invalid input.
MAX_DEPTH = 64

_QUOTED = re.compile(r"'([^']*)'")
#: The position serde_json (pydantic_core) gives in its syntax errors.
_AT_LINE = re.compile(r"^(.*) at line (\d+) column (\d+)$")
#: serde_json's error text -> catalog code (parcours.catalog.inputs); anything else is `json_syntax`.
_JSON_KINDS = (("EOF while parsing", "json_eof"), ("trailing characters", "json_trailing"),
               ("invalid unicode", "json_encoding"), ("invalid UTF-8", "json_encoding"))
UTF8_BOM = b"\xef\xbb\xbf"

# pydantic error type -> catalog code (parcours.messages); parameters are taken from ctx.
_CODES: dict[str, str] = {
    "missing": "missing",
    "extra_forbidden": "unknown_field",
    "int_type": "not_integer",
    "int_parsing": "not_integer",
    "int_from_float": "not_integer",
    "float_type": "not_number",
    "float_parsing": "not_number",
    "finite_number": "not_finite",
    "bool_type": "not_boolean",
    "bool_parsing": "not_boolean",
    "string_type": "not_string",
    "string_too_short": "string_too_short",
    "string_too_long": "string_too_long",
    "string_pattern_mismatch": "bad_format",
    "enum": "not_one_of",
    "literal_error": "not_one_of",
    "greater_than_equal": "ge",
    "greater_than": "gt",
    "less_than_equal": "le",
    "less_than": "lt",
    "date_parsing": "not_date",
    "date_type": "not_date",
    "date_from_datetime_parsing": "not_date",
    "date_from_datetime_inexact": "not_date",
    "list_type": "not_list",
    "too_short": "too_few_items",
    "too_long": "too_many_items",
    "model_type": "not_object",
    "model_attributes_type": "not_object",
    "dict_type": "not_object",
    "json_invalid": "invalid_json",
    "json_type": "invalid_json",
    "union_tag_invalid": "not_one_of",
}


def issues_from_validation_error(exc: ValidationError) -> list[FieldIssue]:
    """Map pydantic's errors to catalog codes, keeping each error's location."""
    issues: list[FieldIssue] = []
    for err in exc.errors(include_url=False, include_input=False):
        kind = err["type"]
        ctx = err.get("ctx") or {}
        loc = tuple(err["loc"])
        code = _CODES.get(kind)
        params: dict[str, object] = {}
        if code is None:
            # PydanticCustomError raised by our own validators carries a catalog code as its type.
            code, params = kind, dict(ctx)
        elif code == "not_one_of":
            expected = ctx.get("expected", "")
            if kind == "union_tag_invalid":
                expected = ctx.get("expected_tags", "")
            params = {"expected": " | ".join(_QUOTED.findall(str(expected))) or str(expected)}
        elif code in ("ge", "gt", "le", "lt"):
            limit = ctx[code]
            bound = bound_at_edge(next((p for p in reversed(loc) if isinstance(p, str)), None), limit)
            if bound is not None:  # a plausibility bound (docs/plausibility.md): say the range and unit
                issues.append(FieldIssue(loc, bound.code, bound.params()))
                continue
            params = {"limit": int(limit) if isinstance(limit, float) and limit.is_integer() else limit}
        elif code in ("too_few_items", "string_too_short"):
            params = {"min": ctx.get("min_length")}
        elif code in ("too_many_items", "string_too_long"):
            params = {"max": ctx.get("max_length")}
        if code == "invalid_json":
            loc = ()
            code, params = json_syntax_issue(str(ctx.get("error", "")))
        issues.append(FieldIssue(loc, code, params))
    return issues


def json_syntax_issue(error: str) -> tuple[str, dict[str, object]]:
    """The catalog code and the line and column of a JSON syntax error (issue 18: say where)."""
    match = _AT_LINE.match(error)
    if match is None:
        return "invalid_json", {}
    text, line, column = match.groups()
    code = next((code for start, code in _JSON_KINDS if start in text), "json_syntax")
    return code, {"line": int(line), "column": max(int(column), 1)}


def json_depth_exceeds(raw: bytes, limit: int = MAX_DEPTH) -> bool:
    """True when arrays/objects nest deeper than `limit` (brackets inside strings ignored)."""
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False
    depth = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return True
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return False


def load(
    model: type[M],
    raw: bytes | str,
    *,
    error: type[InvalidInput] = InvalidInput,
    check: Callable[[M], Iterable[FieldIssue]] | None = None,
    schema_bounds_depth: bool = False,
) -> M:
    """Validate one JSON document into `model`; raise `error` listing every bad field.

    `check` runs the cross-field rules that need the whole validated document. Pass
    `schema_bounds_depth` when no document valid for `model` can nest deeper than MAX_DEPTH (no
    `Any`, `dict` or recursive field): the depth scan then runs only on documents that fail
    validation, which saves ~1.5 µs per 500-byte document (bytes.count is a plain loop).
    """
    # The validator itself: `model_validate_json` only wraps this call (~0.3 µs per document).
    doc: M = validate_json(model.__pydantic_validator__, raw, error=error, check=check,
                           schema_bounds_depth=schema_bounds_depth)
    return doc


_NUL_ESCAPE = b"\\u0000"  # JSON's only spelling of a NUL character (a raw 0x00 byte is invalid JSON)


def _refuse_nul(raw: bytes, error: type[InvalidInput]) -> None:
    """Refuse a document holding a NUL character in any string, naming each field (never its value).

    Why: no text column takes it (PostgreSQL refuses it with an error that used to print the whole
    row), and no name or clinical text has one (issue 20).
    """
    import orjson

    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return  # the validator reports invalid JSON
    found: list[FieldIssue] = []

    def walk(value: Any, path: tuple[str | int, ...]) -> None:
        if isinstance(value, str):
            if "\x00" in value:
                found.append(FieldIssue(path, "nul_character"))
        elif isinstance(value, dict):
            for key, item in value.items():
                if "\x00" in key:
                    found.append(FieldIssue(path, "nul_character"))
                walk(item, (*path, key.replace("\x00", "")))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))

    walk(doc, ())
    if found:
        raise error(found)


def validate_json(
    validator: JsonValidator,
    raw: bytes | str,
    *,
    error: type[InvalidInput] = InvalidInput,
    check: Callable[[Any], Iterable[FieldIssue]] | None = None,
    schema_bounds_depth: bool = False,
) -> Any:
    """`load` with a pydantic_core validator: a model's own, or one compiled from a stored schema."""
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogatepass")
    if raw[:3] == UTF8_BOM:  # a UTF-8 BOM, as some Windows editors write: accepted (issue 18)
        raw = raw[3:]
    if not schema_bounds_depth and json_depth_exceeds(raw):
        raise error([FieldIssue((), "too_deep", {"limit": MAX_DEPTH})])
    if _NUL_ESCAPE in raw:
        _refuse_nul(raw, error)
    try:
        doc = validator.validate_json(raw, strict=True)
    except ValidationError as exc:
        if schema_bounds_depth and json_depth_exceeds(raw):
            raise error([FieldIssue((), "too_deep", {"limit": MAX_DEPTH})]) from None
        raise error(issues_from_validation_error(exc)) from None
    if check is not None:
        issues = list(check(doc))
        if issues:
            raise error(issues)
    return doc
