"""The drug database: load the BDPM files into the store, look a drug up by name or code.

Why: the pharmacist picks a drug by typing a few letters of its name or scanning a code, and the
line is filled from the official database (ATC, form, route, dose). The files are parsed by
`medisis.bdpm` (docs/medisis.md §7.2) and read as contract fields by `medisis.bdpm_fields`; an import
replaces the previous one in one transaction, so a failed or half-read import changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import orjson
from sqlalchemy import Connection, delete, func, insert, select

from medisis.bdpm import FIELD_COUNTS, Table, parse_table
from medisis.bdpm_fields import name_key, route_of, single_strength, strength_in_name
from medisis.codes import cip13_problem, is_atc, is_cis, ucd13_problem
from parcours.store.errors import StoreError
from parcours.store.schema import drug_imports, drug_presentations, drug_specialties

__all__ = ["DRUG_FILES", "DrugFileError", "DrugImport", "DrugMatch", "find_drugs", "import_drugs", "read_bdpm"]

#: The BDPM files an import reads (all four are in every download of the database).
DRUG_FILES = ("CIS_bdpm.txt", "CIS_CIP_bdpm.txt", "CIS_COMPO_bdpm.txt", "CIS_MITM.txt")
#: Rows inserted per statement (and per progress step).
CHUNK = 2_000
#: Matches returned by a lookup unless told.
DEFAULT_LIMIT = 10


class DrugFileError(StoreError):
    """A BDPM file is missing (`problem` = missing), unreadable or has no usable line (garbled)."""

    code = "drug_file"


@dataclass(frozen=True, slots=True)
class DrugMatch:
    """One specialty found by a lookup, with what it fills on a line (None: not known)."""

    cis: str
    name: str
    form: str | None
    route: str | None  # medisis.vocab.Route
    atc: str | None
    dose_value: float | None
    dose_unit: str | None  # medisis.vocab.DoseUnit
    marketed: bool
    cip13: str | None = None  # when found by its pack code


@dataclass(frozen=True, slots=True)
class DrugImport:
    """What an import loaded, and per file the encoding that decoded it and the lines skipped."""

    specialties: int
    presentations: int
    files: dict[str, dict[str, object]]


def _table(folder: Path, name: str) -> Table:
    path = folder / name
    if not path.is_file():
        raise DrugFileError(file=str(path), problem="missing")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DrugFileError(file=str(path), problem="unreadable", reason=exc.strerror or str(exc)) from exc
    table = parse_table(data, FIELD_COUNTS[name])
    if not table.rows:
        raise DrugFileError(file=str(path), problem="garbled", skipped=table.skipped, fields=FIELD_COUNTS[name])
    return table


def read_bdpm(folder: str | Path) -> tuple[list[dict[str, object]], list[dict[str, object]], dict[str, dict[str, object]]]:
    """(specialty rows, presentation rows, per-file notes) from the four files; DrugFileError naming a bad file."""
    base = Path(folder)
    tables = {name: _table(base, name) for name in DRUG_FILES}
    notes = {name: {"encoding": t.encoding, "skipped": t.skipped} for name, t in tables.items()}
    atc = {r[0]: r[1] for r in tables["CIS_MITM.txt"].rows if is_cis(r[0]) and is_atc(r[1])}
    # per CIS and substance (liaison number): the dosage of the therapeutic fraction (FT) when there is
    # one — it is the strength the name states (a salt's SA dosage is heavier) — else of the substance
    strengths: dict[str, dict[str, dict[str, list[str]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for r in tables["CIS_COMPO_bdpm.txt"].rows:
        if r[6] in ("SA", "FT"):
            strengths[r[0]][r[7] or r[2]][r[6]].append(r[4])
    specialties: dict[str, dict[str, object]] = {}
    for r in tables["CIS_bdpm.txt"].rows:
        if not is_cis(r[0]):
            notes["CIS_bdpm.txt"]["skipped"] += 1  # type: ignore[operator]
            continue
        substances = strengths.get(r[0], {})
        dose = None
        if len(substances) == 1:
            (nature,) = substances.values()
            dose = single_strength(nature.get("FT") or nature["SA"] if "FT" in nature or "SA" in nature else [])
        if dose is None and not substances:
            dose = strength_in_name(r[1])
        routes = [x.strip() for x in r[3].split(";") if x.strip()]
        route = route_of(routes)
        specialties[r[0]] = {
            "cis": r[0], "name": r[1], "name_key": name_key(r[1]), "form": r[2] or None, "routes": ";".join(routes),
            "route": route.value if route else None, "atc": atc.get(r[0]),
            "dose_value": dose[0] if dose else None, "dose_unit": dose[1].value if dose else None,
            "marketed": r[6].casefold() == "commercialisée",
        }
    presentations: dict[str, dict[str, object]] = {}
    for r in tables["CIS_CIP_bdpm.txt"].rows:
        if r[0] not in specialties or cip13_problem(r[6]) is not None:
            notes["CIS_CIP_bdpm.txt"]["skipped"] += 1  # type: ignore[operator]
            continue
        presentations[r[6]] = {"cip13": r[6], "cis": r[0], "cip7": r[1] or None, "label": r[2] or None}
    return list(specialties.values()), list(presentations.values()), notes


def _chunks(rows: list[dict[str, object]]) -> Iterator[list[dict[str, object]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start:start + CHUNK]


def import_drugs(conn: Connection, folder: str | Path, *, actor: str,
                 progress: Callable[[int, int], None] | None = None) -> DrugImport:
    """Replace the drug tables with the BDPM of `folder`, in the caller's transaction; progress(done, total)."""
    specialties, presentations, notes = read_bdpm(folder)
    total, done = len(specialties) + len(presentations), 0
    conn.execute(delete(drug_presentations))
    conn.execute(delete(drug_specialties))
    for table, rows in ((drug_specialties, specialties), (drug_presentations, presentations)):
        for chunk in _chunks(rows):
            conn.execute(insert(table), chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, total)
    conn.execute(insert(drug_imports).values(
        imported_at=datetime.now(UTC), actor=actor, specialties=len(specialties), presentations=len(presentations),
        files=orjson.dumps(notes).decode()))
    return DrugImport(len(specialties), len(presentations), notes)


_COLUMNS = (drug_specialties.c.cis, drug_specialties.c.name, drug_specialties.c.form, drug_specialties.c.route,
            drug_specialties.c.atc, drug_specialties.c.dose_value, drug_specialties.c.dose_unit,
            drug_specialties.c.marketed)


def _match(row: object, cip13: str | None = None) -> DrugMatch:
    return DrugMatch(*row, cip13=cip13)  # type: ignore[misc]


def find_drugs(conn: Connection, text: str, limit: int = DEFAULT_LIMIT) -> list[DrugMatch]:
    """Specialties whose name starts with `text` (accents and case ignored), or whose CIS / CIP13 it is."""
    query = text.strip()
    if query.isdigit() and len(query) == 13:
        if ucd13_problem(query) is None:
            return []  # the BDPM files carry no UCD: a UCD13 is not in the drug database
        row = conn.execute(select(*_COLUMNS).join_from(drug_presentations, drug_specialties)
                           .where(drug_presentations.c.cip13 == query)).first()
        return [_match(row, query)] if row is not None else []
    if query.isdigit() and len(query) == 8:
        row = conn.execute(select(*_COLUMNS).where(drug_specialties.c.cis == query)).first()
        return [_match(row)] if row is not None else []
    key = name_key(query)
    if not key:
        return []
    # a range on the indexed key (every string that starts with `key` sorts in [key, key + U+FFFF))
    rows = conn.execute(select(*_COLUMNS).where(drug_specialties.c.name_key >= key,
                                                drug_specialties.c.name_key < key + "\uffff")
                        .order_by(drug_specialties.c.name_key, drug_specialties.c.cis).limit(limit)).all()
    return [_match(r) for r in rows]


def drug_count(conn: Connection) -> int:
    """How many specialties the drug database holds (0: never imported)."""
    return conn.execute(select(func.count()).select_from(drug_specialties)).scalar_one()
