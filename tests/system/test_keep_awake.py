import os
import subprocess
import sys
from pathlib import Path

import pytest

from postrun.system.keep_awake import KeepAwake


class Mode:
    def __init__(self, calls, active=True):
        self.calls, self.active, self.active_method = calls, active, "org.freedesktop.ScreenSaver"

    def __enter__(self):
        self.calls.append("enter")
        return self

    def __exit__(self, *args):
        self.calls.append("exit")


def test_acquire_and_release_once_each():
    calls = []
    awake = KeepAwake(lambda: Mode(calls))
    assert awake.acquire()
    assert awake.acquire()           # idempotent
    assert awake.method == "org.freedesktop.ScreenSaver"
    awake.release()
    awake.release()
    assert calls == ["enter", "exit"]


def test_no_method_is_reported_not_raised():
    calls = []
    awake = KeepAwake(lambda: Mode(calls, active=False))
    assert not awake.acquire()
    assert "no way to keep the screen on" in awake.problem


def test_a_crashing_backend_is_reported_not_raised():
    def broken():
        raise OSError("no D-Bus session bus")

    awake = KeepAwake(broken)
    assert not awake.acquire()
    assert "no D-Bus session bus" in awake.problem
    awake.release()


SCREENSAVER = Path(__file__).with_name("fake_screensaver.py")


@pytest.fixture
def screensaver(dbus_daemon):
    """org.freedesktop.ScreenSaver on a private bus, as a desktop offers it: a child process
    that answers Inhibit and UnInhibit and prints each call."""
    child = subprocess.Popen([sys.executable, str(SCREENSAVER), dbus_daemon], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    yield dbus_daemon, child
    child.terminate()
    child.wait(timeout=5)
    child.stdout.close()


def test_the_real_wakepy_inhibits_the_screensaver_and_lets_it_go(screensaver, monkeypatch):
    """Through wakepy itself, on a real bus: Inhibit on acquire, UnInhibit with its cookie on release."""
    address, child = screensaver
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    awake = KeepAwake()
    assert awake.acquire(), awake.problem
    assert awake.method == "org.freedesktop.ScreenSaver"
    assert awake.problem is None
    assert child.stdout.readline().startswith("Inhibit ")
    awake.release()
    assert child.stdout.readline().strip() == "UnInhibit 7"
    assert not awake.active


def test_the_real_wakepy_without_a_session_bus_says_so_in_words(tmp_path, monkeypatch):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus-here")
    awake = KeepAwake()
    assert not awake.acquire()
    assert awake.problem == "no way to keep the screen on was found on this system"
    awake.release()
