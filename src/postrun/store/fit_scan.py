"""A FIT file cut down to what a run's summary needs, before fitdecode decodes it.

A watch writes one record a second: a 4-hour run is 14,400 records, and fitdecode decodes
each field of each in Python (over a second for that run, minutes for a Strava export of
2,000). The summary is in a handful of messages (file_id, sport, session). So the file's
CRCs are checked whole here (fastcrc: a C-speed CRC-16/ARC, the FIT checksum), its
messages are walked by their definitions' sizes without decoding, and the definitions with
only the summary's data messages are handed to fitdecode as a FIT file of their own. A file
without a session (cut before the watch wrote it) is decoded whole: its records are all
there is."""

from __future__ import annotations

import struct

from fastcrc import crc16

FILE_ID, SPORT, SESSION, ACTIVITY, FILE_CREATOR = 0, 12, 18, 34, 49
FIELD_DESCRIPTION, DEVELOPER_DATA_ID = 206, 207
SUMMARY = frozenset({FILE_ID, SPORT, SESSION, ACTIVITY, FILE_CREATOR, FIELD_DESCRIPTION, DEVELOPER_DATA_ID})


class FitScanError(ValueError):
    """Words for what is wrong with the file."""


class FitCutShort(FitScanError):
    pass


class FitDamaged(FitScanError):
    pass


def summary_fit(data: bytes) -> tuple[bytes, bool]:
    """(a FIT file of the summary's messages, whether it holds a session), or FitScanError.
    Chained files (several FIT files one after another) are walked each in turn."""
    body = bytearray()
    has_session = False
    position = 0
    while position < len(data):
        start, end = _checked_file(data, position)
        has_session |= _walk(data, start, end, body)
        position = end + 2
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    header += struct.pack("<H", crc16.arc(header))
    out = header + bytes(body)
    return out + struct.pack("<H", crc16.arc(out)), has_session


def _checked_file(data: bytes, position: int) -> tuple[int, int]:
    """(where its messages start, where they end) of the FIT file at `position`, its CRCs
    checked."""
    size = data[position]
    if size not in (12, 14):
        raise FitScanError(f"a header of {size} bytes, not 12 or 14")
    if position + size > len(data):
        raise FitCutShort("cut short in its header")
    if data[position + 8:position + 12] != b".FIT":
        raise FitScanError("no “.FIT” in a header")
    (data_size,) = struct.unpack_from("<I", data, position + 4)
    if size == 14:
        (stored,) = struct.unpack_from("<H", data, position + 12)
        if stored and stored != crc16.arc(data[position:position + 12]):
            raise FitDamaged("its header's CRC does not match")
    end = position + size + data_size
    if end + 2 > len(data):
        raise FitCutShort("cut short")
    (stored,) = struct.unpack_from("<H", data, end)
    if stored != crc16.arc(data[position:end]):
        raise FitDamaged("its CRC does not match")
    return position + size, end


def _walk(data: bytes, position: int, end: int, out: bytearray) -> bool:
    """Copy every definition and the summary's data messages to `out`; whether a session
    was among them."""
    layouts: dict[int, tuple[int, int]] = {}      # local type -> (data size, global number)
    session = False
    unpack_from = struct.unpack_from
    while position < end:
        header = data[position]
        if header & 0x80:                          # compressed timestamp: a data message
            local = (header >> 5) & 0x03
        elif header & 0x40:                        # a definition
            after = position + 6
            if after > end:
                raise FitScanError("a definition runs past the end of the file")
            (number,) = unpack_from(">H" if data[position + 2] == 1 else "<H", data, position + 3)
            fields, after = after, after + 3 * data[position + 5]
            if header & 0x20:                      # developer fields follow
                if after >= end:
                    raise FitScanError("a definition runs past the end of the file")
                developer, after = after + 1, after + 1 + 3 * data[after]
            if after > end:
                raise FitScanError("a definition runs past the end of the file")
            size = sum(data[fields + 1:after if not header & 0x20 else developer - 1:3])
            if header & 0x20:
                size += sum(data[developer + 1:after:3])
            layouts[header & 0x0F] = (size, number)
            out += data[position:after]
            position = after
            continue
        else:
            local = header & 0x0F
        layout = layouts.get(local)
        if layout is None:
            raise FitScanError(f"a message of local type {local} before its definition")
        size, number = layout
        following = position + 1 + size
        if following > end:
            raise FitScanError("a message runs past the end of the file")
        if number in SUMMARY:
            out += data[position:following]
            session = session or number == SESSION
        position = following
    return session
