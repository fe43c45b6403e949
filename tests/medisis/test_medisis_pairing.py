"""§2.6 pairing: the indexed pairing gives exactly the pairs of the plain first-match scan (issue 18)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from medisis.codes import cip13_from_cip7, ucd13_from_ucd7
from medisis.lines import BmLine, OrderLine
from medisis.pairing import pair, same_drug

ATCS = ["C03CA01", "C03CA02", "N02BE01"]
CISES = ["60000001", "60000002"]
CIPS = [cip13_from_cip7(c) for c in ("4949729", "4949730")]
UCDS = [ucd13_from_ucd7(c) for c in ("9321332", "9321333")]


def scan(bm: Sequence[BmLine], orders: Sequence[OrderLine]) -> tuple[list[int | None], list[int | None]]:
    """The reference: explicit pairs, then each automatic order takes the first unpaired same drug (O(n·m))."""
    order_of_bm: list[int | None] = [None] * len(bm)
    bm_of_order: list[int | None] = [None] * len(orders)
    first_id: dict[str, int] = {}
    for j, line in enumerate(bm):
        first_id.setdefault(line.id, j)
    for i, order in enumerate(orders):
        if "bm_id" in order.model_fields_set and order.bm_id is not None:
            j = first_id.get(order.bm_id)
            if j is not None and order_of_bm[j] is None:
                order_of_bm[j], bm_of_order[i] = i, j
    for i, order in enumerate(orders):
        if "bm_id" in order.model_fields_set:
            continue
        for j, line in enumerate(bm):
            if order_of_bm[j] is None and same_drug(line, order):
                order_of_bm[j], bm_of_order[i] = i, j
                break
    return order_of_bm, bm_of_order


def _codes() -> st.SearchStrategy[dict[str, Any]]:
    fields = st.fixed_dictionaries({}, optional={"atc": st.sampled_from(ATCS), "cis": st.sampled_from(CISES),
                                                 "cip13": st.sampled_from(CIPS), "ucd13": st.sampled_from(UCDS)})
    return fields.filter(bool)


@st.composite
def documents(draw: st.DrawFn) -> tuple[list[BmLine], list[OrderLine]]:
    bm = [BmLine.model_validate({"id": f"b{j % 4}" if draw(st.booleans()) else f"b{j}", **draw(_codes())})
          for j in range(draw(st.integers(0, 8)))]
    orders = []
    for i in range(draw(st.integers(0, 8))):
        line: dict[str, Any] = {"id": f"o{i}", **draw(_codes())}
        how = draw(st.sampled_from(["auto", "auto", "auto", "null", "known", "unknown"]))
        if how == "null":
            line["bm_id"] = None
        elif how == "known" and bm:
            line["bm_id"] = draw(st.sampled_from(bm)).id
        elif how == "unknown":
            line["bm_id"] = "nowhere"
        orders.append(OrderLine.model_validate(line))
    return bm, orders


@given(documents())
@settings(max_examples=400, deadline=None)
def test_indexed_pairing_equals_the_first_match_scan(doc: tuple[list[BmLine], list[OrderLine]]) -> None:
    bm, orders = doc
    got = pair(bm, orders)
    assert (list(got.order_of_bm), list(got.bm_of_order)) == scan(bm, orders)


def test_a_later_field_pairs_only_when_no_earlier_one_is_on_both_lines() -> None:
    bm = [BmLine.model_validate({"id": "b0", "atc": "C03CA01", "cis": "60000001"}),
          BmLine.model_validate({"id": "b1", "cis": "60000001"})]
    orders = [OrderLine.model_validate({"id": "o0", "atc": "C03CA02", "cis": "60000001"}),
              OrderLine.model_validate({"id": "o1", "cis": "60000001"})]
    got = pair(bm, orders)
    assert got.bm_of_order == (1, 0)  # o0: atc differs from b0's, b1 has no atc and the same cis


def test_many_lines_pair_in_input_order() -> None:
    n = 3000
    bm = [BmLine.model_validate({"id": f"b{j}", "atc": ATCS[j % 3]}) for j in range(n)]
    orders = [OrderLine.model_validate({"id": f"o{i}", "atc": ATCS[(i + 1) % 3]}) for i in range(n)]
    got = pair(bm, orders)
    assert got.bm_of_order[:4] == (1, 2, 0, 4)
    assert sorted(j for j in got.bm_of_order if j is not None) == list(range(n))
