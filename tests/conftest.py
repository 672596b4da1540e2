import os
import subprocess
from pathlib import Path

# Before anything imports Qt: tests draw offscreen, never on a real display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402

from postrun.store.settings import load_settings  # noqa: E402
from postrun.store.user_data import UserData  # noqa: E402
from postrun.store.workout_log import WorkoutLog  # noqa: E402
from postrun.system.keep_awake import KeepAwake  # noqa: E402

from helpers import FakeClock, FakeTimers, FakeWallClock  # noqa: E402


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every test gets its own empty per-user data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("POSTRUN_DATA_DIR", str(folder))
    return folder


class FakeMode:
    """wakepy's Mode at its boundary: entered and exited, active or not."""

    def __init__(self, calls: list, active: bool) -> None:
        self.calls = calls
        self.active = active
        self.active_method = "fake-inhibit" if active else None

    def __enter__(self):
        self.calls.append("enter")
        return self

    def __exit__(self, *args):
        self.calls.append("exit")
        return False


@pytest.fixture
def awake_calls():
    return []


@pytest.fixture
def awake_works():
    return True


class FakePlayObject:
    def __init__(self):
        self.playing = True

    def is_playing(self):
        return self.playing

    def stop(self):
        self.playing = False

    def wait_done(self):
        self.playing = False


@pytest.fixture
def played_buffers():
    return []


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def now(clock):
    """The wall clock, pinned (helpers.PINNED) and moving with the fake monotonic clock."""
    return FakeWallClock(clock)


@pytest.fixture
def timers(clock):
    return FakeTimers(clock)


@pytest.fixture
def log(data_dir, now):
    opened = WorkoutLog.open(now=now)
    yield opened
    opened.close()


@pytest.fixture
def player(played_buffers, clock):
    from postrun.audio.player import CuePlayer

    def play_buffer(data, channels, width, rate):
        played_buffers.append(data)
        return FakePlayObject()

    return CuePlayer(play_buffer=play_buffer, clock=clock, quiet_play_buffer=play_buffer)


@pytest.fixture
def parts(qapp, log, awake_calls, awake_works, player, clock, timers, now):
    """Everything a window and its workouts need, on a temporary data folder, with wakepy, the
    sound device and the speech engine replaced at their boundaries (fake mode, recorded
    buffers, Qt's mock voice) and every timer on the fake clock."""
    from postrun.audio.sound import Sound
    from postrun.audio.voice import QtSpeaker, Voice
    from postrun.session.parts import SessionParts

    sound = Sound(player=player, voice=Voice(QtSpeaker("mock"), timers=timers), timers=timers, clock=clock)
    return SessionParts(data=UserData(log, load_settings(), now=now), sound=sound,
                        keep_awake=KeepAwake(lambda: FakeMode(awake_calls, awake_works)), clock=clock, timers=timers)


@pytest.fixture
def saved_paths():
    """Where the finish screen's "Save to a file…" asked to write: the test answers."""
    return []


@pytest.fixture
def window(qtbot, parts, saved_paths, tmp_path):
    from postrun.ui.dialogs import Dialogs
    from postrun.ui.main_window import MainWindow

    def ask_path(parent, suggested):
        path = tmp_path / "chosen" / suggested
        saved_paths.append(path)
        return path

    dialogs = Dialogs()
    dialogs.save_workout_record = ask_path
    win = MainWindow(parts, dialogs)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def tiny_disk(tmp_path):
    """A real file system with `free` KB left: a tmpfs mounted for the test (needs root,
    as CI runs; elsewhere the test says why it did not run)."""
    mounts = []

    def make(free_kb: int) -> Path:
        point = tmp_path / f"disk{len(mounts)}"
        point.mkdir()
        size = free_kb + 64
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}k", "tmpfs", str(point)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a small tmpfs here ({done.stderr.strip()})")
        mounts.append(point)
        with open(point / "filler", "wb") as filler:
            filler.write(b"\0" * 64 * 1024)
        return point

    yield make
    for point in mounts:
        subprocess.run(["umount", "-l", str(point)], check=False)


@pytest.fixture
def read_only_mount(tiny_disk):
    """A tmpfs that `make(prepare)` fills through `prepare(folder)` and then remounts
    read-only: a log on a read-only file system, as root or anyone sees it."""

    def make(prepare) -> Path:
        point = tiny_disk(4096)          # 12 weeks of workouts, their sets and the WAL
        prepare(point)
        done = subprocess.run(["mount", "-o", "remount,ro", str(point)], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot remount a tmpfs read-only here ({done.stderr.strip()})")
        return point

    return make


@pytest.fixture
def dbus_daemon(tmp_path):
    """A private D-Bus session bus for one test; its address."""
    import shutil
    import subprocess

    if shutil.which("dbus-daemon") is None:
        pytest.fail("dbus-daemon is missing: `make test` installs Debian's dbus")
    config = tmp_path / "bus.conf"
    config.write_text(f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
      "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
    <busconfig><type>session</type><listen>unix:path={tmp_path}/bus</listen>
    <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/>
    <allow own="*"/></policy></busconfig>""")
    daemon = subprocess.Popen(["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    yield address
    daemon.terminate()
    daemon.wait(timeout=5)
    daemon.stdout.close()
