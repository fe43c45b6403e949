"""Put this folder on sys.path for its helper module `tests_parcours_cli` (pytest's importlib mode does not)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
