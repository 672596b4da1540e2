"""The one atomic writer, by the kind of thing at the path: a regular file keeps its mode,
a new one gets the umask's, a link stays a link, and a pipe, device or folder is refused
and left as it was. Its own stale temp files are swept; nobody else's."""

import os
import stat
from pathlib import Path

import pytest

from postrun.store.atomic import STALE_AFTER, TEMP_SUFFIX, NotARegularFile, current_umask, write_atomically


@pytest.fixture
def umask():
    def set_to(mask):
        os.umask(mask)
    before = os.umask(0o022)
    yield set_to
    os.umask(before)


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_0666_less_the_umask(tmp_path, umask, mask, expected):
    umask(mask)
    assert current_umask() == mask
    write_atomically(tmp_path / "new.toml", b"x")
    assert mode(tmp_path / "new.toml") == expected


@pytest.mark.parametrize("kept", [0o644, 0o640, 0o600, 0o664, 0o444])
def test_an_existing_file_keeps_its_mode(tmp_path, umask, kept):
    umask(0o077)
    path = tmp_path / "shared.toml"
    path.write_bytes(b"old")
    os.chmod(path, kept)
    write_atomically(path, b"new")
    assert path.read_bytes() == b"new"
    assert mode(path) == kept


@pytest.mark.parametrize("relative", [True, False])
def test_a_link_is_followed_and_stays_a_link(tmp_path, relative):
    (tmp_path / "dotfiles").mkdir()
    target = tmp_path / "dotfiles" / "circuit.toml"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    link = tmp_path / "circuit.toml"
    link.symlink_to(Path("dotfiles/circuit.toml") if relative else target)
    write_atomically(link, b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"
    assert mode(target) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []     # no temp left beside the link


def test_a_link_to_nothing_yet_creates_its_target(tmp_path):
    link = tmp_path / "export.json"
    link.symlink_to(tmp_path / "synced" / "export.json")
    (tmp_path / "synced").mkdir()
    write_atomically(link, b"{}")
    assert link.is_symlink()
    assert (tmp_path / "synced" / "export.json").read_bytes() == b"{}"


def make_fifo(path):
    os.mkfifo(path)


def make_folder(path):
    path.mkdir()


def make_device(path):
    """A private copy of /dev/full (the same device numbers), never the system's own."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.stat("/dev/full").st_rdev)
    except PermissionError:
        pytest.skip("making a device node needs root (CI runs as root)")


def make_socket(path):
    import socket

    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()


@pytest.mark.parametrize(("make", "kind"), [
    (make_fifo, "a pipe, socket or device"), (make_device, "a pipe, socket or device"),
    (make_socket, "a pipe, socket or device"), (make_folder, "a folder"),
])
@pytest.mark.parametrize("through_a_link", [False, True])
def test_anything_but_a_regular_file_is_refused_and_left_alone(tmp_path, make, kind, through_a_link):
    thing = tmp_path / "thing"
    make(thing)
    before = os.lstat(thing)
    path = thing
    if through_a_link:
        path = tmp_path / "link"
        path.symlink_to(thing)
    with pytest.raises(NotARegularFile) as refused:
        write_atomically(path, b"data")
    assert refused.value.strerror == f"not a regular file ({kind}); it was left as it is"
    assert refused.value.filename == str(path)
    after = os.lstat(thing)
    assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)
    assert path.is_symlink() == through_a_link
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)] == []


def stale_temp(folder, name, age):
    path = folder / f".{name}.abc123{TEMP_SUFFIX}"
    path.write_bytes(b"half a file")
    now = os.stat(path).st_mtime
    os.utime(path, (now - age, now - age))
    return path


def test_stale_temp_files_of_a_killed_write_are_swept_on_the_next_write(tmp_path):
    old = stale_temp(tmp_path, "circuit.toml", STALE_AFTER + 5)
    recent = stale_temp(tmp_path, "other.toml", 5)              # perhaps another write still going
    theirs = tmp_path / ".circuit.toml.x.tmp"                     # not this writer's name
    theirs.write_bytes(b"someone else's")
    os.utime(theirs, (0, 0))
    write_atomically(tmp_path / "circuit.toml", b"x")
    assert not old.exists()
    assert recent.exists()
    assert theirs.exists()


def test_another_users_temp_file_is_not_touched(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root (CI runs as root)")
    other = stale_temp(tmp_path, "circuit.toml", STALE_AFTER + 5)
    os.chown(other, 65534, 65534)
    write_atomically(tmp_path / "circuit.toml", b"x")
    assert other.exists()


def test_a_write_that_fails_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    path.write_bytes(b"old")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space"):
        write_atomically(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
