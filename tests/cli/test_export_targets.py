"""`postrun export --force` as a user runs it, onto what may already be at the path: the
writer keeps a file's mode and a link's kind, and refuses a pipe or a device in words."""

import os
import stat
import subprocess
import sys

import pytest


def export(destination, data_dir, *extra):
    env = dict(os.environ, POSTRUN_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "postrun", "export", "posterior-chain", str(destination), *extra],
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.slow
def test_force_onto_a_shared_file_keeps_it_readable_by_others(tmp_path, data_dir):
    path = tmp_path / "share.toml"
    path.write_text("old")
    os.chmod(path, 0o644)
    done = export(path, data_dir, "--force")
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o644
    assert 'name = "Posterior chain after a run"' in path.read_text()


@pytest.mark.slow
def test_force_onto_a_link_replaces_its_target_and_keeps_the_link(tmp_path, data_dir):
    (tmp_path / "sync").mkdir()
    target = tmp_path / "sync" / "chain.toml"
    target.write_text("old")
    link = tmp_path / "chain.toml"
    link.symlink_to(target)
    done = export(link, data_dir, "--force")
    assert done.returncode == 0, done.stderr
    assert link.is_symlink()
    assert "Posterior chain" in target.read_text()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_force_onto_a_pipe_or_device_is_refused_and_left_alone(tmp_path, data_dir, kind):
    path = tmp_path / kind
    if kind == "fifo":
        os.mkfifo(path)
    else:
        try:
            os.mknod(path, stat.S_IFCHR | 0o666, os.stat("/dev/full").st_rdev)     # a private copy of /dev/full
        except PermissionError:
            pytest.skip("making a device node needs root (CI runs as root)")
    before = os.lstat(path)
    done = export(path, data_dir, "--force")
    assert done.returncode == 1
    assert "Wrote" not in done.stdout
    assert f"cannot write {path}: not a regular file (a pipe, socket or device); it was left as it is" in done.stderr
    after = os.lstat(path)
    assert (after.st_mode, after.st_rdev, after.st_ino) == (before.st_mode, before.st_rdev, before.st_ino)
