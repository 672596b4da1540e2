"""The engine's clock, in a module of its own so the window can name it without
loading the engine before its first paint."""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]


def default_clock() -> float:
    """Monotonic time that keeps counting while the machine is suspended, where the OS offers it.

    With plain CLOCK_MONOTONIC (Linux) a suspend would be invisible and the workout would
    carry on as if no time had passed; CLOCK_BOOTTIME shows the gap so the engine pauses.
    """
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:
        return time.clock_gettime(boottime)
    return time.monotonic()
