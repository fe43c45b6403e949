"""Stored text made safe to print: control and bidirectional-override characters shown, never obeyed.

Why: names are data, never terminal commands (issue 20: `patients list` wrote a name's ESC
sequences raw to the terminal). C0 controls and DEL become their Unicode "control pictures"
(ESC -> U+241B), C1 controls and the invisible direction overrides their `<U+XXXX>` code point.
"""

from __future__ import annotations

import re

__all__ = ["visible"]

# C0 (but for nothing: even TAB and LF would break a one-line cell), DEL, C1, and the bidi
# embeddings/overrides/isolates that reorder what follows them on screen.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400..U+241F: NUL, SOH, ... ESC is U+241B
    if code == 0x7F:
        return "\u2421"  # DEL
    return f"<U+{code:04X}>"


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with every control or direction-override character replaced by a visible stand-in
    (line feeds kept with `keep_newlines`: multi-line text built by the program)."""
    if not _UNSAFE.search(text):
        return text
    if keep_newlines:
        return "\n".join(_UNSAFE.sub(_shown, line) for line in text.split("\n"))
    return _UNSAFE.sub(_shown, text)
