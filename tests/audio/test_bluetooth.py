"""The Bluetooth setting: the output streams quietly for the whole workout, and every cue
that can be foreseen starts early by its lead-in, so its sound begins on the engine's
instant; the voice still waits for the cue's audible end. All on the fake clock."""

import pytest
from PySide6.QtCore import Qt

from postrun.audio import sound
from postrun.audio.cues import CUES
from postrun.audio.keep_alive import CHUNK_SECONDS, OVERLAP_SECONDS
from postrun.audio.sound import LEAD_IN
from postrun.audio.voice import AFTER_CUE

from helpers import PlayObject, advance

T0 = 1000.0


@pytest.fixture
def heard(parts, clock):
    """Every buffer handed to the device: (when, what), what being a cue name, 'lead:' + a
    cue name for a buffer that starts with the lead-in's silence, 'keep-alive' or 'warm'."""
    player = parts.sound.player
    log = []

    def play_buffer(data, channels, width, rate):
        plain = {d: n for n, d in player.cues.buffers.items()}
        lead = dict(player.lead_cues.buffers) if player.lead_in else {}
        if data in plain:
            kind = plain[data]
        elif any(data == d[-len(data):] and not any(d[: len(d) - len(data)]) for d in lead.values()):
            kind = "lead:" + next(n for n, d in lead.items() if d.endswith(data))
        elif not any(data):
            kind = "warm"
        else:
            kind = "keep-alive"
        log.append((round(clock.now - T0, 3), kind))
        return PlayObject(log, kind)

    player._play_buffer = play_buffer
    return log


def start(qtbot, window, bluetooth=True):
    window.data.settings.lead_in = bluetooth
    window.open_by_key("posterior-chain-quick")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)


def plays(heard):
    return [(at, kind) for at, kind in heard if at != "stop"]


def cues(heard, since=-1.0):
    return [(at, kind) for at, kind in plays(heard) if at > since and kind not in ("keep-alive", "warm")]


def test_foreseen_cues_start_early_by_the_lead_in(qtbot, window, clock, heard):
    start(qtbot, window)
    advance(window, clock, 10.5)
    # get ready (pressed: not foreseeable) plays at once without silence; then 3-2-1 and go
    # are started 0.3 s ahead, with 0.3 s of silence in front: their sound is on the instant
    assert cues(heard) == [(0.0, "get_ready"), (7.0 - LEAD_IN, "lead:countdown"), (8.0 - LEAD_IN, "lead:countdown"),
                           (9.0 - LEAD_IN, "lead:countdown_last"), (10.0 - LEAD_IN, "lead:go")]
    assert window.parts.sound.player.played[-1] == "go"


def test_without_the_setting_cues_play_on_the_instant(qtbot, window, clock, heard):
    start(qtbot, window, bluetooth=False)
    advance(window, clock, 10.5)
    assert cues(heard) == [(0.0, "get_ready"), (7.0, "countdown"), (8.0, "countdown"), (9.0, "countdown_last"),
                           (10.0, "go")]
    assert ("keep-alive" not in {kind for _, kind in heard})


def test_a_pause_inside_the_lead_in_stops_the_early_cue_while_it_is_silent(qtbot, window, clock, heard):
    start(qtbot, window)
    advance(window, clock, 6.8)                 # the "3" started at 6.7, sounds at 7.0
    assert cues(heard)[-1] == (7.0 - LEAD_IN, "lead:countdown")
    qtbot.keyClick(window.run_view, Qt.Key.Key_Space)
    assert ("stop", "lead:countdown") in heard  # stopped 0.2 s before its sound
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
