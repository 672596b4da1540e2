"""The Qt side arms one single-shot precise timer for the next visible change: no polling."""

from PySide6.QtCore import QObject, Qt

from postrun.core.engine import Engine, State
from postrun.core.timeline import build_timeline
from postrun.session.run_driver import RunDriver
from postrun.timers import QtTimers

from circuits import SHORT_SWINGS
from helpers import FakeClock, FakeTimers, circuit_from


def make():
    clock = FakeClock()
    timers = FakeTimers(clock)
    return RunDriver(Engine(build_timeline(circuit_from(SHORT_SWINGS)), clock=clock), clock, timers), clock, timers


def test_timer_is_armed_for_the_next_whole_second(qtbot):
    driver, clock, timers = make()
    driver.start()
    assert driver._timer.precise
    assert driver.armed_ms == 1000
    timers.advance(0.4)
    assert driver.armed_ms == 600
    driver.control("toggle")                      # pause: nothing changes by itself, nothing armed
    assert driver.engine.state is State.PAUSED
    assert driver.armed_ms is None
    driver.control("toggle")
    assert driver.armed_ms == 600


def test_a_refused_control_is_reported_in_words(qtbot):
    driver, clock, timers = make()
    driver.start()
    with qtbot.waitSignal(driver.refused) as refused:
        driver.control("done")
    assert "timed" in refused.args[0]


def test_digits_change_once_per_second_with_one_wakeup_each(qtbot):
    driver, clock, timers = make()
    engine = driver.engine
    shown = []
    driver.refreshed.connect(lambda: shown.append((engine.index, engine.snapshot().shown_seconds)))
    driver.start()
    timers.advance(10.0)
    assert engine.state is State.FINISHED
    sequence = [pair for i, pair in enumerate(shown) if i == 0 or pair != shown[i - 1]]
    assert sequence[:5] == [(0, 2), (0, 1), (1, 3), (1, 2), (1, 1)]
    # one wake-up per visible change, not a polling loop: 2 + 3 seconds, one each
    assert driver.ticks == 5


def test_the_real_timer_is_single_shot_and_precise(qapp):
    owner = QObject()
    timer = QtTimers().timer(lambda: None, precise=True, parent=owner)
    timer.start(250)
    assert timer.is_active()
    assert timer._timer.isSingleShot()
    assert timer._timer.timerType() == Qt.TimerType.PreciseTimer
    assert 0 < timer.remaining_ms() <= 250
    timer.stop()
    assert timer.remaining_ms() is None


class LeadTimers(FakeTimers):
    """Timers like Qt's: armed a millisecond sooner, the rest slept (on the fake clock)."""

    wake_lead_ms = 1

    def sleep(self, seconds):
        self.clock.advance(seconds)


def test_a_real_timer_is_armed_sooner_and_the_rest_slept_to_the_instant(qtbot):
    clock = FakeClock()
    timers = LeadTimers(clock)
    driver = RunDriver(Engine(build_timeline(circuit_from(SHORT_SWINGS)), clock=clock), clock, timers)
    engine = driver.engine
    changes = []
    driver.refreshed.connect(lambda: changes.append((clock.now, engine.snapshot().shown_seconds)))
    driver.start()
    assert driver.armed_ms == 999                  # the instant is 1000 ms away
    timers.advance(10.0)
    assert engine.state is State.FINISHED
    firsts = {}
    for at, shown in changes[1:]:
        firsts.setdefault(shown, at)
    start = changes[0][0]
    # every second's number appears on its instant, never before: the sleep took the clock there
    assert all(round((at - start) * 1000) % 1000 == 0 for at in firsts.values())
    assert driver.ticks == 5                       # still one wake-up per change
