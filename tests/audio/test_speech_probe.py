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


def test_a_missing_engine_is_answered_with_what_to_install():
    result = probe_speech(timeout=20, command=speaker_command("no-such-engine"))
    assert result.engine is None
    assert result.voices == ()
    assert "sudo apt install speech-dispatcher espeak-ng" in result.problem


def test_this_machines_engine_is_an_engine_with_a_voice_or_a_sentence():
    """Whatever this machine has: an engine comes with the voice it will use; no engine is
    one sentence in words, never a traceback."""
    result = probe_speech(timeout=20)
    if result.engine is not None:
        assert result.problem is None
        assert result.voice in result.voices
    else:
        assert result.problem
        assert "Traceback" not in result.problem
        assert "\n" not in result.problem


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


def test_without_the_voice_extra_the_speaker_says_how_to_add_it():
    import json
    import subprocess
    import sys

    code = ("import sys; sys.modules['PySide6.QtTextToSpeech'] = None\n"   # as if PySide6-Addons were absent
            "from postrun.audio.speaker_process import main; sys.exit(main(['--probe']))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    answer = json.loads(done.stdout.splitlines()[0])
    assert "PySide6-Addons" in answer["error"]
    assert "pip install 'postrun[voice]'" in answer["error"]


def test_a_bundle_runs_the_speaker_as_postrun_itself(monkeypatch):
    import json
    import subprocess
    import sys

    from postrun.audio.speaker import speaker_command

    assert speaker_command("mock")[1:] == ["-m", "postrun.audio.speaker_process", "mock"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert speaker_command("mock") == [sys.executable, "--speaker", "mock"]
    # what a bundle runs: the program's own entry point with --speaker
    done = subprocess.run([sys.executable, "-m", "postrun", "--speaker", "mock", "--probe"], capture_output=True,
                          text=True, timeout=60)
    assert json.loads(done.stdout.splitlines()[0])["engine"] == "mock"
