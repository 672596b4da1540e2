import os
import subprocess
import sys
import wave

from postrun.audio.cues import CUES, RATE


def run(*args, env_extra=None):
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "postrun", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_doctor_reports_every_part_and_exits_zero(tmp_path, data_dir):
    config = tmp_path / "asound-none.conf"
    config.write_text("pcm.!default { type hw; card 99 }\n")
    result = run("doctor", env_extra={"ALSA_CONFIG_PATH": str(config), "POSTRUN_DATA_DIR": str(data_dir)})
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("postrun ")
    labels = [line.split(":")[0] for line in lines[1:]]
    assert labels == ["Qt platform", "Sound device", "Speech", "Keep screen awake", "Media buttons", "Data folder",
                      "Built-in circuits"]
    sound = next(line for line in lines if line.startswith("Sound device"))
    # simpleaudio's words, or the open-once output's (Linux)
    assert "Error opening PCM device" in sound or "could not open the default sound output" in sound
    data = next(line for line in lines if line.startswith("Data folder"))
    assert str(data_dir) in data
    assert "writable" in data


def test_doctor_with_a_working_device(tmp_path, data_dir):
    config = tmp_path / "asound.conf"
    config.write_text('pcm.!default { type file; slave { pcm { type null } }; file "/dev/null"; format "raw" }\n')
    result = run("doctor", env_extra={"ALSA_CONFIG_PATH": str(config)})
    assert "Sound device: opened the default output" in result.stdout


def test_cues_write_wav_files(tmp_path):
    result = run("cues", "--write", str(tmp_path / "cues"))
    assert result.returncode == 0
    for name, cue in CUES.items():
        with wave.open(str(tmp_path / "cues" / f"{name}.wav")) as wav:
            assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, RATE)
            assert abs(wav.getnframes() / RATE - cue.seconds) < 0.01


def test_cues_play_names_each_cue_as_it_plays(tmp_path):
    captured = tmp_path / "out.raw"
    config = tmp_path / "asound.conf"
    config.write_text(f'pcm.!default {{ type file; slave {{ pcm {{ type null }} }}; file "| cat >> {captured}"; '
                      'format "raw" }\n')
    result = run("cues", "--play", env_extra={"ALSA_CONFIG_PATH": str(config)})
    assert result.returncode == 0, result.stderr
    assert [line.split()[0] for line in result.stdout.splitlines()] == list(CUES)
    total = sum(round(cue.seconds * RATE) for cue in CUES.values())
    assert abs(len(captured.read_bytes()) // 2 - total) < 50 * len(CUES)


def test_cues_play_without_a_device_says_so(tmp_path):
    config = tmp_path / "asound-none.conf"
    config.write_text("pcm.!default { type hw; card 99 }\n")
    result = run("cues", "--play", env_extra={"ALSA_CONFIG_PATH": str(config)})
    assert result.returncode == 1
    assert "No sound device" in result.stderr
    assert "Traceback" not in result.stderr
