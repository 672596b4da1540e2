"""A run, as the watch's file, a Strava export or the user's typing gives it: when it
started, how far and how long, the heart rate and training effect when a device wrote
them, and what kind of run it was. The strength workout after it is shaped by it
(core/run_advice.py); the history puts both side by side."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from enum import StrEnum

# what a plausible run is; a file beyond these is refused, never imported as nonsense
MAX_DISTANCE_M = 400_000.0          # 400 km: past the longest ultras of a day
MAX_SECONDS = 48 * 3600.0
EARLIEST_YEAR = 1990                # before GPS watches: a start in 1900 is a broken clock
MIN_HEART_RATE, MAX_HEART_RATE = 25, 250
MAX_TRAINING_EFFECT = 5.0


class RunKind(StrEnum):
    EASY = "easy"
    LONG = "long"
    TEMPO = "tempo"
    INTERVALS = "intervals"
    RACE = "race"


@dataclass(frozen=True)
class Run:
    started_at: datetime            # aware
    elapsed_seconds: float          # start to finish, pauses included
    distance_m: float | None = None  # None: not known (a typed run may leave it out)
    moving_seconds: float | None = None
    sport: str = "running"
    sub_sport: str | None = None     # "treadmill", "trail", "track", …
    average_heart_rate: int | None = None
    max_heart_rate: int | None = None
    training_effect: float | None = None    # aerobic, 0-5, when the device wrote it
    kind: RunKind | None = None
    effort: int | None = None        # 1-10, typed
    device: str = ""                 # maker and serial number, or the app that wrote it; "typed"
    source: str = ""                 # the file's name, "Strava export", "typed"

    @property
    def id(self) -> str:
        """The same run from the same device is the same run, whichever file brought it:
        its start to the second (UTC) and the device."""
        return f"{self.started_at.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}|{self.device}"

    @property
    def minutes(self) -> float:
        return (self.moving_seconds or self.elapsed_seconds) / 60.0


def clock_text(seconds: float) -> str:
    """47:10, 1:32:05."""
    whole = int(round(seconds))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def distance_text(metres: float) -> str:
    return f"{metres / 1000:.1f} km"


def run_line(run: Run, zone: tzinfo | None = None) -> str:
    """'18:02, 8.2 km in 47:10, average heart rate 152, intervals' (its time as it was
    where the user is)."""
    parts = [f"{run.started_at.astimezone(zone):%H:%M}"]
    time = clock_text(run.moving_seconds or run.elapsed_seconds)
    parts.append(f"{distance_text(run.distance_m)} in {time}" if run.distance_m else time)
    if run.average_heart_rate:
        parts.append(f"average heart rate {run.average_heart_rate}")
    if run.kind is not None:
        parts.append(run.kind.value)
    elif run.sub_sport and run.sub_sport not in ("generic", "street", "road"):
        parts.append(run.sub_sport)
    if run.effort is not None:
        parts.append(f"effort {run.effort}")
    if run.training_effect is not None:
        parts.append(f"training effect {run.training_effect:.1f}")
    return ", ".join(parts)


class ImplausibleRun(ValueError):
    """A value no run can have: the words name the field."""


def checked(run: Run) -> Run:
    """The run, or ImplausibleRun naming the first value that cannot be a run's."""
    if run.started_at.tzinfo is None:
        raise ImplausibleRun("start: has no time zone")
    if run.started_at.year < EARLIEST_YEAR:
        raise ImplausibleRun(f"start: {run.started_at:%Y-%m-%d} is before {EARLIEST_YEAR} (a clock never set)")
    if not 0 < run.elapsed_seconds <= MAX_SECONDS:
        raise ImplausibleRun(f"time: {run.elapsed_seconds:g} s is not a run's length (more than 0, at most 48 hours)")
    if run.moving_seconds is not None and not 0 <= run.moving_seconds <= MAX_SECONDS:
        raise ImplausibleRun(f"moving time: {run.moving_seconds:g} s is not a run's length")
    if run.distance_m is not None and not 0 <= run.distance_m <= MAX_DISTANCE_M:
        raise ImplausibleRun(f"distance: {run.distance_m:g} m is more than the {MAX_DISTANCE_M / 1000:g} km "
                             "a run can be" if run.distance_m > 0 else f"distance: {run.distance_m:g} m is negative")
    for name, rate in (("average heart rate", run.average_heart_rate), ("maximum heart rate", run.max_heart_rate)):
        if rate is not None and not MIN_HEART_RATE <= rate <= MAX_HEART_RATE:
            raise ImplausibleRun(f"{name}: {rate} is not a heart rate ({MIN_HEART_RATE}-{MAX_HEART_RATE})")
    if run.training_effect is not None and not 0 <= run.training_effect <= MAX_TRAINING_EFFECT:
        raise ImplausibleRun(f"training effect: {run.training_effect:g} is not from 0 to 5")
    if run.effort is not None and not 1 <= run.effort <= 10:
        raise ImplausibleRun(f"effort: {run.effort} is not from 1 to 10")
    return run
