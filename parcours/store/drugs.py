"""The drug database: load the BDPM files into the store, look a drug up by name or code (CIS, CIP13, UCD).

Why: the pharmacist picks a drug by typing a few letters of its name or scanning a code, and the
line is filled from the official database (ATC, form, route, dose). The files are parsed by
`medisis.bdpm` (docs/medisis.md §7.2) and read as contract fields by `medisis.bdpm_fields`; an import
replaces the previous one in one transaction, so a failed or half-read import changes nothing. The
BDPM has no UCD: a hospital's UCD correspondence file (`medisis.ucd`, docs/medisis.md §7.3) is loaded
with it and links each UCD13 to its specialty.
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
from medisis.codes import UCD13_PREFIX, cip13_problem, is_atc, is_cis, ucd13_from_ucd7, ucd13_problem
from medisis.ucd import UcdColumns, UcdFileError, parse_ucd
from parcours.store.errors import StoreError
from parcours.store.schema import drug_imports, drug_presentations, drug_specialties, drug_ucd

__all__ = ["DRUG_FILES", "DrugFileError", "DrugImport", "DrugMatch", "UcdImport", "find_drugs", "import_drugs",
           "read_bdpm", "read_ucd", "ucd_count"]

#: The BDPM files an import reads (all four are in every download of the database).
DRUG_FILES = ("CIS_bdpm.txt", "CIS_CIP_bdpm.txt", "CIS_COMPO_bdpm.txt", "CIS_MITM.txt")
#: Rows inserted per statement (and per progress step).
CHUNK = 2_000
#: Matches returned by a lookup unless told.
DEFAULT_LIMIT = 10


class DrugFileError(StoreError):
    """A BDPM file is missing (`problem` = missing), unreadable or has no usable line (garbled); the UCD
    file's problems are `ucd_` + missing, unreadable, unusable or a `medisis.ucd.UcdFileError` problem."""

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
    ucd13: str | None = None  # when found by its UCD13 or UCD7


@dataclass(frozen=True, slots=True)
class UcdImport:
    """What the UCD file gave: (UCD13, CIS) pairs stored, how it was read, skipped lines per reason.

    `skipped` maps a reason (medisis.ucd.SkippedLine, or not_in_bdpm) to (count, first line, its code).
    """

    file: str
    links: int
    encoding: str
    separator: str
    header: bool
    skipped: dict[str, tuple[int, int, str]]


@dataclass(frozen=True, slots=True)
class DrugImport:
    """What an import loaded, and per file the encoding that decoded it and the lines skipped."""

    specialties: int
    presentations: int
    files: dict[str, dict[str, object]]
    ucd: UcdImport | None = None


def _read(path: Path, prefix: str = "") -> bytes:
    """The file's bytes, or a DrugFileError `<prefix>missing` / `<prefix>unreadable` naming it."""
    if not path.is_file():
        raise DrugFileError(file=str(path), problem=f"{prefix}missing")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DrugFileError(file=str(path), problem=f"{prefix}unreadable", reason=exc.strerror or str(exc)) from exc


def _table(folder: Path, name: str) -> Table:
    path = folder / name
    table = parse_table(_read(path), FIELD_COUNTS[name])
    if not table.rows:
        raise DrugFileError(file=str(path), problem="garbled", skipped=table.skipped, fields=FIELD_COUNTS[name])
    return table


Rows = list[dict[str, object]]


def read_bdpm(folder: str | Path) -> tuple[Rows, Rows, dict[str, dict[str, object]]]:
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


def _tally(skipped: dict[str, tuple[int, int, str]], reason: str, line: int, value: str) -> None:
    count, first, code = skipped.get(reason, (0, line, value))
    skipped[reason] = (count + 1, first, code)


def read_ucd(path: str | Path, columns: UcdColumns | None, specialties: set[str], packs: dict[str, str]
             ) -> tuple[list[dict[str, object]], UcdImport]:
    """(drug_ucd rows, what was read) from a correspondence file; its CIP13 / CIS must be in the BDPM read."""
    file = Path(path)
    data = _read(file, "ucd_")
    try:
        table = parse_ucd(data, columns)
    except UcdFileError as exc:
        raise DrugFileError(file=str(file), problem=f"ucd_{exc.problem}", **exc.params) from exc
    skipped: dict[str, tuple[int, int, str]] = {}
    for bad in table.skipped:
        _tally(skipped, bad.reason, bad.line, bad.value)
    pairs: dict[tuple[str, str], None] = {}  # a UCD in several packs of one specialty is stored once
    for link in table.links:
        cis = packs.get(link.cip13) if link.cip13 is not None else link.cis
        if cis is None or cis not in specialties:
            _tally(skipped, "not_in_bdpm", link.line, link.cip13 or link.cis or "")
            continue
        pairs[link.ucd13, cis] = None
    if not pairs:
        count = sum(n for n, _, _ in skipped.values())
        reason, (_, line, value) = min(skipped.items(), key=lambda item: item[1][1])
        raise DrugFileError(file=str(file), problem="ucd_unusable", skipped=count, line=line, reason=reason,
                            value=value)
    rows: list[dict[str, object]] = [{"ucd13": u, "cis": c} for u, c in pairs]
    return rows, UcdImport(str(file), len(rows), table.encoding, table.separator, table.header, skipped)


def _chunks(rows: list[dict[str, object]]) -> Iterator[list[dict[str, object]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start:start + CHUNK]


def import_drugs(conn: Connection, folder: str | Path, *, actor: str,
                 progress: Callable[[int, int], None] | None = None, ucd: str | Path | None = None,
                 ucd_columns: UcdColumns | None = None) -> DrugImport:
    """Replace the drug tables with the BDPM of `folder` and the UCD file `ucd` (none: no UCD), in the
    caller's transaction; progress(done, total). Every file is read before anything is deleted."""
    specialties, presentations, notes = read_bdpm(folder)
    links: list[dict[str, object]] = []
    ucd_import = None
    if ucd is not None:
        packs = {str(p["cip13"]): str(p["cis"]) for p in presentations}
        links, ucd_import = read_ucd(ucd, ucd_columns, {str(s["cis"]) for s in specialties}, packs)
    total, done = len(specialties) + len(presentations) + len(links), 0
    conn.execute(delete(drug_ucd))
    conn.execute(delete(drug_presentations))
    conn.execute(delete(drug_specialties))
    for table, rows in ((drug_specialties, specialties), (drug_presentations, presentations), (drug_ucd, links)):
        for chunk in _chunks(rows):
            conn.execute(insert(table), chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, total)
    conn.execute(insert(drug_imports).values(
        imported_at=datetime.now(UTC), actor=actor, specialties=len(specialties), presentations=len(presentations),
        files=orjson.dumps(notes if ucd_import is None else {**notes, Path(ucd_import.file).name: {
            "encoding": ucd_import.encoding, "ucd": ucd_import.links,
            "skipped": sum(n for n, _, _ in ucd_import.skipped.values())}}).decode()))
    return DrugImport(len(specialties), len(presentations), notes, ucd_import)


_COLUMNS = (drug_specialties.c.cis, drug_specialties.c.name, drug_specialties.c.form, drug_specialties.c.route,
            drug_specialties.c.atc, drug_specialties.c.dose_value, drug_specialties.c.dose_unit,
            drug_specialties.c.marketed)


def _match(row: object, cip13: str | None = None, ucd13: str | None = None) -> DrugMatch:
    return DrugMatch(*row, cip13=cip13, ucd13=ucd13)  # type: ignore[misc]


def _by_ucd(conn: Connection, ucd13: str, limit: int) -> list[DrugMatch]:
    rows = conn.execute(select(*_COLUMNS).join_from(drug_ucd, drug_specialties).where(drug_ucd.c.ucd13 == ucd13)
                        .order_by(drug_specialties.c.name_key, drug_specialties.c.cis).limit(limit)).all()
    return [_match(r, ucd13=ucd13) for r in rows]


def find_drugs(conn: Connection, text: str, limit: int = DEFAULT_LIMIT) -> list[DrugMatch]:
    """Specialties whose name starts with `text` (accents and case ignored), or whose CIS / CIP13 / UCD13 /
    UCD7 it is (a UCD through the correspondence loaded with the BDPM, docs/medisis.md §7.3)."""
    query = text.strip()
    if query.isdigit() and len(query) == 7:
        return _by_ucd(conn, ucd13_from_ucd7(query), limit)
    if query.isdigit() and len(query) == 13:
        if query.startswith(UCD13_PREFIX):
            return _by_ucd(conn, query, limit) if ucd13_problem(query) is None else []
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


def ucd_count(conn: Connection) -> int:
    """How many (UCD13, specialty) pairs the UCD correspondence holds (0: none loaded)."""
    return conn.execute(select(func.count()).select_from(drug_ucd)).scalar_one()
