"""The spoken next-up: after the cue, never over it, and cut short when the next cue sounds.

What to say and when is decided here, on the GUI thread, with the program's timers; the
saying is a Speaker's: the speaker process (speaker.py) in the program, so a slow or
stuck speech engine never stops the countdown, or Qt's own engine in-process (QtSpeaker)
for tests with Qt's `mock` engine.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QObject

from postrun.audio.cue_choice import CueChooser
from postrun.audio.cues import CUES
from postrun.audio.speech_words import engine_failed, no_engine
from postrun.core.events import Event
from postrun.core.segment_words import spoken
from postrun.core.timeline import Timeline
from postrun.timers import QtTimers, Timers

log = logging.getLogger(__name__)
AFTER_CUE = 0.1     # seconds of quiet between a cue and the voice


class Speaker(Protocol):
    ready: bool
    problem: str | None
    speaking: bool

    def say(self, text: str) -> None: ...
    def stop(self) -> None: ...
    def set_volume(self, volume: float) -> None: ...


class QtSpeaker(QObject):
    """QTextToSpeech in this process: for Qt's mock engine in tests."""

    def __init__(self, engine: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._state = QTextToSpeech.State
        self.tts: QTextToSpeech | None = None
        self.problem: str | None = None
        if engine not in QTextToSpeech.availableEngines():
            self.problem = no_engine()
            return
        tts = QTextToSpeech(engine, self)
        if tts.state() == QTextToSpeech.State.Error:
            self.problem = engine_failed(engine, tts.errorString())
            return
        self.tts = tts

    @property
    def ready(self) -> bool:
        return self.tts is not None

    @property
    def speaking(self) -> bool:
        return self.tts is not None and self.tts.state() == self._state.Speaking

    def say(self, text: str) -> None:
        if self.tts is not None:
            self.tts.say(text)

    def stop(self) -> None:
        if self.speaking and self.tts is not None:
            self.tts.stop()

    def set_volume(self, volume: float) -> None:
        if self.tts is not None:
            self.tts.setVolume(max(0.0, min(1.0, volume)))


class Voice(QObject):
    def __init__(self, speaker: Speaker, parent: QObject | None = None, timers: Timers | None = None) -> None:
        super().__init__(parent)
        self.speaker = speaker
        self.enabled = True
        self.spoken: list[str] = []
        self.timeline: Timeline | None = None
        self._chooser = CueChooser()
        self._pending = (timers or QtTimers()).timer(self._speak_pending, parent=self)
        self._sentence = ""

    @property
    def available(self) -> bool:
        return self.speaker.ready

    @property
    def reason(self) -> str | None:
        return None if self.speaker.ready else self.speaker.problem

    def set_volume(self, volume: float) -> None:
        self.speaker.set_volume(volume)

    def attach(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self._chooser = CueChooser()

    def __call__(self, event: Event) -> None:
        cue = self._chooser.choose(event)
        if cue is not None:
            self.stop()          # never over a cue
        if self.timeline is None or not self.enabled or not self.speaker.ready:
            return
        sentence = spoken(event, self.timeline)
        if sentence is None:
            return
        self._sentence = sentence
        # the cue's sound begins on the event's instant (a lead-in is started ahead of it)
        delay = CUES[cue].seconds + AFTER_CUE if cue is not None else 0.0
        self._pending.start(round(delay * 1000))

    def stop(self) -> None:
        self._pending.stop()
        self.speaker.stop()

    def _speak_pending(self) -> None:
        if self._sentence and self.speaker.ready:
            self.spoken.append(self._sentence)
            self.speaker.say(self._sentence)
