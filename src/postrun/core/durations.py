"""Durations as people write them in circuit files: 40, "40s", "1m30s", "90 s", "1:30".

Whole seconds only: every countdown boundary then falls on a whole second of the
segment, which keeps the display and the cues aligned.
"""

from __future__ import annotations

import re

MAX_SECONDS = 2 * 60 * 60

# ASCII digits only (re.ASCII): "４０s" is refused, not read as 40. A run of digits is
# read whatever its length and judged against the limit afterwards, so "999…9s" is a
# clear "longer than the limit" and never a huge int conversion.
_UNITS = re.compile(
    r"""^\s*
    (?:(?P<h>\d+)\s*(?:h|hr|hrs|hours?)\s*)?
    (?:(?P<m>\d+)\s*(?:m|min|mins|minutes?)\s*)?
    (?:(?P<s>\d+)\s*(?:s|sec|secs|seconds?)?\s*)?
    $""",
    re.VERBOSE | re.IGNORECASE | re.ASCII,
)
_CLOCK = re.compile(r"^\s*(?:(?P<h>\d+):)?(?P<m>\d+):(?P<s>[0-5]\d)\s*$", re.ASCII)
_MAX_DIGITS = 6          # no part of a duration under the limit needs more


class DurationError(ValueError):
    """A duration a person wrote that we cannot read; the message says how to write it."""


def parse_duration(value: object) -> int:
    """Return whole seconds (zero allowed) or raise DurationError with a readable message."""
    if isinstance(value, bool):
        raise DurationError(f"expected a duration such as 40 or \"1m30s\", not {str(value).lower()}")
    if isinstance(value, int):
        if value.bit_length() > 64:      # a number with thousands of digits: never format it
            raise DurationError("that number is far longer than the 2 hour limit")
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
        shown = format_duration(seconds) if seconds < 1000 * MAX_SECONDS else "that"
        raise DurationError(f"{shown} is longer than the 2 hour limit")
    return seconds


def _parse_text(text: str) -> int:
    if text.strip().startswith("-"):
        raise DurationError(f"a duration cannot be negative ({text!r})")
    match = _CLOCK.match(text) or _UNITS.match(text)
    if match is None or not any(match.group(k) for k in "hms"):
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise DurationError(f"cannot read {shown!r} as a duration; write it like 40, \"40s\", \"1m30s\" or \"1:30\" "
                            "(with the digits 0-9)")
    parts = [match.group(k) or "0" for k in "hms"]
    if any(len(part.lstrip("0")) > _MAX_DIGITS for part in parts):
        raise DurationError(f"a duration of {len(max(parts, key=len))} digits is longer than the 2 hour limit")
    hours, minutes, secs = (int(part) for part in parts)
    return hours * 3600 + minutes * 60 + secs


def format_duration(seconds: float) -> str:
    """Compact clock form for people: 0:40, 12:05, 1:02:03 (to the nearest second)."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
