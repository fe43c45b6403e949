"""Generated code: do not edit. Regenerate with `python tools/schema_source.py --write` (README, Development)."""
