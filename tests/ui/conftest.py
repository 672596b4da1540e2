import pytest
from helpers import FakeClock

from postrun.app import AppServices
from postrun.store.settings import load_settings
from postrun.store.workout_log import WorkoutLog
from postrun.system.keep_awake import KeepAwake


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


@pytest.fixture
def services(data_dir, awake_calls, awake_works):
    log = WorkoutLog.open()
    yield AppServices(log, load_settings(), KeepAwake(lambda: FakeMode(awake_calls, awake_works)))
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


def advance(window, clock, seconds, step=0.25):
    """Move the fake clock as real time would, with the timer 'firing' at every step."""
    remaining = seconds
    while remaining > 1e-9:
        delta = min(step, remaining)
        clock.advance(delta)
        remaining -= delta
        if window.driver is not None:
            window.driver.tick()
