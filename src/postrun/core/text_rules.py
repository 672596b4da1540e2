"""What counts as readable text in a circuit, or in anything imported: printable
characters only (a note may also hold line breaks and tabs).

A name or tip is shown huge across a room and spoken by the voice; a control
character or a bidirectional override (which reorders what follows it, the trick of
"Trojan Source") would show something other than what the file says.
"""

from __future__ import annotations

import unicodedata

# explicit bidi embeddings, overrides and isolates, and the invisible direction marks
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# categories that are never printable: controls, line/paragraph separators, private
# use, surrogates and unassigned code points
UNPRINTABLE = frozenset({"Cc", "Zl", "Zp", "Co", "Cs", "Cn"})
LINE_BREAKS = str.maketrans("\n\t", "  ")      # what a note may hold besides the printable


def unreadable_character(text: str, multiline: bool = False) -> str | None:
    """Describe the first character that must not appear in a name or tip (or, with
    `multiline`, a note), or None. A lone surrogate (which JSON's \\ud800 escape makes)
    is refused here: UTF-8, and so the log and every file, cannot hold it."""
    # Python's printable is stricter than this rule (it also refuses every format character,
    # the direction controls among them, and every space but " "): text it passes has
    # nothing to name, found at C speed, which is what an import of years of workouts needs
    if text.isprintable() or (multiline and text.translate(LINE_BREAKS).isprintable()):
        return None
    for char in text:
        if multiline and char in "\n\t":
            continue
        if "\ud800" <= char <= "\udfff":
            return f"a lone surrogate (U+{ord(char):04X}), which is not text UTF-8 can hold"
        if char in BIDI_CONTROLS:
            return f"a right-to-left/left-to-right control character (U+{ord(char):04X})"
        if unicodedata.category(char) in UNPRINTABLE:
            return f"a control or unprintable character (U+{ord(char):04X})"
    return None
