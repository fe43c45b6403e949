"""The lazily exported names of each package are the ones its `TYPE_CHECKING` imports type, and all resolve.

Why: the packages load names on first use (`__getattr__`, for start-up time), which leaves them
`Any` to editors and mypy unless the same names are imported under `TYPE_CHECKING`; two lists
that must agree drift apart unless a test reads both.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest

PACKAGES = ("parcours.store", "icope", "medisis", "fhir_export", "reports")


def _type_checking_imports(package: ModuleType) -> dict[str, str]:
    """name -> module of every `from module import name` under the package's `if TYPE_CHECKING:`."""
    found: dict[str, str] = {}
    for node in ast.parse(inspect.getsource(package)).body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom) and stmt.module, ast.unparse(stmt)
                for alias in stmt.names:
                    assert alias.asname is None, f"{alias.name} imported as {alias.asname}"
                    assert alias.name not in found, f"{alias.name} imported twice"
                    found[alias.name] = stmt.module
    return found


@pytest.mark.parametrize("name", PACKAGES)
def test_type_checking_imports_are_the_lazy_names(name: str) -> None:
    package = importlib.import_module(name)
    typed = _type_checking_imports(package)
    assert len(package.__all__) == len(set(package.__all__)), "a name listed twice in __all__"
    assert set(typed) == set(package.__all__)
    assert typed == package._WHERE  # each name typed from the module it is loaded from


@pytest.mark.parametrize("name", PACKAGES)
def test_every_exported_name_resolves(name: str) -> None:
    package = importlib.import_module(name)
    for export in package.__all__:
        assert getattr(package, export) is getattr(importlib.import_module(package._WHERE[export]), export)
    with pytest.raises(AttributeError, match="no_such_name"):
        package.no_such_name  # noqa: B018 - the attribute access is the test


@pytest.mark.parametrize("name", PACKAGES)
def test_no_exported_name_is_a_submodule(name: str) -> None:
    """`medisis.classify` was both a function and a module: which one a caller got hung on import order."""
    package = importlib.import_module(name)
    assert not set(package.__all__) & {m.name for m in pkgutil.iter_modules(package.__path__)}


def test_the_check_sees_a_missing_typed_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison can fail: a lazy name without its `TYPE_CHECKING` import is reported."""
    import reports

    monkeypatch.setattr(reports, "_WHERE", {**reports._WHERE, "extra": "reports.batch"})
    with pytest.raises(AssertionError):
        test_type_checking_imports_are_the_lazy_names("reports")
