"""The house rules of DESIGN.md, read off the source: one maker of today, dependencies that
point one way, views that ask the data layer. Each rule names the file and line that breaks it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "postrun"


def modules() -> list[Path]:
    return sorted(SOURCE.rglob("*.py"))


def room(path: Path) -> str:
    """'core', 'store', 'ui', … or the top-level module's name ('app', 'cli')."""
    relative = path.relative_to(SOURCE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return found


def calls(tree: ast.AST) -> list[tuple[int, str]]:
    """Dotted names of what is called: 'datetime.now', 'date.today'."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            found.append((node.lineno, name))
    return found


def test_the_house_is_read():
    names = {str(p.relative_to(SOURCE)) for p in modules()}
    assert {"core/clock.py", "store/workout_log.py", "ui/main_window.py"} <= names


TODAY_READERS = ("datetime.now", "date.today", "datetime.today", "datetime.utcnow", "time.time", "time.localtime")


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(SOURCE)))
def test_only_the_clock_reads_today(path):
    if path.relative_to(SOURCE) == Path("core/clock.py"):
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    readers = [f"{path.name}:{line} {name}()" for line, name in calls(tree)
               if any(name == reader or name.endswith("." + reader) for reader in TODAY_READERS)]
    assert readers == [], "the wall clock is handed in (core.clock.local_now), never read here"


def test_the_rule_finds_a_reader(tmp_path):
    tree = ast.parse("from datetime import datetime\nstamp = datetime.now().astimezone()\n")
    assert [name for _, name in calls(tree)] == ["datetime.now().astimezone", "datetime.now"]


# which rooms each room may import (DESIGN.md, Layout): arrows point one way
MAY_IMPORT = {
    "core": {"core"},
    "store": {"core", "store"},
    "audio": {"core", "audio", "timers"},
    "system": {"core", "system"},
    "session": {"core", "store", "audio", "system", "session", "timers"},
    "timers": set(),
    "cli": {"core", "store", "audio", "cli_history", "cli_exchange", "cli_runs", "doctor", "self_test", "app"},
    "cli_runs": {"core", "store", "cli_history"},     # its --since reads a day as history's does
    "cli_history": {"core", "store"},
    "cli_exchange": {"core", "store"},
    "doctor": {"core", "store", "audio", "system"},
}


def postrun_rooms_imported(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for line, name in imported(tree):
        parts = name.split(".")
        if parts[0] == "postrun" and len(parts) > 1:
            found.append((line, parts[1]))
    return found


@pytest.mark.parametrize("path", [p for p in modules() if room(p) in MAY_IMPORT],
                         ids=lambda p: str(p.relative_to(SOURCE)))
def test_dependencies_point_one_way(path):
    allowed = MAY_IMPORT[room(path)]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrong = [f"{path.name}:{line} imports postrun.{target}" for line, target in postrun_rooms_imported(tree)
             if target not in allowed]
    assert wrong == []


@pytest.mark.parametrize("path", [p for p in modules() if room(p) in ("core", "store")],
                         ids=lambda p: str(p.relative_to(SOURCE)))
def test_core_and_store_know_no_qt(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert [name for _, name in imported(tree) if name.startswith("PySide6")] == []


@pytest.mark.parametrize("path", [p for p in modules() if room(p) == "ui"], ids=lambda p: str(p.relative_to(SOURCE)))
def test_views_ask_the_data_layer(path):
    """No view opens SQLite, reaches into the log, or catches a storage exception: store
    answers with a value or a Refused in words."""
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    assert [name for _, name in imported(tree) if name.split(".")[0] == "sqlite3"] == []
    assert "data.log." not in text
    assert "sqlite3." not in text


IO_MODULES = {"os", "io", "stat", "errno", "shutil", "sqlite3", "socket", "subprocess", "tempfile"}
IO_CALLS = ("open", "read_bytes", "read_text", "write_bytes", "write_text")


@pytest.mark.parametrize("path", [p for p in modules() if room(p) == "core"], ids=lambda p: str(p.relative_to(SOURCE)))
def test_core_does_no_io(path):
    """core/ is pure (DESIGN.md): reading a circuit file, the log or the disk is store's job."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules_used = [f"{path.name}:{line} imports {name}" for line, name in imported(tree)
                    if name.split(".")[0] in IO_MODULES]
    io_calls = [f"{path.name}:{line} {name}()" for line, name in calls(tree)
                if name in IO_CALLS or name.endswith(tuple("." + c for c in IO_CALLS))]
    assert modules_used + io_calls == []


# pure rooms outside core and store: plain data and words, tested by tables
PURE = ("session/finish_report.py", "session/notices.py", "ui/editor_state.py", "audio/cue_runs.py",
        "core/controls.py")


@pytest.mark.parametrize("name", PURE)
def test_pure_rooms_know_no_qt_and_no_device(name):
    tree = ast.parse((SOURCE / name).read_text(encoding="utf-8"))
    imports = [module for _, module in imported(tree)]
    assert [m for m in imports if m.startswith(("PySide6", "simpleaudio", "alsaaudio", "wakepy", "sqlite3"))] == []
