"""Every cue that can be foreseen starts early with silence in front, so its sound begins
on the engine's instant: by the lead-in with the Bluetooth setting, by OPEN_AHEAD without
it (the stream is open before the digits change). The keep-alive alternative streams for
the whole workout. The voice waits for the cue's audible end. All on the fake clock."""

import pytest
from PySide6.QtCore import Qt

from postrun.audio import sound
from postrun.audio.cues import CUES, RATE
from postrun.audio.keep_alive import CHUNK_SECONDS, OVERLAP_SECONDS
from postrun.audio.player import OPEN_AHEAD
from postrun.audio.sound import LEAD_IN
from postrun.audio.voice import AFTER_CUE

from helpers import PlayObject, advance, cues_in

T0 = 1000.0


@pytest.fixture
def heard(parts, clock):
    """Every buffer handed to the device: (when, what), what being a cue name, 'lead:' and
    the cue names joined by '+' for a buffer that starts with silence (one cue, or a run of
    them: the seconds in front of each in `heard_silence` below), 'keep-alive' or 'warm'."""
    player = parts.sound.player
    log = []
    heard_silence.clear()

    def play_buffer(data, channels, width, rate):
        plain = {d: n for n, d in player.cues.buffers.items()}
        if data in plain:
            kind = plain[data]
        elif not any(data):
            kind = "warm"
        else:
            try:
                found = cues_in(data, player.cues.buffers)
            except AssertionError:          # sound that is no cue: the keep-alive's near-silence
                found = []
            kind = "lead:" + "+".join(name for _, name in found) if found else "keep-alive"
            if found:
                heard_silence.append([offset for offset, _ in found] if len(found) > 1 else found[0][0])
        log.append((round(clock.now - T0, 3), kind))
        return PlayObject(log, kind)

    player._play_buffer = player._quiet_play_buffer = play_buffer
    return log


heard_silence: list = []


def start(qtbot, window, bluetooth=True):
    window.data.settings.lead_in = bluetooth
    window.open_by_key("posterior-chain-quick")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)


def plays(heard):
    return [(at, kind) for at, kind in heard if at != "stop"]


def cues(heard, since=-1.0):
    return [(at, kind) for at, kind in plays(heard) if at > since and kind not in ("keep-alive", "warm")]


COUNT_IN = "lead:countdown+countdown+countdown_last+go"


def test_foreseen_cues_start_early_by_the_lead_in(qtbot, window, clock, heard):
    start(qtbot, window)
    advance(window, clock, 10.5)
    # get ready (pressed: not foreseeable) plays at once without silence; then 3-2-1 and go,
    # one second apart, are started together 0.3 s ahead of the "3": one buffer, each cue
    # after silence up to its own instant, so that each sound is on its instant
    assert cues(heard) == [(0.0, "get_ready"), (7.0 - LEAD_IN, COUNT_IN)]
    assert heard_silence == [[pytest.approx(LEAD_IN + second, abs=1 / RATE) for second in range(4)]]
    assert window.parts.sound.player.played == ["get_ready", "countdown", "countdown", "countdown_last", "go"]


def test_without_the_setting_the_stream_still_opens_just_before_the_instant(qtbot, window, clock, heard):
    start(qtbot, window, bluetooth=False)
    advance(window, clock, 10.5)
    assert cues(heard) == [(0.0, "get_ready"), (7.0 - OPEN_AHEAD, COUNT_IN)]
    assert heard_silence == [[pytest.approx(OPEN_AHEAD + second, abs=1 / RATE) for second in range(4)]]
    assert ("keep-alive" not in {kind for _, kind in heard})
    assert window.parts.sound.player.played == ["get_ready", "countdown", "countdown", "countdown_last", "go"]


def test_a_pause_inside_a_run_stops_it_and_the_rest_is_foreseen_again_after_the_resume(qtbot, window, clock,
                                                                                         heard):
    start(qtbot, window, bluetooth=False)
    advance(window, clock, 8.5)                 # the "3" and the "2" heard, from the run's buffer
    assert cues(heard)[-1] == (7.0 - OPEN_AHEAD, COUNT_IN)
    qtbot.keyClick(window.run_view, Qt.Key.Key_Space)
    assert ("stop", COUNT_IN) in heard          # the "1" and "go" will not come at their old instants
    advance(window, clock, 3.0)
    qtbot.keyClick(window.run_view, Qt.Key.Key_Space)
    resumed = clock.now - T0
    advance(window, clock, 2.0)
    # what is left of the count-in, 0.5 s and 1.5 s after the resume, as one new run
    assert cues(heard, resumed - 0.01) == [(round(resumed, 3), "resumed"),
                                    (pytest.approx(resumed + 0.5 - OPEN_AHEAD, abs=0.002),
                                     "lead:countdown_last+go")]
    assert window.parts.sound.player.played[-2:] == ["countdown_last", "go"]


def test_the_silence_is_measured_when_the_stream_opens_not_when_the_start_was_asked(parts, clock):
    """A job that waits in the sound thread's queue must not move the onset: the silence
    is what is left until the instant when the device call is made."""
    player = parts.sound.player
    queued = []
    player._run = queued.append
    given = []
    player._play_buffer = lambda data, *rest: given.append(data) or PlayObject([], "cue")
    player.start_early([(clock.now + 0.3, "go")])
    clock.now += 0.1                     # the job waited 100 ms
    for job in queued:
        job()
    assert (len(given[-1]) - len(player.cues["go"])) / 2 / RATE == pytest.approx(0.2, abs=1 / RATE)
    queued.clear()
    player.start_early([(clock.now + 0.01, "go")])
    clock.now += 0.05                    # later than the instant: no silence, at once
    for job in queued:
        job()
    assert given[-1] == player.cues["go"]


def test_a_pause_inside_the_lead_in_stops_the_early_cue_while_it_is_silent(qtbot, window, clock, heard):
    start(qtbot, window)
    advance(window, clock, 6.8)                 # the "3" started at 6.7, sounds at 7.0
    assert cues(heard)[-1] == (7.0 - LEAD_IN, COUNT_IN)
    qtbot.keyClick(window.run_view, Qt.Key.Key_Space)
    assert ("stop", COUNT_IN) in heard          # stopped 0.2 s before its sound
    assert cues(heard, 6.75)[0][1] == "paused"   # the pause's own cue, at once
    advance(window, clock, 5.0)
    assert not [c for c in cues(heard, 6.9) if c[1] != "paused"]   # nothing foreseen while paused


def test_a_skip_plays_its_cue_at_once_without_the_silence(qtbot, window, clock, heard):
    start(qtbot, window)
    advance(window, clock, 3.0)
    qtbot.keyClick(window.run_view, Qt.Key.Key_Right)
    assert cues(heard, 2.9) == [(3.0, "go")]


def test_by_default_the_setting_starts_cues_early_and_streams_nothing_between(qtbot, window, clock, heard):
    start(qtbot, window)
    advance(window, clock, 20.0)
    assert "keep-alive" not in {kind for _, kind in plays(heard)}     # measured: ten times the CPU


def test_the_keep_alive_alternative_streams_for_the_whole_workout_and_stops_after(qtbot, window, clock, heard,
                                                                                  monkeypatch):
    monkeypatch.setattr(sound, "KEEP_ALIVE", True)
    start(qtbot, window)
    advance(window, clock, 20.0)
    queued = [at for at, kind in plays(heard) if kind == "keep-alive"]
    step = CHUNK_SECONDS - OVERLAP_SECONDS
    assert queued == [pytest.approx(i * step) for i in range(len(queued))]
    assert len(queued) == 1 + int(20.0 // step)
    qtbot.keyClick(window.run_view, Qt.Key.Key_Escape)
    qtbot.keyClick(window.run_view, Qt.Key.Key_Escape)
    advance(window, clock, 30.0)
    assert [at for at, kind in plays(heard) if kind == "keep-alive"] == queued     # none after the end
    assert ("stop", "keep-alive") in heard


def test_the_voice_waits_for_the_cue_to_end_with_or_without_the_lead_in(qtbot, window, clock, heard):
    voice = window.parts.sound.voice
    start(qtbot, window)
    advance(window, clock, 0.01)
    assert voice.spoken == []
    # "Next: ..." after the get-ready cue's sound, which began on the instant
    advance(window, clock, CUES["get_ready"].seconds + AFTER_CUE - 0.02)
    assert voice.spoken == []
    advance(window, clock, 0.02)
    assert voice.spoken[0].startswith("Next: Cable kickbacks")
