"""`parcours export fhir --out DIR [--patient ID]... [--since INSTANT] [--dated-from DATE] [--validate]`
(docs/interchange.md §5.3, §5.5).

Why here and not in fhir_export: the bulk writer is pure (it maps `PatientRecords`); this module
owns the CLI rules: exit 2 naming `--out` for a non-empty DIR and `--patient` for an unknown id,
a progress line on stderr only when stderr is a terminal, nothing on stdout.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from parcours.core.visible import shown_key
from parcours.messages import Lang, message

__all__ = ["export_fhir"]

EXIT_OK, EXIT_BUG, EXIT_USAGE = 0, 1, 2


def _open_store(url: str | None) -> Any:
    """The store (indirection kept for the tests, which pass a store of PatientRecords)."""
    from parcours.store import open_store

    return open_store(url)


class _Progress:
    """`export FHIR: N patients, M resources` rewritten in place, at most 10 times a second."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.last = 0.0
        self.shown = False
        self.state = (0, 0)

    def __call__(self, patients: int, resources: int, *, final: bool = False) -> None:
        self.state = (patients, resources)
        now = time.monotonic()
        if final or now - self.last >= 0.1:
            self.last = now
            text = message("fhir.export.progress", self.lang, patients=patients, resources=resources)
            sys.stderr.write("\r" + text)
            sys.stderr.flush()
            self.shown = True

    def close(self) -> None:
        """The final count, then a new line."""
        self(*self.state, final=True)
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _request(args: Any) -> str:
    """The manifest's `request`: the command without DIR (two exports compare equal)."""
    parts = ["parcours export fhir"]
    parts += [f"--patient {p}" for p in args.patient or ()]
    if args.since is not None:
        parts.append(f"--since {args.since.isoformat()}")
    if getattr(args, "dated_from", None) is not None:
        parts.append(f"--dated-from {args.dated_from.isoformat()}")
    return " ".join(parts)


def _fail(text: str) -> int:
    sys.stderr.write(text + "\n")
    return EXIT_USAGE


def export_fhir(args: Any, lang: Lang) -> int:
    """Export the database as FHIR R4 NDJSON into a new or empty DIR."""
    from fhir_export.bulk import export_bulk
    from fhir_export.validate import FhirValidationFailed

    out = Path(args.out)
    if out.exists():
        if not out.is_dir():
            return _fail(message("fhir.export.out_not_dir", lang, path=out))
        if any(out.iterdir()):
            return _fail(message("fhir.export.out_not_empty", lang, path=out))
    from parcours.store.errors import StoreError

    try:
        store = _open_store(getattr(args, "db", None))
    except StoreError as exc:  # the database URL or file (issue 18)
        from parcours.cli.store_commands import render_store_error, store_error_status

        sys.stderr.write(render_store_error(exc, lang) + "\n")
        return store_error_status(exc)
    progress = _Progress(lang) if sys.stderr.isatty() else None
    try:
        ids = None
        if args.patient:
            from parcours.store.errors import NotFound

            ids = []
            for key in args.patient:
                try:
                    ids.append(store.resolve_patient(key))
                except NotFound:
                    return _fail(message("fhir.export.unknown_patient", lang, id=shown_key(key)))
        from parcours.cli.save_commands import actor_for
        from parcours.store.audit import ALL_PATIENTS, Access

        for patient_id in ids if ids is not None else [ALL_PATIENTS]:  # audited before anything is read
            store.record_access(patient_id, actor=actor_for(), purpose=Access.EXPORT_FHIR)
        try:
            from parcours.core.private_files import private_dir

            private_dir(out)  # 0700, its files 0600: personal data
            dated_from = getattr(args, "dated_from", None)
            if args.since is not None:  # incremental: what changed, and what was deleted (docs/fhir.md)
                patients, deleted = store.iter_changed_records(args.since, ids), store.iter_deleted_records(
                    args.since, ids)
            else:
                patients, deleted = store.iter_patient_records(ids, None), ()
            export_bulk(patients, out, since=dated_from, request=_request(args), deleted=deleted,
                        validate=bool(getattr(args, "validate", False)), progress=progress)
        except OSError as exc:
            return _fail(message("fhir.export.cannot_write", lang, path=out, reason=exc.strerror or exc))
        except FhirValidationFailed as exc:
            text = message("fhir.validation_failed", lang, type=exc.rtype, role=exc.role, detail=exc.detail)
            sys.stderr.write(text + "\n")
            return EXIT_BUG
    finally:
        if progress is not None:
            progress.close()
        store.close()
    return EXIT_OK
