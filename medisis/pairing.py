"""Pairing of order lines with BM lines before classification (docs/medisis.md §2.6).

The pairing is the pharmacist's act (explicit `bm_id`); the automatic rule by drug code is an aid
for the lines left without one. Invalid pairings are returned as field issues.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from medisis.lines import BmLine, DrugLine, OrderLine
from parcours.core.errors import FieldIssue

#: §2.6 step 3: the fields that tell whether two lines are the same drug, in this order.
SAME_DRUG_FIELDS = ("atc", "cis", "ucd13", "cip13")


@dataclass(frozen=True, slots=True)
class Pairing:
    """Index of the order paired with each BM line (or None), and of the BM paired with each order."""

    order_of_bm: tuple[int | None, ...]
    bm_of_order: tuple[int | None, ...]
    issues: tuple[FieldIssue, ...]


def same_drug(a: DrugLine, b: DrugLine) -> bool:
    """§2.6 step 3: the first of atc, cis, ucd13, cip13 present on both lines decides."""
    for name in SAME_DRUG_FIELDS:
        x, y = getattr(a, name), getattr(b, name)
        if x is not None and y is not None:
            return x == y
    return False


def _same_key(a: tuple[str | None, ...], b: tuple[str | None, ...]) -> bool:
    """`same_drug` on precomputed (atc, cis, ucd13, cip13) tuples."""
    for x, y in zip(a, b):
        if x is not None and y is not None:
            return x == y
    return False


def pair(bm: Sequence[BmLine], orders: Sequence[OrderLine]) -> Pairing:
    """Explicit pairings first, then automatic pairing in input order (§2.6 steps 1–4)."""
    order_of_bm: list[int | None] = [None] * len(bm)
    bm_of_order: list[int | None] = [None] * len(orders)
    issues: list[FieldIssue] = []
    bm_index: dict[str, int] = {}
    for j, line in enumerate(bm):
        bm_index.setdefault(line.id, j)  # a duplicated id is reported elsewhere; the first wins
    automatic: list[int] = []
    for i, order in enumerate(orders):
        if "bm_id" not in order.model_fields_set:
            automatic.append(i)
            continue
        if order.bm_id is None:
            continue  # §2.6 step 2: explicitly unpaired
        j = bm_index.get(order.bm_id)
        if j is None:
            issues.append(FieldIssue(("orders", i, "bm_id"), "unknown_bm_id", {"id": order.bm_id}))
        elif order_of_bm[j] is not None:
            first = orders[order_of_bm[j]].id
            issues.append(FieldIssue(("orders", i, "bm_id"), "bm_already_paired", {"id": order.bm_id, "order": first}))
        else:
            order_of_bm[j], bm_of_order[i] = i, j
    if automatic:
        keys = [(b.atc, b.cis, b.ucd13, b.cip13) for b in bm]
        for i in automatic:  # §2.6 step 3
            o = orders[i]
            wanted = (o.atc, o.cis, o.ucd13, o.cip13)
            for j, key in enumerate(keys):
                if order_of_bm[j] is not None:
                    continue
                if wanted[0] is not None and key[0] is not None:  # atc on both decides (fast path)
                    same = wanted[0] == key[0]
                else:
                    same = _same_key(key, wanted)
                if same:
                    order_of_bm[j], bm_of_order[i] = i, j
                    break
    for i, order in enumerate(orders):  # §2.6 step 4
        if order.equivalence and bm_of_order[i] is None:
            issues.append(FieldIssue(("orders", i, "equivalence"), "equivalence_unpaired"))
    return Pairing(tuple(order_of_bm), tuple(bm_of_order), tuple(issues))
