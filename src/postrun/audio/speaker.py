"""The window's side of the speaker process (speaker_process.py): started once, off the
GUI thread by construction (a QProcess), and asked to say things.

Until the child answers, `problem` is "still checking"; a child that says nothing within
START_TIMEOUT is taken for a stuck speech engine, stopped, and said so in words. Every
change of state is told through `on_change`, so the preview's voice choice updates when
the answer comes, however the circuit was opened.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QProcess

from postrun.timers import QtTimers, Timers

START_TIMEOUT_MS = 8000
CHECKING = "still checking for a speech engine"


def speaker_command(engine: str | None = None) -> list[str]:
    """The speaker's process: this Python with the module, or, in a bundle (PyInstaller),
    where sys.executable is postrun itself, `postrun --speaker`."""
    engine_args = [engine] if engine else []
    if getattr(sys, "frozen", False):
        return [sys.executable, "--speaker", *engine_args]
    return [sys.executable, "-m", "postrun.audio.speaker_process", *engine_args]


class ProcessSpeaker(QObject):
    def __init__(self, command: list[str] | None = None, timers: Timers | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._command = command or speaker_command()
        self._process: QProcess | None = None
        self._buffer = b""
        self._deadline = (timers or QtTimers()).timer(self._no_answer, parent=self)
        self.on_change: list[Callable[[], None]] = []
        self.ready = False
        self.problem: str | None = None        # None once ready; else why there is no voice
        self.speaking = False
        self.said: list[str] = []

    def start(self) -> None:
        if self._process is not None:
            return
        self.problem = CHECKING
        process = QProcess(self)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._ended)
        process.errorOccurred.connect(self._error)
        self._process = process
        process.start(self._command[0], self._command[1:])
        self._deadline.start(START_TIMEOUT_MS)

    # -- commands --------------------------------------------------------------------

    def say(self, text: str) -> None:
        if self.ready:
            self.said.append(text)
            self._send({"say": text})

    def stop(self) -> None:
        if self.ready and self.speaking:
            self._send({"stop": True})

    def set_volume(self, volume: float) -> None:
        if self.ready:
            self._send({"volume": max(0.0, min(1.0, volume))})

    def close(self) -> None:
        process, self._process = self._process, None
        self._deadline.stop()
        if process is not None:
            process.closeWriteChannel()          # the child leaves on end of input
            if not process.waitForFinished(300):
                process.kill()
                process.waitForFinished(300)

    # -- answers ---------------------------------------------------------------------

    def _send(self, message: dict[str, object]) -> None:
        if self._process is not None:
            self._process.write((json.dumps(message) + "\n").encode())

    def _read(self) -> None:
        if self._process is None:
            return
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            try:
                message = json.loads(line)
            except ValueError:
                continue
            self._answer(message)

    def _answer(self, message: dict[str, object]) -> None:
        if "ready" in message:
            self._deadline.stop()
            self.ready, self.problem = True, None
            self._changed()
        elif "error" in message:
            self._failed(str(message["error"]))
        elif "state" in message:
            self.speaking = message["state"] == "speaking"

    def _no_answer(self) -> None:
        self._failed(f"the speech engine did not answer within {START_TIMEOUT_MS // 1000} s "
                     "(is speech-dispatcher running?)")
        self.close()

    def _error(self, error: QProcess.ProcessError) -> None:
        if self._process is not None:         # not the kill of our own close()
            self._failed(f"the speech engine could not start ({error.name})")

    def _ended(self) -> None:
        if self._process is None:
            return
        if not self.ready and self.problem == CHECKING:
            self._failed("the speech engine could not be checked (its process ended)")
        elif self.ready:
            self.ready = False
            self._failed("the speech engine stopped")

    def _failed(self, problem: str) -> None:
        self._deadline.stop()
        self.ready = False
        self.problem = problem
        self._changed()

    def _changed(self) -> None:
        for listener in list(self.on_change):
            listener()
