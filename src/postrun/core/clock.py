"""The two clocks, in a module of their own so the window can name them without
loading the engine before its first paint: the monotonic one that times a workout and
the wall clock that says which day it is."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

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


WallClock = Callable[[], datetime]


def local_now() -> datetime:
    """The wall clock: now, in the local time zone, as the user lives it.

    The one place that reads today. Everything that needs the date or the time of day
    (the log, the history, the picker, the command line) is handed this function, or a
    fake one in tests, like the monotonic `Clock`.
    """
    return datetime.now().astimezone()
