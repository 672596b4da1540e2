"""A run from a FIT file (Garmin, Coros, Suunto, Wahoo, Gadgetbridge), read with
`fitdecode`: the session summary a watch writes at the end (sport, sub-sport, start,
elapsed and moving time, distance, heart rate, training effect). A treadmill run has no
track and needs none. A file without a summary gets one from its records. The CRC is
checked: a file cut short or damaged is refused, never half-read. fit_scan hands fitdecode
only the summary's messages when there is a session (a 4-hour run's 14,400 records are
skipped by their size, not decoded)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from typing import Any

import fitdecode

from postrun.core.run import Run
from postrun.store.fit_scan import FitCutShort, FitDamaged, FitScanError, summary_fit

RUN_SPORTS = {"running"}
FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)


class FitError(ValueError):
    """Words for a FIT file that cannot be read."""


class NotARun(ValueError):
    """The activity is of another sport: listed as skipped, with its sport."""

    def __init__(self, sport: str) -> None:
        super().__init__(sport)
        self.sport = sport


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _whole(value: Any) -> int | None:
    return int(value) if isinstance(value, int) and not isinstance(value, bool) else None


def fit_run(data: bytes, source: str) -> Run:
    """The run in `data`, or FitError / NotARun."""
    if len(data) < 12 or data[8:12] != b".FIT":
        raise FitError("not a FIT file (no “.FIT” in its header)")
    device: dict[str, Any] = {}
    session: dict[str, Any] | None = None
    sport: dict[str, Any] = {}
    first: datetime | None = None
    last: datetime | None = None
    distance = 0.0
    rates: list[int] = []
    try:
        summary_only, has_session = summary_fit(data)
    except FitCutShort:
        raise FitError("cut short (it ends part-way through)") from None
    except FitDamaged:
        raise FitError("damaged (its CRC does not match: cut short or changed)") from None
    except FitScanError as exc:
        raise FitError(f"cannot be read as FIT ({exc})") from None
    try:
        # with a session, its summary is all that is read; without, every record
        with fitdecode.FitReader(io.BytesIO(summary_only if has_session else data), check_crc=fitdecode.CrcCheck.RAISE,
                                 error_handling=fitdecode.ErrorHandling.RAISE) as fit:
            for frame in fit:
                if not isinstance(frame, fitdecode.FitDataMessage):
                    continue
                name = frame.name
                if name == "record":
                    when = frame.get_value("timestamp", fallback=None)
                    if isinstance(when, datetime):
                        first = first or when
                        last = when
                    metres = _number(frame.get_value("distance", fallback=None))
                    distance = max(distance, metres or 0.0)
                    rate = _whole(frame.get_value("heart_rate", fallback=None))
                    if rate:
                        rates.append(rate)
                elif name == "session" and session is None:      # a multisport file: its first
                    session = {field.name: field.value for field in frame.fields}
                elif name == "file_id" and not device:
                    device = {field.name: field.value for field in frame.fields}
                elif name == "sport" and not sport:
                    sport = {field.name: field.value for field in frame.fields}
    except fitdecode.FitCRCError:
        raise FitError("damaged (its CRC does not match: cut short or changed)") from None
    except fitdecode.FitEOFError:
        raise FitError("cut short (it ends part-way through)") from None
    except (fitdecode.FitError, ValueError, KeyError, IndexError, TypeError, OverflowError) as exc:
        raise FitError(f"cannot be read as FIT ({exc})") from None
    summary = session or {}
    kind = str(summary.get("sport") or sport.get("sport") or "")
    if kind and kind not in RUN_SPORTS:
        raise NotARun(kind.replace("_", " "))
    if not kind and session is None and first is None:
        raise FitError("holds no activity (no session and no records)")
    if kind == "" and device.get("type") not in (None, "activity"):
        raise FitError(f"is a {device.get('type')} file, not an activity")
    started = summary.get("start_time") if summary.get("start_time") is not None else first
    if isinstance(started, int) and not isinstance(started, bool):
        # fitdecode leaves a time below 0x10000000 as a number (a device's clock never set):
        # as a date it is in 1989, which the checks refuse in words
        started = FIT_EPOCH + timedelta(seconds=started)
    if not isinstance(started, datetime):
        raise FitError("has no start time")
    elapsed = _number(summary.get("total_elapsed_time"))
    if elapsed is None and first is not None and last is not None:
        elapsed = (last - first).total_seconds()
    sub_sport = summary.get("sub_sport") or sport.get("sub_sport")
    effect = _number(summary.get("total_training_effect"))
    maker = device.get("manufacturer")
    serial = device.get("serial_number")
    return Run(
        started_at=started, elapsed_seconds=elapsed or 0.0,
        distance_m=_number(summary.get("total_distance")) if session is not None else (distance or None),
        moving_seconds=_number(summary.get("total_timer_time")),
        sport="running", sub_sport=str(sub_sport) if sub_sport else None,
        average_heart_rate=_whole(summary.get("avg_heart_rate"))
        if session is not None else (round(sum(rates) / len(rates)) if rates else None),
        max_heart_rate=_whole(summary.get("max_heart_rate"))
        if session is not None else (max(rates) if rates else None),
        training_effect=effect, device=f"{maker or 'unknown'} {serial or ''}".strip(), source=source)
