"""The spoken next-up, through QTextToSpeech: after the cue, never over it, and cut short
when the next cue sounds.

Linux often has no speech engine (speech-dispatcher missing); then `available` is False
and `reason` says why, for the settings to show. Qt's own `mock` engine is for tests.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtTextToSpeech import QTextToSpeech

from postrun.audio.cue_choice import CueChooser
from postrun.audio.cues import CUES
from postrun.core.events import Event, Finished, SegmentStarted, SwitchSides
from postrun.core.timeline import Kind, Segment, Side, Timeline
from postrun.timers import QtTimers, Timers

log = logging.getLogger(__name__)
AFTER_CUE = 0.1     # seconds of quiet between a cue and the voice


def next_sentence(segment: Segment) -> str:
    name = segment.name or "the next exercise"
    amount = f"{segment.reps} reps" if segment.reps is not None else f"{segment.seconds} seconds"
    side = ", left side first" if segment.side is Side.LEFT else ""
    return f"Next: {name}, {amount}{side}"


def sentence_for(event: Event, timeline: Timeline) -> str | None:
    if isinstance(event, Finished):
        return "Workout complete"
    if isinstance(event, SwitchSides):
        return "Switch sides"
    if not isinstance(event, SegmentStarted):
        return None
    segment = event.segment
    if segment.kind in (Kind.PREPARE, Kind.REST, Kind.ROUND_REST):
        following = timeline[event.index + 1] if event.index + 1 < len(timeline) else None
        return next_sentence(following) if following is not None else None
    rounds = timeline.circuit.rounds
    first_of_round = segment.exercise_index == 0 and segment.side in (None, Side.LEFT)
    if segment.kind is Kind.WORK and rounds > 1 and segment.round == rounds and first_of_round:
        return "Last round"
    return None


def pick_engine(engines: list[str]) -> str | None:
    real = [name for name in engines if name != "mock"]
    return real[0] if real else None


class Voice(QObject):
    def __init__(self, engine: str | None = None, parent: QObject | None = None, timers: Timers | None = None) -> None:
        super().__init__(parent)
        engines = list(QTextToSpeech.availableEngines())
        self.engine_name = engine if engine is not None else pick_engine(engines)
        self.enabled = True
        self.spoken: list[str] = []
        self.timeline: Timeline | None = None
        self._chooser = CueChooser()
        self._pending = (timers or QtTimers()).timer(self._speak_pending, parent=self)
        self._sentence = ""
        self.tts: QTextToSpeech | None = None
        if self.engine_name is None or self.engine_name not in engines:
            self.reason: str | None = ("no speech engine is installed (on Linux, install speech-dispatcher "
                                       "and a voice such as espeak-ng)")
            return
        self.tts = QTextToSpeech(self.engine_name, self)
        if self.tts.state() == QTextToSpeech.State.Error:
            self.reason = f"the {self.engine_name} speech engine failed: {self.tts.errorString()}"
            self.tts = None
        else:
            self.reason = None

    @property
    def available(self) -> bool:
        return self.tts is not None

    def set_volume(self, volume: float) -> None:
        if self.tts is not None:
            self.tts.setVolume(max(0.0, min(1.0, volume)))

    def attach(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self._chooser = CueChooser()

    def __call__(self, event: Event) -> None:
        cue = self._chooser.choose(event)
        if cue is not None:
            self.stop()          # never over a cue
        if self.timeline is None or not self.enabled or self.tts is None:
            return
        sentence = sentence_for(event, self.timeline)
        if sentence is None:
            return
        self._sentence = sentence
        delay = CUES[cue].seconds + AFTER_CUE if cue is not None else 0.0
        self._pending.start(round(delay * 1000))

    def stop(self) -> None:
        self._pending.stop()
        if self.tts is not None and self.tts.state() == QTextToSpeech.State.Speaking:
            self.tts.stop()

    def _speak_pending(self) -> None:
        if self.tts is not None and self._sentence:
            self.spoken.append(self._sentence)
            self.tts.say(self._sentence)
