"""`postrun doctor`: what this machine offers, for users filing a bug. Never fails."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from postrun import __version__


def _check(label: str, probe: Callable[[], str]) -> str:
    return _checked(label, probe)[0]


def _checked(label: str, probe: Callable[[], str]) -> tuple[str, bool]:
    """The report's line, and whether the probe worked."""
    try:
        return f"{label}: {probe()}", True
    except Exception as exc:  # a report: every failure is an answer, not a crash
        return f"{label}: failed ({type(exc).__name__}: {exc})", False


def sound_device() -> str:
    """Through the output the window plays cues to."""
    from postrun.audio.alsa_output import system_output
    from postrun.audio.alsa_quiet import silence_alsa_errors
    from postrun.audio.cues import RATE

    silence_alsa_errors()
    output = system_output()
    if output is None:
        import simpleaudio

        simpleaudio.play_buffer(bytes(2 * RATE // 100), 1, 2, RATE).wait_done()
        return "opened the default output with simpleaudio (a 10 ms silent test played)"
    try:
        output(bytes(2 * RATE // 100), 1, 2, RATE).wait_done()
    except Exception as exc:     # pyalsaaudio's words alone ("Invalid argument") do not say what failed
        raise OSError(f"could not open the default sound output: {exc}") from exc
    finally:
        output.close()
    return "opened the default output, kept open for a workout (pyalsaaudio; a 10 ms silent test played)"


def speech(sound_works: bool = True) -> str:
    from postrun.audio.speech_probe import probe_speech

    result = probe_speech()
    if result.engine is None:
        # what is left without a voice depends on the sound device: beeps, or nothing heard
        left = ("cues are beeps only" if sound_works
                else "and with no sound device nothing is heard: the workout is only shown")
        return f"{result.problem}; {left}"
    shown = ", ".join(result.voices[:5]) + ("…" if len(result.voices) > 5 else "")
    return f"{result.engine} works; sentences are read by {result.voice or 'its default voice'} ({shown})"


def keep_awake() -> str:
    from postrun.system.keep_awake import KeepAwake

    awake = KeepAwake()
    try:
        return f"works ({awake.method})" if awake.acquire() else f"unavailable: {awake.problem}"
    finally:
        awake.release()


def media_buttons() -> str:
    if not sys.platform.startswith("linux"):
        return "the focused window's media keys (no MPRIS on this system)"
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtDBus import QDBusConnection

    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841 (QtDBus wants one)
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return ("no D-Bus session bus: headset and keyboard media buttons work only while the window "
                f"has the focus ({bus.lastError().message() or 'DBUS_SESSION_BUS_ADDRESS is not set'})")
    return "the session bus answers: headset and media keys reach Postrun as an MPRIS player"


def data_folder() -> str:
    from postrun.store.paths import data_dir, log_path, user_circuits_dir

    folder = data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            pass
        writable = "writable"
    except OSError as exc:
        writable = f"NOT writable ({exc.strerror or exc})"
    circuits = len(list(user_circuits_dir().glob("*.toml"))) if user_circuits_dir().is_dir() else 0
    log = log_path()
    log_text = f"{log.stat().st_size} bytes" if log.exists() else "not created yet"
    return f"{folder} ({writable}); {circuits} circuits of yours; workout log {log_text}"


def qt_platform() -> str:
    import PySide6

    chosen = os.environ.get("QT_QPA_PLATFORM")
    if chosen:
        where = f"QT_QPA_PLATFORM={chosen}"
    elif os.environ.get("WAYLAND_DISPLAY"):
        where = f"wayland ({os.environ['WAYLAND_DISPLAY']})"
    elif os.environ.get("DISPLAY"):
        where = f"xcb (DISPLAY={os.environ['DISPLAY']})"
    elif sys.platform.startswith("linux"):
        where = "no display found: the window cannot open here (set DISPLAY, or QT_QPA_PLATFORM=offscreen)"
    else:
        where = "the system's own"
    return f"PySide6 {PySide6.__version__}; {where}"


def report() -> list[str]:
    sound, sound_works = _checked("Sound device", sound_device)
    return [
        f"postrun {__version__} on Python {platform.python_version()}, {platform.platform()}",
        _check("Qt platform", qt_platform),
        sound,
        _check("Speech", lambda: speech(sound_works)),
        _check("Keep screen awake", keep_awake),
        _check("Media buttons", media_buttons),
        _check("Data folder", data_folder),
        _check("Built-in circuits", lambda: str(_builtin_folder())),
    ]


def _builtin_folder() -> Path:
    from postrun.store.paths import builtin_circuits_dir

    folder = builtin_circuits_dir()
    return folder if folder.is_dir() else Path(f"{folder} (MISSING)")
