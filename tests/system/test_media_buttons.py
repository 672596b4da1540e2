"""Headset and keyboard media buttons: an MPRIS player on a private session bus (a
dbus-daemon started for the test), driven with dbus-send as a desktop's media-key daemon
or a Bluetooth headset's would."""

import os
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtDBus import QDBusConnection

from postrun.core.engine import State
from postrun.system.media_buttons import PATH, SERVICE, MediaButtons

from helpers import advance


@pytest.fixture
def session_bus(dbus_daemon, tmp_path):
    connection = QDBusConnection.connectToBus(dbus_daemon, f"postrun-test-{os.getpid()}-{id(tmp_path)}")
    assert connection.isConnected(), connection.lastError().message()
    yield dbus_daemon, connection
    QDBusConnection.disconnectFromBus(connection.name())


def send(qtbot, address, method, *args, interface="org.mpris.MediaPlayer2.Player"):
    """dbus-send in a child process, while this process's event loop answers it."""
    process = subprocess.Popen(["dbus-send", f"--bus={address}", "--print-reply", f"--dest={SERVICE}", PATH,
                                f"{interface}.{method}", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=10_000)
    out, err = process.communicate()
    assert process.returncode == 0, err
    return out


@pytest.fixture
def media(window, session_bus):
    address, connection = session_bus
    buttons = MediaButtons(window.media_control, connection, window)
    assert buttons.register(), buttons.problem
    window.attach_media(buttons)
    yield address
    buttons.close()


def test_play_pause_next_previous_drive_the_workout(qtbot, window, clock, media):
    window.open_by_key("posterior-chain")
    send(qtbot, media, "PlayPause")                  # on the preview: an earbud's button starts
    assert window.session is not None
    engine = window.session.engine
    assert engine.state is State.RUNNING
    advance(window, clock, 12.0)
    send(qtbot, media, "PlayPause")
    assert engine.state is State.PAUSED
    send(qtbot, media, "Play")
    assert engine.state is State.RUNNING
    send(qtbot, media, "Next")
    assert engine.index == 2
    send(qtbot, media, "Previous")
    assert engine.index == 1
    send(qtbot, media, "Stop")                       # pauses: a workout is only ended in the window
    assert engine.state is State.PAUSED


def test_the_player_shows_the_exercise_and_the_time_left(qtbot, window, clock, media):
    window.open_by_key("posterior-chain")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    advance(window, clock, 12.0)
    status = send(qtbot, media, "Get", "string:org.mpris.MediaPlayer2.Player", "string:PlaybackStatus",
                  interface="org.freedesktop.DBus.Properties")
    assert 'string "Playing"' in status
    metadata = send(qtbot, media, "Get", "string:org.mpris.MediaPlayer2.Player", "string:Metadata",
                    interface="org.freedesktop.DBus.Properties")
    assert 'string "Cable kickbacks — LEFT"' in metadata
    assert "Round 1 of 3" in metadata
    assert "left in Posterior chain after a run" in metadata
    identity = send(qtbot, media, "Get", "string:org.mpris.MediaPlayer2", "string:Identity",
                    interface="org.freedesktop.DBus.Properties")
    assert 'string "Postrun"' in identity


def test_without_a_session_bus_it_says_so(qtbot, window, monkeypatch):
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    buttons = MediaButtons(window.media_control)
    assert not buttons.register()
    assert "no D-Bus session bus" in buttons.problem
