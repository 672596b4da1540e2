from postrun.audio import speech_probe
from postrun.audio.speech_probe import BackgroundProbe, probe_speech


def test_a_hanging_engine_is_reported_not_waited_for(monkeypatch):
    monkeypatch.setattr(speech_probe, "_CHILD", "import time; time.sleep(30)")
    result = probe_speech(timeout=0.5)
    assert result.engine is None
    assert "did not answer within" in result.problem


def test_the_probe_answers_in_words(monkeypatch):
    # whatever this machine has, the answer is an engine or a reason
    result = probe_speech(timeout=20)
    assert (result.engine is None) != (result.problem is None)


def test_a_crashing_probe_is_a_problem_not_an_exception(monkeypatch):
    monkeypatch.setattr(speech_probe, "_CHILD", "raise SystemExit(3)")
    assert "could not be checked" in probe_speech(timeout=5).problem


def test_background_probe_fills_its_result(monkeypatch):
    monkeypatch.setattr(speech_probe, "_CHILD", 'print(\'{"engines": [], "engine": null, "error": null}\')')
    probe = BackgroundProbe()
    probe.start()
    probe._thread.join(timeout=10)
    assert "no speech engine is installed" in probe.result.problem
