"""Reading captured PCM: dominant frequency by FFT, peak level."""

import numpy as np

from postrun.audio.cues import RATE


def samples(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<i2").astype(np.float64)


def dominant_frequency(pcm: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(pcm * np.hanning(len(pcm))))
    frequencies = np.fft.rfftfreq(len(pcm), 1 / RATE)
    return float(frequencies[int(np.argmax(spectrum))])
