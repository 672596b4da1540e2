"""Choices remembered between runs, as a small JSON file written atomically.

A missing file means defaults. A file that cannot be used whole (not JSON, truncated, an
array, values out of range) is never silently overwritten: it is kept aside under a
timestamped name, the values that make sense are used, and `read_settings` says so in
words for the window to show.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from postrun.core.circuit import MAX_ROUNDS, Circuit
from postrun.core.clock import WallClock, local_now
from postrun.core.load import Load
from postrun.store.atomic import write_atomically
from postrun.store.paths import config_dir

MAX_PREPARE = 120          # the preview's get-ready range
MAX_KEY = 255              # a circuit key is a file name


@dataclass(frozen=True)
class StartChoices:
    """What the preview was set to when Start was pressed."""

    swaps: dict[int, int]          # exercise index -> alternative index
    rounds: int
    prepare: int                   # seconds of get ready
    fullscreen: bool
    volume: int
    lead_in: bool
    voice: bool | None             # None: no speech engine, the choice was not offered
    muted: bool = False
    loads: dict[int, Load] = field(default_factory=dict)     # exercise index -> today's load (as chosen)
    works: dict[int, int] = field(default_factory=dict)      # exercise index -> today's seconds (time progression)
    aims: dict[int, int] = field(default_factory=dict)       # exercise index -> the reps aimed for in a range
    rounds_for_today: bool = False     # the rounds today's run suggested: not remembered for next time

    def applied_to(self, circuit: Circuit) -> Circuit:
        """The circuit as it will run: its swaps, rounds and get-ready time, and today's
        loads and times."""
        chosen = circuit.with_choices(rounds=self.rounds, swaps=self.swaps)
        exercises = list(chosen.exercises)
        for index, exercise in enumerate(exercises):
            if index in self.loads:
                exercise = replace(exercise, load=self.loads[index])
            if index in self.works and exercise.work is not None:
                exercise = replace(exercise, work=self.works[index])
            exercises[index] = exercise
        return replace(chosen, exercises=tuple(exercises), prepare=self.prepare)


@dataclass
class Settings:
    fullscreen_on_start: bool = False
    prepare_seconds: int | None = None        # None: each circuit's own get-ready time
    last_circuit: str | None = None
    swaps: dict[str, dict[str, int]] = field(default_factory=dict)   # circuit key -> {exercise: alternative}
    rounds: dict[str, int] = field(default_factory=dict)             # circuit key -> rounds chosen
    muted: bool = False
    volume: int = 100                          # percent
    voice: bool = True                         # spoken next-up, where a speech engine exists
    lead_in: bool = False                      # silence before each cue, for Bluetooth speakers that wake late
    window: str | None = None                  # the window's size and place (Qt's saveGeometry, base64)
    run_folder: str | None = None              # a watch's or an app's folder of run files, read when the list shows

    def swaps_for(self, key: str) -> dict[int, int]:
        return {int(k): v for k, v in self.swaps.get(key, {}).items()}

    def remember_start(self, key: str, choices: StartChoices, own_prepare: int) -> None:
        """The preview's choices, kept for next time; a get-ready time is remembered only
        when it differs from the circuit's own."""
        self.swaps[key] = {str(k): v for k, v in choices.swaps.items()}
        if not choices.rounds_for_today:
            self.rounds[key] = choices.rounds
        if choices.prepare != own_prepare:
            self.prepare_seconds = choices.prepare
        self.fullscreen_on_start = choices.fullscreen
        self.volume = choices.volume
        self.lead_in = choices.lead_in
        self.muted = choices.muted
        if choices.voice is not None:
            self.voice = choices.voice


def settings_path() -> Path:
    return config_dir() / "settings.json"


def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _key(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_KEY


def _swap_choice(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and k.isascii() and k.isdigit() and len(k) <= 3 and _whole(v, 0, 99)
        for k, v in value.items())


# what each value may be; for the two mappings, what each entry may be (bad entries are dropped)
_VALID: dict[str, Callable[[Any], bool]] = {
    "fullscreen_on_start": lambda v: isinstance(v, bool),
    "prepare_seconds": lambda v: v is None or _whole(v, 0, MAX_PREPARE),
    "last_circuit": lambda v: v is None or _key(v),
    "muted": lambda v: isinstance(v, bool),
    "volume": lambda v: _whole(v, 0, 100),
    "voice": lambda v: isinstance(v, bool),
    "lead_in": lambda v: isinstance(v, bool),
    "window": lambda v: v is None or (isinstance(v, str) and len(v) <= 4096 and v.isascii()),
    "run_folder": lambda v: v is None or (isinstance(v, str) and 0 < len(v) <= 4096 and "\0" not in v),
}
_ENTRY_VALID: dict[str, Callable[[str, Any], bool]] = {
    "swaps": lambda k, v: _key(k) and _swap_choice(v),
    "rounds": lambda k, v: _key(k) and _whole(v, 1, MAX_ROUNDS),
}


def read_settings(path: Path | None = None, now: WallClock = local_now) -> tuple[Settings, str | None]:
    """The settings, and a notice in words when the file could not be used as it is
    (kept aside under a name that says when)."""
    path = path or settings_path()
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):     # a FIFO would block the start for ever
            return Settings(), (f"Your settings ({path}) are not a regular file; defaults are used and "
                                "your choices will not be remembered until it is moved away.")
        data = path.read_bytes()
    except FileNotFoundError:
        return Settings(), None
    except OSError as exc:
        return Settings(), (f"Your settings ({path}) could not be read ({exc.strerror or exc}); "
                            "defaults are used this time.")
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raw = None
    if not isinstance(raw, dict):
        return Settings(), _kept_aside(path, now(), "it is not a settings file (damaged or cut short)")
    values, rejected = _usable_values(raw)
    settings = Settings(**values)
    if rejected:
        return settings, _kept_aside(path, now(), f"some values were not valid ({', '.join(rejected)}) and were reset")
    return settings, None


def load_settings(path: Path | None = None) -> Settings:
    return read_settings(path)[0]


def _usable_values(raw: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    defaults = Settings()
    values: dict[str, Any] = {}
    rejected: list[str] = []
    known = {item.name for item in fields(Settings)}
    rejected += sorted(str(name)[:40] for name in raw if name not in known)
    for name in known:
        default = getattr(defaults, name)
        if name not in raw:
            values[name] = default
        elif name in _ENTRY_VALID:
            mapping = raw[name]
            if not isinstance(mapping, dict):
                values[name], bad = default, True
            else:
                values[name] = {k: v for k, v in mapping.items() if _ENTRY_VALID[name](k, v)}
                bad = len(values[name]) != len(mapping)
            if bad:
                rejected.append(name)
        elif _VALID[name](raw[name]):
            values[name] = raw[name]
        else:
            values[name] = default
            rejected.append(name)
    return values, rejected


def _kept_aside(path: Path, when: datetime, why: str) -> str:
    stamp = when.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.bad-{stamp}{path.suffix}")
    try:
        os.replace(path, aside)
    except OSError as exc:
        return (f"Your settings file {path} could not be used: {why}. It could not be moved aside "
                f"({exc.strerror or exc}); defaults are used where needed.")
    return (f"Your settings file could not be used as it was: {why}. The file was kept as {aside.name} "
            f"in {path.parent}; defaults are used where needed.")


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Raises OSError when the folder is unwritable; callers tell the user."""
    write_atomically(path or settings_path(), json.dumps(asdict(settings), indent=2).encode("utf-8"))
