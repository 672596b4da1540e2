"""Another account on the same computer cannot keep Postrun from opening, nor read what it
asks for: it makes, first, the lock and the socket under every name it can compute in the
shared temp folder (the old place, and the new folder's name), and Postrun still opens.
The second account is made with useradd when the suite runs as root (as CI does)."""

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from postrun.system.instance_lock import instance_name
from postrun.system.peer_user import peer_uid, same_user

HOSTILE = "postrun-hostile"

SQUATTER = textwrap.dedent("""
    import os, socket, sys, time
    shared, name, heard = sys.argv[1], sys.argv[2], sys.argv[3]
    folder = os.path.join(shared, f"postrun-{os.environ['VICTIM_UID']}")
    os.mkdir(folder, 0o777)
    os.chmod(folder, 0o777)
    servers = []
    for where in (shared, folder):
        with open(os.path.join(where, name + ".lock"), "w") as lock:
            lock.write(f"{os.getpid()}\\npostrun\\nhost\\n")
        server = socket.socket(socket.AF_UNIX)
        server.bind(os.path.join(where, name))
        server.listen()
        server.settimeout(0.2)
        servers.append(server)
    print("ready", flush=True)
    while True:
        for server in servers:
            try:
                peer, _ = server.accept()
            except OSError:
                continue
            peer.settimeout(1)
            try:
                data = peer.recv(65536)
            except OSError:
                data = b"(connected)"
            with open(heard, "ab") as out:
                out.write(data or b"(connected)")
            peer.close()
""")


@pytest.fixture(scope="module")
def hostile_user():
    if os.geteuid() != 0:
        pytest.skip("making a second account needs root (CI runs as root)")
    try:
        pwd.getpwnam(HOSTILE)
    except KeyError:
        made = subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", HOSTILE],
                              capture_output=True, text=True)
        if made.returncode != 0:
            pytest.skip(f"useradd failed: {made.stderr.strip()}")
    return pwd.getpwnam(HOSTILE)


@pytest.fixture
def shared_tmp():
    """A sticky, world-writable folder like /tmp (pytest's own temp folder is private)."""
    folder = Path(tempfile.mkdtemp(prefix="postrun-shared-", dir="/tmp"))
    folder.chmod(0o1777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.slow
def test_postrun_opens_past_another_accounts_lock_and_socket(hostile_user, shared_tmp, tmp_path, data_dir):
    heard = shared_tmp / "heard"
    heard.touch()
    heard.chmod(0o666)
    name = instance_name(data_dir)
    env = dict(os.environ, VICTIM_UID=str(os.geteuid()))
    system_python = shutil.which("python3", path="/usr/bin:/bin")     # this checkout may be closed to others
    if system_python is None:
        pytest.skip("no system python3 for the second account to run")
    with subprocess.Popen([system_python, "-c", SQUATTER, str(shared_tmp), name, str(heard)],
                          stdout=subprocess.PIPE, text=True, env=env, user=hostile_user.pw_uid,
                          group=hostile_user.pw_gid) as squatter:
        try:
            assert squatter.stdout.readline().strip() == "ready"
            squatted = shared_tmp / f"postrun-{os.geteuid()}"
            assert os.lstat(squatted).st_uid == hostile_user.pw_uid
            mine = {k: v for k, v in os.environ.items() if k != "XDG_RUNTIME_DIR"}
            mine.update(TMPDIR=str(shared_tmp), XDG_CACHE_HOME=str(tmp_path / "cache"), QT_QPA_PLATFORM="offscreen",
                        POSTRUN_EXIT_AFTER_FIRST_PAINT="1", POSTRUN_DATA_DIR=str(data_dir))
            for args in ((), ("run", "quad-circuit")):
                done = subprocess.run([sys.executable, "-m", "postrun", *args], capture_output=True, text=True,
                                      env=mine, timeout=60)
                assert done.returncode == 0, done.stderr
                assert "did not answer" not in done.stderr
                assert "first-paint" in done.stdout
            assert heard.read_bytes() == b""                       # it heard nothing, not even a connection
            assert sorted(p.name for p in squatted.iterdir()) == sorted([name, name + ".lock"])   # left alone
            assert (tmp_path / "cache" / "postrun" / "instance").is_dir()
        finally:
            squatter.kill()
            squatter.wait(timeout=10)


def test_a_peer_of_this_user_is_recognised():
    left, right = socket.socketpair()
    try:
        assert peer_uid(left.fileno()) == os.geteuid()
        assert same_user(right.fileno())
    finally:
        left.close()
        right.close()


def test_an_unknown_peer_is_not_called_another_user():
    assert peer_uid(-1) is None
    assert same_user(-1)
