"""What every workout needs from the rest of the program (wired in app.py): a plain
record, so the window can hold it before the first workout loads the session's room."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from postrun.audio.sound import Sound
    from postrun.core.clock import Clock
    from postrun.store.user_data import UserData
    from postrun.system.keep_awake import KeepAwake
    from postrun.timers import Timers


@dataclass(frozen=True)
class SessionParts:
    data: UserData
    sound: Sound
    keep_awake: KeepAwake
    clock: Clock
    timers: Timers
