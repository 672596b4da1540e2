"""Which characters of a text no font on this computer can draw (they would show as empty
boxes): an emoji in a name where no emoji font is installed, a private-use character.

Qt picks a fallback font per character; a glyph index of 0 is the "missing" box. The
editor refuses such text beside its field, naming the character and how to add a font."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from PySide6.QtGui import QFont, QTextLayout

EMOJI_FONT_HINT = ("install a colour emoji font (Debian/Ubuntu: sudo apt install fonts-noto-color-emoji; "
                   "Fedora: sudo dnf install google-noto-color-emoji-fonts) or leave it out")


@lru_cache(maxsize=2048)
def _drawable(character: str, family: str) -> bool:
    layout = QTextLayout(character, QFont(family))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    glyphs = [glyph for run in layout.glyphRuns() for glyph in run.glyphIndexes()]
    return bool(glyphs) and 0 not in glyphs


def undrawable(text: str) -> list[str]:
    """The characters of `text` that would show as empty boxes, each once, in order.
    Invisible joiners and variation selectors (the parts of 🏋️‍♀️) are not drawn alone."""
    family = QFont().family()
    return [c for c in dict.fromkeys(text)
            if ord(c) >= 0x80 and unicodedata.category(c) not in ("Mn", "Me", "Cf", "Zs")
            and not _drawable(c, family)]


def undrawable_words(text: str) -> str | None:
    """'🏋 (U+1F3CB) cannot be drawn by any font on this computer: install …', or None."""
    missing = undrawable(text)
    if not missing:
        return None
    named = ", ".join(f"{c} (U+{ord(c):04X})" for c in missing[:3]) + (" …" if len(missing) > 3 else "")
    return f"{named} cannot be drawn by any font on this computer: {EMOJI_FONT_HINT}"
