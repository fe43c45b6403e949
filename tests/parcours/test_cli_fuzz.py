"""Any JSON into every document command and `--batch`: exit 0 or 2 (1 for a batch), never a traceback.

Why (issue 18): 3,300 mutated and edge-value documents found crashes (dates in 9999, 1e308, Unicode
digits, a BOM). The documents here are mutations of valid examples (tests/parcours/data) with edge
values put anywhere, keys dropped or added, and raw-byte damage; each is run in-process through
`parcours.cli.main`, in both languages, as JSON, FHIR, `--save` and NDJSON batch. Every error line
must name a JSON path (`$` for the whole document).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests_parcours_cli import run

SEEDS: dict[str, list[dict[str, Any]]] = json.loads(
    (Path(__file__).parent / "data" / "fuzz_seeds.json").read_text("utf-8"))
COMMANDS = sorted(SEEDS)
SAVE = {"icope score", "icope assess", "icope followup", "medisis reconcile", "medisis risk", "medisis review"}

#: A JSON path at the start of a message: `$`, `date`, `bm[0].dose.value`, `["a b"]`, `screenings[1].date`.
PATH = re.compile(r'^(\$|[A-Za-z_][A-Za-z0-9_]*|\[(\d+|"[^"]*")\])'  # the first step
                  r'([.][A-Za-z_][A-Za-z0-9_]*|\[(\d+|"(?:[^"\\]|\\.)*")\])*: \S')  # then .name or [index]

EDGE_VALUES = [
    None, True, False, 0, -1, 1, 2**31, -(2**31) - 1, 2**63, 10**30, 1e308, -1e308, 5e-324, 0.5, 1e-7,
    "", " ", "x" * 300, "9999-12-31", "9999-06-30", "9999-07-01", "0001-01-01", "2026-02-30", "2026-13-01",
    "٣", "²", "1٣", "１２", "\u00e9", "\ud7ff", "null", "NaN", [], {}, [1, "a"], {"x": 1}, [[[]]],
]


# --- documents ---------------------------------------------------------------------------------

def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in `doc` (the root excluded) a value can be swapped."""
    found: list[tuple[Any, ...]] = []
    items = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    for key, value in items:
        found.append((*prefix, key))
        found.extend(_paths(value, (*prefix, key)))
    return found


DATE_EDGES = ["9999-12-31", "9999-06-30", "9999-07-01", "9999-12-01", "9999-12-02", "0001-01-01", "0001-12-31",
              "2026-02-29", "2024-02-29", "1900-01-01"]
NUMBER_EDGES = [0, -1, 1, 0.5, 1e308, -1e308, 5e-324, 2**31, 2**53 + 1, 2**63, 10**30, 1e-7, 100, 3.0]
TEXT_EDGES = ["", " ", "x" * 2000, "٣", "²", "\u200b", "é", "\n", "null"]


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def _edges_like(value: Any) -> list[Any]:
    """Edge values of the same kind as `value`, so a mutation gets past type validation."""
    if isinstance(value, bool) or value is None:
        return [True, False, None]
    if isinstance(value, int | float):
        return NUMBER_EDGES
    if isinstance(value, str):
        return DATE_EDGES if len(value) == 10 and value[4:5] == "-" else TEXT_EDGES
    if isinstance(value, list):
        return [[], value * 3, [None], value[:1]]
    return [{}, None]


def _mutate(doc: Any, path: tuple[Any, ...], how: str, value: Any) -> Any:
    doc = json.loads(json.dumps(doc))
    *parents, last = path
    holder = doc
    for key in parents:
        holder = holder[key]
    if how == "drop":
        del holder[last]
    elif how == "extra" and isinstance(holder[last], dict):
        holder[last]["unknown_key"] = value
    else:
        holder[last] = value
    return doc


@st.composite
def documents(draw: st.DrawFn, command: str) -> Any:
    """A seed document with 0-3 mutations: an edge value put somewhere, a key dropped or added."""
    doc: Any = draw(st.sampled_from(SEEDS[command]))
    for _ in range(draw(st.integers(0, 3))):
        paths = _paths(doc)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        how = draw(st.sampled_from(["set", "typed", "typed", "drop", "extra"]))
        value = draw(st.sampled_from(_edges_like(_at(doc, path)) if how == "typed" else EDGE_VALUES))
        doc = _mutate(doc, path, "set" if how == "typed" else how, value)
    if draw(st.integers(0, 19)) == 0:
        doc = draw(st.sampled_from(EDGE_VALUES))  # not an object at all
    return doc


def dumps(doc: Any) -> bytes:
    """Compact JSON, integers of any size included (orjson stops at 64 bits)."""
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def _damage(raw: bytes, how: int, at: int) -> bytes:
    at = at % (len(raw) + 1)
    return [
        raw,
        raw[:at],  # truncated
        raw[:at] + b"\xff" + raw[at:],  # a byte that is not UTF-8
        raw[:at] + b"}" + raw[at:],
        b"\xef\xbb\xbf" + raw,  # a BOM
        raw.replace(b"2026", b"\xd9\xa3\xd9\xa3", 1),  # Arabic-Indic digits in a date
        raw + b" x",
    ][how]


def _check_errors(lines: list[str]) -> None:
    for line in lines:
        assert PATH.match(line), f"error without a JSON path: {line!r}"


OPTIONS = st.sampled_from([
    (), ("--lang", "en"), ("--format", "fhir"), ("--format", "fhir", "--lang", "en"), ("--save",)])


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('fuzz')}/parcours.db"


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(command=st.sampled_from(COMMANDS), data=st.data(), options=OPTIONS)
def test_any_document_gets_a_result_or_errors_naming_json_paths(db_url: str, command: str, data: st.DataObject,
                                                                options: tuple[str, ...]) -> None:
    doc = data.draw(documents(command))
    raw = _damage(dumps(doc), data.draw(st.integers(0, 12)) % 7 if data.draw(st.booleans()) else 0,
                  data.draw(st.integers(0, 10_000)))
    if command == "medisis indicators" and options and options[0] in ("--format", "--save"):
        options = ()
    argv = [*command.split(), "-", *options]
    if "--save" in options:
        argv += ["--db", db_url]
    status, out, err = run(argv, raw)
    assert "Traceback" not in err
    assert status in (0, 2), (status, err)
    if status == 0:
        # the one thing stderr may say on success: the same document was already saved (issue 20)
        assert err == "" or ("--save" in options and err.count("\n") == 1 and "(dossier " in err), err
        assert out.endswith(b"\n") and out.count(b"\n") == 1
        orjson.loads(out)
    else:
        assert out == b""
        _header, *lines = err.splitlines()
        assert lines, err
        _check_errors(lines)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(command=st.sampled_from(COMMANDS), data=st.data(), fhir=st.booleans())
def test_any_batch_gets_one_line_per_document(command: str, data: st.DataObject, fhir: bool) -> None:
    docs = data.draw(st.lists(documents(command), min_size=1, max_size=6))
    lines = [dumps(d) for d in docs]
    if data.draw(st.booleans()):
        lines[0] = b"\xef\xbb\xbf" + lines[0]
    fhir = fhir and command != "medisis indicators"
    status, out, err = run([*command.split(), "-", "--batch", *(["--format", "fhir"] if fhir else [])],
                           b"\n".join(lines) + b"\n")
    assert "Traceback" not in err and err == ""
    results = [orjson.loads(line) for line in out.splitlines()]
    assert len(results) == len(docs)
    bad = [r for r in results if isinstance(r, dict) and set(r) == {"line", "error"}]
    assert status == (1 if bad else 0)
    for result in bad:
        assert result["error"]
        _check_errors(result["error"])


@pytest.mark.parametrize("command", COMMANDS)
def test_every_seed_is_valid(command: str) -> None:
    """The fuzz starts from valid documents: each gives exit 0 alone."""
    for doc in SEEDS[command]:
        status, _, err = run([*command.split(), "-"], dumps(doc))
        assert (status, err) == (0, "")
