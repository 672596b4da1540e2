"""The real audio path: engine events -> player -> simpleaudio, or the output kept open
(Linux) -> ALSA, captured by ALSA's file plugin and recognised cue by cue from the samples."""

import json
import os
import subprocess
import sys
import textwrap

import pytest
from analysis import dominant_frequency, samples

from postrun.audio.cues import CUES, CueSet

CHILD = textwrap.dedent('''
    import json, sys
    from postrun.audio.player import CuePlayer
    from postrun.core.circuit_toml import parse_circuit
    from postrun.core.engine import Engine
    from postrun.core.timeline import build_timeline

    class Clock:
        now = 1000.0
        def __call__(self):
            return self.now

    circuit = parse_circuit(b"""
    format = 1
    name = "Audio"
    rounds = 2
    prepare = 3
    rest = 0
    round_rest = 3
    switch = 2
    [[exercise]]
    name = "Kickbacks"
    work = 3
    sides = "each"
    [[exercise]]
    name = "Swings"
    work = 20
    """)
    wait = sys.argv[1] == "wait"
    problems = []
    if sys.argv[2] == "open-once":
        from postrun.audio.alsa_output import AlsaOutput
        player = CuePlayer(on_problem=problems.append, play_buffer=AlsaOutput())
    else:
        player = CuePlayer(on_problem=problems.append)
    clock = Clock()
    engine = Engine(build_timeline(circuit), clock=clock)
    engine.subscribe(player)
    engine.start()
    while engine.state.value == "running":
        if wait:
            player.wait()        # each cue whole, before the next: a test, not the GUI thread
        clock.now += 0.05
        engine.poll()
    player.wait()
    player.stop_all()
    print(json.dumps({"played": player.played, "problems": problems, "state": engine.state.value}))
''')

ROUND = ["go", "countdown", "countdown_last", "switch", "countdown_last", "go", "countdown", "countdown_last",
         "go", "halfway", "countdown", "countdown", "countdown_last"]
EXPECTED = (["get_ready", "countdown", "countdown_last"] + ROUND + ["round_complete", "countdown", "countdown_last"]
            + ROUND + ["workout_complete"])


OUTPUTS = ["simpleaudio", "open-once"]     # a stream per cue (every platform); one output kept open (Linux)


def run_child(tmp_path, config, mode, output):
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    env = dict(os.environ, ALSA_CONFIG_PATH=str(config))
    result = subprocess.run([sys.executable, str(script), mode, output], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("output", OUTPUTS)
def test_a_workout_is_audible_cue_by_cue(tmp_path, alsa_capture, output):
    config, captured = alsa_capture
    report = run_child(tmp_path, config, "wait", output)
    assert report["problems"] == []
    assert report["played"] == EXPECTED
    pcm = samples(captured.read_bytes())
    buffers = CueSet()
    lengths = [len(buffers[name]) // 2 for name in EXPECTED]
    assert len(pcm) == sum(lengths)               # every cue whole, nothing cut, nothing extra
    position = 0
    for name, length in zip(EXPECTED, lengths, strict=True):
        chunk = pcm[position:position + length]
        position += length
        heard = dominant_frequency(chunk)
        assert abs(heard - CUES[name].dominant) < 8, (name, heard)
        assert abs(chunk).max() > 0.3 * 32767


@pytest.mark.parametrize("output", OUTPUTS)
def test_no_sound_device_the_workout_completes_and_says_so_once(tmp_path, alsa_without_device, output):
    report = run_child(tmp_path, alsa_without_device, "nowait", output)
    assert report["state"] == "finished"
    assert report["played"] == []
    assert len(report["problems"]) == 1
    assert report["problems"][0].startswith("No sound device — cues are visual only")
