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


def test_the_real_wakepy_boundary_never_raises():
    awake = KeepAwake()
    active = awake.acquire()
    assert active or awake.problem
    awake.release()
