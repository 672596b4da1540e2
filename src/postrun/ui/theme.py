"""Colours and words per kind of segment. Colour is never the only signal: every kind
also has its word, and every text colour meets WCAG contrast 7:1 on its background."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont

from postrun.core.timeline import Kind


@dataclass(frozen=True)
class Phase:
    word: str
    background: str
    text: str


PHASES: dict[Kind, Phase] = {
    Kind.PREPARE: Phase("GET READY", "#ffc21a", "#000000"),
    Kind.WORK: Phase("WORK", "#0b5a1e", "#ffffff"),
    Kind.SWITCH: Phase("SWITCH SIDES", "#5a1a8a", "#ffffff"),
    Kind.REST: Phase("REST", "#0d3580", "#ffffff"),
    Kind.ROUND_REST: Phase("ROUND REST", "#064a57", "#ffffff"),
    Kind.COOLDOWN: Phase("COOL-DOWN", "#2b3a42", "#ffffff"),
}
PAUSED = Phase("PAUSED", "#3a3a3a", "#ffffff")
FINISHED = Phase("DONE", "#000000", "#ffffff")


def relative_luminance(colour: str | tuple[int, int, int]) -> float:
    if isinstance(colour, str):
        value = colour.lstrip("#")
        rgb = tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))
    else:
        rgb = colour

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str | tuple[int, int, int], b: str | tuple[int, int, int]) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def font(pixels: int, bold: bool = False) -> QFont:
    """Fonts by pixel size: the views are laid out for a screen read from afar, not for points."""
    result = QFont()
    result.setPixelSize(pixels)
    result.setBold(bold)
    return result


def chart_scale(height: int) -> float:
    """How big a chart's text is drawn: whole from 240 px tall, down to 0.45 of it (still
    read on a 1024x600 finish screen)."""
    return max(0.45, min(1.0, height / 240))
