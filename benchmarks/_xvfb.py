"""A real X server (Xvfb) for benchmarks: painting there costs what it costs on a desktop,
unlike Qt's offscreen platform."""

from __future__ import annotations

import os
import shutil
import subprocess
import time


class Xvfb:
    def __init__(self, size: str = "1366x768", display: str = ":97") -> None:
        self.size = size
        self.display = display
        self.process: subprocess.Popen[bytes] | None = None

    @staticmethod
    def available() -> bool:
        return shutil.which("Xvfb") is not None

    def __enter__(self) -> Xvfb:
        self.process = subprocess.Popen(["Xvfb", self.display, "-screen", "0", f"{self.size}x24", "-nolisten", "tcp"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        socket = f"/tmp/.X11-unix/X{self.display.lstrip(':')}"
        deadline = time.monotonic() + 10
        while not os.path.exists(socket):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=5)
