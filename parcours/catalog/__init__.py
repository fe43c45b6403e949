"""Parts of the one message catalog (`parcours.messages`), one module per area.

Why: each area writes its sentences once, as `(French, English)` pairs, in a module of its own;
`parcours.messages` builds the FR and EN tables from the parts and refuses a key defined twice.
Each part exposes `PAIRS: Final[Mapping[str, tuple[str, str]]]`; a test checks that every module
of this package is listed in `PARTS`.
"""

from collections.abc import Mapping
from typing import Final

from parcours.catalog import (
    cli,
    drugs,
    errors,
    fhir,
    icope_labels,
    inputs,
    records,
    reports,
    store,
    tui_common,
    tui_icope,
    tui_medisis,
    ucd,
    vocabulary,
    worklist,
)

__all__ = ["PARTS"]

#: part name -> its (French, English) pairs, in the order the catalog is built.
PARTS: Final[Mapping[str, Mapping[str, tuple[str, str]]]] = {
    "errors": errors.PAIRS,
    "cli": cli.PAIRS,
    "icope_labels": icope_labels.PAIRS,
    "store": store.PAIRS,
    "fhir": fhir.PAIRS,
    "reports": reports.PAIRS,
    "vocabulary": vocabulary.PAIRS,
    "tui_common": tui_common.PAIRS,
    "tui_icope": tui_icope.PAIRS,
    "tui_medisis": tui_medisis.PAIRS,
    "inputs": inputs.PAIRS,
    "worklist": worklist.PAIRS,
    "drugs": drugs.PAIRS,
    "records": records.PAIRS,
    "ucd": ucd.PAIRS,
}
