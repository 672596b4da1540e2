"""Circuit files written by the editor and shared: round trips, comments kept by an edit,
safe unique file names, import with a clash or a bad file, export."""

import os
import textwrap
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postrun.core.circuit import Alternative, Circuit, Exercise, Sides, Stretch
from postrun.core.circuit_toml import parse_circuit
from postrun.store.circuit_exchange import (
    Clash,
    delete_user_circuit,
    export_circuit,
    import_circuit,
    save_edit,
    save_new,
)
from postrun.store.circuit_reading import read_circuit_file
from postrun.store.circuit_writer import circuit_toml, safe_stem, unique_path, updated_toml
from postrun.store.library import Source, load_library
from postrun.store.paths import user_circuits_dir

# -- round trips ---------------------------------------------------------------------

@pytest.mark.parametrize("entry", load_library(), ids=lambda e: e.key)
def test_each_builtin_round_trips(entry):
    assert parse_circuit(circuit_toml(entry.circuit).encode()) == entry.circuit


words = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P", "So"),
                                       exclude_characters="\u2028\u2029\u061c\u200e\u200f"),
                min_size=1, max_size=30).map(str.strip).filter(bool)
lists = st.lists(words, max_size=3).map(tuple)
seconds = st.integers(1, 300)


@st.composite
def exercises(draw):
    timed = draw(st.booleans())
    alternatives = draw(st.lists(st.builds(
        Alternative, name=words, equipment=lists, muscles=lists, tips=lists,
        work=st.one_of(st.none(), seconds)), max_size=2))
    return Exercise(
        name=draw(words), work=draw(seconds) if timed else None, reps=None if timed else draw(st.integers(1, 50)),
        sides=draw(st.sampled_from(Sides)), equipment=draw(lists), muscles=draw(lists), tips=draw(lists),
        demo=draw(st.one_of(st.none(), st.just("https://example.org/x"))), alternatives=tuple(alternatives))


circuits = st.builds(
    Circuit, name=words, exercises=st.lists(exercises(), min_size=1, max_size=4).map(tuple),
    summary=st.one_of(st.just(""), words), focus=lists, rounds=st.integers(1, 5), prepare=st.integers(0, 60),
    rest=st.integers(0, 60), round_rest=st.integers(1, 120), switch=st.integers(0, 15),
    skip_last_rest=st.booleans(),
    cooldown=st.lists(st.builds(Stretch, name=words, hold=seconds, sides=st.sampled_from(Sides), tips=lists),
                      max_size=2).map(tuple))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(circuits)
def test_any_valid_circuit_round_trips(circuit):
    assert parse_circuit(circuit_toml(circuit).encode()) == circuit


HAND_WRITTEN = textwrap.dedent("""\
    # My Tuesday circuit: keep it short, the legs are tired.
    format = 1
    name = "Tuesday"            # shown in the list
    rounds = 2                  # two is plenty after intervals
    rest = "20s"

    # the swings go first while fresh
    [[exercise]]
    name = "Swings"
    work = "40s"                # forty seconds
    tips = [
      "Hips, not arms.",        # the one that matters
    ]

    [[exercise]]                # then the plank
    name = "Plank"
    work = "30s"

    [[cooldown]]
    name = "Hamstring stretch"  # gently
    hold = "30s"
    """)


def comments(text):
    return [line[line.index("#"):].strip() for line in text.splitlines() if "#" in line]


def test_a_hand_written_file_keeps_every_comment_when_edited():
    old = parse_circuit(HAND_WRITTEN.encode())
    swings, plank = old.exercises
    new = replace(old, rounds=3, prepare=15, summary="Short.", exercises=(replace(plank, work=45), swings,
                                            Exercise(name="Calf raises", reps=15, muscles=("calves",))))
    text = updated_toml(HAND_WRITTEN, old, new)
    assert parse_circuit(text.encode()) == new
    assert sorted(comments(text)) == sorted(comments(HAND_WRITTEN))
    assert 'rest = "20s"' in text                 # untouched values keep their spelling
    assert "rounds = 3                  # two is plenty" in text


def test_an_unchanged_hand_written_file_is_written_back_as_it_was():
    old = parse_circuit(HAND_WRITTEN.encode())
    assert updated_toml(HAND_WRITTEN, old, old) == HAND_WRITTEN


# -- file names ----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "stem"), [
    ("../x", "x"), ("..", "circuit"), ("CON", "con-circuit"), ("nul", "nul-circuit"), ("COM1", "com1-circuit"),
    ("🏃‍♀️💪", "circuit"), ("x" * 300, "x" * 60), ("Quad day: 2×!", "quad-day-2"), ("a/b\\c:d*e?f", "a-b-c-d-e-f"),
    ("Ärger über Übungen", "arger-uber-ubungen"), ("  ", "circuit"),
])
def test_safe_stem(name, stem):
    assert safe_stem(name) == stem
    assert len(stem) <= 60


def test_unique_path_counts_up_case_insensitively(tmp_path):
    (tmp_path / "Legs.toml").write_text("")
    assert unique_path(tmp_path, "legs") == tmp_path / "legs-2.toml"
    (tmp_path / "legs-2.toml").write_text("")
    assert unique_path(tmp_path, "legs") == tmp_path / "legs-3.toml"
    assert unique_path(tmp_path, "x" * 60).name == "x" * 60 + ".toml"


@pytest.mark.parametrize("name", ["../x", "CON", "🏃‍♀️", "x" * 80, "a/b"])
def test_an_unsafe_name_is_saved_inside_the_folder(data_dir, name):
    circuit = Circuit(name=name, exercises=(Exercise(name="Swings", work=30),))
    path = save_new(circuit, load_library())
    assert path.parent == user_circuits_dir()
    assert read_circuit_file(path) == circuit
    assert [e.circuit for e in load_library() if e.source is Source.USER] == [circuit]


# -- import and export ---------------------------------------------------------------

def shared(tmp_path, text=HAND_WRITTEN, name="friend.toml"):
    path = tmp_path / "inbox" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text)
    return path


def users():
    return sorted((e.key, e.title) for e in load_library() if e.source is Source.USER)


def test_import_copies_the_file_as_written(data_dir, tmp_path):
    result = import_circuit(shared(tmp_path), load_library())
    assert result.ok
    assert result.saved == user_circuits_dir() / "tuesday.toml"
    assert result.saved.read_text() == HAND_WRITTEN
    assert users() == [("tuesday", "Tuesday")]


def test_a_clash_is_refused_replaced_or_renamed(data_dir, tmp_path):
    path = shared(tmp_path)
    import_circuit(path, load_library())
    refused = import_circuit(path, load_library())
    assert not refused.ok
    assert "already the name of your circuit tuesday.toml" in refused.message
    assert "--replace" in refused.message
    changed = shared(tmp_path, HAND_WRITTEN.replace("rounds = 2", "rounds = 4"))
    replaced = import_circuit(changed, load_library(), Clash.REPLACE)
    assert replaced.saved == user_circuits_dir() / "tuesday.toml"
    assert read_circuit_file(replaced.saved).rounds == 4
    renamed = import_circuit(changed, load_library(), Clash.RENAME)
    assert renamed.saved == user_circuits_dir() / "tuesday-2.toml"
    assert users() == [("tuesday", "Tuesday"), ("tuesday-2", "Tuesday (2)")]
    assert sorted(comments(renamed.saved.read_text())) == sorted(comments(HAND_WRITTEN))


def test_a_builtin_name_cannot_be_replaced(data_dir, tmp_path):
    quad = next(e for e in load_library() if e.key == "quad-circuit")
    path = shared(tmp_path, quad.path.read_text(), "quad.toml")
    for clash in (Clash.REFUSE, Clash.REPLACE):
        result = import_circuit(path, load_library(), clash)
        assert not result.ok
        assert "built-in" in result.message
    assert users() == []
    assert import_circuit(path, load_library(), Clash.RENAME).ok


@pytest.mark.parametrize(("text", "words"), [
    ("format = 1\nname = 'X'\n", "exercise"),
    ("not toml at all [", "TOML"),
    ("format = 9\nname = 'X'\n[[exercise]]\nname='a'\nwork=3\n", "newer"),
])
def test_an_invalid_import_explains_and_changes_nothing(data_dir, tmp_path, text, words):
    result = import_circuit(shared(tmp_path, text), load_library())
    assert not result.ok
    assert words in result.message
    assert result.message.startswith(str(tmp_path / "inbox" / "friend.toml"))
    assert not user_circuits_dir().exists() or not list(user_circuits_dir().iterdir())


def test_a_pipe_is_not_imported(data_dir, tmp_path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    result = import_circuit(fifo, load_library())
    assert not result.ok
    assert "not a regular file" in result.message or "pipe" in result.message


def test_export_writes_the_file_with_its_comments(data_dir, tmp_path):
    entry = next(e for e in load_library() if e.key == "posterior-chain")
    written = export_circuit(entry, tmp_path)
    assert written == tmp_path / "posterior-chain.toml"
    assert written.read_text() == entry.path.read_text()
    with pytest.raises(FileExistsError):
        export_circuit(entry, written)
    export_circuit(entry, written, overwrite=True)


def test_save_edit_and_delete(data_dir, tmp_path):
    import_circuit(shared(tmp_path), load_library())
    [entry] = [e for e in load_library() if e.source is Source.USER]
    save_edit(entry, replace(entry.circuit, rest=25))
    text = entry.path.read_text()
    assert read_circuit_file(entry.path).rest == 25
    assert sorted(comments(text)) == sorted(comments(HAND_WRITTEN))
    delete_user_circuit(entry)
    assert users() == []
    builtin = load_library()[0]
    with pytest.raises(ValueError, match="built-in"):
        delete_user_circuit(builtin)
