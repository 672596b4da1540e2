"""Benchmarks play real sound: without a sound card, point ALSA's default at its null device."""

from __future__ import annotations

import os
import tempfile


def ensure_sound_device() -> str:
    import simpleaudio

    from postrun.audio.alsa_quiet import silence_alsa_errors

    silence_alsa_errors()
    try:
        simpleaudio.play_buffer(bytes(4), 1, 2, 44_100).wait_done()
        return "the default ALSA device"
    except Exception:
        config = os.path.join(tempfile.mkdtemp(prefix="postrun-bench-"), "asound.conf")
        with open(config, "w") as handle:
            handle.write("pcm.!default { type null }\n")
        os.environ["ALSA_CONFIG_PATH"] = config
        return "ALSA's null device (no sound card here)"
