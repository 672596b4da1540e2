"""The one-folder bundle (`make bundle`) beside the installed program, in the same run:
size on disk, and start-up to the circuit list's first paint.

Targets: bundle <= 120 MB (114 MiB); start-up no slower than the installed program.
Run: .venv/bin/python benchmarks/bundle.py [--runs N]   (after `make bundle`)
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
from _table import median, print_table  # noqa: E402
from _xvfb import Xvfb  # noqa: E402
from startup import measure  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def size_mb(path: Path) -> float:
    out = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    bundle = ROOT / "dist" / "postrun" / "postrun"
    installed = Path(sys.prefix) / "bin" / "postrun"
    if not bundle.exists():
        raise SystemExit("no bundle: run `make bundle` first")
    base = dict(os.environ, POSTRUN_EXIT_AFTER_FIRST_PAINT="1",
                POSTRUN_DATA_DIR=tempfile.mkdtemp(prefix="postrun-bench-"))
    base.pop("PYTHONDONTWRITEBYTECODE", None)      # the installed program runs from its bytecode
    programs = {"installed (pip, .venv)": [str(installed)], "bundle (dist/postrun)": [str(bundle)]}
    platforms = [("offscreen", dict(base, QT_QPA_PLATFORM="offscreen"))]
    with contextlib.ExitStack() as stack:
        if Xvfb.available():                       # where a user sees it: painting on a real X server
            server = stack.enter_context(Xvfb())
            platforms.insert(0, ("X server (Xvfb)", dict(base, QT_QPA_PLATFORM="xcb", DISPLAY=server.display)))
        times = {(platform, name): [] for platform, _ in platforms for name in programs}
        memory = {(platform, name): [] for platform, _ in platforms for name in programs}
        for platform, env in platforms:
            for command in programs.values():
                measure(command, env)              # warm the disk cache and the bytecode
            for _ in range(args.runs):             # interleaved
                for name, command in programs.items():
                    seconds, mb = measure(command, env)
                    times[platform, name].append(seconds * 1000)
                    memory[platform, name].append(mb)
    site = Path(sys.prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
    sizes = {"installed (pip, .venv)": sum(size_mb(site / d) for d in os.listdir(site)
                                          if d.lower().startswith(("pyside6", "shiboken6", "postrun", "simpleaudio",
                                                                   "platformdirs", "tomli", "tomlkit", "wakepy"))),
             "bundle (dist/postrun)": size_mb(bundle.parent)}
    rows = []
    for platform, _ in platforms:
        reference = median(times[platform, "installed (pip, .venv)"])
        rows += [[platform, name, f"{sizes[name]:.0f}", f"{median(times[platform, name]):.0f}",
                  f"{min(times[platform, name]):.0f}", f"{median(memory[platform, name]):.1f}",
                  f"{median(times[platform, name]) / reference:.2f}x"] for name in programs]
    print(f"Bundle against the installed program, {args.runs} interleaved runs each")
    print_table(["platform", "program", "MiB on disk", "first paint median ms", "best ms", "peak RSS MB",
                 "time ratio"], rows)
    print("Targets: bundle <= 120 MB (114 MiB); time ratio <= 1.00x (within noise)")


if __name__ == "__main__":
    main()
