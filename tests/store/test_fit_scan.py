"""The FIT walk that skips records: whatever a device writes (developer fields, compressed
timestamp headers, big-endian definitions, chained files), the run read through the
summary alone is the run fitdecode reads from the whole file; every CRC is still checked,
and a file whose messages do not add up is refused in words."""

import contextlib
import struct
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import postrun.store.fit_run as fit_run_module
from fit_writer import FitRun, crc, fit_file
from postrun.store.fit_run import FitError, fit_run
from postrun.store.fit_scan import summary_fit

VARIANTS = {
    "plain": {},
    "watch records": {"full_records": True},
    "developer field": {"developer_field": True},
    "compressed timestamps": {"compressed": True},
    "big-endian": {"big_endian": True},
    "all of them": {"full_records": True, "developer_field": True, "compressed": True, "big_endian": True},
}


def whole_file_run(data: bytes, monkeypatch) -> object:
    """The run as fitdecode reads it from every message (the scan's answer set aside)."""
    with monkeypatch.context() as patch:
        patch.setattr(fit_run_module, "summary_fit", lambda raw: (raw, False))
        return fit_run(data, "a.fit")


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("session", [True, False])
def test_the_summary_read_is_the_whole_files_read(variant, session, monkeypatch):
    data = fit_file(FitRun(seconds=600, records=None, session=session, training_effect=3.2, **VARIANTS[variant]))
    assert fit_run(data, "a.fit") == whole_file_run(data, monkeypatch)


def test_a_four_hour_run_leaves_a_few_messages_for_fitdecode():
    data = fit_file(FitRun(seconds=4 * 3600, records=None, full_records=True, distance_m=42_000.0))
    summary, has_session = summary_fit(data)
    assert has_session
    assert len(data) > 400_000
    assert len(summary) < 300
    assert fit_run(data, "a.fit").distance_m == 42_000


def test_chained_files_are_walked_each_and_the_first_session_counts():
    first = fit_file(FitRun(seconds=120, records=None))
    second = fit_file(FitRun(seconds=120, records=None, start=FitRun().start + timedelta(hours=1), sport="cycling"))
    assert fit_run(first + second, "a.fit").started_at == FitRun().start


def with_body(body: bytes) -> bytes:
    """A FIT file of `body`, its CRCs right."""
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    header += struct.pack("<H", crc(header))
    data = header + body
    return data + struct.pack("<H", crc(data))


@pytest.mark.parametrize(("damage", "words"), [
    (lambda d: d[:5000] + bytes([d[5000] ^ 0x01]) + d[5001:], "damaged (its CRC does not match"),
    (lambda d: d[:12] + b"\x00\x01" + d[14:], "damaged (its CRC does not match"),       # the header's CRC
    (lambda d: d[:-2], "cut short"),
    (lambda d: d[:13], "cut short"),
    (lambda d: b"\x20" + d[1:], "cannot be read as FIT (a header of 32 bytes"),
    (lambda d: with_body(b"\x05\x00\x00"), "cannot be read as FIT (a message of local type 5 before its definition)"),
    (lambda d: with_body(bytes([0x40, 0, 0, 20, 0, 3, 253, 4, 0x86])),
     "cannot be read as FIT (a definition runs past the end of the file)"),
    (lambda d: with_body(bytes([0x40, 0, 0, 20, 0, 1, 253, 200, 0x86, 0x00, 1, 2])),
     "cannot be read as FIT (a message runs past the end of the file)"),
    (lambda d: with_body(bytes([0x60, 0, 0, 20, 0, 0])),
     "cannot be read as FIT (a definition runs past the end of the file)"),
])
def test_a_damaged_file_is_refused_in_words(damage, words):
    data = fit_file(FitRun(seconds=600, records=None, full_records=True))
    with pytest.raises(FitError) as refused:
        fit_run(damage(data), "a.fit")
    assert str(refused.value).startswith(words)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_change_with_its_crcs_mended_is_read_or_refused_in_words(draw):
    """A device's bug, not a cable's: the CRCs are right but the messages are not."""
    from postrun.store.fit_run import NotARun

    data = bytearray(fit_file(FitRun(seconds=40, records=None, developer_field=True, compressed=True)))
    for _ in range(draw.draw(st.integers(1, 6))):
        at = draw.draw(st.integers(14, len(data) - 3))
        data[at] = draw.draw(st.integers(0, 255))
    body = bytes(data[14:-2])
    with contextlib.suppress(FitError, NotARun):
        fit_run(with_body(body), "a.fit")
