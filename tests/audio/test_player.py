from postrun.audio.player import NO_DEVICE, CuePlayer
from postrun.core.events import Countdown, Halfway

from helpers import PlayObject


class Device:
    def __init__(self, cues):
        self.cues = {data: name for name, data in cues.buffers.items()}
        self.log = []
        self.broken = False

    def __call__(self, data, channels, width, rate):
        assert (channels, width, rate) == (1, 2, 44_100)
        if self.broken:
            raise OSError("Error opening PCM device. -- CODE: -2")
        name = self.cues[data]
        self.log.append(("play", name))
        return PlayObject(self.log, name)


def make():
    player = CuePlayer()
    device = Device(player.cues)
    player._play_buffer = device
    problems = []
    player.on_problem = problems.append
    return player, device, problems


def test_events_become_cues_and_a_new_cue_stops_the_old():
    player, device, _ = make()
    player(Countdown(1.0, 1, 3))
    player(Countdown(2.0, 1, 2))
    assert device.log == [("play", "countdown"), ("stop", "countdown"), ("play", "countdown")]
    assert player.played == ["countdown", "countdown"]


def test_mute_plays_nothing():
    player, device, _ = make()
    player.muted = True
    player(Halfway(1.0, 1))
    assert device.log == []


def test_no_device_is_reported_once_and_retried_on_the_next_cue():
    player, device, problems = make()
    device.broken = True
    for number, at in [(3, 1.0), (2, 2.0), (1, 3.0)]:
        player(Countdown(at, 1, number))      # no exception escapes
    assert len(problems) == 1
    assert problems[0].startswith(NO_DEVICE)
    device.broken = False                     # the speaker came back
    player(Halfway(4.0, 1))
    assert problems == [problems[0], None]    # the notice is cleared
    assert player.played == ["halfway"]


def test_volume_change_rebuilds_the_cues():
    player, _, _ = make()
    before = player.cues
    player.set_volume(0.5)
    assert player.cues is not before
    assert player.cues.volume == 0.5
    same = player.cues
    player.set_volume(0.5)
    assert player.cues is same


def test_device_calls_are_made_off_the_calling_thread_in_order():
    import threading

    from postrun.audio.output_thread import OutputThread

    release = threading.Event()
    calls = []

    def slow_device(data, channels, width, rate):      # ALSA's pulse plugin takes ~1.3 ms; this, until released
        release.wait(5)
        calls.append(threading.current_thread().name)
        return PlayObject(calls, "x")

    output = OutputThread()
    player = CuePlayer(play_buffer=slow_device, run=output)
    player(Countdown(1.0, 1, 3))                      # returns at once: the caller (the GUI thread) never waits
    player(Countdown(2.0, 1, 2))
    assert calls == []
    assert player.played == ["countdown", "countdown"]
    release.set()
    assert output.drain()
    # in order: the first cue, stopped by the second, then the second
    assert calls == ["postrun-sound", ("stop", "x"), "postrun-sound"]


def test_a_device_failure_on_the_sound_thread_is_reported():
    from postrun.audio.output_thread import OutputThread

    def broken(data, channels, width, rate):
        raise OSError("Error opening PCM device. -- CODE: -2")

    problems = []
    output = OutputThread()
    player = CuePlayer(play_buffer=broken, run=output, on_problem=problems.append)
    player(Halfway(1.0, 1))
    assert output.drain()
    assert problems == [NO_DEVICE]
