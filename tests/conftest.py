import os

# Before anything imports Qt: tests draw offscreen, never on a real display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402

from postrun.app import AppServices  # noqa: E402
from postrun.store.settings import load_settings  # noqa: E402
from postrun.store.workout_log import WorkoutLog  # noqa: E402
from postrun.system.keep_awake import KeepAwake  # noqa: E402

from helpers import FakeClock  # noqa: E402


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
def services(qapp, data_dir, awake_calls, awake_works, played_buffers):
    """The app's services on a temporary data folder, with wakepy, the sound device and the
    speech engine replaced at their boundaries (fake mode, recorded buffers, Qt's mock voice)."""
    from postrun.audio.player import CuePlayer
    from postrun.audio.voice import Voice

    def play_buffer(data, channels, width, rate):
        played_buffers.append(data)
        return FakePlayObject()

    log = WorkoutLog.open()
    yield AppServices(log, load_settings(), KeepAwake(lambda: FakeMode(awake_calls, awake_works)),
                      player=CuePlayer(play_buffer=play_buffer), voice=Voice("mock"))
    log.close()


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def window(qtbot, services, clock):
    from postrun.ui.main_window import MainWindow

    win = MainWindow(services, clock)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win
