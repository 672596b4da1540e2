"""The single instance's folder is this user's alone: each candidate is checked (a real
folder, this user's, closed to others) and one that fails is passed over untouched."""

import os
import stat
import tempfile

import pytest

from postrun.system.private_folder import is_private, made_private, private_folder


def mode(path):
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_the_sessions_runtime_folder_comes_first(tmp_path, monkeypatch):
    runtime = tmp_path / "run-user"
    runtime.mkdir(mode=0o700)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    assert private_folder({"XDG_RUNTIME_DIR": str(runtime)}) == runtime


@pytest.mark.parametrize("spoil", ["open to others", "a link", "missing", "relative"])
def test_a_runtime_folder_that_is_not_private_is_passed_over(tmp_path, monkeypatch, spoil):
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    runtime = tmp_path / "run-user"
    if spoil == "open to others":
        runtime.mkdir()
        runtime.chmod(0o755)
    elif spoil == "a link":
        (tmp_path / "real").mkdir(mode=0o700)
        runtime.symlink_to(tmp_path / "real")
    found = private_folder({"XDG_RUNTIME_DIR": "run-user" if spoil == "relative" else str(runtime)})
    assert found == tmp_path / "tmp" / f"postrun-{os.geteuid()}"
    assert mode(found) == 0o700
    if spoil == "open to others":
        assert mode(runtime) == 0o755                   # passed over, never changed


def test_a_temp_folder_someone_else_made_first_is_never_used(tmp_path, monkeypatch):
    if os.geteuid() != 0:
        pytest.skip("giving a folder to another user needs root (CI runs as root)")
    shared = tmp_path / "tmp"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    squatted = shared / f"postrun-{os.geteuid()}"
    squatted.mkdir(mode=0o700)
    os.chown(squatted, 65534, 65534)
    found = private_folder({})
    assert found == tmp_path / "cache" / "postrun" / "instance"
    assert is_private(found)
    assert os.lstat(squatted).st_uid == 65534


def test_our_own_temp_folder_left_open_is_not_trusted(tmp_path):
    folder = tmp_path / "ours"
    folder.mkdir()
    folder.chmod(0o777)
    assert made_private(folder) is None
    assert made_private(tmp_path / "new") == tmp_path / "new"
    assert mode(tmp_path / "new") == 0o700
