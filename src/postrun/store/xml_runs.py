"""Runs from GPX (read by `gpxpy`, heart rate from Garmin's TrackPointExtension) and TCX
files. Every XML file is first parsed by `defusedxml` with DTDs forbidden, so a file that
declares entities (the "billion laughs") is refused at once, before anything expands it;
the standard library's own parsers never see a file from outside."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as safe_xml
import gpxpy
import gpxpy.gpx
from defusedxml import DefusedXmlException

from postrun.core.run import Run
from postrun.store.fit_run import NotARun

RUN_TYPES = {"running", "run", "9", "trail_running", "treadmill_running", "street_running", "track_running"}


class XmlRunError(ValueError):
    """Words for a GPX or TCX file that cannot be read."""


def checked_xml(data: bytes) -> Element:
    """The document's root, or XmlRunError: not XML, or declaring a DTD or entities."""
    try:
        root: Element = safe_xml.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
        return root
    except DefusedXmlException:
        raise XmlRunError("declares a DTD or entities, which a run file never needs: refused unread") from None
    except safe_xml.ParseError as exc:
        raise XmlRunError(f"not XML ({exc})") from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def gpx_run(data: bytes, source: str) -> Run:
    root = checked_xml(data)
    if _local(root.tag) != "gpx":
        raise XmlRunError(f"not GPX (its root is <{_local(root.tag)}>)")
    try:
        gpx = gpxpy.parse(data.decode("utf-8", errors="replace"))
    except (gpxpy.gpx.GPXException, ValueError) as exc:
        raise XmlRunError(f"not a GPX track ({exc})") from None
    kind = next((t.type for t in gpx.tracks if t.type), None)
    if kind and kind.strip().lower() not in RUN_TYPES:
        raise NotARun(kind.strip().lower())
    points = [p for track in gpx.tracks for segment in track.segments for p in segment.points]
    timed = [p for p in points if p.time is not None]
    if not timed:
        raise XmlRunError("has no track points with a time")
    start, end = timed[0].time, timed[-1].time
    assert start is not None
    assert end is not None
    if start.tzinfo is None:
        from datetime import UTC
        start, end = start.replace(tzinfo=UTC), end.replace(tzinfo=UTC)
    rates = [rate for p in timed if (rate := _heart_rate(p.extensions)) is not None]
    moving = gpx.get_moving_data()
    return Run(
        started_at=start, elapsed_seconds=(end - start).total_seconds(),
        distance_m=gpx.length_2d() or None,
        moving_seconds=float(moving.moving_time) if moving and moving.moving_time else None,
        sub_sport=None, average_heart_rate=round(sum(rates) / len(rates)) if rates else None,
        max_heart_rate=max(rates) if rates else None, device=(gpx.creator or "GPX").strip()[:80], source=source)


def _heart_rate(extensions: list[Any]) -> int | None:
    """Garmin's <gpxtpx:TrackPointExtension><gpxtpx:hr>152</gpxtpx:hr>…"""
    for extension in extensions:
        for element in extension.iter():
            if _local(str(element.tag)) == "hr" and element.text and element.text.strip().isdigit():
                return int(element.text.strip())
    return None


def tcx_run(data: bytes, source: str) -> Run:
    root = checked_xml(data)
    if _local(root.tag) != "TrainingCenterDatabase":
        raise XmlRunError(f"not TCX (its root is <{_local(root.tag)}>)")
    activity = next((e for e in root.iter() if _local(e.tag) == "Activity"), None)
    if activity is None:
        raise XmlRunError("holds no activity")
    sport = (activity.get("Sport") or "").strip().lower()
    if sport and sport != "running":
        raise NotARun(sport)
    started = _time(_text(activity, "Id"))
    laps = [e for e in activity if _local(e.tag) == "Lap"]
    if started is None and laps:
        started = _time(laps[0].get("StartTime"))
    if started is None:
        raise XmlRunError("has no start time (<Id> or a lap's StartTime)")
    seconds = sum(_float(_text(lap, "TotalTimeSeconds")) or 0.0 for lap in laps)
    metres = sum(_float(_text(lap, "DistanceMeters")) or 0.0 for lap in laps)
    averages = [(_float(_text(lap, "AverageHeartRateBpm/Value")), _float(_text(lap, "TotalTimeSeconds")) or 0.0)
                for lap in laps]
    weighted = [(rate, time) for rate, time in averages if rate]
    average = round(sum(r * t for r, t in weighted) / sum(t for _, t in weighted)) \
        if weighted and sum(t for _, t in weighted) else None
    maxima = [m for lap in laps if (m := _float(_text(lap, "MaximumHeartRateBpm/Value")))]
    times = [t for e in activity.iter() if _local(e.tag) == "Time" and (t := _time(e.text)) is not None]
    elapsed = (times[-1] - times[0]).total_seconds() if len(times) > 1 else seconds
    creator = next((e for e in activity if _local(e.tag) == "Creator"), None)
    device = _text(creator, "Name") if creator is not None else None
    return Run(started_at=started, elapsed_seconds=max(elapsed, seconds), distance_m=metres or None,
               moving_seconds=seconds or None, average_heart_rate=average,
               max_heart_rate=round(max(maxima)) if maxima else None, device=(device or "TCX").strip()[:80],
               source=source)


def _text(element: Element, path: str) -> str | None:
    """The text at a path of local names ('AverageHeartRateBpm/Value'), namespaces ignored."""
    current: Element | None = element
    for part in path.split("/"):
        current = next((e for e in current if _local(e.tag) == part), None) if current is not None else None
    return current.text.strip() if current is not None and current.text else None


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def _time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        from datetime import UTC
        moment = moment.replace(tzinfo=UTC)
    return moment
