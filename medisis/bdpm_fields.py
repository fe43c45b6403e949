"""BDPM text read as contract fields: a strength (`0,25 mg`) as a dose, a French route as a `Route`,
a name as its search key (docs/medisis.md §7.2; docs/interchange.md §4.1).

Why: the drug lookup fills a reconciliation line from the BDPM; what the French free text of the
files means in the contract's closed vocabularies is decided here, once, and tested, not in the
store or the UI.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from types import MappingProxyType

from medisis.bdpm import fold
from medisis.vocab import DoseUnit, Route

__all__ = ["BDPM_ROUTES", "STRENGTH_UNITS", "name_key", "parse_strength", "route_of", "single_strength"]

#: BDPM `voies d'administration` (CIS_bdpm.txt column 4), folded, → docs/interchange.md §4.1 routes.
#: Only unambiguous equivalents; any other route is left for the pharmacist to pick.
BDPM_ROUTES = MappingProxyType({
    "orale": Route.ORAL,
    "sublinguale": Route.SUBLINGUAL,
    "buccale": Route.BUCCAL,
    "intraveineuse": Route.INTRAVENOUS,
    "intramusculaire": Route.INTRAMUSCULAR,
    "sous-cutanee": Route.SUBCUTANEOUS,
    "transdermique": Route.TRANSDERMAL,
    "inhalee": Route.INHALATION,
    "nasale": Route.NASAL,
    "ophtalmique": Route.OPHTHALMIC,
    "auriculaire": Route.OTIC,
    "rectale": Route.RECTAL,
    "vaginale": Route.VAGINAL,
    "cutanee": Route.CUTANEOUS,
    "enterale": Route.ENTERAL_TUBE,
})

#: Units of a BDPM dosage (CIS_COMPO_bdpm.txt column 5), folded, → dose units; only masses,
#: mmol and IU: a concentration (`5 mg/ml`) or a percentage is not a dose per administration.
STRENGTH_UNITS = MappingProxyType({
    "mg": DoseUnit.MG, "milligramme": DoseUnit.MG, "milligrammes": DoseUnit.MG,
    "g": DoseUnit.G, "gramme": DoseUnit.G, "grammes": DoseUnit.G,
    "µg": DoseUnit.UG, "μg": DoseUnit.UG, "microgramme": DoseUnit.UG, "microgrammes": DoseUnit.UG,
    "mmol": DoseUnit.MMOL, "ui": DoseUnit.IU, "u.i.": DoseUnit.IU,
})

_STRENGTH = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*([^\s/]+)\s*$")
_IN_NAME = re.compile(r"(?<![\w/])([0-9]+(?:[.,][0-9]+)?)\s*(mg|g|µg|μg|microgrammes?|mmol|UI)(?![\w/])", re.IGNORECASE)
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})


def name_key(text: str) -> str:
    """The search key of a name: accents and case dropped (`fold`), œ/æ spelt out (`Œdème` → `oedeme`)."""
    return fold(text).translate(_LIGATURES)


def parse_strength(text: str) -> tuple[float, DoseUnit] | None:
    """`0,25 mg` → (0.25, mg); None for a concentration, a percentage or an unknown unit."""
    match = _STRENGTH.match(text)
    if match is None:
        return None
    unit = STRENGTH_UNITS.get(match.group(2).casefold())
    value = float(match.group(1).replace(",", "."))
    return (value, unit) if unit is not None and value > 0 else None


def single_strength(strengths: Iterable[str]) -> tuple[float, DoseUnit] | None:
    """The dose of a one-substance specialty: its strengths, when they all read as the same dose."""
    found = {parse_strength(s) for s in strengths}
    return found.pop() if len(found) == 1 else None


def strength_in_name(name: str) -> tuple[float, DoseUnit] | None:
    """The one strength written in a specialty name (`FUROSÉMIDE 40 mg, comprimé`), else None."""
    found = {(m.group(1), m.group(2)) for m in _IN_NAME.finditer(name)}
    if len(found) != 1:
        return None
    value, unit = found.pop()
    return parse_strength(f"{value} {unit}")


def route_of(routes: Iterable[str]) -> Route | None:
    """The route of a specialty with one known BDPM route; None when there are several or none."""
    found = {BDPM_ROUTES.get(fold(r)) for r in routes if r.strip()}
    return found.pop() if len(found) == 1 and None not in found else None
