"""Hypothesis properties: one classification per line, documentation never creates a DNI, and any JSON
value gives a result or a typed InvalidInput for all four commands."""

from __future__ import annotations

from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from parcours.cli import medisis_commands
from parcours.core.errors import InvalidInput

ATCS = ["C03CA01", "C08CA01", "A02BC05", "A02BC03", "N02BE01"]
LINE = st.fixed_dictionaries(
    {"atc": st.sampled_from(ATCS)},
    optional={
        "dose": st.fixed_dictionaries({"value": st.sampled_from([0.5, 1, 20, 40, 500]),
                                       "unit": st.sampled_from(["mg", "g", "ug", "tablet"])}),
        "frequency": st.one_of(
            st.fixed_dictionaries({"times_per_day": st.sampled_from([0.5, 1, 2, 3])}),
            st.fixed_dictionaries({"times": st.integers(1, 3), "every": st.integers(1, 2),
                                   "period": st.sampled_from(["day", "week", "month"])})),
        "form": st.sampled_from(["comprimé", "Comprimé ", "gélule"]),
        "release": st.sampled_from(["immediate", "prolonged"]),
        "route": st.sampled_from(["oral", "intravenous"]),
        "as_needed": st.booleans(),
        "self_medication": st.booleans(),
        "intentional": st.one_of(st.none(), st.booleans()),
        "severity": st.sampled_from(["minor", "major"]),
    },
)


@st.composite
def reconciliations(draw: st.DrawFn) -> dict[str, Any]:
    bm = [{"id": f"b{i}", **x} for i, x in enumerate(draw(st.lists(LINE, max_size=6)))]
    orders = []
    free = [b["id"] for b in bm]
    for i, x in enumerate(draw(st.lists(LINE, max_size=6))):
        order = {"id": f"o{i}", **x}
        choice = draw(st.integers(0, 3))
        if choice == 1 and free:
            order["bm_id"] = free.pop(draw(st.integers(0, len(free) - 1)))
            order["equivalence"] = draw(st.booleans())
            target = next(b for b in bm if b["id"] == order["bm_id"])
            for name in ("intentional", "severity"):
                if name in target:
                    order.pop(name, None)
        elif choice == 2:
            order["bm_id"] = None
        orders.append(order)
    # automatic pairs may join any line: keep answers on one side only
    for order in orders:
        if "bm_id" not in order:
            order.pop("intentional", None)
            order.pop("severity", None)
    return {"moment": draw(st.sampled_from(["admission", "transfer", "discharge"])), "date": "2026-11-20",
            "bm": bm, "orders": orders}


@settings(max_examples=200, deadline=None)
@given(reconciliations())
def test_every_line_gets_exactly_one_classification(doc: dict[str, Any]) -> None:
    out = medisis_commands.reconcile(orjson.dumps(doc))
    bm_ids = [x["bm_id"] for x in out["lines"] if x["bm_id"] is not None]
    order_ids = [x["order_id"] for x in out["lines"] if x["order_id"] is not None]
    assert bm_ids == [b["id"] for b in doc["bm"]]
    assert sorted(order_ids) == sorted(o["id"] for o in doc["orders"])
    for line in out["lines"]:
        assert line["is_discrepant"] == (line["category"] != "none")
        assert line["is_discrepant"] == (line["status"] in ("stopped", "initiated", "modified"))
        assert (line["error_type"] is not None) == (line["category"] == "dni")
        assert line["changes"] == [] or (line["bm_id"] and line["order_id"])
    summary = out["summary"]
    assert summary["lines"] == len(out["lines"])
    assert summary["discrepant"] == summary["unqualified"] + summary["did"] + summary["dind"] + summary["dni"]


@settings(max_examples=150, deadline=None)
@given(reconciliations(), st.data())
def test_adding_a_documented_note_never_creates_a_dni(doc: dict[str, Any], data: st.DataObject) -> None:
    before = medisis_commands.reconcile(orjson.dumps(doc))
    paired_bm = {o.get("bm_id") for o in doc["orders"]}
    lines = doc["bm"] + doc["orders"]
    if not lines:
        return
    target = data.draw(st.sampled_from(lines))
    partner_has = target["id"] in paired_bm and any(
        o.get("bm_id") == target["id"] and "documented" in o for o in doc["orders"])
    if partner_has or "documented" in target:
        return
    target["documented"] = data.draw(st.booleans())
    target["comment"] = "documenté dans le dossier"
    after = medisis_commands.reconcile(orjson.dumps(doc))
    assert after["summary"]["dni"] == before["summary"]["dni"]
    assert [x["category"] == "dni" for x in after["lines"]] == [x["category"] == "dni" for x in before["lines"]]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10**6) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8) | st.sampled_from(["admission", "lace", "trst", "hospital", "C03CA01", "2026-11-20", "mg"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["moment", "date", "bm", "orders", "id", "atc", "score", "dose", "value", "unit", "drugs",
                         "patient", "birth_date", "eligible_patients", "frequency", "times_per_day", "bm_id", "x"]),
        inner, max_size=6),
    max_leaves=20,
)
COMMANDS = [medisis_commands.reconcile, medisis_commands.risk, medisis_commands.review, medisis_commands.indicators]


@settings(max_examples=200, deadline=None)
@given(JSON, st.sampled_from(COMMANDS))
def test_any_json_value_gives_a_result_or_invalid_input(value: Any, command: Any) -> None:
    try:
        out = command(orjson.dumps(value))
    except InvalidInput as exc:
        assert exc.issues
    else:
        assert isinstance(out, dict)
        orjson.dumps(out)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=40), st.sampled_from(COMMANDS))
def test_any_bytes_give_a_result_or_invalid_input(raw: bytes, command: Any) -> None:
    try:
        command(raw)
    except InvalidInput as exc:
        assert exc.issues
