"""`python -m tui [--db URL] [--lang fr|en]`: the terminal UI without the `parcours` command line.

Why: the end-to-end test and the start-up benchmark launch the app this way too; `parcours` with
no argument does the same through `parcours.cli.store_commands:tui`.
"""

from __future__ import annotations

import argparse

from parcours.messages import LANGS, detect_lang


def main() -> int:
    """Open the store, run the app, close the store."""
    parser = argparse.ArgumentParser(prog="python -m tui")
    parser.add_argument("--db", default=None)
    parser.add_argument("--lang", choices=LANGS, default=None)
    args = parser.parse_args()
    from parcours.store import open_store

    from tui import make_app

    store = open_store(args.db)
    try:
        make_app(store, args.lang or detect_lang()).run()
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
