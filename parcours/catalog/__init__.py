"""Parts of the one message catalog (`parcours.messages`), one module per area.

Why: the CLI, store, FHIR export, reports and TUI each add their sentences without editing one
shared file; `parcours.messages` merges the parts, and the parity test checks the merged FR/EN.
Each part defines `FR` and `EN` dicts; a key must not appear in two parts (a test checks it).
"""

__all__ = ["PARTS"]

#: Modules merged into the catalog, in order.
PARTS: tuple[str, ...] = (
    "parcours.catalog.store",
    "parcours.catalog.fhir",
    "parcours.catalog.reports",
    "parcours.catalog.tui",
    "parcours.catalog.inputs",
    "parcours.catalog.worklist",
    "parcours.catalog.drugs",
    "parcours.catalog.records",
    "parcours.catalog.crash",
)
