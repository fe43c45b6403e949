"""Benchmark: the drug lookup at the full BDPM size (15,000 specialties, 20,000 packs).

Run from the repository root: `python bench/drug_lookup.py [--db URL] [--specialties N]`. It writes a
synthetic BDPM download (the four files an import reads) to a temporary folder, imports it with
`Store.import_drugs` with a UCD correspondence file (one UCD per pack, `;`-separated with a header,
docs/medisis.md §7.3), then times `Store.find_drugs` by name prefix (2 to 5 letters, accents and case
varied), by CIS, by CIP13, by UCD13 and by UCD7, against a primary-key read of one specialty through
the same store engine in the same run (the baseline). Target (issue 17): a lookup answers in under 50 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from medisis.codes import cip13_from_cip7, ucd13_from_ucd7
from medisis.ucd import parse_columns
from parcours.store import open_store
from parcours.store.schema import drug_specialties

SYLLABLES = [
    "fu", "ro", "sé", "mi", "de", "al", "pra", "zo", "lam", "œ", "dè", "ma", "phé", "ri", "ne", "ta", "cé", "pa",
]
FORMS = ["comprimé", "comprimé pelliculé", "gélule", "solution injectable", "sirop", "collyre"]
ROUTES = ["orale", "orale", "orale", "intraveineuse", "intraveineuse;intramusculaire", "ophtalmique"]
REPEAT = 200


def write_bdpm(folder: Path, specialties: int, packs: int, seed: int = 7) -> list[str]:
    """The four files, cp1252 like some downloads; returns the names written."""
    rng = random.Random(seed)
    cis_rows, compo, mitm, names = [], [], [], []
    for i in range(specialties):
        cis = f"{60000000 + i}"
        stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).upper()
        dose = rng.choice(["5 mg", "10 mg", "0,25 mg", "40 mg", "500 mg", "1 g"])
        form = rng.choice(FORMS)
        name = f"{stem} {rng.choice(['FICTIF', 'IMAGINAIRE', 'FACTICE'])} {dose}, {form}"
        names.append(name)
        cis_rows.append("\t".join([cis, name, form, rng.choice(ROUTES), "Autorisation active", "Procédure nationale",
                                   "Commercialisée", "01/02/2003", "", "", " LABORATOIRE IMAGINAIRE", "Non"]))
        compo.append("\t".join([cis, form, f"{i % 3000:05d}", stem, dose, "un comprimé", "SA", "1"]))
        if rng.random() < 0.8:
            mitm.append("\t".join([cis, f"C0{rng.randint(1, 9)}AA{rng.randint(1, 20):02d}", "LIBELLÉ", "https://x.invalid"]))
    cip_rows = []
    for j in range(packs):
        cip7 = f"{9000000 + j}"
        cip_rows.append("\t".join([
            f"{60000000 + j % specialties}", cip7, "boîte de 30", "Présentation active",
            "Déclaration de commercialisation", "01/02/2003", cip13_from_cip7(cip7), "oui", "65%",
            "2,18", "2,18", "", "",
        ]))
    for name, rows in (("CIS_bdpm.txt", cis_rows), ("CIS_CIP_bdpm.txt", cip_rows), ("CIS_COMPO_bdpm.txt", compo),
                       ("CIS_MITM.txt", mitm)):
        (folder / name).write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    return names


def write_ucd(path: Path, packs: int) -> None:
    """One UCD per pack (UCD7 = 9 000 000 + pack number), linked by its CIP13, as a pharmacy export would."""
    rows = ["Code UCD;Libellé;Code CIP13"] + [
        f"{ucd13_from_ucd7(f'{9000000 + j}')};UNITÉ {j};{cip13_from_cip7(f'{9000000 + j}')}" for j in range(packs)]
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))


def timed(call, repeat: int = REPEAT) -> tuple[float, float]:
    """(median, max) seconds of `call()` over `repeat` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="SQLAlchemy URL (default: a temporary SQLite file)")
    parser.add_argument("--specialties", type=int, default=15_000)
    parser.add_argument("--packs", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        names = write_bdpm(folder, args.specialties, args.packs)
        write_ucd(Path(tmp) / "cip_ucd.csv", args.packs)
        store = open_store(args.db or f"sqlite:///{tmp}/bench.db")
        try:
            start = time.perf_counter()
            done = store.import_drugs(str(folder), actor="bench", ucd=str(Path(tmp) / "cip_ucd.csv"),
                                      ucd_columns=parse_columns("Code UCD,Code CIP13"))
            load = time.perf_counter() - start

            def baseline() -> None:
                with store.engine.connect() as conn:
                    conn.execute(select(drug_specialties).where(drug_specialties.c.cis == "60007500")).first()

            base, _ = timed(baseline)
            rng = random.Random(3)
            queries = {
                "name, 2 letters": [n[:2].lower() for n in rng.sample(names, 20)],
                "name, 4 letters, accents/case varied": [n[:4].swapcase() for n in rng.sample(names, 20)],
                "name, 12 letters": [n[:12] for n in rng.sample(names, 20)],
                "CIS": [f"{60000000 + rng.randrange(args.specialties)}" for _ in range(20)],
                "CIP13": [cip13_from_cip7(f"{9000000 + rng.randrange(args.packs)}") for _ in range(20)],
                "UCD13": [ucd13_from_ucd7(f"{9000000 + rng.randrange(args.packs)}") for _ in range(20)],
                "UCD7": [f"{9000000 + rng.randrange(args.packs)}" for _ in range(20)],
            }
            print(f"database:                 {store.engine.dialect.name}")
            print(f"imported:                 {done.specialties} specialties, {done.presentations} packs, "
                  f"{done.ucd.links} UCD "
                  f"in {load:.2f} s")
            print(f"baseline (primary key):   {base * 1000:8.3f} ms median")
            for label, texts in queries.items():
                cycle = iter(texts * REPEAT)
                med, worst = timed(lambda cycle=cycle: store.find_drugs(next(cycle)))
                print(f"{label:<38} {med * 1000:8.3f} ms median, {worst * 1000:8.3f} ms max, "
                      f"ratio {med / base:5.2f}x baseline (target < 50 ms)")
        finally:
            store.close()


if __name__ == "__main__":
    main()
