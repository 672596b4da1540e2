"""One window at a time: a second `postrun` hands its request to the first and exits 0;
the command-line verbs keep working beside it; a crashed window's lock is taken over."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt

from postrun.store.paths import data_dir as current_data_dir
from postrun.system.instance_lock import InstanceLock, instance_name
from postrun.system.single_instance import RequestServer


@pytest.fixture
def first(qtbot, window):
    """What app.main does: the lock, then the request server answering for the window."""
    lock = InstanceLock(instance_name(current_data_dir()))
    assert lock.claim()
    server = RequestServer(lock.name, window.handle_request)
    server.listen()
    yield lock
    server.close()
    lock.release()


def second(qtbot, *args):
    """Run `postrun ARGS` while this process's event loop answers it, as a real window would."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen([sys.executable, "-m", "postrun", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env)
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
    out, err = process.communicate()
    return process.returncode, out, err


def test_a_second_postrun_raises_the_first_and_exits_0(qtbot, window, first):
    code, out, err = second(qtbot)
    assert (code, err) == (0, "")
    assert out.strip() == "Postrun is already open; its window was brought to the front."
    assert window.current_view() is window.picker


def test_a_second_run_name_opens_it_in_the_first_window(qtbot, window, first):
    code, out, err = second(qtbot, "run", "quad-circuit")
    assert code == 0, err
    assert out.strip() == "Opened “Quad day after a run” in the Postrun window that was already open."
    assert window.current_view() is window.preview
    assert window.preview.title.text() == "Quad day after a run"


def test_a_second_run_name_never_replaces_a_running_workout(qtbot, window, first):
    window.open_by_key("posterior-chain")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    code, out, err = second(qtbot, "run", "quad-circuit")
    assert code == 0, err
    assert "a workout is running there; “Quad day after a run” was not opened" in out
    assert window.current_view() is window.run_view
    assert window.session.key == "posterior-chain"
    assert "finish or stop it to open “Quad day after a run”" in window.run_view.notice.text()


def test_a_second_run_of_a_bad_name_says_why(qtbot, window, first):
    code, out, err = second(qtbot, "run", "no-such-circuit")
    assert code == 1                                 # refused before any window is asked
    assert "no circuit called 'no-such-circuit'" in err


def test_command_line_verbs_work_beside_a_running_window(qtbot, window, first):
    code, out, err = second(qtbot, "list")
    assert code == 0, err
    assert "posterior-chain" in out


def test_a_crashed_windows_lock_is_taken_over(tmp_path):
    name = instance_name(tmp_path)
    child = textwrap.dedent(f"""
        import os, sys, time
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from postrun.system.instance_lock import InstanceLock
        instance = InstanceLock({name!r})
        print(instance.claim(), flush=True)
        time.sleep(60)
    """)
    with subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True) as holder:
        try:
            assert holder.stdout.readline().strip() == "True"
            assert not InstanceLock(name).claim()         # held by a live process
        finally:
            os.kill(holder.pid, signal.SIGKILL)
            holder.wait(timeout=10)
    again = InstanceLock(name)
    assert again.claim()                                 # its process is gone: the lock is stale
    again.release()
