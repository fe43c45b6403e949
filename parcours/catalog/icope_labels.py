"""Catalog part: the ICOPE domains and results, shown alike by the TUI, the reports and the CLI."""

from collections.abc import Mapping
from typing import Final

PAIRS: Final[Mapping[str, tuple[str, str]]] = {
    # ICOPE labels (TUI, reports)
    "icope.domain.cognition": ("Cognition", "Cognition"),
    "icope.domain.locomotion": ("Locomotion", "Locomotion"),
    "icope.domain.nutrition": ("Nutrition", "Nutrition"),
    "icope.domain.vision": ("Vision", "Vision"),
    "icope.domain.hearing": ("Audition", "Hearing"),
    "icope.domain.psychology": ("Psychologie", "Psychology"),
    "icope.result.positive": ("positif", "positive"),
    "icope.result.negative": ("négatif", "negative"),
    "icope.result.incomplete": ("incomplet", "incomplete"),
}
