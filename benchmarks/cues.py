"""Time from an engine event to simpleaudio's play_buffer returning, for each cue, and the
time to synthesize the whole cue set at start-up.

Target: under 5 ms per cue; synthesis under 50 ms.
Run: .venv/bin/python benchmarks/cues.py [--repeats 30]
Without a sound card, the default ALSA device is pointed at the null plugin for the run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from _audio import ensure_sound_device  # noqa: E402
from _table import median, percentile, print_table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    device = ensure_sound_device()

    from postrun.audio.cues import CUES, CueSet
    from postrun.audio.player import CuePlayer, _simpleaudio_play
    from postrun.core.events import (
        Countdown,
        Event,
        Finished,
        Halfway,
        Paused,
        PauseReason,
        Resumed,
        RoundComplete,
        SegmentStarted,
        SwitchSides,
    )
    from postrun.core.timeline import Kind, Segment, Side

    syntheses = []
    for _ in range(5):
        started = time.perf_counter()
        CueSet()
        syntheses.append(time.perf_counter() - started)

    returned: list[float] = []

    def play(data: bytes, channels: int, width: int, rate: int) -> object:
        result = _simpleaudio_play(data, channels, width, rate)
        returned.append(time.perf_counter())
        return result

    player = CuePlayer(play_buffer=play)
    events: dict[str, Event] = {
        "get_ready": SegmentStarted(0, 0, Segment(Kind.PREPARE, 10)),
        "go": SegmentStarted(0, 1, Segment(Kind.WORK, 30)),
        "rest": SegmentStarted(0, 2, Segment(Kind.REST, 20)),
        "switch": SwitchSides(0, 3, Segment(Kind.SWITCH, 5, side=Side.RIGHT)),
        "countdown": Countdown(0, 1, 3),
        "countdown_last": Countdown(0, 1, 1),
        "halfway": Halfway(0, 1),
        "round_complete": RoundComplete(0, 1, 3),
        "workout_complete": Finished(0, 60.0),
        "paused": Paused(0, PauseReason.USER),
        "resumed": Resumed(0),
    }
    rows = []
    instant = 0.0
    for name in CUES:
        latencies = []
        for _ in range(args.repeats):
            instant += 10.0       # a fresh instant each time, so no cue is dropped as simultaneous
            event = type(events[name])(**{**events[name].__dict__, "at": instant})
            before = len(returned)
            started = time.perf_counter()
            player(event)
            if len(returned) > before:
                latencies.append(returned[-1] - started)
            time.sleep(0.005)
        player.stop()
        values = [v * 1000 for v in latencies]
        rows.append([name, len(values), f"{median(values):.3f}", f"{percentile(values, 0.99):.3f}",
                     f"{max(values):.3f}"])
    print(f"Event to play_buffer returning, ms ({args.repeats} plays each, on {device})")
    print_table(["cue", "plays", "median", "p99", "max"], rows)
    print(f"Synthesis of the whole cue set: median {median(syntheses) * 1000:.1f} ms, "
          f"worst {max(syntheses) * 1000:.1f} ms of 5")
    print("Targets: under 5 ms per cue; synthesis under 50 ms")


if __name__ == "__main__":
    main()
