"""Benchmark: the FHIR export (issue 6, docs/fhir.md §7) against a naive fhir.resources path.

1. Mapping: the same N step-1 results (document + JSON result) to a transaction Bundle through
   parcours (dicts + orjson) and through fhir.resources R4B models + `model_dump_json()`. The naive
   side gets its input dicts ready-made (not timed), so its figure is a lower bound. Target ≥ 20×.
2. `parcours icope score --batch --format fhir` as a whole process (start-up included) against
   parse + score + the seven step-1 Observations as R4B models + `model_dump_json()` per result in
   process. Floor 3×, goal 20× (docs/fhir.md §7).
3. Bulk export of 100,000 and 1,000,000 demo patients, each in its own process: throughput and
   peak resident memory, which must not grow with the number of patients.
Usage: python bench/fhir_export.py [N] [--bulk 100000,1000000]   (N = 0: bulk only; --bulk '': no bulk)
"""

from __future__ import annotations

import importlib.util
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import orjson

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# This file is named like the package it measures: keep bench/ off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))
_spec = importlib.util.spec_from_file_location("bench_icope_score", HERE / "icope_score.py")
_icope_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_icope_bench)
generate = _icope_bench.generate  # the step-1 documents of bench/icope_score.py


def results(lines: list[bytes]) -> list[tuple[dict, dict]]:
    """(document, JSON result) of each line."""
    from parcours.cli.icope_commands import score

    return [(orjson.loads(line), orjson.loads(score(line))) for line in lines]


def parcours_path(pairs: list[tuple[dict, dict]]) -> list[bytes]:
    from fhir_export.bundle import build, bundle_bytes

    return [bundle_bytes(*build("icope.screening", doc, result)) for doc, result in pairs]


def naive_inputs(pairs: list[tuple[dict, dict]]) -> list[list[tuple[str, dict, str]]]:
    """The same Bundles' entries as plain dicts (given to the naive path ready-made)."""
    from fhir_export.bundle import build

    out = []
    for doc, result in pairs:
        _, items = build("icope.screening", doc, result)
        out.append([(rtype, res, f"urn:uuid:{id_}", match) for rtype, id_, res, match, _ in items])
    return out


def naive_path(inputs: list) -> list[str]:
    """fhir.resources R4B: a model per resource and entry, then `model_dump_json()`."""
    from fhir.resources.R4B import get_fhir_model_class
    from fhir.resources.R4B.bundle import Bundle, BundleEntry, BundleEntryRequest

    out = []
    for entries in inputs:
        models = [
            BundleEntry(fullUrl=url, resource=get_fhir_model_class(rtype)(**res),
                        request=BundleEntryRequest(method="POST", url=rtype, ifNoneExist="identifier=" + match))
            for rtype, res, url, match in entries
        ]
        out.append(Bundle(type="transaction", entry=models).model_dump_json())
    return out


def timed(func, *args) -> float:
    start = time.perf_counter()
    func(*args)
    return time.perf_counter() - start


def part1(n: int) -> None:
    pairs = results(generate(n))
    inputs = naive_inputs(pairs)
    ours = min(timed(parcours_path, pairs) for _ in range(3))
    theirs = timed(naive_path, inputs)
    print(f"1. mapping {n} step-1 results to transaction Bundles")
    print(f"   parcours (dicts + orjson):         {ours:8.3f} s  {n / ours:10,.0f} results/s")
    print(f"   naive (fhir.resources R4B models): {theirs:8.3f} s  {n / theirs:10,.0f} results/s")
    print(f"   ratio: {theirs / ours:.1f}x (target >= 20x)")


def part2(n: int) -> None:
    from fhir.resources.R4B.observation import Observation

    from icope.step1 import parse_screening, score_screening
    from icope.step1_json import render_step1

    lines = generate(n)
    with tempfile.NamedTemporaryFile(suffix=".ndjson", delete=False) as handle:
        handle.write(b"".join(lines))
    try:
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "parcours", "icope", "score", "--batch", "--format", "fhir",
                               handle.name], capture_output=True, check=True, cwd=ROOT)
        cli = time.perf_counter() - start
    finally:
        Path(handle.name).unlink()
    assert done.stdout.count(b"\n") == n
    observations = [[e["resource"] for e in orjson.loads(b)["entry"] if e["resource"]["resourceType"] == "Observation"]
                    for b in done.stdout.splitlines()[:n]]
    start = time.perf_counter()
    for line, obs in zip(lines, observations, strict=True):
        render_step1(score_screening(parse_screening(line)))
        for res in obs:
            Observation(**res).model_dump_json()
    naive = time.perf_counter() - start
    print(f"2. `icope score --batch --format fhir`, {n} screenings, whole process: {cli:.3f} s "
          f"({n / cli:,.0f}/s); naive in process (parse, score, 7 R4B Observations): {naive:.3f} s")
    print(f"   ratio: {naive / cli:.1f}x (floor 3x, goal 20x)")


def demo_patients(n: int, seed: int = 7):
    """`n` demo patients (INS demo OID), each with one screening; every 10th with a reconciliation."""
    from icope.step1 import parse_screening, score_screening
    from parcours.cli.medisis_commands import reconcile
    from parcours.core.identity import ins_key
    from parcours.core.records import PatientRecords, RecordKind, StoredDocument

    rng = random.Random(seed)
    lines = generate(1000, seed)
    drugs = [("C08CA01", "amlodipine 5 mg"), ("C03CA01", "furosémide 40 mg"), ("A02BC05", "ésoméprazole 20 mg"),
             ("N02BE01", "paracétamol 1 g"), ("B01AF02", "apixaban 2,5 mg")]
    for i in range(n):
        line = lines[i % 1000]
        doc = orjson.loads(line)
        doc["practitioner"] = {"rpps": f"{10000000000 + i % 50}", "role": "nurse"}
        doc["organization"] = {"finess": f"{540000000 + i % 20}"}
        result = orjson.loads(orjson.dumps(score_screening(parse_screening(line)).to_json()))
        docs = [StoredDocument(RecordKind.ICOPE_SCREENING, f"{i}-1", date.fromisoformat(doc["date"]), doc, result)]
        if i % 10 == 0:
            bm = [{"id": f"b{k}", "atc": a, "label": lbl, "dose": {"value": 1, "unit": "tablet"},
                   "frequency": {"times_per_day": 1}} for k, (a, lbl) in enumerate(rng.sample(drugs, 3))]
            rec = {"moment": "admission", "date": doc["date"], "mode": "retroactive", "bm": bm,
                   "orders": [{**line, "id": "o" + line["id"]} for line in bm[:2]]}
            docs.append(StoredDocument(
                RecordKind.MEDISIS_RECONCILIATION, f"{i}-2", date.fromisoformat(doc["date"]) + timedelta(days=1),
                rec, orjson.loads(orjson.dumps(reconcile(orjson.dumps(rec)))),
            ))
        body = f"{2 + i % 2}{40 + i % 60:02d}{i % 12 + 1:02d}75{i % 1000000:06d}"
        yield PatientRecords(str(i + 1), {"identifier": {"system": "urn:oid:1.2.250.1.213.1.4.11",
                                                         "value": body + ins_key(body)}}, tuple(docs))


def peak_rss_mib() -> float:
    """This process's peak resident set (VmHWM). Not `ru_maxrss`: Linux carries the parent's
    high-water mark over fork, so a child spawned by a big parent would report the parent's."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bulk_child(n: int, folder: str) -> None:
    from fhir_export.bulk import export_bulk

    start = time.perf_counter()
    manifest = export_bulk(demo_patients(n), Path(folder))
    elapsed = time.perf_counter() - start
    lines = sum(o["count"] for o in manifest["output"])
    peak = peak_rss_mib()
    print(f"   {n:>9,} patients: {lines:,} resources in {elapsed:.1f} s ({n / elapsed:,.0f} patients/s); "
          f"peak RSS {peak:.1f} MiB")


def part3(sizes: list[int]) -> None:
    print("3. bulk export of demo patients (each size in its own process)")
    for n in sizes:
        folder = tempfile.mkdtemp(prefix="parcours-bulk-")
        try:
            subprocess.run([sys.executable, __file__, "--bulk-child", str(n), folder], check=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> None:
    sys.stdout.reconfigure(line_buffering=True)
    if argv[:1] == ["--bulk-child"]:
        bulk_child(int(argv[1]), argv[2])
        return
    sizes = [100_000, 1_000_000]
    if "--bulk" in argv:
        i = argv.index("--bulk")
        sizes = [int(s) for s in argv[i + 1].split(",") if s]
        argv = argv[:i] + argv[i + 2:]
    n = int(argv[0]) if argv else 10_000
    if n:  # 0: the bulk export only
        part1(n)
        part2(n)
    if sizes:
        part3(sizes)


if __name__ == "__main__":
    main(sys.argv[1:])
