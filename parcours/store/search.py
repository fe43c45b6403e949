"""Patient search: store id, INS, family name, first name, « NOM Prénom », birth date `JJ/MM/AAAA`.

Why: a nurse finds a patient by whatever she has at hand, accents and case ignored (`helene`
finds Hélène), at a million patients: every way of matching is a range scan of its own index,
read page by page from a keyset cursor — never a scan or a sort of the population (docs/store.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import orjson
from sqlalchemy import Column, ColumnElement, Connection, and_, not_, true, tuple_

from parcours.store.patients import _LIVE, family_key, select_patients, to_patient
from parcours.store.rows import Patient
from parcours.store.schema import patients

__all__ = ["search_patients"]

_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_IDENTIFIER = re.compile(r"[0-9AB]{13,15}")  # an INS / NIR typed with or without spaces (2A, 2B: Corsica)
_LAST = "\uffff"  # above every key character: `key >= p AND key < p + _LAST` is the prefix p
_ID_DIGITS = 16  # a store id has fewer digits; an INS has 13 to 15


@dataclass(frozen=True)
class _Way:
    """One way of matching: its condition and the columns its index returns the rows in."""

    where: ColumnElement[bool]
    order: tuple[Column[Any], ...]


def _prefix(column: Column[Any], key: str) -> ColumnElement[bool]:
    return and_(column >= key, column < key + _LAST)


_BY_NAME = (patients.c.family_key, patients.c.id)
_BY_GIVEN = (patients.c.given_key, patients.c.family_key, patients.c.id)


def _ways(text: str) -> list[_Way]:
    """The ways `text` can match, in the order their results are listed."""
    if not text:
        return [_Way(true(), _BY_NAME)]
    if (day := _DATE.fullmatch(text)) is not None:
        try:
            born = date(int(day[3]), int(day[2]), int(day[1]))
        except ValueError:
            return []
        return [_Way(patients.c.birth_date == born, _BY_NAME)]
    ways = []
    compact = text.replace(" ", "").upper()
    if not compact.isascii():  # "٣" or "²" is no digit of an id or an INS (issue 18)
        compact = ""
    if compact.isdigit() and len(compact) < _ID_DIGITS:
        ways.append(_Way(patients.c.id == int(compact), _BY_NAME))
    if _IDENTIFIER.fullmatch(compact) or compact.isdigit():
        ways.append(_Way(patients.c.identifier_value == compact, _BY_NAME))
    if compact.isdigit():
        return ways
    key = family_key(text)
    words = key.split()
    ways.append(_Way(_prefix(patients.c.family_key, key), _BY_NAME))  # « DE LA FONTAINE », « MAR »
    if len(words) == 1:
        ways.append(_Way(_prefix(patients.c.given_key, key), _BY_GIVEN))  # « helene »
    for cut in range(1, len(words)):
        first, rest = " ".join(words[:cut]), " ".join(words[cut:])
        ways.append(_Way(and_(_prefix(patients.c.family_key, first), _prefix(patients.c.given_key, rest)),
                         _BY_NAME))  # « MARTIN Jea »
        ways.append(_Way(and_(_prefix(patients.c.given_key, first), _prefix(patients.c.family_key, rest)),
                         _BY_GIVEN))  # « Jeanne MARTIN »
    return ways


def _value(column: Column[Any], row: Any) -> Any:
    value = getattr(row, column.name)
    return value.isoformat() if isinstance(value, date) else value


def search_patients(conn: Connection, text: str = "", *, site: int | None = None, limit: int = 50,
                    after: str | None = None) -> list[Patient]:
    """Live patients matching `text` (see the module docstring), `limit` at a time after `after`.

    Each way of matching is listed in its index's order, a patient found by an earlier way is
    not listed again; each patient's `cursor` continues the search after it.
    """
    ways = _ways(" ".join(text.split()))
    start, last = 0, None
    if after:
        start, *last = orjson.loads(after)
    out: list[Patient] = []
    for index in range(start, len(ways)):
        way = ways[index]
        query = select_patients().where(_LIVE, way.where, *(not_(w.where) for w in ways[:index]))
        if site is not None:
            query = query.where(patients.c.site_id == site)
        if last is not None and index == start:
            query = query.where(tuple_(*way.order) > tuple_(*last))
        rows = conn.execute(query.order_by(*way.order).limit(limit - len(out))).all()
        for row in rows:
            cursor = orjson.dumps([index, *(_value(c, row) for c in way.order)]).decode()
            out.append(replace(to_patient(row), cursor=cursor))
        if len(out) >= limit:
            break
    return out

