"""What a key, a button or a headset asks of a running workout, by name: one enum from the
run view's keys through the window and the session to the engine."""

from __future__ import annotations

from enum import StrEnum


class Control(StrEnum):
    TOGGLE = "toggle"            # start, pause or resume
    SKIP = "skip"
    BACK = "back"
    DONE = "done"                # a rep set's reps are done
    MORE = "more"                # +10 s
    LESS = "less"                # -10 s
    STOP = "stop"                # stop now (after the question)
    ESCAPE = "escape"            # leave full screen, or ask to stop
    CANCEL_STOP = "cancel_stop"  # any key but Esc (or D) while the stop question shows
    DISCARD = "discard"          # D while the stop question shows: stop, and keep nothing in the log
    MUTE = "mute"
    LOUDER = "louder"
    QUIETER = "quieter"
    VOICE = "voice"
    FULLSCREEN = "fullscreen"
    HELP = "help"
    RAISE = "raise"              # a media player asks for the window


ENGINE_CONTROLS = frozenset({Control.TOGGLE, Control.SKIP, Control.BACK, Control.DONE, Control.MORE,
                             Control.LESS, Control.STOP})
SOUND_CONTROLS = frozenset({Control.MUTE, Control.LOUDER, Control.QUIETER, Control.VOICE})
