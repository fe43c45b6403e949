"""`parcours drugs import DIR [--ucd FILE [--ucd-columns UCD,LINK]]`: load the BDPM text files (and a
UCD correspondence file, docs/medisis.md §7.3) into the store's drug database.

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


def _ucd_options(args: argparse.Namespace, lang: Lang) -> tuple[str | None, Any] | None:
    """(UCD file, its columns) from the options; None after saying which option is wrong."""
    from medisis.ucd import UcdFileError, parse_columns

    ucd, columns = getattr(args, "ucd", None), getattr(args, "ucd_columns", None)
    if ucd is None:
        if columns is not None:
            _err(message("drugs.ucd.columns_alone", lang))
            return None
        return None, None
    if not Path(ucd).is_file():
        _err(message("drugs.ucd.not_a_file", lang, path=ucd))
        return None
    try:
        return ucd, None if columns is None else parse_columns(columns)
    except UcdFileError:
        _err(message("drugs.ucd.bad_columns", lang, value=columns))
        return None


def _report_ucd(done: Any, lang: Lang) -> None:
    for reason, (count, line, value) in done.skipped.items():
        why = message(f"drugs.ucd.reason.{reason}", lang, value=value)
        _err(message("drugs.ucd.skipped", lang, file=done.file, count=count, reason=why, line=line))
    _err(message("drugs.ucd.done", lang, links=done.links, file=done.file, encoding=done.encoding))


def drugs_import(args: argparse.Namespace, lang: Lang) -> int:
    """Replace the drug database with the files of DIR (one transaction), with a progress bar on stderr."""
    folder = Path(args.folder)
    if not folder.is_dir():
        _err(message("drugs.not_a_folder", lang, path=folder))
        return EXIT_INVALID
    ucd = _ucd_options(args, lang)
    if ucd is None:
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
            done = store.import_drugs(str(folder), actor=actor_for(), progress=progress, ucd=ucd[0],
                                      ucd_columns=ucd[1])
        except DrugFileError as exc:
            params = dict(exc.params)
            if params["problem"] == "ucd_unusable":
                params["reason"] = message(f"drugs.ucd.reason.{params['reason']}", lang, value=params["value"])
            _err(message(f"store.drug_file.{params['problem']}", lang, **params))
            return EXIT_INVALID
        for name, note in done.files.items():
            if note["skipped"]:
                _err(message("drugs.skipped", lang, file=name, count=note["skipped"], encoding=note["encoding"]))
        if done.ucd is not None:
            _report_ucd(done.ucd, lang)
        _err(message("drugs.done", lang, specialties=done.specialties, presentations=done.presentations, url=store.url))
        return EXIT_OK

    return _with_store(args, lang, body)
