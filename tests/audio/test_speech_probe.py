"""The speech engine lives in its own process: asked with a time limit (doctor), or kept as
the window's speaker. A stuck or missing engine is an answer in words, never a hang."""

import sys
import time

from PySide6.QtCore import QObject

from postrun.audio.speaker import CHECKING, ProcessSpeaker, speaker_command
from postrun.audio.speech_probe import probe_speech

from helpers import FakeClock, FakeTimers

STUCK = [sys.executable, "-c", "import time; time.sleep(30)"]


def test_a_hanging_engine_is_reported_not_waited_for():
    result = probe_speech(timeout=0.5, command=STUCK)
    assert result.engine is None
    assert "did not answer within" in result.problem


def test_the_probe_answers_in_words():
    # whatever this machine has, the answer is an engine or a reason
    result = probe_speech(timeout=20)
    assert (result.engine is None) != (result.problem is None)


def test_a_crashing_probe_is_a_problem_not_an_exception():
    crashing = [sys.executable, "-c", "raise SystemExit(3)"]
    assert "could not be checked" in probe_speech(timeout=5, command=crashing).problem


def test_the_mock_engine_reads_english_sentences_with_an_english_voice():
    result = probe_speech(timeout=30, command=speaker_command("mock"))
    assert result.engine == "mock", result.problem
    assert result.voice                       # a voice was chosen


def test_a_stuck_engine_never_blocks_the_window(qtbot):
    clock = FakeClock()
    timers = FakeTimers(clock)
    owner = QObject()
    speaker = ProcessSpeaker(STUCK, timers, owner)
    changes = []
    speaker.on_change.append(lambda: changes.append(speaker.problem))
    began = time.perf_counter()
    speaker.start()                           # a process is started; nothing waits for it
    assert time.perf_counter() - began < 0.5
    assert speaker.problem == CHECKING
    timers.advance(8.0)                       # eight seconds of silence from it
    assert "did not answer within 8 s" in speaker.problem
    assert changes == [speaker.problem]
    speaker.close()


def test_the_speaker_process_says_things(qtbot):
    speaker = ProcessSpeaker(speaker_command("mock"))
    speaker.start()
    qtbot.waitUntil(lambda: speaker.ready, timeout=30_000)      # a real child process starting
    speaker.say("Next: Kettlebell swings, 40 seconds")
    qtbot.waitUntil(lambda: speaker.speaking, timeout=10_000)
    speaker.stop()
    qtbot.waitUntil(lambda: not speaker.speaking, timeout=10_000)
    assert speaker.said == ["Next: Kettlebell swings, 40 seconds"]
    speaker.close()
