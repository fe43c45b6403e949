"""French drug identifiers and ATC codes: formats and EAN-13 check digits (docs/medisis.md §7.1).

Pure functions shared by the input models (a bad code is invalid input naming its field) and
the BDPM parser (a bad code in a file is counted, not fatal).
"""

from __future__ import annotations

import re

from medisis.errors import InvalidDrugCode

#: docs/medisis.md §7.1 / docs/interchange.md §4.1: ATC at substance level, e.g. B01AF02.
ATC_PATTERN = r"^[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}$"
#: CIS: 8 digits.
CIS_PATTERN = r"^[0-9]{8}$"
#: CIP13 = 34009 + CIP7 + check digit; UCD13 = 34008 + UCD7 + check digit (§7.1).
CIP13_PREFIX = "34009"
UCD13_PREFIX = "34008"

# The patterns above are pydantic's (Rust regex: `$` is the end of the text); Python's `re` lets `$`
# match before a trailing newline, hence `fullmatch` on the bare patterns here.
_ATC = re.compile(ATC_PATTERN.strip("^$"))
_CIS = re.compile(CIS_PATTERN.strip("^$"))
_DIGITS13 = re.compile(r"[0-9]{13}")


def ean13_check_digit(first12: str) -> int:
    """EAN-13 check digit: weights 1, 3, 1, 3… from the left; (10 − sum mod 10) mod 10 (§7.1)."""
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(first12))
    return (10 - total % 10) % 10


def ean13_valid(code: str) -> bool:
    """True for 13 digits whose last one is the EAN-13 check digit of the first twelve."""
    return bool(_DIGITS13.fullmatch(code)) and ean13_check_digit(code[:12]) == int(code[12])


def is_atc(code: str) -> bool:
    """True for a 7-character substance-level ATC code."""
    return bool(_ATC.fullmatch(code))


def is_cis(code: str) -> bool:
    """True for an 8-digit CIS."""
    return bool(_CIS.fullmatch(code))


def cip13_problem(code: str) -> str | None:
    """None for a valid CIP13, else `format` (not 13 digits starting 34009) or `check_digit`."""
    return _problem(code, CIP13_PREFIX)


def ucd13_problem(code: str) -> str | None:
    """None for a valid UCD13, else `format` (not 13 digits starting 34008) or `check_digit`."""
    return _problem(code, UCD13_PREFIX)


def _problem(code: str, prefix: str) -> str | None:
    if not _DIGITS13.fullmatch(code) or not code.startswith(prefix):
        return "format"
    return None if ean13_check_digit(code[:12]) == int(code[12]) else "check_digit"


def cip7_of(cip13: str) -> str:
    """The CIP7 inside a valid CIP13 (`3400949497294` → `4949729`); raises InvalidDrugCode."""
    problem = cip13_problem(cip13)
    if problem is not None:
        raise InvalidDrugCode("cip13", cip13, problem)
    return cip13[5:12]


def ucd7_of(ucd13: str) -> str:
    """The UCD7 inside a valid UCD13 (`3400893213322` → `9321332`); raises InvalidDrugCode."""
    problem = ucd13_problem(ucd13)
    if problem is not None:
        raise InvalidDrugCode("ucd13", ucd13, problem)
    return ucd13[5:12]


def cip13_from_cip7(cip7: str) -> str:
    """Build the CIP13 of a 7-digit CIP7 (34009 + CIP7 + check digit)."""
    if not re.fullmatch(r"[0-9]{7}", cip7):
        raise InvalidDrugCode("cip7", cip7, "format")
    body = CIP13_PREFIX + cip7
    return body + str(ean13_check_digit(body))


def ucd13_from_ucd7(ucd7: str) -> str:
    """Build the UCD13 of a 7-digit UCD7 (34008 + UCD7 + check digit)."""
    if not re.fullmatch(r"[0-9]{7}", ucd7):
        raise InvalidDrugCode("ucd7", ucd7, "format")
    body = UCD13_PREFIX + ucd7
    return body + str(ean13_check_digit(body))
