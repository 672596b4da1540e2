"""Test doubles shared by the suites: a clock the test moves by hand, tiny circuits."""

from __future__ import annotations

import textwrap

from postrun.core.circuit import Circuit
from postrun.core.circuit_file import parse_circuit


class FakeClock:
    """A monotonic clock that only moves when told; engine tests never sleep."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def circuit_from(text: str) -> Circuit:
    return parse_circuit(textwrap.dedent(text).encode())


def run_for(engine, clock: FakeClock, seconds: float, step: float = 0.25) -> list:  # type: ignore[no-untyped-def]
    """Advance the clock in small steps, looking at the engine each time as the window does."""
    events = []
    remaining = seconds
    while remaining > 1e-9:
        delta = min(step, remaining)
        clock.advance(delta)
        remaining -= delta
        events += engine.poll()
    return events


def advance(window, clock, seconds, step=0.25):
    """Move the fake clock as real time would, with the timer 'firing' at every step."""
    remaining = seconds
    while remaining > 1e-9:
        delta = min(step, remaining)
        clock.advance(delta)
        remaining -= delta
        if window.driver is not None:
            window.driver.tick()
