"""When each cue is heard, against the instant the engine meant it for: recorded in real
time from a PulseAudio null sink (what desktop Linux plays to), the first cue of each
workout included, beside a reference click track played through the same chain in the
same run.

Each run is a fresh process, as a user's is: it opens the preview (which warms the audio
path), waits as a person reading it would, then runs a short circuit through the real
WorkoutSession with cues, and prints each cue's instant. The reference is a fresh process
that opens a stream per click at planned instants with plain simpleaudio.

Run: .venv/bin/python benchmarks/cue_onsets.py [--runs 6]
Needs Debian pulseaudio, pulseaudio-utils, libasound2-plugins (`make bench-deps`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from _pulse import PulseServer, Recorder, available  # noqa: E402
from _table import percentile, print_table  # noqa: E402

CIRCUIT = b"""
format = 1
name = "Onsets"
prepare = 4
rest = 3
switch = 2
[[exercise]]
name = "Swings"
work = 4
[[exercise]]
name = "Kickbacks"
work = 4
sides = "each"
"""


def child_postrun(mode: str, warm: bool, wait: float, stream_per_cue: bool = False) -> None:
    """One user's workout: the preview warms the audio path, the person reads, presses Space.

    mode: "off" (no Bluetooth setting), "early" (the setting: cues started early by the
    lead-in), "keep-alive" (the measured alternative), "old lead-in" (before: the lead-in's
    silence played from the instant, which made every cue late by it)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["POSTRUN_DATA_DIR"] = tempfile.mkdtemp(prefix="postrun-onsets-")
    from PySide6.QtCore import QCoreApplication, QTimer

    from postrun.app import build_parts
    from postrun.audio import sound
    from postrun.audio.cues import CueSet
    from postrun.core.circuit_toml import parse_circuit
    from postrun.core.events import Finished
    from postrun.session.workout_session import WorkoutSession

    app = QCoreApplication([])
    sound.KEEP_ALIVE, sound.EARLY_START = mode == "keep-alive", mode == "early"
    if stream_per_cue:                 # simpleaudio's new stream per cue, as on Windows and macOS
        from postrun.audio import alsa_output

        alsa_output.system_output = lambda: None
    parts = build_parts()
    parts.data.settings.lead_in = mode != "off"
    parts.sound.speech_wanted = False
    if warm:
        parts.sound.warm(parts.data.settings)        # what opening the preview does
    session = WorkoutSession("onsets", parse_circuit(CIRCUIT), parts)
    player = parts.sound.player
    if mode == "old lead-in":
        player._cues = CueSet(lead_in=0.3)           # the old behaviour, for the "before" row
    heard: list[tuple[float, str]] = []
    played_before = [0]

    def after(event: object) -> None:
        # the player listens first: a cue it started for this event is the last one played
        if len(player.played) > played_before[0]:
            heard.append((event.at, player.played[-1]))      # type: ignore[attr-defined]
            played_before[0] = len(player.played)
        if isinstance(event, Finished):
            QTimer.singleShot(1500, app.quit)

    session.engine.subscribe(after, "benchmark")
    QTimer.singleShot(int(wait * 1000), session.start)
    app.exec()
    session.close()
    parts.sound.shutdown()
    print(json.dumps(heard))


def child_reference(count: int, wait: float, spacing: float) -> None:
    import array
    import math

    import simpleaudio

    click = array.array("h", [int(29000 * math.sin(2 * math.pi * 1000 * i / 44100)) for i in range(4410)]).tobytes()
    start = time.monotonic() + wait
    instants = []
    for k in range(count):
        at = start + k * spacing
        while time.monotonic() < at:
            time.sleep(0.0002)
        simpleaudio.play_buffer(click, 1, 2, 44100)
        instants.append((at, "click"))
    time.sleep(0.5)
    print(json.dumps(instants))


def run_child(args: list[str]) -> list[tuple[float, str]]:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return [tuple(pair) for pair in json.loads(done.stdout.strip().splitlines()[-1])]  # type: ignore[misc]


def errors_ms(recorder: Recorder, planned: list[tuple[float, str]]) -> list[float]:
    """Each planned instant against the first onset heard after it (or just before it)."""
    onsets = recorder.recording.onsets(after=planned[0][0] - 0.2)
    found = []
    for at, _name in planned:
        near = [o for o in onsets if at - 0.05 <= o <= at + 2.0]
        found.append((near[0] - at) * 1000 if near else float("nan"))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--wait", type=float, default=7.0, help="seconds on the preview before Space")
    parser.add_argument("--child", choices=["postrun", "reference"])
    parser.add_argument("--mode", default="off", choices=["off", "early", "keep-alive", "old lead-in"])
    parser.add_argument("--no-warm", action="store_true")
    parser.add_argument("--stream-per-cue", action="store_true")
    args = parser.parse_args()
    if args.child == "postrun":
        child_postrun(args.mode, not args.no_warm, args.wait, args.stream_per_cue)
        return
    if args.child == "reference":
        child_reference(12, args.wait, 1.0)
        return
    missing = available()
    if missing:
        sys.exit(f"cue_onsets needs: {missing} (make bench-deps)")

    rows = []
    variants = [("reference click track", ["--child", "reference"]),
                ("postrun, Bluetooth setting off", ["--child", "postrun"]),
                ("postrun, Bluetooth on: early start (the setting)", ["--child", "postrun", "--mode", "early"]),
                ("postrun, Bluetooth on: keep-alive (alternative)", ["--child", "postrun", "--mode", "keep-alive"]),
                ("postrun, a stream per cue (simpleaudio, as on Windows and macOS)",
                 ["--child", "postrun", "--stream-per-cue"]),
                ("before: lead-in silence from the instant", ["--child", "postrun", "--mode", "old lead-in"]),
                ("before: no warm-up at the preview", ["--child", "postrun", "--no-warm"])]
    with PulseServer() as server:
        for label, child_args in variants:
            firsts, rest = [], []
            for _ in range(args.runs):
                time.sleep(server.suspend_after + 1)          # idle as between two workouts
                with Recorder() as recorder:
                    planned = run_child([*child_args, "--wait", str(args.wait)])
                    time.sleep(0.3)
                errors = errors_ms(recorder, planned)
                firsts.append(errors[0])
                rest += errors[1:]
            # the chain's own latency: the reference's median, subtracted from every row
            rows.append([label, args.runs, max(firsts), percentile(firsts, 0.5), len(rest),
                         percentile([abs(e) for e in rest], 0.5), percentile([abs(e) for e in rest], 0.95),
                         max(abs(e) for e in rest)])
    base = rows[0][5]
    table = [[r[0], r[1], f"{r[2] - base:.1f}", f"{r[3] - base:.1f}", r[4], f"{r[5] - base:.1f}",
              f"{r[6] - base:.1f}", f"{r[7] - base:.1f}"] for r in rows]
    print(f"Cue onsets on a PulseAudio null sink, recorded in real time; ms late against the engine's instant, "
          f"less the chain's own latency (the reference's median, {base:.1f} ms); each run a fresh process. "
          "(Recording the sink's monitor keeps the null sink from suspending, so a sleeping device is not "
          "reproduced here.)")
    print_table(["source", "runs", "first cue: worst", "first cue: median", "later cues", "median", "p95", "max"],
                table)
    print("Targets: first cue late by <= 20 ms in every run; p95 <= 5 ms, or <= reference + 2 ms")


if __name__ == "__main__":
    main()
