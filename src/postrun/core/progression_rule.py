"""How an exercise moves forward over the weeks, as written in its circuit file:

- double: a rep range (8-12) at one load; when every set reaches the top, the next load
  step and back to the bottom of the range;
- time: a timed station works a step longer each time, up to a cap; then the next load
  step and back to where it started;
- none: the same as last time."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

DEFAULT_TIME_STEP = 5          # seconds more each time
DEFAULT_TIME_ROOM = 15         # the cap, when not written: the work time and this much more


class RuleKind(StrEnum):
    DOUBLE = "double"
    TIME = "time"
    NONE = "none"


@dataclass(frozen=True)
class Progression:
    kind: RuleKind
    time_step: int = DEFAULT_TIME_STEP
    time_cap: int | None = None       # None: the work time + DEFAULT_TIME_ROOM

    def cap_for(self, work: int) -> int:
        return self.time_cap if self.time_cap is not None else work + DEFAULT_TIME_ROOM
