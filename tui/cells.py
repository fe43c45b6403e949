"""Worklist cells: text cut at a word boundary with « … », and a rule code with its label.

Why: at 80 columns a long detail must never be cut mid-word (issue 17), and a nurse reads
« D2 positif persistant », not `D2`; plain functions, tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len

__all__ = ["ELLIPSIS", "fit", "rule_label", "wrap"]

ELLIPSIS = "…"


def fit(text: str, width: int) -> str:
    """`text` if it fits `width` cells, else its longest word-boundary prefix followed by « … »."""
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return text
    if width < 1:
        return ""
    words, out = text.split(" "), ""
    for word in words:
        candidate = f"{out} {word}" if out else word
        if cell_len(candidate) + 1 > width:
            break
        out = candidate
    if not out:  # a first word longer than the column: nothing whole fits
        return ELLIPSIS
    return out.rstrip(",;:—-– ") + ELLIPSIS


def wrap(text: str, width: int, lines: int = 2) -> list[str]:
    """`text` on at most `lines` lines of `width` cells, broken between words (inside a word only
    when it is wider than a line); the last line ends in « … » when the text does not fit."""
    words = []
    for word in text.split():  # a word wider than the column has no boundary to break at: split it
        while cell_len(word) > width > 1:
            cut = next(i for i in range(len(word), 0, -1) if cell_len(word[:i]) <= width)
            words.append(word[:cut])
            word = word[cut:]
        words.append(word)
    out: list[str] = []
    while words and len(out) < lines - 1:
        line = words.pop(0)
        while words and cell_len(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        if cell_len(line) > width:
            line = fit(line, width)
        out.append(line)
    if words:
        out.append(fit(" ".join(words), width))
    return out or [""]


def rule_label(t: Callable[..., str], code: str) -> str:
    """« D2 positif persistant » for `D2`: the catalog's label of any rule code it knows, else the code."""
    try:
        return t(f"report.rule.{code}")
    except KeyError:
        return code
