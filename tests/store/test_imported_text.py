"""Text from a foreign file is checked as text, once, in the reader: a lone surrogate, a
NUL or another control character is refused with the field's path, like any other
mistake, and nothing is imported. Any text in any field of any importer gives a line in
words or a clean import, never an exception."""

import json
import os
import subprocess
import sys
import uuid
from datetime import UTC, datetime

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postrun.core.circuit_toml import circuit_to_dict, parse_circuit
from postrun.core.errors import CircuitError
from postrun.core.segment_words import step_lines
from postrun.core.timeline import build_timeline
from postrun.store.record_file import RecordFileError, parse_workouts
from postrun.store.refused import Refused
from postrun.store.workout_history import WorkoutHistory
from postrun.store.workout_log import WorkoutLog

from helpers import FakeWallClock

WHEN = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)


def item(**changes):
    found = {"id": str(uuid.uuid4()), "circuit_key": "k", "circuit_name": "K", "started_at": WHEN.isoformat(),
             "status": "abandoned", "active_seconds": 60, "segment_label": "work: A, round 1", "note": "",
             "circuit": {"name": "K", "exercise": [{"name": "A", "work": 5, "tips": ["t"]}]},
             "swaps": [{"exercise": 1, "from": "A", "to": "B"}]}
    found.update(changes)
    return found


def document(*items):
    # ensure_ascii: a lone surrogate travels as the \ud800 escape, as JSON writers make it
    return json.dumps({"format": 1, "kind": "postrun-workouts", "workouts": list(items)}).encode()


@pytest.mark.parametrize(("changes", "words"), [
    ({"note": "heavy \ud800 bell"}, "workouts[1].note: contains a lone surrogate (U+D800)"),
    ({"circuit_name": "Chain\udfff"}, "workouts[1].circuit_name: contains a lone surrogate (U+DFFF)"),
    ({"segment_label": "work\x00"}, "workouts[1].segment_label: contains a control or unprintable character (U+0000)"),
    ({"circuit_key": "k\x1b[31m"}, "workouts[1].circuit_key: contains a control or unprintable character (U+001B)"),
    ({"note": "two\nlines\tand a tab"}, None),
    ({"circuit_name": "two\nlines"}, "workouts[1].circuit_name: contains a control"),
    ({"circuit": {"name": "K", "exercise": [{"name": "A", "tips": ["ok", "bad\ud83d"]}]}},
     "workouts[1].circuit.exercise[1].tips[2]: contains a lone surrogate (U+D83D)"),
    ({"circuit": {"name": "K", "\ud800": 1}}, "workouts[1].circuit (a key): contains a lone surrogate"),
    ({"swaps": [{"exercise": 1, "from": "A", "to": "B\x00"}]}, "workouts[1].swaps[1].to: contains a control"),
    ({"note": "right-to-left \u202e trick"}, "workouts[1].note: contains a right-to-left/left-to-right control"),
    # deep in a circuit, each kind JSON writes as an escape, as itself, or not at all
    *[({"circuit": {"name": "K", "exercise": [{"name": "A", "tips": [f"bad{char}tip"]}]}},
       f"workouts[1].circuit.exercise[1].tips[1]: contains {words}")
      for char, words in (("\r", "a control or unprintable character (U+000D)"),
                          ("\x0c", "a control or unprintable character (U+000C)"),
                          ("\x07", "a control or unprintable character (U+0007)"),
                          ("\x7f", "a control or unprintable character (U+007F)"),
                          ("\x85", "a control or unprintable character (U+0085)"),
                          ("\u2028", "a control or unprintable character (U+2028)"),
                          ("\ue000", "a control or unprintable character (U+E000)"),
                          ("\u200f", "a right-to-left/left-to-right control character (U+200F)"))],
    # allowed, though Python's own printable refuses them or JSON escapes look alike
    ({"circuit": {"name": "K\u00a0bells", "exercise": [{"name": "A", "tips": ["a \\u0041 and \\r typed"]}]}},
     None),
    ({"note": "thin\u2009space and a soft\u00adhyphen"}, None),
])
def test_text_the_log_cannot_hold_is_refused_with_its_path(changes, words):
    data = document(item(), item(**changes))
    if words is None:
        assert len(parse_workouts(data)) == 2
        return
    with pytest.raises(RecordFileError) as refused:
        parse_workouts(data)
    assert words.replace("workouts[1]", "workouts[2]") in str(refused.value)


def test_the_command_line_import_says_so_and_imports_nothing(tmp_path):
    path = tmp_path / "history.json"
    path.write_bytes(document(item(), item(note="\ud800")))
    env = dict(os.environ, POSTRUN_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-m", "postrun", "history", "--import", str(path)], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "workouts[2].note: contains a lone surrogate (U+D800)" in done.stderr
    assert "Nothing was imported" in done.stderr


def test_the_window_import_says_so_and_imports_nothing(tmp_path, log):
    path = tmp_path / "history.json"
    path.write_bytes(document(item(), item(circuit_name="\udc80")))
    answer = WorkoutHistory(log, lambda: [], FakeWallClock()).import_file(path)
    assert isinstance(answer, Refused)
    assert answer.text.startswith("Nothing was imported: ")
    assert "workouts[2].circuit_name: contains a lone surrogate" in answer.text
    assert log.summaries() == []


# -- any text, anywhere ------------------------------------------------------------------

# every code point, lone surrogates and controls included (hypothesis leaves surrogates out by default)
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40) | st.sampled_from(
    ["\ud800", "a\x00b", "\udfff\n", "\u202e", "ok"])

HISTORY_FIELDS = ("circuit_key", "circuit_name", "segment_label", "note", "circuit.name", "circuit.tip",
                  "circuit.key", "swap.to")


def with_text(field, text):
    changed = item()
    if field == "circuit.name":
        changed["circuit"]["name"] = text
    elif field == "circuit.tip":
        changed["circuit"]["exercise"][0]["tips"] = [text]
    elif field == "circuit.key":
        changed["circuit"][text] = "value"
    elif field == "swap.to":
        changed["swaps"][0]["to"] = text
    else:
        changed[field] = text
    return changed


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(HISTORY_FIELDS), text=ANY_TEXT)
def test_any_text_in_any_history_field_is_words_or_a_clean_import(tmp_path_factory, field, text):
    data = document(with_text(field, text))
    try:
        drafts = parse_workouts(data)
    except RecordFileError as refused:
        words = str(refused)
    else:
        words = None
    if words is not None:
        assert words.startswith("the file: workouts[1]")
        return
    log = WorkoutLog.open(tmp_path_factory.mktemp("log") / "postrun.sqlite3")
    try:
        assert log.merge(drafts) == (1, 0)
        [record] = log.history()
        assert record.note == drafts[0].note
        assert len(log.summaries()) == 1
    finally:
        log.close()


CIRCUIT_FIELDS = ("name", "description", "exercise.name", "exercise.tip", "exercise.equipment", "exercise.muscles",
                  "alternative.name", "cooldown.name")


def circuit_with(field, text):
    exercise = {"name": "Swings", "work": "30s", "tips": ["Hinge."], "equipment": ["kettlebell"],
                "muscles": ["glutes"], "alternative": [{"name": "Hip hinge", "work": "30s"}]}
    document = {"format": 1, "name": "C", "exercise": [exercise], "cooldown": [{"name": "Stretch", "hold": "30s"}]}
    if field in ("name", "description"):
        document[field] = text
    elif field == "exercise.name":
        exercise["name"] = text
    elif field == "exercise.tip":
        exercise["tips"] = [text]
    elif field in ("exercise.equipment", "exercise.muscles"):
        exercise[field.split(".")[1]] = [text]
    elif field == "alternative.name":
        exercise["alternative"][0]["name"] = text
    else:
        document["cooldown"][0]["name"] = text
    # a lone surrogate cannot be UTF-8: the file holds what a careless writer would put there
    return tomli_w.dumps(document).encode("utf-8", "surrogatepass")


@settings(max_examples=150, deadline=None)
@given(field=st.sampled_from(CIRCUIT_FIELDS), text=ANY_TEXT)
def test_any_text_in_any_circuit_field_is_words_or_a_usable_circuit(field, text):
    try:
        circuit = parse_circuit(circuit_with(field, text))
    except CircuitError as refused:
        problems = refused.problems
    else:
        problems = None
    if problems is not None:
        assert problems
        assert all(str(problem) for problem in problems)
        return
    # a circuit that was accepted can be shown, run and written again
    timeline = build_timeline(circuit)
    assert step_lines(timeline)
    tomli_w.dumps(circuit_to_dict(circuit)).encode("utf-8")


def test_a_circuit_met_again_is_checked_once_and_held_once_but_never_given_another_name():
    nameless = {"exercise": [{"name": "A", "work": 5}]}
    drafts = parse_workouts(document(item(circuit=nameless, circuit_name="Morning"),
                                     item(circuit=nameless, circuit_name="Evening"),
                                     item(circuit=nameless, circuit_name="Morning")))
    assert [d.circuit["name"] for d in drafts] == ["Morning", "Evening", "Morning"]
    assert drafts[0].circuit is drafts[2].circuit
    with pytest.raises(RecordFileError, match=r"workouts\[2\]\.circuit\.focus\[1\]: contains a control"):
        parse_workouts(document(item(circuit=nameless), item(circuit={**nameless, "focus": ["bad\x07"]})))
