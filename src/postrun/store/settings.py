"""Choices remembered between runs, as a small JSON file written atomically.

A missing or unreadable file means defaults; a bad value falls back to its default
rather than stopping the program.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from postrun.store.atomic import write_atomically
from postrun.store.paths import config_dir


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

    def swaps_for(self, key: str) -> dict[int, int]:
        return {int(k): v for k, v in self.swaps.get(key, {}).items()}


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    defaults = Settings()
    values: dict[str, Any] = {}
    for item in fields(Settings):
        value = raw.get(item.name, getattr(defaults, item.name))
        values[item.name] = value if _fits(value, getattr(defaults, item.name), item.name) else getattr(
            defaults, item.name)
    return Settings(**values)


def _fits(value: object, default: object, name: str) -> bool:
    if name == "prepare_seconds":
        return value is None or (isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 600)
    if name == "last_circuit":
        return value is None or isinstance(value, str)
    if name == "swaps":
        return isinstance(value, dict) and all(
            isinstance(v, dict) and all(isinstance(i, int) for i in v.values()) for v in value.values())
    if name == "rounds":
        return isinstance(value, dict) and all(isinstance(v, int) for v in value.values())
    if name == "volume":
        return isinstance(value, int) and 0 <= value <= 100
    return type(value) is type(default)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Raises OSError when the folder is unwritable; callers tell the user."""
    write_atomically(path or settings_path(), json.dumps(asdict(settings), indent=2).encode("utf-8"))
