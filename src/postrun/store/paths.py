"""Where Postrun keeps per-user data. Resolved on each call, never at import time,
so tests and portable installs can point POSTRUN_DATA_DIR anywhere."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "postrun"
DATA_DIR_VARIABLE = "POSTRUN_DATA_DIR"


def _overridden() -> Path | None:
    value = os.environ.get(DATA_DIR_VARIABLE)
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    return _overridden() or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_circuits_dir() -> Path:
    return data_dir() / "circuits"


def assets_dir() -> Path:
    """Data shipped with the program: inside the installed package, or assets/ in a source checkout."""
    packaged = Path(__file__).resolve().parent.parent / "assets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "assets"


def builtin_circuits_dir() -> Path:
    return assets_dir() / "circuits"


def config_dir() -> Path:
    """Settings: the user config folder, or the data folder when POSTRUN_DATA_DIR is set
    (a portable install keeps everything in one place, and tests stay in their tmp folder)."""
    return _overridden() or Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_path() -> Path:
    return data_dir() / "postrun.sqlite3"
