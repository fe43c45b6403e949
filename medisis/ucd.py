"""A UCD correspondence file: which UCD (hospital dispensing unit) is in which pack or specialty (docs/medisis.md §7.3).

Why: the BDPM carries no UCD (§7.2); a hospital gets the UCD ↔ CIP correspondence from the ANS SMT
terminology `terminologie-cip_ucd` or from its pharmacy system, in no fixed layout. So the separator
(tab, `;`, `,`) and a header line are detected, and the caller names the two columns read.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from medisis.bdpm import decode, fold
from medisis.codes import cip13_from_cip7, cip13_problem, is_cis, ucd13_from_ucd7, ucd13_problem
from medisis.errors import MedisisError

__all__ = ["SEPARATORS", "SkippedLine", "UcdColumns", "UcdFileError", "UcdLink", "UcdTable", "parse_columns",
           "parse_ucd"]

#: §7.3: the separators recognised, in order of preference when the first line holds several.
SEPARATORS = ("\t", ";", ",")
#: §7.3: header words that name a column when none is given (first hit wins, in this order).
UCD_WORDS = ("ucd13", "ucd")
LINK_WORDS = ("cip13", "cip", "cis")

_DIGITS = re.compile(r"[0-9]+")
_TOKENS = re.compile(r"[a-z]+|[0-9]+")
Column = int | str  # a 1-based column number, or a header name (compared folded)


class UcdFileError(MedisisError):
    """A correspondence file cannot be read as one (`problem`: empty, unnamed_columns, no_header,
    column_missing, no_ucd_column, no_link_column; columns: an unreadable column list)."""

    code = "medisis_ucd_file"

    def __init__(self, problem: str, **params: Any) -> None:
        super().__init__(f"{problem}: {params}")
        self.problem, self.params = problem, params


@dataclass(frozen=True, slots=True)
class UcdColumns:
    """The UCD column (UCD13 or UCD7) and the link column (CIP13, CIP7 or CIS), by number or header name."""

    ucd: Column
    link: Column


@dataclass(frozen=True, slots=True)
class UcdLink:
    """One usable line: its UCD13 and the pack (CIP13) or specialty (CIS) it names."""

    line: int
    ucd13: str
    cip13: str | None
    cis: str | None


@dataclass(frozen=True, slots=True)
class SkippedLine:
    """A line left out: `reason` is fields, unreadable, ucd, ucd_check_digit, link or link_check_digit; `value`
    the code read (for fields: the column count needed)."""

    line: int
    reason: str
    value: str


@dataclass(frozen=True, slots=True)
class UcdTable:
    """What a file holds: the usable lines, the lines skipped, how it was read."""

    links: tuple[UcdLink, ...]
    skipped: tuple[SkippedLine, ...]
    encoding: str
    separator: str
    header: bool


def parse_columns(text: str) -> UcdColumns:
    """`UCD,CIP13` or `1,3` (names and numbers may mix) → UcdColumns; UcdFileError(columns) otherwise."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 2 or not all(parts):
        raise UcdFileError("columns", value=text)
    columns: list[Column] = []
    for part in parts:
        if _DIGITS.fullmatch(part):
            if int(part) < 1:
                raise UcdFileError("columns", value=text)
            columns.append(int(part))
        else:
            columns.append(part)
    return UcdColumns(columns[0], columns[1])


def _separator(line: str) -> str:
    return next((s for s in SEPARATORS if s in line), SEPARATORS[-1])


def _split(line: str, separator: str) -> list[str] | None:
    """One line's fields (quoted as CSV quotes them); None when csv cannot read it (a field over its size limit)."""
    if '"' not in line:
        return line.split(separator)
    try:
        return next(csv.reader((line,), delimiter=separator), [])
    except csv.Error:
        return None


def _is_header(fields: Sequence[str]) -> bool:
    """A first line with no field made only of digits names the columns."""
    return not any(_DIGITS.fullmatch(f.strip()) for f in fields)


def _tokens(text: str) -> list[str]:
    """`Code UCD 13` → [code, ucd, 13]; `code_cip13` → [code, cip, 13] (compared folded)."""
    return _TOKENS.findall(fold(text))


def _names(name: str, word: str) -> bool:
    """True when the tokens of `word` follow each other in the header `name` (`cis` is not in `précision`)."""
    tokens, wanted = _tokens(name), _tokens(word)
    return any(tokens[i:i + len(wanted)] == wanted for i in range(len(tokens)))


def _by_words(header: list[str], words: tuple[str, ...], role: str, line: int, raw: Sequence[str]) -> int:
    for word in words:
        hits = [i for i, name in enumerate(header) if _names(name, word)]
        if len(hits) == 1:
            return hits[0]
        if hits:
            break
    raise UcdFileError(f"no_{role}_column", line=line, header=" | ".join(f.strip() for f in raw))


def _index(column: Column, header: list[str] | None, line: int, raw: Sequence[str]) -> int:
    if isinstance(column, int):
        return column - 1
    if header is None:
        raise UcdFileError("no_header", column=column, line=line)
    key = fold(column)
    if key not in header:
        raise UcdFileError("column_missing", column=column, line=line, header=" | ".join(f.strip() for f in raw))
    return header.index(key)


def _ucd13(value: str) -> tuple[str | None, str]:
    """(UCD13, "") or (None, reason): a UCD13 with its check digit, or a UCD7 completed."""
    if len(value) == 7 and value.isdigit():
        return ucd13_from_ucd7(value), ""
    problem = ucd13_problem(value)
    return (value, "") if problem is None else (None, "ucd_check_digit" if problem == "check_digit" else "ucd")


def _link(value: str) -> tuple[str | None, str | None, str]:
    """(CIP13, CIS, reason): a CIP13 with its check digit, a CIP7 completed, or a CIS."""
    if is_cis(value):
        return None, value, ""
    if len(value) == 7 and value.isdigit():
        return cip13_from_cip7(value), None, ""
    problem = cip13_problem(value)
    if problem is None:
        return value, None, ""
    return None, None, "link_check_digit" if problem == "check_digit" else "link"


def parse_ucd(data: bytes, columns: UcdColumns | None = None) -> UcdTable:
    """Read a correspondence file, one record a line (UTF-8 strict, else cp1252); blank lines are ignored, bad
    lines counted.

    Without `columns`, the header names them (a column containing UCD13 or UCD; CIP13, CIP or CIS).
    """
    text, encoding = decode(data)
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise UcdFileError("empty")
    separator = _separator(lines[first])
    raw = _split(lines[first], separator) or []
    header = [fold(f) for f in raw] if _is_header(raw) else None
    if columns is None:
        if header is None:
            raise UcdFileError("unnamed_columns", line=first + 1)
        ucd_at = _by_words(header, UCD_WORDS, "ucd", first + 1, raw)
        link_at = _by_words(header, LINK_WORDS, "link", first + 1, raw)
    else:
        ucd_at = _index(columns.ucd, header, first + 1, raw)
        link_at = _index(columns.link, header, first + 1, raw)
    links: list[UcdLink] = []
    skipped: list[SkippedLine] = []

    def read(fields: list[str] | None, number: int) -> None:
        if fields is None:
            skipped.append(SkippedLine(number, "unreadable", ""))
            return
        if not any(f.strip() for f in fields):
            return
        if len(fields) <= max(ucd_at, link_at):
            skipped.append(SkippedLine(number, "fields", str(max(ucd_at, link_at) + 1)))
            return
        ucd_value, link_value = fields[ucd_at].strip(), fields[link_at].strip()
        ucd13, reason = _ucd13(ucd_value)
        if ucd13 is None:
            skipped.append(SkippedLine(number, reason, ucd_value))
            return
        cip13, cis, reason = _link(link_value)
        if reason:
            skipped.append(SkippedLine(number, reason, link_value))
            return
        links.append(UcdLink(number, ucd13, cip13, cis))

    for number in range(first + (header is not None), len(lines)):
        read(_split(lines[number], separator), number + 1)
    return UcdTable(tuple(links), tuple(skipped), encoding, separator, header is not None)
