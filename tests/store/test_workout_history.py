"""The history page's data layer: each question answered with a value, or refused in words
with nothing changed, never a storage exception for the view to catch."""

import json

import pytest

from postrun.store.library import load_library
from postrun.store.refused import Refused
from postrun.store.resume_point import ResumePoint
from postrun.store.workout_history import HistoryPage, WorkoutHistory
from postrun.store.workout_log import WorkoutDraft, WorkoutLog

from helpers import PINNED, FakeWallClock, builtin_circuit_dict, seed_history


@pytest.fixture
def log(tmp_path):
    opened = WorkoutLog.open(tmp_path / "postrun.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def history(log):
    return WorkoutHistory(log, load_library, FakeWallClock())


def read_only(log):
    """Every write fails as on a read-only file, reads still work."""
    log._db.execute("PRAGMA query_only = ON")


def test_a_page_is_the_list_the_weeks_and_the_summary(log, history):
    drafts = seed_history(log, PINNED.date())
    page = history.page()
    assert isinstance(page, HistoryPage)
    assert len(page.rows) == len(drafts)
    assert page.rows[0].started_at == max(d.started_at for d in drafts)
    assert page.summary.startswith("This week: 2 workouts")          # Monday and Thursday of the pinned week
    assert page.now == PINNED
    assert len(page.overview.weeks) == 12


def test_an_empty_log_has_no_summary(history):
    page = history.page()
    assert page.rows == []
    assert page.summary == ""


def test_detail_lists_the_sets_of_the_circuit_as_run(log, history):
    record_id = log.write(WorkoutDraft("posterior-chain-quick", builtin_circuit_dict("posterior-chain-quick"), PINNED,
                                       status="abandoned", segment_index=3, skipped=[1]))
    detail = history.detail(record_id)
    assert detail.record.id == record_id
    states = [line.state for line in detail.sets]
    assert states[:3] == ["skipped", "stopped here", "not reached"]


def test_detail_of_a_missing_record_is_refused(history):
    assert history.detail(999) == Refused("This workout could not be read from the log.")


def test_annotate_delete_and_restore(log, history):
    record_id = log.write(WorkoutDraft("k", {"name": "K"}, PINNED, status="completed"))
    assert history.annotate(record_id, "heavy bell", 7) is None
    assert (log.get(record_id).note, log.get(record_id).effort) == ("heavy bell", 7)
    removed = history.delete(record_id)
    assert removed.id == record_id
    assert log.get(record_id) is None
    assert history.delete(record_id) == Refused("That workout is no longer in the log.")
    assert history.restore(removed) is None
    assert log.get(record_id).note == "heavy bell"


def test_a_log_that_refuses_writes_changes_nothing_and_says_so(log, history):
    record_id = log.write(WorkoutDraft("k", {"name": "K"}, PINNED, status="completed", note="before"))
    read_only(log)
    for answer in (history.annotate(record_id, "after", None), history.delete(record_id)):
        assert isinstance(answer, Refused)
        assert answer.text.startswith("The workout log could not be changed (")
        assert answer.text.endswith("; nothing was changed.")
    assert log.get(record_id).note == "before"


def test_export_and_import_round_trip(log, history, tmp_path):
    seed_history(log, PINNED.date())
    count = history.export(tmp_path / "all.json")
    assert count == len(log.summaries())
    assert json.loads((tmp_path / "all.json").read_text())["kind"] == "postrun-workouts"
    assert history.export(tmp_path / "all.csv") == count
    assert history.import_file(tmp_path / "all.json") == (0, count, 0, 0)     # all already here
    other = WorkoutLog.open(tmp_path / "other.sqlite3")
    assert WorkoutHistory(other, load_library, FakeWallClock()).import_file(tmp_path / "all.json") == (count, 0, 0, 0)
    other.close()


@pytest.mark.parametrize(("make", "words"), [
    (lambda p: p.write_text("not json"), "Nothing was imported: "),
    (lambda p: p.mkdir(), "not a regular file"),
    (lambda p: None, "cannot read the file"),
])
def test_a_file_that_cannot_be_imported_is_refused_in_words(history, tmp_path, make, words):
    path = tmp_path / "in.json"
    make(path)
    answer = history.import_file(path)
    assert isinstance(answer, Refused)
    assert words in answer.text


def test_an_export_into_a_missing_place_is_refused(history, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    answer = history.export(blocker / "under-a-file.json")
    assert isinstance(answer, Refused)
    assert answer.text.startswith("Not exported: ")


def test_a_resume_point_is_built_from_its_record(log):
    record_id = log.write(WorkoutDraft("k", {"name": "K"}, PINNED, segment_index=4, skipped=[2], note="n",
                                       active_seconds=33.0, segment_seconds={1: 10.0},
                                       swaps=[{"exercise": 1, "from": "a", "to": "b"}]))
    point = ResumePoint.of(log.get(record_id))
    assert point == ResumePoint(record_id, 4, 33.0, (2,), PINNED, "n", log.get(record_id).uuid,
                                ({"exercise": 1, "from": "a", "to": "b"},), ((1, 10.0),))


def test_the_interrupted_workout_is_offered_and_kept_as_unfinished_on_request(log):
    from postrun.store.settings import Settings
    from postrun.store.user_data import UserData

    data = UserData(log, Settings(), now=FakeWallClock())
    assert data.interrupted() is None
    record_id = log.write(WorkoutDraft("k", {"name": "K", "exercise": [{"name": "A", "work": 5}]}, PINNED,
                                       segment_index=1, segment_label="work: A, round 1"))
    found = data.interrupted()
    assert found.offer == "“K” was interrupted at A, round 1 (Thu 26 Nov 19:00). Resume from that step?"
    assert found.point.record_id == record_id
    read_only(log)
    refused = data.keep_interrupted_as_unfinished()
    assert refused.text.startswith("The interrupted workout could not be marked unfinished")
    log._db.execute("PRAGMA query_only = OFF")
    assert data.keep_interrupted_as_unfinished() is None
    assert data.interrupted() is None
    assert log.get(record_id).status == "abandoned"


def test_a_bad_workout_late_in_a_long_file_imports_nothing(log, history, tmp_path):
    from helpers import PINNED as WHEN

    items = [{"id": f"00000000-0000-4000-8000-{n:012d}", "circuit_key": "k", "circuit_name": "K",
              "started_at": WHEN.isoformat(), "status": "completed", "active_seconds": 60, "circuit": {"name": "K"}}
             for n in range(2000)]
    items[1998]["effort"] = 11
    path = tmp_path / "long.json"
    path.write_text(json.dumps({"format": 1, "kind": "postrun-workouts", "workouts": items}))
    answer = history.import_file(path)
    assert isinstance(answer, Refused)
    assert "workouts[1999].effort" in answer.text
    assert log.summaries() == []                      # the 1,998 before it were rolled back


def test_the_windows_export_is_in_the_command_lines_order_newest_first(log, history, tmp_path):
    import csv

    from postrun.store.history import filtered

    seed_history(log, PINNED.date())
    assert history.export(tmp_path / "window.csv") > 2
    with (tmp_path / "window.csv").open() as handle:
        window_rows = list(csv.DictReader(handle))
    starts = [row["started_at"] for row in window_rows]
    assert starts == sorted(starts, reverse=True)
    # `postrun history --csv` lists filtered(records()): the same workouts in the same order
    command_order = [r.uuid for r in filtered(log.records())]
    assert command_order == [r["id"] for r in window_rows if r["status"] != "in_progress"]
