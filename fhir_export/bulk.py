"""Bulk-Data-style NDJSON export of stored patients, streamed in constant memory (docs/fhir.md §6.2).

Why this shape: patients arrive one at a time from the store's cursor; each one's resources are
built, appended to the open per-type files and dropped, so memory holds one patient plus the ids
of the shared resources already written. Files are written under temporary names and renamed at
the end; `export.json`, written last, means the export is complete. Every file is 0600 whatever
the umask (personal data; the CLI and TUI make the folder 0700).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from fhir_export.emit import Sink
from fhir_export.patient import map_patient
from parcours.core.private_files import open_private
from parcours.core.records import PatientRecords

__all__ = ["BulkWriter", "export_bulk"]

_BUFFER = 1 << 20


class BulkWriter:
    """Appends resources to `<type>.ndjson` files in `out` and writes the manifest on `finish`."""

    def __init__(self, out: Path, *, validate: bool = False) -> None:
        self.out = Path(out)
        self.validate = validate
        self.files: dict[str, BinaryIO] = {}
        self.counts: dict[str, int] = {}
        self.shared: set[str] = set()
        self.patients = 0
        self.resources = 0

    def _tmp(self, rtype: str) -> Path:
        return self.out / f".{rtype}.ndjson.part"

    def write_patient(self, records: PatientRecords, since: date | None = None) -> int:
        """Map and append one patient; returns the number of resources written (0: none kept)."""
        sink = Sink(bulk=True, shared=self.shared)
        if not map_patient(sink, records, since):
            return 0
        if self.validate:
            from fhir_export.validate import validate_items

            validate_items(sink.items)
        dumps, files, counts = orjson.dumps, self.files, self.counts
        for rtype, _id, resource, _match, _role in sink.items:
            handle = files.get(rtype)
            if handle is None:
                handle = files[rtype] = open_private(self._tmp(rtype), buffering=_BUFFER)  # 0600: personal data
                counts[rtype] = 0
            handle.write(dumps(resource) + b"\n")
            counts[rtype] += 1
        self.patients += 1
        self.resources += len(sink.items)
        return len(sink.items)

    def finish(self, *, transaction_time: str, request: str, generator: str) -> dict[str, Any]:
        """Close and rename the files, then write `export.json` (last); returns the manifest."""
        for handle in self.files.values():
            handle.close()
        for rtype in self.files:
            os.replace(self._tmp(rtype), self.out / f"{rtype}.ndjson")
        manifest = {
            "transactionTime": transaction_time,
            "request": request,
            "requiresAccessToken": False,
            "output": [{"type": t, "url": f"{t}.ndjson", "count": self.counts[t]} for t in sorted(self.counts)],
            "error": [],
            "extension": {"fhirVersion": "4.0.1", "generator": generator, "patients": self.patients},
        }
        tmp = self.out / ".export.json.part"
        with open_private(tmp) as handle:
            handle.write(orjson.dumps(manifest, option=orjson.OPT_INDENT_2) + b"\n")
        os.replace(tmp, self.out / "export.json")
        self.files = {}
        return manifest

    def abort(self) -> None:
        """Close and remove the temporary files (an interrupted export leaves no partial file)."""
        for rtype, handle in self.files.items():
            handle.close()
            self._tmp(rtype).unlink(missing_ok=True)
        self.files = {}


def export_bulk(
    patients: Iterable[PatientRecords],
    out: Path,
    *,
    since: date | None = None,
    request: str = "parcours export fhir",
    validate: bool = False,
    progress: Callable[[int, int], None] | None = None,
    transaction_time: str | None = None,
) -> dict[str, Any]:
    """Write the NDJSON export of `patients` into the existing empty folder `out`; returns the manifest.

    `progress(patients_read, resources_written)` is called after each patient.
    """
    from parcours import __version__

    started = transaction_time or datetime.now(UTC).isoformat(timespec="seconds")
    writer = BulkWriter(out, validate=validate)
    read = 0
    try:
        for records in patients:
            writer.write_patient(records, since)
            read += 1
            if progress is not None:
                progress(read, writer.resources)
    except BaseException:
        writer.abort()
        raise
    return writer.finish(transaction_time=started, request=request, generator=f"parcours {__version__}")
