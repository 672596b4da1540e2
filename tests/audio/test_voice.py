"""The spoken next-up, with Qt's mock speech engine."""

import pytest

from postrun.audio.cues import CUES
from postrun.audio.voice import AFTER_CUE, QtSpeaker, Voice
from postrun.core.engine import Engine, State
from postrun.core.events import Countdown, SegmentStarted
from postrun.core.segment_words import next_sentence
from postrun.core.timeline import build_timeline

from circuits import ONE_SIDED_AND_REPS_QUICK
from helpers import circuit_from


@pytest.fixture
def voice(qapp, timers):
    voice = Voice(QtSpeaker("mock"), timers=timers)
    assert voice.available, voice.reason
    return voice


def test_sentences_in_order_each_after_its_cue(qtbot, voice, clock, timers):
    engine = Engine(build_timeline(circuit_from(ONE_SIDED_AND_REPS_QUICK)), clock=clock)
    voice.attach(engine.timeline)
    engine.subscribe(voice)
    engine.start()
    after_the_cue = CUES["get_ready"].seconds + AFTER_CUE
    timers.advance(after_the_cue - 0.002)
    assert voice.spoken == []                         # not over the get-ready cue...
    timers.advance(0.002)
    assert voice.spoken == ["Next: Kickbacks, 2 seconds, left side first"]   # ...but right after it
    while engine.state is State.RUNNING:
        if engine.timeline[engine.index].reps is not None:
            engine.done()
        else:
            timers.advance(0.1)
            engine.poll()
    timers.advance(5.0)
    assert voice.spoken == [
        "Next: Kickbacks, 2 seconds, left side first",
        "Switch sides",
        "Next: Goblet squats, 12 reps",
        "Next: Kickbacks, 2 seconds, left side first",
        "Last round",
        "Switch sides",
        "Next: Goblet squats, 12 reps",
        "Workout complete",
    ]


def test_a_long_sentence_is_cut_when_the_next_cue_sounds(qtbot, voice):
    voice.attach(build_timeline(circuit_from(ONE_SIDED_AND_REPS_QUICK)))
    voice.speaker.tts.say("Next: single leg Romanian deadlifts with a kettlebell in the opposite hand, "
                          "forty five seconds on each side, left side first, keep the hips square")
    qtbot.waitUntil(lambda: voice.speaker.speaking, timeout=2000)   # the mock engine speaks on its own clock
    voice(Countdown(5.0, 1, 3))          # a cue: the voice must stop at once
    assert not voice.speaker.speaking


def test_a_new_segment_cancels_speech_still_waiting_for_its_cue(qtbot, voice, timers):
    timeline = build_timeline(circuit_from(ONE_SIDED_AND_REPS_QUICK))
    voice.attach(timeline)
    voice(SegmentStarted(0.0, 0, timeline[0]))         # get ready: "Next: Kickbacks…" after the cue
    voice(SegmentStarted(0.1, 1, timeline[1]))         # skipped on at once: its go cue sounds
    timers.advance(10.0)
    assert "Next: Kickbacks, 2 seconds, left side first" not in voice.spoken


def test_disabled_voice_says_nothing(qtbot, voice, timers):
    timeline = build_timeline(circuit_from(ONE_SIDED_AND_REPS_QUICK))
    voice.attach(timeline)
    voice.enabled = False
    for index in range(len(timeline.segments)):
        voice(SegmentStarted(float(index), index, timeline[index]))
        timers.advance(5.0)
    assert voice.spoken == []


def test_without_an_engine_voice_is_unavailable_with_a_reason(qapp):
    voice = Voice(QtSpeaker("no-such-engine"))
    assert not voice.available
    assert "speech-dispatcher" in voice.reason


def test_next_sentence_words():
    timeline = build_timeline(circuit_from(ONE_SIDED_AND_REPS_QUICK))
    assert next_sentence(timeline[1]) == "Next: Kickbacks, 2 seconds, left side first"
    assert next_sentence(timeline[3]) == "Next: Kickbacks, 2 seconds"
    assert next_sentence(timeline[5]) == "Next: Goblet squats, 12 reps"
