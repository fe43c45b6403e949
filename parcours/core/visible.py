"""Stored text made safe to print: control and bidirectional-override characters shown, never obeyed.

Why: names are data, never terminal commands (issue 20: `patients list` wrote a name's ESC
sequences raw to the terminal). C0 controls and DEL become their Unicode "control pictures"
(ESC -> U+241B), C1 controls and the invisible direction overrides their `<U+XXXX>` code point.
"""

from __future__ import annotations

import re

__all__ = ["MASKED", "shown_key", "visible"]

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


#: What an error shows instead of a key that may be personal data (an INS or another identifier).
MASKED = "•••"
_FHIR_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def shown_key(key: str) -> str:
    """A patient key as an error may repeat it: a store id or an export's Patient id as typed, anything
    else (an INS, an identifier value) masked — messages name fields, never personal values (issue 20)."""
    key = key.strip()
    if (key.isascii() and key.isdigit() and len(key) < 13) or _FHIR_ID.fullmatch(key):  # 13: a NIR, 15: an INS
        return key
    return MASKED
