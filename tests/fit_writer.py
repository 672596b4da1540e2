"""A small FIT writer for the tests: the file_id, the records (one a second) and the
session summary a watch writes, in the FIT protocol's own layout (a 14-byte header with its
CRC, definition and data messages, little-endian, and the file's CRC), so that `fitdecode`
reads them exactly as a device's. Only the fields Postrun reads are written."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
ENUM, SINT8, UINT8, UINT16, SINT32, UINT32, UINT32Z = 0x00, 0x01, 0x02, 0x84, 0x85, 0x86, 0x8C
SIZES = {ENUM: 1, SINT8: 1, UINT8: 1, UINT16: 2, SINT32: 4, UINT32: 4, UINT32Z: 4}
FORMATS = {ENUM: "B", SINT8: "b", UINT8: "B", UINT16: "H", SINT32: "i", UINT32: "I", UINT32Z: "I"}
SPORTS = {"running": 1, "cycling": 2, "swimming": 5, "walking": 11, "training": 10}
SUB_SPORTS = {"generic": 0, "treadmill": 1, "street": 2, "trail": 3, "track": 4}
CRC_TABLE = (0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
             0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400)


def crc(data: bytes, value: int = 0) -> int:
    for byte in data:
        tmp = CRC_TABLE[value & 0xF]
        value = (value >> 4) & 0x0FFF
        value = value ^ tmp ^ CRC_TABLE[byte & 0xF]
        tmp = CRC_TABLE[value & 0xF]
        value = (value >> 4) & 0x0FFF
        value = value ^ tmp ^ CRC_TABLE[(byte >> 4) & 0xF]
    return value


def fit_time(moment: datetime) -> int:
    return int((moment - FIT_EPOCH).total_seconds())


@dataclass
class FitRun:
    start: datetime = datetime(2026, 12, 7, 17, 2, 0, tzinfo=UTC)
    seconds: int = 2830                  # elapsed
    timer_seconds: int | None = None     # moving (the timer's); default the elapsed
    distance_m: float | None = 8200.0
    sport: str = "running"
    sub_sport: str = "generic"
    average_heart_rate: int | None = 152
    max_heart_rate: int | None = 178
    training_effect: float | None = None
    serial: int = 3_456_789_012
    manufacturer: int = 1                # Garmin
    records: int | None = 0              # one a second; None: as many as seconds
    full_records: bool = False           # as a watch writes them: position, altitude, speed, cadence too
    developer_field: bool = False        # records carry a developer field (a Stryd's power, say)
    compressed: bool = False             # records after the first with compressed timestamp headers
    big_endian: bool = False             # records defined big-endian (some devices do)
    session: bool = True                 # a file cut before its summary has none
    raw_overrides: dict[str, int] = field(default_factory=dict)   # session fields written as given


class Writer:
    def __init__(self) -> None:
        self.body = bytearray()
        self.defined: dict[int, tuple[object, ...]] = {}

    def message(self, local: int, global_number: int, fields: list[tuple[int, int, int]],
                developer: list[tuple[int, int]] | None = None, big_endian: bool = False,
                header: int | None = None) -> None:
        """fields: (number, base type, value); developer: (field number, one-byte value) of
        developer data index 0; header: a compressed timestamp header byte instead of the
        normal one."""
        layout = (tuple((number, base) for number, base, _ in fields), tuple(n for n, _ in developer or ()),
                  big_endian)
        order = ">" if big_endian else "<"
        if self.defined.get(local) != layout:
            flag = 0x20 if developer else 0
            self.body += bytes([0x40 | flag | local, 0, int(big_endian)])
            self.body += struct.pack(order + "HB", global_number, len(fields))
            for number, base in layout[0]:
                self.body += bytes([number, SIZES[base], base])
            if developer:
                self.body += bytes([len(developer)])
                for number, _ in developer:
                    self.body += bytes([number, 1, 0])
            self.defined[local] = layout
        self.body += bytes([local if header is None else header])
        for _, base, value in fields:
            self.body += struct.pack(order + FORMATS[base], value)
        for _, value in developer or ():
            self.body += bytes([value])

    def file(self) -> bytes:
        header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(self.body), b".FIT")
        header += struct.pack("<H", crc(header))
        data = header + bytes(self.body)
        return data + struct.pack("<H", crc(data))


def fit_file(run: FitRun) -> bytes:
    writer = Writer()
    start = fit_time(run.start)
    writer.message(0, 0, [(0, ENUM, 4), (1, UINT16, run.manufacturer), (2, UINT16, 3113),
                          (3, UINT32Z, run.serial), (4, UINT32, start)])
    if run.developer_field:
        writer.message(3, 207, [(1, UINT8, 1), (3, UINT8, 0)])            # developer_data_id: index 0
        writer.message(4, 206, [(0, UINT8, 0), (1, UINT8, 0), (2, UINT8, 2)])   # field 0, uint8
    count = run.seconds if run.records is None else run.records
    step = run.distance_m / max(1, count) if run.distance_m else 0.0
    for second in range(count):
        fields = [(253, UINT32, start + second), (3, UINT8, 120 + second % 60)]
        if run.distance_m:
            fields.append((5, UINT32, int(step * second * 100)))
        if run.full_records:
            fields += [(0, SINT32, 619_000_000 + second * 40), (1, SINT32, 119_000_000 + second * 25),
                       (78, UINT32, 2500 + second % 200 * 5), (73, UINT32, 2900 + second % 100),
                       (4, UINT8, 85 + second % 5), (13, SINT8, 12), (53, UINT8, second % 128)]
        developer = [(0, 200 + second % 50)] if run.developer_field else None
        if run.compressed and second:
            # the time in the header's low five bits; local type 1 in bits 5-6
            writer.message(1, 20, fields[1:], developer, run.big_endian,
                           header=0x80 | (1 << 5) | ((start + second) & 0x1F))
        else:
            writer.message(1, 20, fields, developer, run.big_endian)
    if run.session:
        timer = run.seconds if run.timer_seconds is None else run.timer_seconds
        fields = [(253, UINT32, start + run.seconds), (2, UINT32, start), (5, ENUM, SPORTS[run.sport]),
                  (6, ENUM, SUB_SPORTS[run.sub_sport]), (7, UINT32, run.seconds * 1000), (8, UINT32, timer * 1000)]
        if run.distance_m is not None:
            fields.append((9, UINT32, int(run.distance_m * 100)))
        if run.average_heart_rate is not None:
            fields.append((16, UINT8, run.average_heart_rate))
        if run.max_heart_rate is not None:
            fields.append((17, UINT8, run.max_heart_rate))
        if run.training_effect is not None:
            fields.append((24, UINT8, int(run.training_effect * 10)))
        numbers = {"start_time": 2, "total_elapsed_time": 7, "total_timer_time": 8, "total_distance": 9}
        fields = [(n, b, run.raw_overrides.get(next((k for k, v in numbers.items() if v == n), ""), value))
                  for n, b, value in fields]
        writer.message(2, 18, fields)
    return writer.file()


def later(run: FitRun, **changes: object) -> FitRun:
    from dataclasses import replace

    return replace(run, **changes)


__all__ = ["FitRun", "fit_file", "later", "timedelta"]
