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
        x: str | None = getattr(a, name)
        y: str | None = getattr(b, name)
        if x is not None and y is not None:
            return x == y
    return False


Key = tuple[str | None, ...]


def _first_free(bucket: list[int], order_of_bm: list[int | None]) -> int | None:
    """The lowest still-unpaired BM index of a bucket (kept descending); paired ones are dropped as met."""
    while bucket and order_of_bm[bucket[-1]] is not None:
        bucket.pop()
    return bucket[-1] if bucket else None


def _index(keys: Sequence[Key]) -> dict[tuple[int, str, int], list[int]]:
    """Buckets of BM lines that `same_drug` would pair with an order, by what the order gives.

    An order matches BM line j through field k when both give k with the same value and no field
    before k is given by both. So j goes in bucket (k, value, mask) for every mask of earlier fields
    that j leaves empty (at most 1 + 2 + 4 + 8 buckets a line); an order looks in (k, its value,
    the mask of its own earlier fields). Each bucket lists BM indexes in descending order (the
    lowest last, popped first).
    """
    buckets: dict[tuple[int, str, int], list[int]] = {}
    for j in range(len(keys) - 1, -1, -1):
        key = keys[j]
        empty = 0  # bit f set: field f is None on this BM line
        for k, value in enumerate(key):
            if value is not None:
                sub = empty
                while True:  # every subset of `empty` (fields before k)
                    buckets.setdefault((k, value, sub), []).append(j)
                    if sub == 0:
                        break
                    sub = (sub - 1) & empty
            else:
                empty |= 1 << k
    return buckets


def pair(bm: Sequence[BmLine], orders: Sequence[OrderLine]) -> Pairing:
    """Explicit pairings first, then automatic pairing in input order (§2.6 steps 1–4)."""
    order_of_bm: list[int | None] = [None] * len(bm)
    bm_of_order: list[int | None] = [None] * len(orders)
    issues: list[FieldIssue] = []
    bm_index: dict[str, int] = {}
    for n, line in enumerate(bm):
        bm_index.setdefault(line.id, n)  # a duplicated id is reported elsewhere; the first wins
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
        elif (paired := order_of_bm[j]) is not None:
            first = orders[paired].id
            issues.append(FieldIssue(("orders", i, "bm_id"), "bm_already_paired", {"id": order.bm_id, "order": first}))
        else:
            order_of_bm[j], bm_of_order[i] = i, j
    if automatic:  # §2.6 step 3: the first unpaired BM line that is the same drug, O(n + m): hashed buckets
        buckets = _index([(b.atc, b.cis, b.ucd13, b.cip13) for b in bm])
        for i in automatic:
            o = orders[i]
            best: int | None = None
            given = 0  # bit f set: the order gives field f
            for k, value in enumerate((o.atc, o.cis, o.ucd13, o.cip13)):
                if value is None:
                    continue
                bucket = buckets.get((k, value, given))
                j = None if bucket is None else _first_free(bucket, order_of_bm)
                if j is not None and (best is None or j < best):
                    best = j
                given |= 1 << k
            if best is not None:
                order_of_bm[best], bm_of_order[i] = i, best
    for i, order in enumerate(orders):  # §2.6 step 4
        if order.equivalence and bm_of_order[i] is None:
            issues.append(FieldIssue(("orders", i, "equivalence"), "equivalence_unpaired"))
    return Pairing(tuple(order_of_bm), tuple(bm_of_order), tuple(issues))
