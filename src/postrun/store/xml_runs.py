"""Runs from GPX (its track measured by `gpxpy`, heart rate from Garmin's
TrackPointExtension) and TCX files. Every XML file is first parsed by `defusedxml` with
DTDs forbidden, so a file that declares entities (the "billion laughs") is refused at
once, before anything expands it; the standard library's own parsers never see a file
from outside."""

from __future__ import annotations

from datetime import datetime
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as safe_xml
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
    """The run of a GPX file. The tree defusedxml already checked is walked here, and the
    track handed to gpxpy as its own objects for the length and the moving time: gpxpy's
    parser builds each point field by field (60 ms for a 45-minute track, most of a Strava
    export's time when a phone recorded its runs)."""
    root = checked_xml(data)
    if _local(root.tag) != "gpx":
        raise XmlRunError(f"not GPX (its root is <{_local(root.tag)}>)")
    tracks = [e for e in root if _local(e.tag) == "trk"]
    kind = next((t for track in tracks if (t := (_text(track, "type") or "").strip().lower())), None)
    if kind and kind not in RUN_TYPES:
        raise NotARun(kind)
    gpx = gpxpy.gpx.GPX()
    rates: list[int] = []
    space = root.tag[:root.tag.index("}") + 1] if root.tag.startswith("{") else ""   # GPX 1.0 or 1.1
    names = (f"{space}trkpt", f"{space}time", f"{space}extensions")
    for track_element in tracks:
        track = gpxpy.gpx.GPXTrack()
        for segment_element in (e for e in track_element if _local(e.tag) == "trkseg"):
            segment = gpxpy.gpx.GPXTrackSegment()
            segment.points = [_point(e, rates, names) for e in segment_element if e.tag == names[0]]
            track.segments.append(segment)
        gpx.tracks.append(track)
    timed = [p.time for track in gpx.tracks for segment in track.segments for p in segment.points if p.time]
    if not timed:
        raise XmlRunError("has no track points with a time")
    start, end = timed[0], timed[-1]
    moving = gpx.get_moving_data()
    return Run(
        started_at=start, elapsed_seconds=(end - start).total_seconds(),
        distance_m=gpx.length_2d() or None,
        moving_seconds=float(moving.moving_time) if moving and moving.moving_time else None,
        sub_sport=None, average_heart_rate=round(sum(rates) / len(rates)) if rates else None,
        max_heart_rate=max(rates) if rates else None, device=(root.get("creator") or "GPX").strip()[:80],
        source=source)


GPX_HEAD_BYTES = 16 * 1024      # the root's start tag and the first track points


class _Head:
    """An XMLParser target keeping the root's tag and attributes and the first track
    point's time (its text), nothing else."""

    def __init__(self) -> None:
        self.root: tuple[str, dict[str, str]] | None = None
        self.in_point = self.in_time = False
        self.time: str | None = None
        self._text: list[str] = []

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if self.root is None:
            self.root = (tag, dict(attrib))
        name = _local(tag)
        self.in_point = self.in_point or name == "trkpt"
        if self.in_point and name == "time" and self.time is None:
            self.in_time, self._text = True, []

    def data(self, text: str) -> None:
        if self.in_time:
            self._text.append(text)

    def end(self, tag: str) -> None:
        if self.in_time and _local(tag) == "time":
            self.in_time, self.time = False, "".join(self._text)

    def close(self) -> None:
        return None


def gpx_head(data: bytes) -> tuple[str, datetime | None]:
    """(its creator, the first track point's time) from the start of a GPX file, read by
    defusedxml as every XML file is (a DTD can only come before the root: refused here as
    in a whole read). For a Strava export, whose activities.csv already holds each run's
    summary: a whole read of 2,000 GPX tracks takes over a minute."""
    head = _Head()
    parser = safe_xml.XMLParser(target=head, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    try:
        parser.feed(data[:GPX_HEAD_BYTES])
    except DefusedXmlException:
        raise XmlRunError("declares a DTD or entities, which a run file never needs: refused unread") from None
    except safe_xml.ParseError as exc:
        if head.root is None or head.time is None:
            raise XmlRunError(f"not XML ({exc})") from None
    if head.root is None:
        raise XmlRunError("not XML (no element in its first bytes)")
    if _local(head.root[0]) != "gpx":
        raise XmlRunError(f"not GPX (its root is <{_local(head.root[0])}>)")
    return (head.root[1].get("creator") or "GPX").strip()[:80], _time(head.time)


def _point(element: Element, rates: list[int], names: tuple[str, str, str]) -> gpxpy.gpx.GPXTrackPoint:
    """A track point (its heart rate, from Garmin's extension, added to `rates`); `names`
    are the point's, its time's and its extensions' tags in the file's namespace. Called
    for every point of a track: no more work than it must."""
    try:
        latitude, longitude = float(element.get("lat", "")), float(element.get("lon", ""))
    except ValueError:
        raise XmlRunError("a track point without a latitude and longitude") from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise XmlRunError(f"a track point at {latitude:g}, {longitude:g}, which is not on Earth")
    moment = None
    for child in element:
        tag = child.tag
        if tag == names[1]:
            moment = _time(child.text)
        elif tag == names[2]:
            rate = _heart_rate(child)
            if rate is not None:
                rates.append(rate)
    return gpxpy.gpx.GPXTrackPoint(latitude, longitude, time=moment)


def _heart_rate(extensions: Element) -> int | None:
    """Garmin's <gpxtpx:TrackPointExtension><gpxtpx:hr>152</gpxtpx:hr>…"""
    for element in extensions.iter():
        tag = element.tag
        if isinstance(tag, str) and (tag.endswith("}hr") or tag == "hr") and element.text \
                and element.text.strip().isdigit():
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
        moment = datetime.fromisoformat(text.strip())      # Python 3.11 reads "Z" and fractions
    except ValueError:
        return None
    if moment.tzinfo is None:
        from datetime import UTC
        moment = moment.replace(tzinfo=UTC)
    return moment
