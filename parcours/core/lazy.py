"""A package's lazy exports: its public names imported from their modules on first use.

Why: `icope`, `medisis`, `fhir_export`, `reports` and `parcours.store` keep start-up small (the
one-shot `parcours icope score` imports only what it scores with) and share one mechanism; their
`TYPE_CHECKING` imports give the same names their real types (tests/test_lazy_exports.py).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(namespace: dict[str, Any], where: Mapping[str, str]) -> tuple[
        Callable[[str], Any], Callable[[], list[str]]]:
    """The module `__getattr__` and `__dir__` of a package whose name `n` lives in module `where[n]`.

    A name is imported once, then stored in the package's namespace (later reads skip this).
    """
    package = namespace["__name__"]

    def __getattr__(name: str) -> Any:
        try:
            module = where[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(namespace["__all__"])

    return __getattr__, __dir__
