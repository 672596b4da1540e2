"""Why the voice cannot speak, said with what is missing and the command that adds it."""

import pytest

from postrun.audio.speech_words import LINUX_INSTALL, engine_failed, no_engine


@pytest.mark.parametrize("error", ["Text to speech engine not initialized", ""])
def test_speechd_not_answering_says_what_is_missing_and_how_to_add_it(error, monkeypatch):
    text = engine_failed("speechd", error)
    assert "speech-dispatcher service did not answer" in text
    assert LINUX_INSTALL in text
    assert "failed: Text to speech" not in text          # not Qt's words alone


def test_no_engine_on_linux_names_the_command(monkeypatch):
    monkeypatch.setattr("sys.platform", "linux")
    assert LINUX_INSTALL in no_engine()


def test_doctor_does_not_promise_beeps_when_the_sound_device_failed(monkeypatch):
    from postrun import doctor
    from postrun.audio import speech_probe

    monkeypatch.setattr(speech_probe, "probe_speech",
                        lambda: speech_probe.SpeechProbe(engine=None, problem=no_engine(), voices=(), voice=""))
    monkeypatch.setattr(doctor, "sound_device", lambda: (_ for _ in ()).throw(OSError("no card")))
    monkeypatch.setattr(doctor, "media_buttons", lambda: "not asked here")     # it would make a QCoreApplication
    lines = doctor.report()
    speech = next(line for line in lines if line.startswith("Speech:"))
    assert "beeps only" not in speech
    assert "nothing is heard" in speech
    assert any(line.startswith("Sound device: failed") for line in lines)
