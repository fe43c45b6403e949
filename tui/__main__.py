"""`python -m tui [--db URL] [--lang fr|en]`: the terminal UI without the `parcours` command line.

Why: the end-to-end test and the start-up benchmark launch the app this way too; `parcours` with
no argument does the same through `parcours.cli.store_commands:tui`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from parcours.messages import LANGS, detect_lang

if TYPE_CHECKING:
    from parcours.store.store import Store


def main() -> int:
    """Run the app (it opens the store after its first screen), then close the store."""
    parser = argparse.ArgumentParser(prog="python -m tui")
    parser.add_argument("--db", default=None)
    parser.add_argument("--lang", choices=LANGS, default=None)
    args = parser.parse_args()
    from tui import make_app

    def open_db() -> Store:  # parcours.store is imported in the app's worker thread
        from parcours.store.store import open_store

        return open_store(args.db)

    app = make_app(open_db, args.lang or detect_lang())
    try:
        app.run()
    finally:
        app.close_store()
    return 1 if app.store_error or app.return_code else 0


if __name__ == "__main__":
    raise SystemExit(main())
