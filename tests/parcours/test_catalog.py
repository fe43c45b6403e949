"""The catalog's shape and its users: parts of (fr, en) pairs, a pure build, and no code naming a missing message.

Why: `render_issue` falls back to « valeur invalide » for an unknown `error.<code>`, and `message`
raises KeyError only when the line runs; these tests read the source instead, so an error code or a
message key without words fails here, before a user meets it.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import parcours.catalog
from parcours.catalog import PARTS
from parcours.core.errors import FieldIssue, InvalidInput
from parcours.messages import CATALOG, EN, FR, build_catalog, error_lines, render_error, render_issue
from parcours.store.errors import Conflict, NotFound, StoreError

ROOT = Path(__file__).resolve().parents[2]
#: The packages whose source may raise an issue or name a message.
SOURCES = ("parcours", "icope", "medisis", "fhir_export", "reports", "tui")
CATALOG_DIR = ROOT / "parcours" / "catalog"


def _python_files() -> Iterator[Path]:
    for package in SOURCES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts and "_generated" not in path.parts:
                yield path


def _trees() -> Iterator[tuple[Path, ast.Module]]:
    for path in _python_files():
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _strings(node: ast.expr) -> list[str] | None:
    """The literal strings an expression can be (`"a"`, `"a" if c else "b"`), or None when not literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _strings(node.body), _strings(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


# --- the parts -----------------------------------------------------------------------------------


def test_every_module_of_the_catalog_is_a_listed_part() -> None:
    modules = {m.name for m in pkgutil.iter_modules(parcours.catalog.__path__)}
    assert modules == set(PARTS)
    for name, pairs in PARTS.items():
        assert importlib.import_module(f"parcours.catalog.{name}").PAIRS is pairs
        for key, pair in pairs.items():
            assert isinstance(key, str) and isinstance(pair, tuple) and len(pair) == 2, (name, key)
            assert all(isinstance(text, str) and text for text in pair), (name, key)


def test_parts_import_nothing_but_typing() -> None:
    """A part is data: it cannot import the code whose words it holds (no cycle, no side effect)."""
    for path in sorted(CATALOG_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            assert not isinstance(node, ast.Import), path
            if isinstance(node, ast.ImportFrom):
                assert node.module in ("collections.abc", "typing", "parcours.catalog"), (path.name, node.module)


def test_the_catalog_is_the_union_of_the_parts() -> None:
    assert CATALOG == {"fr": FR, "en": EN}
    assert len(FR) == sum(len(pairs) for pairs in PARTS.values())
    for pairs in PARTS.values():
        for key, (french, english) in pairs.items():
            assert FR[key] == french and EN[key] == english


def test_build_refuses_a_key_defined_twice() -> None:
    with pytest.raises(ValueError, match=r"'a\.b' defined twice: in one and in two"):
        build_catalog({"one": {"a.b": ("x", "y")}, "two": {"a.c": ("z", "w"), "a.b": ("x", "y")}})


def test_build_returns_new_tables_and_leaves_the_parts_alone() -> None:
    one = {"a.b": ("x", "y")}
    built = build_catalog({"one": one})
    assert built == {"fr": {"a.b": "x"}, "en": {"a.b": "y"}}
    built["fr"]["a.c"] = "z"
    assert build_catalog({"one": one}) == {"fr": {"a.b": "x"}, "en": {"a.b": "y"}}
    assert one == {"a.b": ("x", "y")}


def test_no_code_imports_a_private_name_of_the_catalog() -> None:
    for path, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("parcours.catalog"):
                assert not [a.name for a in node.names if a.name.startswith("_")], path
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and "catalog" in ast.unparse(node.value):
                pytest.fail(f"{path}: {ast.unparse(node)}")


# --- error codes ---------------------------------------------------------------------------------

#: FieldIssue calls whose code is not a literal: where it comes from is checked by another test below.
DYNAMIC_CODES = {
    ("parcours/core/errors.py", "self.code"),  # FieldIssue.prefixed: the same code
    ("parcours/core/documents.py", "bound.code"),  # plausibility bounds: test_every_bound_code_has_a_message
    ("parcours/core/documents.py", "code"),  # pydantic's errors mapped by _CODES, or our PydanticCustomError types
    ("tui/screens/patient_form.py", "i.code"),  # an issue re-pathed: the same code
}


def _issue_codes() -> tuple[set[str], set[tuple[str, str]]]:
    """Literal codes given to FieldIssue and PydanticCustomError, and the call sites whose code is an expression."""
    codes: set[str] = set()
    dynamic: set[tuple[str, str]] = set()
    for path, tree in _trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            if name == "FieldIssue":
                arg = node.args[1] if len(node.args) > 1 else next(k.value for k in node.keywords if k.arg == "code")
            elif name == "PydanticCustomError":
                arg = node.args[0]
            else:
                continue
            found = _strings(arg)
            if found is None:
                dynamic.add((path.relative_to(ROOT).as_posix(), ast.unparse(arg)))
            else:
                codes.update(found)
    return codes, dynamic


def test_the_scan_finds_the_issue_codes() -> None:
    """The scan is not empty-handed: codes of the kernel, both domains, the store and the TUI are found."""
    codes, _ = _issue_codes()
    assert {"nul_character", "not_acuity", "unknown_bm_id", "identifier_taken", "no_identity", "not_date",
            "cip13_format", "due_beyond"} <= codes
    assert len(codes) > 50


def test_every_issue_code_the_code_raises_has_a_message() -> None:
    codes, _ = _issue_codes()
    missing = sorted(code for code in codes if f"error.{code}" not in FR or f"error.{code}" not in EN)
    assert missing == []


def test_issue_codes_given_as_expressions_are_the_known_ones() -> None:
    """A new FieldIssue(path, some_variable) must say where its code comes from (and that code be checked)."""
    _, dynamic = _issue_codes()
    assert dynamic <= DYNAMIC_CODES


def test_every_mapped_library_code_has_a_message() -> None:
    from parcours.core.documents import _CODES, _JSON_KINDS, json_syntax_issue

    codes = {*_CODES.values(), *(code for _, code in _JSON_KINDS), json_syntax_issue("")[0]}
    assert sorted(code for code in codes if f"error.{code}" not in FR) == []


def test_every_bound_code_has_a_message() -> None:
    from parcours.core.plausibility import BOUNDS

    for name, bound in BOUNDS.items():
        assert f"error.{bound.code}" in FR, name
        assert render_issue(FieldIssue((name,), bound.code, bound.params()), "en").startswith(f"{name}: implausible")


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_store_error_has_a_message() -> None:
    """render_error says a store error by `store.<code>`: every StoreError class of the store has one."""
    for path in sorted((ROOT / "parcours" / "store").glob("*.py")):
        importlib.import_module(f"parcours.store.{path.stem}" if path.stem != "__init__" else "parcours.store")
    classes = list(_subclasses(StoreError))
    assert len(classes) > 10
    for cls in classes:
        assert f"store.{cls.code}" in FR and f"store.{cls.code}" in EN, cls


# --- message keys --------------------------------------------------------------------------------

#: Functions that take a catalog key first, and the prefix they add to it.
KEY_FUNCTIONS = {"message": "", "catalog_message": "", "t": "", "lab": "", "_m": "", "_pair": "", "h": "cli.help."}


def _used_keys() -> Iterator[tuple[str, str, bool]]:
    """(where, key or key prefix, whether it is only a prefix) for every call of a key function."""
    for path, tree in _trees():
        if path.parent == CATALOG_DIR:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _name(node.func)
            in_labels = name == "self" and path.name == "labels.py"  # reports.labels.Labels.__call__
            if name not in KEY_FUNCTIONS and not in_labels:
                continue
            prefix, where, arg = KEY_FUNCTIONS.get(name, ""), f"{path.relative_to(ROOT)}:{node.lineno}", node.args[0]
            found = _strings(arg)
            if found is not None:
                yield from ((where, prefix + key, False) for key in found)
            elif isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
                yield where, prefix + str(arg.values[0].value), True
            elif isinstance(arg, ast.BinOp) and isinstance(arg.left, ast.Constant) and isinstance(arg.left.value, str):
                yield where, prefix + arg.left.value, True


def test_the_key_scan_finds_the_callers() -> None:
    used = list(_used_keys())
    places = {where.split(":")[0].split("/")[0] for where, _, _ in used}
    assert {"parcours", "tui", "reports", "fhir_export"} <= places
    assert len([k for _, k, prefix in used if not prefix]) > 250


def test_every_literal_message_key_exists() -> None:
    missing = [(where, key) for where, key, prefix in _used_keys() if not prefix and (key not in FR or key not in EN)]
    assert missing == []


def test_every_key_prefix_names_some_messages() -> None:
    """`t(f"icope.domain.{d}")`: the fixed start must begin some keys (a typo in it would miss them all)."""
    missing = [(where, key) for where, key, prefix in _used_keys() if prefix and not any(k.startswith(key) for k in FR)]
    assert missing == []


# --- render_error --------------------------------------------------------------------------------


def test_render_error_heads_field_errors_with_their_source() -> None:
    exc = InvalidInput([FieldIssue(("a", 0), "missing"), FieldIssue(("b",), "ge", {"limit": 1})])
    assert error_lines(exc, "en") == ["a[0]: required field is missing", "b: must be ≥ 1"]
    assert render_error(exc, "fr", source="x.json") == (
        "x.json : document invalide\na[0]: champ obligatoire manquant\nb: doit être ≥ 1")
    assert render_error(exc, "en", source="-") == "-: invalid document\na[0]: required field is missing\nb: must be ≥ 1"


def test_render_error_says_a_store_error_by_its_code() -> None:
    assert error_lines(Conflict(), "en") == [EN["store.conflict"]]
    text = render_error(NotFound(entity="patient", key="p-1"), "fr", source="ignored")
    assert text == FR["store.not_found"].format(entity=FR["store.entity.patient"], key="p-1")


def test_render_issue_without_its_path() -> None:
    issue = FieldIssue(("bm", 0, "dose"), "gt", {"limit": 0})
    assert render_issue(issue, "en", path=False) == "must be > 0"
    assert render_issue(issue, "en") == "bm[0].dose: must be > 0"
    assert render_issue(FieldIssue(("x",), "ge", {}), "fr", path=False) == "valeur invalide"
