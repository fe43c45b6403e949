"""Benchmark: load a synthetic full-size `CIS_bdpm.txt` (15,000 CIS) and search a name prefix.

Run from the repository root: `python bench/bdpm_load.py [N]`. Targets (medisis brief): load < 2 s,
prefix search < 10 ms. The baseline is the csv module splitting the same file in the same run.
"""

from __future__ import annotations

import csv
import io
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from medisis.bdpm import FIELD_COUNTS, BdpmIndex, parse_table

SYLLABLES = ["fi", "cti", "va", "mol", "é", "phé", "mè", "ri", "ne", "pseu", "do", "prol", "œ", "dè", "ma"]


def make(n: int) -> bytes:
    """n fake specialties in the 12-column CIS_bdpm.txt format, cp1252 like some BDPM downloads."""
    rng = random.Random(7)
    lines = []
    for i in range(n):
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).upper()
        lines.append("\t".join([
            f"{60000000 + i}", f"{name} {rng.choice([5, 10, 20, 500])} mg, comprimé", "comprimé", "orale",
            "Autorisation active", "Procédure nationale", "Commercialisée", "01/02/2003", "", "",
            " LABORATOIRE IMAGINAIRE", "Non",
        ]))
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def main(n: int = 15_000) -> None:
    data = make(n)
    start = time.perf_counter()
    rows = [r for r in csv.reader(io.StringIO(data.decode("cp1252")), delimiter="\t") if len(r) == 12]
    baseline = time.perf_counter() - start
    start = time.perf_counter()
    index = BdpmIndex()
    index.add_specialties(parse_table(data, FIELD_COUNTS["CIS_bdpm.txt"]))
    load = time.perf_counter() - start
    prefixes = ["fic", "EPHE", "œdè", "pseudo", "ma", "zz"]
    start = time.perf_counter()
    found = sum(len(index.search(p)) for p in prefixes)
    search = (time.perf_counter() - start) / len(prefixes)
    assert len(rows) == len(index.specialties) == n
    print(f"CIS rows:                  {n}")
    print(f"baseline csv split:        {baseline * 1000:8.1f} ms")
    print(f"parse + index (encoding:   {index.encodings['CIS_bdpm.txt']}): {load * 1000:8.1f} ms (target < 2000 ms)")
    print(f"ratio index / csv split:   {load / baseline:8.2f}x")
    print(f"prefix search (mean of {len(prefixes)}): {search * 1000:8.3f} ms (target < 10 ms), {found} results")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15_000)
