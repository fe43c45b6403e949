"""BDPM text files: decoding, line parsing, French prices, and an in-memory drug index (docs/medisis.md §7.2).

Tab-separated, no header; lines with the wrong field count are skipped and counted. Encoding is
disputed: UTF-8 strict first, then cp1252, then latin-1 (which never fails); the one used is kept.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from medisis.codes import cip13_problem, is_atc, is_cis
from medisis.errors import BdpmError

#: docs/medisis.md §7.2: expected field count of each file.
FIELD_COUNTS: Mapping[str, int] = {
    "CIS_bdpm.txt": 12,
    "CIS_CIP_bdpm.txt": 13,
    "CIS_COMPO_bdpm.txt": 8,
    "CIS_GENER_bdpm.txt": 5,
    "CIS_CPD_bdpm.txt": 2,
    "CIS_CIP_Dispo_Spec.txt": 8,
    "CIS_MITM.txt": 4,
}
ENCODINGS = ("utf-8", "cp1252", "latin-1")


@dataclass(frozen=True, slots=True)
class Table:
    """The rows of one file, the encoding that decoded it and how many lines were skipped."""

    rows: tuple[tuple[str, ...], ...]
    encoding: str
    skipped: int


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 strict, else cp1252, else latin-1; a UTF-8 BOM is dropped."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding).removeprefix("\ufeff"), encoding
        except UnicodeDecodeError:
            continue
    raise BdpmError("undecodable")  # pragma: no cover - latin-1 decodes every byte


def parse_table(data: bytes, fields: int) -> Table:
    """Split lines on tabs, keep lines with exactly `fields` fields (stripped), count the others."""
    text, encoding = decode(data)
    rows = []
    skipped = 0
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) != fields:
            skipped += 1
            continue
        rows.append(tuple(p.strip() for p in parts))
    return Table(tuple(rows), encoding, skipped)


def parse_price(text: str) -> Decimal | None:
    """French price: every comma but the last is a thousands separator (`1,234,56` → 1234.56); spaces too."""
    cleaned = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not cleaned:
        return None
    whole, sep, cents = cleaned.rpartition(",")
    number = f"{whole.replace(',', '')}.{cents}" if sep else cleaned
    try:
        value = Decimal(number)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def fold(text: str) -> str:
    """Accent- and case-insensitive key: NFKD, combining marks dropped, case folded, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


@dataclass(frozen=True, slots=True)
class Specialty:
    """One CIS of `CIS_bdpm.txt` (the columns the toolkit reads)."""

    cis: str
    name: str
    form: str
    routes: tuple[str, ...]
    marketing: str


@dataclass(frozen=True, slots=True)
class Presentation:
    """One pack of `CIS_CIP_bdpm.txt`."""

    cis: str
    cip7: str
    label: str
    cip13: str
    price: Decimal | None


@dataclass(slots=True)
class BdpmIndex:
    """Specialties by CIS, packs by CIP13, ATC by CIS, and a sorted name index for prefix search."""

    specialties: dict[str, Specialty] = field(default_factory=dict)
    presentations: dict[str, Presentation] = field(default_factory=dict)
    atc: dict[str, str] = field(default_factory=dict)
    encodings: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    _keys: list[str] = field(default_factory=list)
    _cis: list[str] = field(default_factory=list)

    def add_specialties(self, table: Table, name: str = "CIS_bdpm.txt") -> None:
        """Index CIS rows (bad CIS counted as skipped) and rebuild the sorted name index."""
        bad = 0
        for row in table.rows:
            if not is_cis(row[0]):
                bad += 1
                continue
            routes = tuple(r.strip() for r in row[3].split(";") if r.strip())
            self.specialties[row[0]] = Specialty(row[0], row[1], row[2], routes, row[6])
        self._note(name, table, bad)
        pairs = sorted((fold(s.name), s.cis) for s in self.specialties.values())
        self._keys = [k for k, _ in pairs]
        self._cis = [c for _, c in pairs]

    def add_presentations(self, table: Table, name: str = "CIS_CIP_bdpm.txt") -> None:
        """Index packs by CIP13 (a bad check digit is counted as skipped)."""
        bad = 0
        for row in table.rows:
            if not is_cis(row[0]) or cip13_problem(row[6]) is not None:
                bad += 1
                continue
            self.presentations[row[6]] = Presentation(row[0], row[1], row[2], row[6], parse_price(row[9]))
        self._note(name, table, bad)

    def add_atc(self, table: Table, name: str = "CIS_MITM.txt") -> None:
        """ATC per CIS from `CIS_MITM.txt`, the only ATC column of the BDPM (§7.3)."""
        bad = 0
        for row in table.rows:
            if is_cis(row[0]) and is_atc(row[1]):
                self.atc[row[0]] = row[1]
            else:
                bad += 1
        self._note(name, table, bad)

    def _note(self, name: str, table: Table, bad: int) -> None:
        self.encodings[name] = table.encoding
        self.skipped[name] = table.skipped + bad

    def search(self, prefix: str, limit: int | None = 50) -> list[Specialty]:
        """Specialties whose folded name starts with the folded prefix, sorted by name then CIS."""
        key = fold(prefix)
        if not key:
            return []
        start = bisect.bisect_left(self._keys, key)
        out: list[Specialty] = []
        for i in range(start, len(self._keys)):
            if not self._keys[i].startswith(key) or (limit is not None and len(out) >= limit):
                break
            out.append(self.specialties[self._cis[i]])
        return out


_LOADERS = {
    "CIS_bdpm.txt": BdpmIndex.add_specialties,
    "CIS_CIP_bdpm.txt": BdpmIndex.add_presentations,
    "CIS_MITM.txt": BdpmIndex.add_atc,
}


def load_index(folder: str | Path, names: Iterable[str] = tuple(_LOADERS)) -> BdpmIndex:
    """Load the indexed files present in `folder` (`bdpm.path`); a missing file is simply absent."""
    index = BdpmIndex()
    base = Path(folder)
    for name in names:
        if name not in _LOADERS:
            raise BdpmError(f"not an indexed BDPM file: {name}")
        path = base / name
        if path.is_file():
            _LOADERS[name](index, parse_table(path.read_bytes(), FIELD_COUNTS[name]), name)
    return index


def read_table(path: str | Path) -> Table:
    """Parse any BDPM file of known name (HAS files: raw rows, fields counted from the first line)."""
    p = Path(path)
    data = p.read_bytes()
    fields = FIELD_COUNTS.get(p.name)
    if fields is None:
        first = decode(data)[0].split("\n", 1)[0]
        fields = first.count("\t") + 1
    return parse_table(data, fields)
