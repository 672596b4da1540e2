"""The cue set, synthesized in code at start-up: no sound files to ship or lose.

Every tone's frequency divides the sample rate into a whole number of samples, so a
tone is one precomputed period repeated (a C-speed array copy) and only the 5 ms fades
are computed sample by sample: the whole set takes a few milliseconds in pure Python.
Each cue is told apart by its dominant pitch and its rhythm.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass

RATE = 44_100
FULL_SCALE = 32_767
LOUD = 0.9            # near full scale: a gym is noisy
SOFT = 0.35           # pause/resume should not startle
FADE_SECONDS = 0.005  # no clicks at either end of a tone


@dataclass(frozen=True)
class Tone:
    period: int          # samples per cycle; frequency = RATE / period
    seconds: float
    gap_after: float = 0.0

    @property
    def frequency(self) -> float:
        return RATE / self.period


@dataclass(frozen=True)
class Cue:
    tones: tuple[Tone, ...]
    level: float = LOUD
    description: str = ""

    @property
    def seconds(self) -> float:
        return sum(t.seconds + t.gap_after for t in self.tones)

    @property
    def dominant(self) -> float:
        """The pitch heard longest: what identifies the cue."""
        return max(self.tones, key=lambda t: t.seconds).frequency


def _t(frequency_period: int, seconds: float, gap: float = 0.0) -> Tone:
    return Tone(frequency_period, seconds, gap)


# periods in samples at 44.1 kHz: 120=367.5 Hz 100=441 90=490 84=525 80=551.25 70=630
# 60=735 50=882 45=980 40=1102.5 35=1260 30=1470 25=1764
CUES: dict[str, Cue] = {
    "get_ready": Cue((_t(70, 0.15, 0.1), _t(70, 0.15)), description="two mid beeps: get ready"),
    "go": Cue((_t(35, 0.6),), description="one long high tone: work starts"),
    "rest": Cue((_t(45, 0.12, 0.05), _t(84, 0.4)), description="high then low: rest"),
    "switch": Cue((_t(40, 0.09, 0.06), _t(40, 0.09, 0.06), _t(40, 0.09)),
                  description="three quick pips: switch sides"),
    "countdown": Cue((_t(100, 0.15),), description="short low pip: 3, 2"),
    "countdown_last": Cue((_t(50, 0.35),), description="longer, higher pip: 1"),
    "halfway": Cue((_t(60, 0.1, 0.08), _t(60, 0.1)), description="double blip: halfway"),
    "round_complete": Cue((_t(100, 0.1), _t(80, 0.1), _t(60, 0.1), _t(30, 0.45)),
                          description="rising run: round complete"),
    "workout_complete": Cue((_t(80, 0.12), _t(60, 0.12), _t(50, 0.12), _t(25, 0.8)),
                            description="long rising run: workout complete"),
    "paused": Cue((_t(120, 0.2),), level=SOFT, description="soft low tone: paused"),
    "resumed": Cue((_t(90, 0.2),), level=SOFT, description="soft tone: resumed"),
}


def _period(samples: int, amplitude: float) -> array[int]:
    """One cycle: the fundamental plus a little third harmonic, for presence in a noisy
    room, scaled so its peak is `amplitude` of full scale."""
    wave = [math.sin(2 * math.pi * i / samples) + 0.2 * math.sin(6 * math.pi * i / samples) for i in range(samples)]
    scale = amplitude * FULL_SCALE / max(abs(v) for v in wave)
    return array("h", (int(scale * v) for v in wave))


def synthesize(cue: Cue, volume: float = 1.0, lead_in: float = 0.0) -> bytes:
    """16-bit mono PCM at RATE. volume 0..1 scales the cue's own level."""
    amplitude = max(0.0, min(1.0, volume)) * cue.level
    fade = int(FADE_SECONDS * RATE)
    out = array("h", bytes(2 * int(lead_in * RATE)))
    for tone in cue.tones:
        cycles = max(1, round(tone.seconds * RATE / tone.period))
        samples = _period(tone.period, amplitude) * cycles
        for i in range(min(fade, len(samples) // 2)):
            gain = i / fade
            samples[i] = int(samples[i] * gain)
            samples[-1 - i] = int(samples[-1 - i] * gain)
        out.extend(samples)
        out.extend(array("h", bytes(2 * int(tone.gap_after * RATE))))
    return out.tobytes()


class CueSet:
    """Every cue ready to play at one volume and lead-in; rebuilt when either changes."""

    def __init__(self, volume: float = 1.0, lead_in: float = 0.0) -> None:
        self.volume = volume
        self.lead_in = lead_in
        self.buffers = {name: synthesize(cue, volume, lead_in) for name, cue in CUES.items()}

    def __getitem__(self, name: str) -> bytes:
        return self.buffers[name]
