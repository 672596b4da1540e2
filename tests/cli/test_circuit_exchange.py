"""`postrun export` and `postrun import` as a user and a friend run them."""

import os
import subprocess
import sys


def run(*args, data_dir):
    env = dict(os.environ, POSTRUN_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "postrun", *args], capture_output=True, text=True, env=env,
                          timeout=60)


def test_export_then_a_friend_imports_with_one_command(tmp_path):
    mine, friend = tmp_path / "me", tmp_path / "friend"
    exported = run("export", "posterior-chain-quick", str(tmp_path / "share.toml"), data_dir=mine)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip() == f"Wrote “Posterior chain, quick” to {tmp_path / 'share.toml'}."
    again = run("export", "posterior-chain-quick", str(tmp_path / "share.toml"), data_dir=mine)
    assert again.returncode == 1
    assert "--force" in again.stderr
    clash = run("import", str(tmp_path / "share.toml"), data_dir=friend)
    assert clash.returncode == 1
    assert "built-in circuit" in clash.stderr
    assert "--rename" in clash.stderr
    renamed = run("import", "--rename", str(tmp_path / "share.toml"), data_dir=friend)
    assert renamed.returncode == 0, renamed.stderr
    assert "Posterior chain, quick (2)" in renamed.stdout
    listed = run("list", data_dir=friend).stdout
    assert "Posterior chain, quick (2)" in listed


def test_import_several_files_reports_each(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text('format = 1\nname = "Mine"\n[[exercise]]\nname = "Swings"\nwork = 30\n')
    bad = tmp_path / "bad.toml"
    bad.write_text('format = 1\nname = "Bad"\n[[exercise]]\nname = "Swings"\nwork = -3\n')
    result = run("import", str(good), str(bad), data_dir=tmp_path / "d")
    assert result.returncode == 1
    assert "Imported “Mine” as" in result.stdout
    assert "bad.toml:5: exercise[1].work" in result.stderr
    assert not (tmp_path / "d" / "circuits" / "bad.toml").exists()
