"""`parcours drugs import DIR`: load the BDPM text files into the store's drug database.

Why: the pharmacist's drug lookup reads the store; a site refreshes it from each BDPM download.
A missing or garbled file is named, exit 2, and the database keeps its previous import.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from parcours.cli.store_commands import EXIT_INVALID, EXIT_OK, _with_store, progress_bar
from parcours.messages import Lang, message

__all__ = ["drugs_import"]


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def drugs_import(args: argparse.Namespace, lang: Lang) -> int:
    """Replace the drug database with the files of DIR (one transaction), with a progress bar on stderr."""
    folder = Path(args.folder)
    if not folder.is_dir():
        _err(message("drugs.not_a_folder", lang, path=folder))
        return EXIT_INVALID

    def body(store: Any) -> int:
        from parcours.cli.save_commands import actor_for
        from parcours.store.drugs import DrugFileError

        bar: Any = None

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = progress_bar(total, lang, "drugs.progress") or (lambda _done: None)
            bar(done)

        try:
            done = store.import_drugs(str(folder), actor=actor_for(), progress=progress)
        except DrugFileError as exc:
            params = exc.params
            _err(message(f"store.drug_file.{params['problem']}", lang, **params))
            return EXIT_INVALID
        for name, note in done.files.items():
            if note["skipped"]:
                _err(message("drugs.skipped", lang, file=name, count=note["skipped"], encoding=note["encoding"]))
        _err(message("drugs.done", lang, specialties=done.specialties, presentations=done.presentations, url=store.url))
        return EXIT_OK

    return _with_store(args, lang, body)
