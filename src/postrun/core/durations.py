"""Durations as people write them in circuit files: 40, "40s", "1m30s", "90 s", "1:30".

Whole seconds only: every countdown boundary then falls on a whole second of the
segment, which keeps the display and the cues aligned.
"""

from __future__ import annotations

import re

MAX_SECONDS = 2 * 60 * 60

_UNITS = re.compile(
    r"""^\s*
    (?:(?P<h>\d+)\s*(?:h|hr|hrs|hours?)\s*)?
    (?:(?P<m>\d+)\s*(?:m|min|mins|minutes?)\s*)?
    (?:(?P<s>\d+)\s*(?:s|sec|secs|seconds?)?\s*)?
    $""",
    re.VERBOSE | re.IGNORECASE,
)
_CLOCK = re.compile(r"^\s*(?:(?P<h>\d+):)?(?P<m>\d+):(?P<s>[0-5]\d)\s*$")


class DurationError(ValueError):
    """A duration a person wrote that we cannot read; the message says how to write it."""


def parse_duration(value: object) -> int:
    """Return whole seconds (zero allowed) or raise DurationError with a readable message."""
    if isinstance(value, bool):
        raise DurationError(f"expected a duration such as 40 or \"1m30s\", not {str(value).lower()}")
    if isinstance(value, int):
        seconds = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise DurationError(f"use whole seconds, not {value}")
        seconds = int(value)
    elif isinstance(value, str):
        seconds = _parse_text(value)
    else:
        raise DurationError(f"expected a duration such as 40 or \"1m30s\", not {type(value).__name__}")
    if seconds < 0:
        raise DurationError(f"a duration cannot be negative ({value!r})")
    if seconds > MAX_SECONDS:
        raise DurationError(f"{format_duration(seconds)} is longer than the 2 hour limit")
    return seconds


def _parse_text(text: str) -> int:
    if text.strip().startswith("-"):
        raise DurationError(f"a duration cannot be negative ({text!r})")
    match = _CLOCK.match(text) or _UNITS.match(text)
    if match is None or not any(match.group(k) for k in "hms"):
        raise DurationError(f"cannot read {text!r} as a duration; write it like 40, \"40s\", \"1m30s\" or \"1:30\"")
    hours, minutes, secs = (int(match.group(k) or 0) for k in "hms")
    return hours * 3600 + minutes * 60 + secs


def format_duration(seconds: float) -> str:
    """Compact clock form for people: 0:40, 12:05, 1:02:03 (to the nearest second)."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
