import pytest
from analysis import dominant_frequency, samples

from postrun.audio.cues import CUES, FULL_SCALE, LOUD, RATE, SOFT, CueSet, synthesize


@pytest.mark.parametrize("name", list(CUES))
def test_each_cue_has_its_length_level_and_pitch(name):
    cue = CUES[name]
    pcm = samples(synthesize(cue))
    assert abs(len(pcm) / RATE - cue.seconds) < 0.01
    expected_level = LOUD if name not in ("paused", "resumed") else SOFT
    assert abs(abs(pcm).max() / FULL_SCALE - expected_level) < 0.05
    assert abs(dominant_frequency(pcm) - cue.dominant) < 8


def test_the_cues_are_distinct_by_pitch():
    pitches = sorted(cue.dominant for cue in CUES.values())
    assert all(b / a > 1.06 for a, b in zip(pitches, pitches[1:], strict=False))   # a semitone or more


def test_the_last_countdown_pip_differs_from_the_others():
    assert CUES["countdown_last"].dominant != CUES["countdown"].dominant
    assert CUES["countdown_last"].seconds > CUES["countdown"].seconds


@pytest.mark.parametrize("volume", [1.0, 0.5, 0.1])
def test_volume_scales_the_peak(volume):
    pcm = samples(synthesize(CUES["go"], volume))
    assert abs(abs(pcm).max() / FULL_SCALE - LOUD * volume) < 0.02


def test_zero_volume_is_silence():
    assert not samples(synthesize(CUES["go"], 0.0)).any()


@pytest.mark.parametrize("name", list(CUES))
def test_no_clicks_every_tone_fades_in_and_out(name):
    pcm = samples(synthesize(CUES[name]))
    assert abs(pcm[0]) < 0.02 * FULL_SCALE
    assert abs(pcm[-1]) < 0.02 * FULL_SCALE
    # no jump between neighbouring samples bigger than the loudest tone's own slope allows
    assert abs(pcm[1:] - pcm[:-1]).max() < 0.5 * FULL_SCALE


def test_lead_in_is_silence_before_the_cue():
    plain = samples(synthesize(CUES["go"]))
    led = samples(synthesize(CUES["go"], lead_in=0.3))
    assert len(led) == len(plain) + int(0.3 * RATE)
    assert not led[: int(0.3 * RATE)].any()


def test_cue_set_builds_every_cue():
    cues = CueSet(0.8)
    assert set(cues.buffers) == set(CUES)
