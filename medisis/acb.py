"""Anticholinergic burden (ACB) scale: the shipped subset and the total (docs/medisis.md §6.5).

Boustani 2008 (2012 update): 1 possible, 2–3 definite; scores are summed. The shipped table is a
subset of the values published by ACBcalc.com (King & Rabino 2023 [M27]), quoted with citation; a
site configures the full list it is licensed to use (`review.acb_table`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

ACB_TABLE_VERSION = "medisis-acb-2026.1"
ACB_CITATION = "ACBcalc.com (King R, Rabino S, 2023), Anticholinergic Burden scale (Boustani 2008, 2012 update)"

#: docs/medisis.md §6.5 table: ATC → ACB score (PROJECT DECISION subset).
DEFAULT_ACB_TABLE: Mapping[str, int] = MappingProxyType({
    "N06AA09": 3,  # amitriptyline
    "G04BD04": 3,  # oxybutynin
    "N05BB01": 3,  # hydroxyzine
    "N06AB05": 3,  # paroxetine
    "N05AH04": 3,  # quetiapine
    "N05AH03": 3,  # olanzapine
    "G04BD08": 3,  # solifenacin
    "G04BD07": 3,  # tolterodine
    "N03AF01": 2,  # carbamazepine
    "N02AX02": 2,  # tramadol
    "C03CA01": 1,  # furosemide
    "C01AA05": 1,  # digoxin
    "B01AA03": 1,  # warfarin
    "R05DA04": 1,  # codeine
})


def acb_total(atcs: Iterable[str], table: Mapping[str, int] = DEFAULT_ACB_TABLE) -> int:
    """Sum over distinct ATC codes; a code absent from the table scores 0 (calculator convention)."""
    return sum(table.get(atc, 0) for atc in set(atcs))
