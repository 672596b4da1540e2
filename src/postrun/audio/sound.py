"""Everything a workout hears: the cue player and the spoken next-up, with the user's
volume, mute, voice and lead-in applied in one place.

The player is made on first use; the voice speaks through its own process (speaker.py),
started after the picker's first paint, and says why it cannot until that process answers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from postrun.core.clock import Clock, default_clock
from postrun.timers import QtTimers, Timers

if TYPE_CHECKING:
    from postrun.audio.early_cues import EarlyCues
    from postrun.audio.keep_alive import KeepAlive
    from postrun.audio.player import CuePlayer
    from postrun.audio.voice import Voice
    from postrun.core.events import Event, Listener
    from postrun.core.timeline import Timeline


class Settings(Protocol):
    """The user's sound choices (store.settings.Settings has them): audio reads them
    without depending on where they are kept."""

    muted: bool
    volume: int         # percent
    voice: bool
    lead_in: bool


LEAD_IN = 0.3    # seconds of silence before each cue when the Bluetooth setting is on
# What the Bluetooth setting does (see README and benchmarks/cue_onsets.py): keep the output
# streaming quietly for the whole workout, and start each foreseen cue early by its lead-in.
KEEP_ALIVE = False     # measured: +0.4% of a core for the stream; early start costs +0.04%
EARLY_START = True


class Sound:
    def __init__(self, player: CuePlayer | None = None, voice: Voice | None = None,
                 speech_wanted: bool | None = None, timers: Timers | None = None,
                 clock: Clock = default_clock) -> None:
        self._player = player
        self._clock = clock
        self._early: EarlyCues | None = None
        self._keep_alive: KeepAlive | None = None
        self.voice = voice
        # a voice handed in (tests) needs no speaker process; otherwise one starts at start-up
        self.speech_wanted = voice is None if speech_wanted is None else speech_wanted
        self._timers = timers or QtTimers()
        self.on_voice_change: list[Callable[[], None]] = []     # the preview and run view listen

    @property
    def player(self) -> CuePlayer:
        if self._player is None:
            from postrun.audio.alsa_output import system_output
            from postrun.audio.output_thread import OutputThread
            from postrun.audio.player import CuePlayer

            # device calls off the GUI thread; on Linux one output for the session, not a stream per cue
            self._player = CuePlayer(run=OutputThread(), clock=self._clock, play_buffer=system_output())
        return self._player

    # -- the voice -------------------------------------------------------------------

    def start_speech(self) -> None:
        """Start the speaker process (after the first paint): it answers in its own time."""
        if self.voice is not None or not self.speech_wanted:
            return
        from postrun.audio.speaker import ProcessSpeaker
        from postrun.audio.voice import Voice

        speaker = ProcessSpeaker(timers=self._timers)
        speaker.on_change.append(self._voice_changed)
        self.voice = Voice(speaker, timers=self._timers)
        speaker.start()

    def _voice_changed(self) -> None:
        for listener in list(self.on_voice_change):
            listener()

    def voice_problem(self) -> str | None:
        """Why there is no voice, in words; None when there is one."""
        if self.voice is not None:
            return self.voice.reason
        if self.speech_wanted:
            from postrun.audio.speaker import CHECKING

            return CHECKING
        return "speech is not set up"

    def voice_state(self, settings: Settings) -> str:
        """'on', 'off' or 'unavailable', for the run view's button."""
        if self.voice_problem() is not None:
            return "unavailable"
        return "on" if settings.voice else "off"

    # -- a workout -------------------------------------------------------------------

    def apply(self, settings: Settings) -> None:
        self.player.muted = settings.muted
        self.player.set_volume(settings.volume / 100, LEAD_IN if settings.lead_in and EARLY_START else 0.0)
        if self.voice is not None:
            self.voice.enabled = settings.voice and not settings.muted
            self.voice.set_volume(settings.volume / 100)

    def warm(self, settings: Settings) -> None:
        """The preview opened (or a resume is coming): open the output path before the first cue."""
        self.apply(settings)
        if not settings.muted:
            self.player.warm()

    @property
    def foresight(self) -> float:
        """How far ahead the session must say what is coming: foreseen cues start early."""
        return self.player.foresight

    def plan(self, foreseen: list[Event]) -> None:
        """What the engine foresees, after every change: its cues start early."""
        if self._early is None:
            from postrun.audio.early_cues import EarlyCues

            self._early = EarlyCues(self.player, self._timers, self._clock)
        self._early.plan(foreseen)

    def workout_started(self, settings: Settings) -> None:
        if settings.lead_in and KEEP_ALIVE and not settings.muted:
            if self._keep_alive is None:
                from postrun.audio.keep_alive import KeepAlive

                self._keep_alive = KeepAlive(self.player, self._timers)
            self._keep_alive.start()

    def workout_ended(self) -> None:
        if self._keep_alive is not None:
            self._keep_alive.stop()
        if self._early is not None:
            self._early.stop()

    def shutdown(self) -> None:
        """Before the process exits: no sound may still be playing on simpleaudio's threads
        while the interpreter tears down the buffers they read; the speaker process goes too."""
        self.workout_ended()
        close = getattr(self.voice.speaker if self.voice is not None else None, "close", None)
        if close is not None:
            close()
        if self._player is not None:
            self._player.stop_all()

    def listeners(self, timeline: Timeline, settings: Settings,
                  on_problem: Callable[[str | None], None]) -> list[tuple[str, Listener]]:
        """(name, listener) pairs for a new workout: the player first, then the voice."""
        self.apply(settings)
        self.player.reset()
        self.player.on_problem = on_problem
        if self.player.problem is not None:      # found by the warm-up, before this workout listened
            on_problem(self.player.problem)
        found: list[tuple[str, Any]] = [("sound", self.player)]
        if self.voice is not None:
            self.voice.attach(timeline)
            found.append(("voice", self.voice))
        return found
