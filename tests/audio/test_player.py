from postrun.audio.player import NO_DEVICE, CuePlayer
from postrun.core.events import Countdown, Halfway


class PlayObject:
    def __init__(self, log, name):
        self.log, self.name, self.playing = log, name, True

    def is_playing(self):
        return self.playing

    def stop(self):
        self.playing = False
        self.log.append(("stop", self.name))

    def wait_done(self):
        self.playing = False


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
