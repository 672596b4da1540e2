import pytest

from postrun.core.durations import DurationError, format_duration, parse_duration


@pytest.mark.parametrize(
    ("written", "seconds"),
    [
        (40, 40),
        (0, 0),
        (40.0, 40),
        ("40", 40),
        ("40s", 40),
        ("40 s", 40),
        ("90 s", 90),
        ("1m30s", 90),
        ("1m 30s", 90),
        ("1 min 30 sec", 90),
        ("2m", 120),
        ("2 min", 120),
        ("1:30", 90),
        ("0:05", 5),
        ("1:00:00", 3600),
        ("1h", 3600),
        ("2h", 7200),
        ("  45S ", 45),
        ("7200", 7200),
    ],
)
def test_durations_people_write(written, seconds):
    assert parse_duration(written) == seconds


@pytest.mark.parametrize(
    ("written", "words"),
    [
        (-5, "negative"),
        ("-5s", "negative"),
        (7201, "2 hour limit"),
        ("3h", "2 hour limit"),
        ("99999999999999999s", "2 hour limit"),
        (1.5, "whole seconds"),
        ("1.5s", "cannot read"),
        ("forty", "cannot read"),
        ("", "cannot read"),
        ("s", "cannot read"),
        ("1:75", "cannot read"),
        (True, "not true"),
        ([40], "not list"),
        (None, "not NoneType"),
    ],
)
def test_bad_durations_say_why(written, words):
    with pytest.raises(DurationError, match=words):
        parse_duration(written)


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "0:00"), (5, "0:05"), (65, "1:05"), (600, "10:00"), (3725, "1:02:05")],
)
def test_format_duration(seconds, shown):
    assert format_duration(seconds) == shown
