"""Site formulary (livret) equivalences: data that proposes pairings, never decides them (docs/medisis.md §2.6 step 5).

The table comes from `formulary.equivalences` of the protocol file. The TUI shows the proposals;
the pharmacist confirms by writing `bm_id` and `equivalence: true` into the reconciliation input.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from medisis.errors import InvalidProtocol
from medisis.lines import BmLine, DrugLine, OrderLine
from medisis.pairing import pair
from parcours.core.errors import FieldIssue

#: The code kinds an equivalence may name, in the order they are looked at.
KINDS = ("atc", "cis", "ucd13", "cip13")


@dataclass(frozen=True, slots=True)
class Equivalence:
    """One formulary row: a community product (`from`) and the hospital product used instead (`to`)."""

    from_kind: str
    from_code: str
    to_kind: str
    to_code: str
    note: str | None = None

    def matches(self, bm: DrugLine, order: DrugLine) -> bool:
        """True when the BM line is the `from` product and the order line the `to` product."""
        given: str | None = getattr(bm, self.from_kind)
        ordered: str | None = getattr(order, self.to_kind)
        return given == self.from_code and ordered == self.to_code


def _side(row: Mapping[str, Any], side: str) -> tuple[str, str] | None:
    found = [(k, row[f"{side}_{k}"]) for k in KINDS if isinstance(row.get(f"{side}_{k}"), str)]
    return found[0] if len(found) == 1 else None


def parse_equivalences(rows: Iterable[Mapping[str, Any]]) -> tuple[Equivalence, ...]:
    """Rows `{from_<kind>, to_<kind>, note}` with exactly one code per side; else InvalidProtocol."""
    out, issues = [], []
    allowed = {f"{s}_{k}" for s in ("from", "to") for k in KINDS} | {"note"}
    for i, row in enumerate(rows):
        path = ("formulary", "equivalences", i)
        src, dst = _side(row, "from"), _side(row, "to")
        if set(row) - allowed or src is None or dst is None:
            issues.append(FieldIssue(path, "bad_equivalence"))
            continue
        note = row.get("note")
        out.append(Equivalence(src[0], src[1], dst[0], dst[1], note if isinstance(note, str) else None))
    if issues:
        raise InvalidProtocol(issues)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Proposal:
    """A pairing the pharmacist may confirm: order `order_id` ≡ BM line `bm_id` per `equivalence`."""

    order_id: str
    bm_id: str
    equivalence: Equivalence


def propose(bm: Sequence[BmLine], orders: Sequence[OrderLine], table: Sequence[Equivalence]) -> tuple[Proposal, ...]:
    """Proposals for the order and BM lines the pairing of §2.6 leaves unpaired, in input order."""
    pairing = pair(bm, orders)
    free_bm = [j for j, k in enumerate(pairing.order_of_bm) if k is None]
    taken: set[int] = set()
    out = []
    for i, order in enumerate(orders):
        if pairing.bm_of_order[i] is not None or ("bm_id" in order.model_fields_set):
            continue
        for j in free_bm:
            row = next((e for e in table if e.matches(bm[j], order)), None)
            if j not in taken and row is not None:
                taken.add(j)
                out.append(Proposal(order.id, bm[j].id, row))
                break
    return tuple(out)
