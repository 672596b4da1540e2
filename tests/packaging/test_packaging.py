"""What a runner installs: one version everywhere, the desktop entry, the metainfo with
its screenshots, the icon in every size, and `make install-desktop`."""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from postrun import __version__
from postrun.app import DESKTOP_ID

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
METAINFO = LINUX / f"{DESKTOP_ID}.metainfo.xml"
DESKTOP = LINUX / f"{DESKTOP_ID}.desktop"


def desktop_entry():
    return dict(line.split("=", 1) for line in DESKTOP.read_text().splitlines() if "=" in line)


def test_one_version_everywhere():
    releases = ET.parse(METAINFO).getroot().find("releases")
    assert releases[0].get("version") == __version__
    top = re.search(r"^## (\S+)", (ROOT / "CHANGELOG.md").read_text(), re.MULTILINE)
    assert top.group(1) == __version__
    assert 'dynamic = ["version"]' in (ROOT / "pyproject.toml").read_text()


def test_desktop_entry_and_metainfo_name_the_same_application():
    entry = desktop_entry()
    assert entry["Icon"] == DESKTOP_ID
    assert entry["Exec"] == "postrun"
    root = ET.parse(METAINFO).getroot()
    assert root.find("id").text == DESKTOP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.find("content_rating").get("type") == "oars-1.1"
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert root.find("project_license").text == "MIT"


def test_every_screenshot_is_there_at_its_size():
    from PySide6.QtGui import QImage

    images = ET.parse(METAINFO).getroot().findall("screenshots/screenshot/image")
    assert len(images) >= 3
    for image in images:
        local = ROOT / "packaging" / "screenshots" / image.text.rsplit("/", 1)[1]
        picture = QImage(str(local))
        assert (picture.width(), picture.height()) == (int(image.get("width")), int(image.get("height"))), local


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_the_icon_is_rendered_at_each_size(size):
    from PySide6.QtGui import QImage

    image = QImage(str(ROOT / "packaging" / "icons" / f"postrun-{size}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()


def test_the_window_uses_the_icon(qapp):
    from postrun.app import window_icon

    icon = window_icon()
    assert not icon.isNull()
    assert not icon.pixmap(16, 16).isNull()
    assert (ROOT / "packaging" / "icons" / "postrun.ico").stat().st_size > 0
    assert (ROOT / "packaging" / "icons" / "postrun.icns").read_bytes()[:4] == b"icns"


def test_the_validators_accept_them():
    assert subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True).returncode == 0
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_install_desktop_puts_postrun_in_the_menu(tmp_path):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path))
    done = subprocess.run(["make", "-s", "install-desktop", f"VENV={sys.prefix}"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    installed = tmp_path / "applications" / DESKTOP.name
    exec_line = next(line for line in installed.read_text().splitlines() if line.startswith("Exec="))
    program = Path(exec_line.removeprefix("Exec="))
    assert program.is_absolute()
    assert os.access(program, os.X_OK)
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg").exists()
    assert (tmp_path / "icons" / "hicolor" / "48x48" / "apps" / f"{DESKTOP_ID}.png").exists()
    assert (tmp_path / "metainfo" / METAINFO.name).exists()
    assert subprocess.run(["desktop-file-validate", str(installed)], capture_output=True).returncode == 0
