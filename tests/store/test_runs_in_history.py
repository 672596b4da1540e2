"""Both halves in the history: runs listed with the workouts, each workout tied to the run
before it that day, kilometres beside strength minutes per week, "strength after X of Y
runs" this month; the JSON export carries the runs and its import adds them with the
workouts in one transaction (all or nothing), an older file without runs still imports."""

import json
from datetime import datetime, timedelta

import pytest

from postrun.core.run import Run, RunKind
from postrun.core.run_pairs import runs_before
from postrun.store.library import load_library
from postrun.store.record_file import RecordFileError, json_text, read_workouts_file, stream_workouts_file
from postrun.store.run_json import run_item, run_of_item
from postrun.store.workout_history import HistoryPage, WorkoutHistory
from postrun.store.workout_log import WorkoutDraft, WorkoutLog, draft_of

from helpers import PINNED, FakeWallClock, builtin_circuit_dict

ZONE = PINNED.tzinfo


@pytest.fixture
def other(tmp_path):
    """Another computer's log."""
    opened = WorkoutLog.open(tmp_path / "other.sqlite3")
    yield opened
    opened.close()


def run_at(moment: datetime, km: float = 8.0, **fields) -> Run:
    return Run(started_at=moment, elapsed_seconds=km * 330, distance_m=km * 1000, device="garmin 1", source="a.fit",
               **fields)


def lift_at(log, moment: datetime, done: bool = True) -> WorkoutDraft:
    draft = WorkoutDraft("posterior-chain", builtin_circuit_dict("posterior-chain"), moment,
                         status="completed" if done else "abandoned", finished_at=moment + timedelta(minutes=15),
                         active_seconds=900, segment_index=40 if done else 0)
    log.write(draft)
    return draft


def test_each_workout_is_tied_to_the_run_before_it_the_same_day(log):
    evening = PINNED.replace(hour=18)
    morning_run = run_at(evening.replace(hour=7))
    evening_run = run_at(evening.replace(hour=17), km=5)
    log.add_runs([morning_run, evening_run, run_at(evening - timedelta(days=1, hours=-3))])
    lift_at(log, evening)                                     # after both: the evening's
    lift_at(log, evening.replace(hour=6))                     # before any run that day: none
    lift_at(log, evening + timedelta(days=1))                 # the next day: yesterday's run is not its
    page = WorkoutHistory(log, load_library, FakeWallClock()).page()
    assert isinstance(page, HistoryPage)
    by_start = {row.started_at: row.id for row in page.rows}
    assert page.run_before == {by_start[evening]: evening_run}


def test_runs_before_is_by_the_users_day_not_utc():
    late = datetime(2026, 11, 26, 23, 30, tzinfo=ZONE)          # 22:30 UTC
    run = run_at(datetime(2026, 11, 26, 21, 0, tzinfo=ZONE))
    assert runs_before([run], [(1, late)], ZONE) == {1: run}
    assert runs_before([run], [(1, late + timedelta(hours=1))], ZONE) == {}   # 00:30 the next day


def test_the_page_lists_both_newest_first_with_kilometres_and_the_month(log):
    history = WorkoutHistory(log, load_library, FakeWallClock())
    today = PINNED.replace(hour=17)
    log.add_runs([run_at(today, km=10), run_at(today - timedelta(days=2), km=6),
                  run_at(today - timedelta(days=8), km=12)])
    lift_at(log, today + timedelta(minutes=60))
    page = history.page()
    assert isinstance(page, HistoryPage)
    assert [type(row).__name__ for row in page.listed] == ["WorkoutSummary", "Run", "Run", "Run"]
    assert page.kilometres[-1] == pytest.approx(16)           # Thursday's week: Tuesday and today
    assert page.kilometres[-2] == pytest.approx(12)
    assert len(page.kilometres) == 12
    assert page.summary.endswith(" · strength after 1 of 3 runs this month")


def test_no_runs_no_kilometres_and_the_summary_as_before(log):
    lift_at(log, PINNED - timedelta(hours=2))
    page = WorkoutHistory(log, load_library, FakeWallClock()).page()
    assert page.kilometres == []
    assert "runs" not in page.summary


def test_a_run_is_deleted_and_brought_back(log):
    history = WorkoutHistory(log, load_library, FakeWallClock())
    run = run_at(PINNED - timedelta(hours=3))
    log.add_runs([run])
    assert history.delete_run(run) is None
    assert log.runs() == []
    assert history.restore_run(run) is None
    assert [r.id for r in log.runs()] == [run.id]


def test_the_export_carries_the_runs_and_imports_them_once(log, other, tmp_path):
    history = WorkoutHistory(log, load_library, FakeWallClock())
    lift_at(log, PINNED - timedelta(hours=1))
    log.add_runs([run_at(PINNED - timedelta(hours=2), kind=RunKind.INTERVALS, effort=8, average_heart_rate=150,
                         training_effect=3.5, sub_sport="track")])
    assert history.export(tmp_path / "all.json") == 1
    document = json.loads((tmp_path / "all.json").read_text())
    assert document["runs"][0]["kind"] == "intervals"
    again = WorkoutHistory(other, load_library, FakeWallClock())
    assert again.import_file(tmp_path / "all.json") == (1, 0, 1, 0)
    assert again.import_file(tmp_path / "all.json") == (0, 1, 0, 1)
    assert other.runs() == log.runs()


def test_a_file_from_before_runs_imports_its_workouts(log, other, tmp_path):
    lift_at(log, PINNED - timedelta(hours=1))
    text = json_text(draft_of(r) for r in log.records())
    old = json.loads(text)
    del old["runs"]
    (tmp_path / "old.json").write_text(json.dumps(old))
    assert WorkoutHistory(other, load_library, FakeWallClock()).import_file(tmp_path / "old.json") == (1, 0, 0, 0)


@pytest.mark.parametrize(("change", "words"), [
    ({"distance_m": 1e9}, "runs[1]: distance: 1e+09 m is more than"),
    ({"elapsed_seconds": -5}, "runs[1]: time: -5 s is not a run's length"),
    ({"started_at": "1900-01-01T10:00:00+00:00"}, "runs[1]: start: 1900-01-01 is before"),
    ({"started_at": "2026-11-26T10:00:00"}, "runs[1].started_at: needs its UTC offset"),
    ({"started_at": "9999-12-31T23:59:59-12:00"}, "runs[1].started_at: 9999 is not a year"),
    ({"started_at": "yesterday"}, "runs[1].started_at: 'yesterday' is not a date and time"),
    ({"kind": "jog"}, "runs[1].kind: 'jog' is not one of easy, long"),
    ({"average_heart_rate": 152.5}, "runs[1].average_heart_rate: must be a whole number"),
    ({"elapsed_seconds": "47:10"}, "runs[1].elapsed_seconds: must be a number"),
    ({"elapsed_seconds": True}, "runs[1].elapsed_seconds: must be a number"),
    ({"device": "x" * 300}, "runs[1].device: must be text of at most 200"),
    ({"source": "a\u0000b"}, "runs[1].source: holds a character that is not text"),
])
def test_a_bad_run_refuses_the_whole_file_workouts_too(log, other, tmp_path, change, words):
    lift_at(log, PINNED - timedelta(hours=1))
    document = json.loads(json_text((draft_of(r) for r in log.records()), [run_at(PINNED - timedelta(hours=2))]))
    document["runs"][0].update(change)
    (tmp_path / "bad.json").write_text(json.dumps(document))
    runs: list = []
    with pytest.raises(RecordFileError) as refused:
        other.merge_export(stream_workouts_file(tmp_path / "bad.json", runs), runs)
    assert words in str(refused.value)
    assert other.summaries() == []
    assert other.runs() == []


def test_runs_that_are_not_a_list_are_refused(tmp_path):
    (tmp_path / "bad.json").write_text('{"format": 1, "kind": "postrun-workouts", "workouts": [], "runs": {}}')
    with pytest.raises(RecordFileError, match='"runs" must be a list'):
        read_workouts_file(tmp_path / "bad.json")


def test_a_run_round_trips_through_its_json():
    run = run_at(PINNED, kind=RunKind.LONG, effort=5, moving_seconds=2500.0, max_heart_rate=170)
    assert run_of_item(json.loads(json.dumps(run_item(run)))) == run


def test_the_months_count_reads_the_months_workouts_in_the_zone_they_were_lived(log):
    from datetime import timezone

    from postrun.store.todays_run import month_counts

    kiritimati = timezone(timedelta(hours=14))
    first = datetime(2026, 12, 1, 7, 0, tzinfo=kiritimati)          # 30 November in UTC
    log.add_runs([run_at(first), run_at(first - timedelta(days=3))])  # the second: last month
    lift_at(log, first + timedelta(hours=1))
    lift_at(log, first - timedelta(days=3, hours=-1))                # after last month's run
    assert month_counts(log, first + timedelta(hours=5)) == (1, 1)
    assert len(log.summaries(since="2026-12-01")) == 1
