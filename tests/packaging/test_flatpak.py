"""The Flatpak manifest cannot be built here (no flatpak-builder, no network): it is read
and checked for exactly the permissions Postrun uses and for what it installs."""

import re
import tomllib
from pathlib import Path

import yaml

from postrun.app import DESKTOP_ID
from postrun.system.media_buttons import SERVICE as MPRIS_NAME

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "packaging" / "flatpak" / f"{DESKTOP_ID}.yml"


def manifest():
    return yaml.safe_load(MANIFEST.read_text())


def test_it_is_the_application_on_the_kde_runtime_with_pyside():
    doc = manifest()
    assert doc["id"] == DESKTOP_ID
    assert doc["command"] == "postrun"
    assert doc["runtime"] == "org.kde.Platform"
    assert doc["sdk"] == "org.kde.Sdk"
    assert doc["base"] == "io.qt.PySide.BaseApp"
    assert doc["runtime-version"] == doc["base-version"]


def test_exactly_the_permissions_used():
    wanted = {
        "--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri",     # the window
        "--socket=pulseaudio",                                                          # the cues
        "--talk-name=org.freedesktop.ScreenSaver", "--talk-name=org.gnome.SessionManager",  # keep-awake
        f"--own-name={MPRIS_NAME}",                                                     # media buttons
        "--filesystem=xdg-run/speech-dispatcher:ro",                                    # the voice
    }
    assert set(manifest()["finish-args"]) == wanted


def test_the_inhibitors_are_the_ones_wakepy_uses_on_linux():
    from wakepy.core.registry import get_methods_for_mode

    linux = {m.name for m in get_methods_for_mode("keep.presenting") if m.name.startswith("org.")}
    granted = {a.removeprefix("--talk-name=") for a in manifest()["finish-args"] if a.startswith("--talk-name=")}
    assert linux <= granted


def test_every_runtime_dependency_is_a_pinned_source():
    doc = manifest()
    deps, app = doc["modules"]
    files = [source["url"].rsplit("/", 1)[1] for source in deps["sources"]]
    for source in deps["sources"]:
        assert source["url"].startswith("https://files.pythonhosted.org/packages/")
        assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"])
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for requirement in project["dependencies"]:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement).group(0)
        if name.startswith("PySide6"):
            continue                      # the PySide base app brings Qt for Python
        normal = name.lower().replace("-", "_")
        assert any(f.lower().startswith(normal + "-") for f in files), name


def test_it_installs_the_desktop_entry_metainfo_and_icons_that_exist():
    commands = " ".join(manifest()["modules"][1]["build-commands"])
    for path in re.findall(r"(packaging/\S+|assets/\S+)", commands):
        path = path.replace("${size}", "48")
        assert (ROOT / path).exists(), path
    assert f"share/applications/{DESKTOP_ID}.desktop" in commands
    assert f"share/metainfo/{DESKTOP_ID}.metainfo.xml" in commands
    assert f"share/icons/hicolor/scalable/apps/{DESKTOP_ID}.svg" in commands
