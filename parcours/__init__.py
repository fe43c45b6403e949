"""parcours: ICOPE screening and MEDISIS medication pathway toolkit.

This package is the application shell (CLI, settings, messages, store). It imports nothing
heavy at import time so that the one-shot CLI stays fast.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
