"""The Qt side arms one single-shot precise timer for the next visible change: no polling."""

from PySide6.QtCore import Qt

from postrun.core.clock import default_clock
from postrun.core.engine import Engine, State
from postrun.core.timeline import build_timeline
from postrun.ui.run_driver import RunDriver

from helpers import FakeClock, circuit_from

SHORT = """\
    format = 1
    name = "Short"
    prepare = 2
    [[exercise]]
    name = "Swings"
    work = 3
    """


def test_timer_is_armed_for_the_next_whole_second(qtbot):
    clock = FakeClock()
    driver = RunDriver(Engine(build_timeline(circuit_from(SHORT)), clock=clock), clock)
    driver.start()
    assert driver._timer.isSingleShot()
    assert driver._timer.timerType() == Qt.TimerType.PreciseTimer
    assert 990 <= driver.armed_ms <= 1000
    clock.advance(0.4)
    driver.tick()
    assert 590 <= driver.armed_ms <= 600
    driver.control("toggle")                      # pause: nothing changes by itself, nothing armed
    assert driver.engine.state is State.PAUSED
    assert driver.armed_ms is None
    driver.control("toggle")
    assert 590 <= driver.armed_ms <= 600


def test_a_refused_control_is_reported_in_words(qtbot):
    clock = FakeClock()
    driver = RunDriver(Engine(build_timeline(circuit_from(SHORT)), clock=clock), clock)
    driver.start()
    with qtbot.waitSignal(driver.refused) as refused:
        driver.control("done")
    assert "timed" in refused.args[0]


def test_real_time_digits_change_once_per_second_with_few_wakeups(qtbot):
    engine = Engine(build_timeline(circuit_from(SHORT)))
    driver = RunDriver(engine, default_clock)
    shown = []
    driver.refreshed.connect(lambda: shown.append((engine.index, engine.snapshot().shown_seconds)))
    driver.start()
    qtbot.waitUntil(lambda: engine.state is State.FINISHED, timeout=8000)
    sequence = [pair for i, pair in enumerate(shown) if i == 0 or pair != shown[i - 1]]
    assert sequence[:5] == [(0, 2), (0, 1), (1, 3), (1, 2), (1, 1)]
    # one wake-up per visible change (plus at most a few early ones), not a polling loop
    assert driver.ticks <= 8
