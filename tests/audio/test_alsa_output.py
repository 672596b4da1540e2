"""The open-once Linux output: one connection for every cue, each cue one write, the output
stopped half-way between two seconds once the cue is heard, a stale connection reopened."""

import pytest

from postrun.audio.alsa_output import BUFFER_SECONDS, PERIOD_FRAMES, SETUP, TAIL, AlsaOutput, release_time
from postrun.audio.cues import RATE, CueSet
from postrun.audio.player import CuePlayer

RUNNING = 3


class FakePcm:
    """ALSA's states as far as the output uses them: a write prepares and starts."""

    def __init__(self, log, fail_writes=0):
        self.log = log
        self.fail_writes = fail_writes
        self.status = SETUP

    def state(self):
        return self.status

    def write(self, data):
        if self.fail_writes:
            self.fail_writes -= 1
            raise OSError("Input/output error [default]")
        self.log.append(("write", len(data)))
        self.status = RUNNING
        return len(data) // 2

    def drop(self):
        self.log.append(("drop",))
        self.status = SETUP
        return 0

    def close(self):
        self.log.append(("close",))


class Clock:
    now = 100.0

    def __call__(self):
        return self.now


def make(fail_writes=0):
    log, clock = [], Clock()
    pcms = []

    def open_pcm():
        pcm = FakePcm(log, fail_writes if not pcms else 0)
        pcms.append(pcm)
        log.append(("open",))
        return pcm

    return AlsaOutput(open_pcm, clock=clock, releaser=False), log, clock, pcms


def tone(seconds, silence=0.0):
    return bytes(2 * round(silence * RATE)) + b"\x01\x10" * round(seconds * RATE)


def test_every_cue_is_one_write_on_one_connection():
    output, log, clock, _ = make()
    for _ in range(5):
        play = output(tone(0.15), 1, 2, RATE)
        clock.now += 1.0
        assert output.release_due() is None
        assert not play.is_playing()
    assert output.opens == 1
    assert log.count(("open",)) == 1
    assert [entry[0] for entry in log] == ["open"] + ["write", "drop"] * 5


def test_a_cue_while_another_sounds_replaces_it():
    output, log, clock, _ = make()
    first = output(tone(0.6), 1, 2, RATE)
    clock.now += 0.2
    assert first.is_playing()
    second = output(tone(0.15), 1, 2, RATE)
    assert log[-2:] == [("drop",), ("write", len(tone(0.15)))]
    assert not first.is_playing()
    assert second.is_playing()


@pytest.mark.parametrize(("cue", "silence", "expected"), [
    (0.15, 0.0, 0.5),             # a short pip: stopped half a second after it began
    (0.15, 0.03, 0.53),           # started 30 ms early: the half second counts from its sound
    (0.15, 0.33, 0.83),           # the Bluetooth lead-in
    (0.6, 0.0, 1.5),              # "go" ends (with the tail) after 0.5 s: the next half second
    (1.2, 0.03, 1.53),            # workout complete
    (0.05, 0.05, 0.55),           # the warm-up's silence: stopped soon after
])
def test_the_stop_falls_half_way_between_two_seconds(cue, silence, expected):
    assert release_time(tone(cue, silence), 10.0) - 10.0 == pytest.approx(expected, abs=1e-3)
    stop = release_time(tone(cue, silence), 10.0) - 10.0
    assert stop >= silence + cue + TAIL - 1e-9               # never while it is heard


def test_the_release_waits_for_its_time_and_a_stop_cancels_it():
    output, log, clock, _ = make()
    play = output(tone(0.15, 0.03), 1, 2, RATE)
    assert output.release_due() == pytest.approx(0.53)
    clock.now += 0.3
    assert ("drop",) not in log
    play.stop()                                  # a pause: silent at once
    assert log[-1] == ("drop",)
    assert not play.is_playing()
    clock.now += 1.0
    assert output.release_due() is None
    assert log.count(("drop",)) == 1


def test_stopping_an_old_cue_leaves_the_new_one_alone():
    output, log, clock, _ = make()
    old = output(tone(0.6), 1, 2, RATE)
    new = output(tone(0.6), 1, 2, RATE)
    drops = log.count(("drop",))
    old.stop()
    assert log.count(("drop",)) == drops
    assert new.is_playing()


def test_a_stale_connection_is_reopened_once():
    output, log, clock, pcms = make(fail_writes=1)
    play = output(tone(0.15), 1, 2, RATE)
    assert play.is_playing()
    assert output.opens == 2
    assert ("close",) in log                      # the stale one let go


def test_no_device_raises_so_the_player_says_so():
    def no_device():
        raise OSError("No such file or directory [default]")

    output = AlsaOutput(no_device, releaser=False)
    problems = []
    player = CuePlayer(CueSet(), play_buffer=output, on_problem=problems.append)
    assert player.play("go") is False
    assert problems == ["No sound device — cues are visual only"]


def test_only_the_cue_format_and_the_buffer_holds_the_longest_cue():
    output, _, _, _ = make()
    with pytest.raises(ValueError, match="mono 16-bit"):
        output(bytes(8), 2, 2, RATE)
    longest = max(len(CueSet()[name]) for name in ("workout_complete", "round_complete", "go")) / 2 / RATE
    assert longest + 0.3 + 0.05 < BUFFER_SECONDS        # with the Bluetooth lead-in and a late job
    assert round(0.025 * RATE) == PERIOD_FRAMES


def test_closed_it_lets_go_and_refuses_more():
    output, log, _, _ = make()
    output(tone(0.15), 1, 2, RATE)
    output.close()
    assert log[-2:] == [("drop",), ("close",)]
    with pytest.raises(RuntimeError):
        output(tone(0.15), 1, 2, RATE)


def test_the_player_closes_it_when_everything_stops():
    output, log, _, _ = make()
    player = CuePlayer(CueSet(), play_buffer=output)
    player.play("countdown")
    player.stop_all()
    assert log[-1] == ("close",)
