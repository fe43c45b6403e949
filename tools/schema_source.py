"""Write the pydantic_core schema of a model as Python source: plain classes instead of models.

Why: the one-shot CLI validates with a stored schema (parcours.core.compiled) instead of building
pydantic models at start-up; generating it from the model, and testing that the stored file is
current, keeps the two validations identical. Dropped: `metadata` and `serialization` (JSON
Schema and dumping only), `ref` (no definitions are used; checked). Functions and enums must be
importable at module level from pydantic-free modules (checked by the one-shot import test).
A development tool, not shipped: the generated modules live under `icope/_generated/`.
Usage: python tools/schema_source.py [--write | --check]
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

__all__ = ["GENERATED", "schema_source", "stored_form", "write"]

_DROPPED = frozenset({"metadata", "serialization", "ref"})
_WIDTH = 116

#: Stored schemas: module path (from the project root) -> (model's "module:name", what the module is for).
GENERATED: dict[str, tuple[str, str]] = {
    "icope/_generated/screening_schema.py": (
        "icope.screening:Screening", "a step-1 screening (docs/interchange.md §1)",
    ),
}


def stored_form(model: type[BaseModel]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(schema, config) as pydantic gives them to SchemaValidator, minus the dropped keys.

    The validator's config is the model's own core config, which its model schema carries.
    """
    model.model_rebuild()
    schema = model.__pydantic_core_schema__
    if schema.get("type") != "model":
        raise ValueError(f"{model.__name__}: a model schema was expected (a model validator wraps it?)")
    return _strip(schema), dict(schema["config"])


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        if value.get("type") in ("definitions", "definition-ref"):
            raise ValueError("schemas with definitions are not supported (a model used recursively?)")
        return {k: _strip(v) for k, v in value.items() if k not in _DROPPED}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


class _Writer:
    """Turns one stripped schema into source, collecting imports and the plain classes."""

    def __init__(self) -> None:
        self.imports: dict[str, set[str]] = {}
        self.classes: dict[str, type] = {}

    def ref(self, obj: Any) -> str:
        """The name of an importable module-level object, imported by the generated module."""
        module, name = obj.__module__, obj.__qualname__
        if "." in name or getattr(sys.modules[module], name, None) is not obj:
            raise ValueError(f"{module}.{name} is not a module-level name (use a plain function)")
        self.imports.setdefault(module, set()).add(name)
        return name

    def expr(self, value: Any, indent: int, key: str | None = None) -> str:
        if key == "cls" and isinstance(value, type) and issubclass(value, BaseModel):
            previous = self.classes.setdefault(value.__name__, value)
            if previous is not value:
                raise ValueError(f"two models named {value.__name__}")
            return value.__name__
        if isinstance(value, enum.Enum):
            return f"{self.ref(type(value))}.{value.name}"
        if isinstance(value, type) and issubclass(value, enum.Enum):
            return self.ref(value)
        if isinstance(value, Callable) and not isinstance(value, type):  # type: ignore[arg-type]
            return self.ref(value)
        if value is None or isinstance(value, bool | int | float | str):
            return repr(value)
        if isinstance(value, dict):
            items = [f"{k!r}: {self.expr(v, indent + 4, k)}" for k, v in value.items()]
            return self._fold("{", items, "}", indent)
        if isinstance(value, list):
            return self._fold("[", [self.expr(v, indent + 4) for v in value], "]", indent)
        raise ValueError(f"cannot write {type(value).__name__} {value!r} as source")

    @staticmethod
    def _fold(open_: str, items: list[str], close: str, indent: int) -> str:
        flat = open_ + ", ".join(items) + close
        if len(flat) + indent <= _WIDTH and "\n" not in flat:
            return flat
        pad = " " * (indent + 4)
        return open_ + "\n" + "".join(f"{pad}{item},\n" for item in items) + " " * indent + close


def schema_source(model: type[BaseModel], purpose: str) -> str:
    """The whole generated module for `model`."""
    schema, config = stored_form(model)
    writer = _Writer()
    schema_text = writer.expr(schema, 0)
    config_text = writer.expr(config, 0)
    lines = [
        f'"""The pydantic_core schema of {purpose}.',
        "",
        f"GENERATED from {model.__module__}.{model.__name__} by `python tools/schema_source.py --write`:",
        "do not edit. It is the schema pydantic builds for the model, with plain immutable classes in",
        "place of the models (parcours.core.compiled); tests/core/test_schema_source.py checks it is current.",
        '"""',
        "",
    ]
    writer.imports.setdefault("parcours.core.compiled", set()).add("ValidatedObject")
    writer.imports.setdefault("pydantic_core", set()).add("CoreConfig")  # typed for SchemaValidator
    for module, names in sorted(writer.imports.items()):
        line = f"from {module} import {', '.join(sorted(names))}"
        if len(line) > _WIDTH:
            line = f"from {module} import (\n" + "".join(f"    {n},\n" for n in sorted(names)) + ")"
        lines.append(line)
    lines += ["", '__all__ = ["CONFIG", "SCHEMA"]']
    for name, cls in writer.classes.items():
        summary = (cls.__doc__ or name).strip().splitlines()[0]
        lines += ["", "", f"class {name}(ValidatedObject):", f'    """{summary}"""', "", "    __slots__ = ()"]
    lines += ["", "", f"CONFIG: CoreConfig = {config_text}", "", f"SCHEMA = {schema_text}", ""]
    return "\n".join(lines)


def _model(spec: str) -> type[BaseModel]:
    import importlib

    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def write(root: Path) -> list[Path]:
    """Regenerate every stored schema under the project root; the paths written."""
    written = []
    for relative, (spec, purpose) in GENERATED.items():
        path = root / relative
        path.write_text(schema_source(_model(spec), purpose), encoding="utf-8")
        written.append(path)
    return written


def stale(root: Path) -> list[Path]:
    """The stored schemas that differ from what their model generates now (the pre-commit check)."""
    return [root / relative for relative, (spec, purpose) in GENERATED.items()
            if (root / relative).read_text(encoding="utf-8") != schema_source(_model(spec), purpose)]


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root))  # run as a script from anywhere: import the project's own packages
    if "--check" in sys.argv[1:]:
        out_of_date = stale(root)
        for path in out_of_date:
            print(f"{path}: out of date, run python tools/schema_source.py --write", file=sys.stderr)
        sys.exit(1 if out_of_date else 0)
    if "--write" in sys.argv[1:]:
        for path in write(root):
            print(path)
    else:
        for relative, (spec, purpose) in GENERATED.items():
            print(f"# {relative}\n{schema_source(_model(spec), purpose)}")
