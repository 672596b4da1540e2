"""The circuit editor and sharing from the window, driven by the keyboard with pytest-qt."""

import textwrap

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from postrun.store.circuit_exchange import Clash
from postrun.store.circuit_reading import read_circuit_file
from postrun.store.library import Source, load_library
from postrun.store.paths import user_circuits_dir

from helpers import advance


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifiers)


def type_text(qtbot, text):
    qtbot.keyClicks(focused(), text)


CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def user_circuits():
    return {e.key: e.circuit for e in load_library() if e.source is Source.USER}


def test_a_circuit_made_with_the_keyboard_alone_is_saved_listed_and_run(qtbot, window, clock, log):
    window.picker.filter.setFocus()
    press(qtbot, Qt.Key.Key_N, CTRL)
    editor = window.editor
    assert window.current_view() is editor
    assert focused() is editor.name
    type_text(qtbot, "Leg day")
    press(qtbot, Qt.Key.Key_A, ALT)                 # Alt+A: the exercise's name
    assert focused() is editor.ex_name
    type_text(qtbot, "Nordic curl")
    press(qtbot, Qt.Key.Key_Tab)                    # a catalogue name fills tips, muscles, reps
    assert editor.form.exercises[0].muscles == "hamstrings"
    assert editor.form.exercises[0].timed is False
    press(qtbot, Qt.Key.Key_N, CTRL | SHIFT)        # another exercise
    assert focused() is editor.ex_name
    type_text(qtbot, "Wall sit")
    press(qtbot, Qt.Key.Key_L, ALT)                 # Alt+L: its length, timed or reps first
    assert focused() is editor.ex_kind
    press(qtbot, Qt.Key.Key_Tab)                    # then the number
    assert focused() is editor.ex_amount
    focused().selectAll()
    type_text(qtbot, "45s")
    press(qtbot, Qt.Key.Key_R, ALT)                 # Alt+R: rounds
    focused().selectAll()
    type_text(qtbot, "2")
    assert editor.save_button.isEnabled()
    assert editor.total.text().startswith("Total ")
    assert editor.segments.count() > 5
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert window.current_view() is window.picker
    saved = user_circuits()["leg-day"]
    assert [e.name for e in saved.exercises] == ["Nordic curl", "Wall sit"]
    assert saved.exercises[1].work == 45
    assert saved.rounds == 2
    assert "Saved “Leg day” as" in window.picker.notice.text()
    assert window.picker.current_entry().key == "leg-day"
    press(qtbot, Qt.Key.Key_Return)                 # open it
    assert window.current_view() is window.preview
    press(qtbot, Qt.Key.Key_Space)                  # run it
    assert window.current_view() is window.run_view
    for _ in range(20):                             # the Nordic curls wait for done
        advance(window, clock, 30)
        if window.current_view() is window.finish:
            break
        qtbot.keyClick(window.run_view, Qt.Key.Key_Return)
    assert window.current_view() is window.finish
    assert log.history()[0].circuit_name == "Leg day"


def test_an_invalid_field_disables_save_with_the_words_of_check(qtbot, window):
    window.circuit_actions.new()
    editor = window.editor
    assert not editor.save_button.isEnabled()
    # nothing typed yet: no red, but what Save waits for is said
    assert editor.circuit_problems["name"].isHidden()
    assert editor.next_step.text() == "To save: name: must not be empty"
    qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)       # Save tried: now it is marked
    assert editor.circuit_problems["name"].text() == "name: must not be empty"
    qtbot.keyClicks(editor.name, "Tempo")
    qtbot.keyClicks(editor.ex_name, "Plank")
    assert editor.save_button.isEnabled()
    editor.rest.selectAll()
    qtbot.keyClicks(editor.rest, "a while")
    assert not editor.save_button.isEnabled()
    assert editor.circuit_problems["rest"].isVisibleTo(editor)
    assert editor.circuit_problems["rest"].text().startswith("rest: ")
    from postrun.core.durations import DurationError, parse_duration
    with pytest.raises(DurationError) as caught:
        parse_duration("a while")
    assert editor.circuit_problems["rest"].text() == f"rest: {caught.value}"
    editor.rest.selectAll()
    qtbot.keyClicks(editor.rest, "15s")
    editor.ex_amount.selectAll()
    qtbot.keyClicks(editor.ex_amount, "0")
    assert editor.exercise_problems["length"].text() == "exercise[1].work: must be longer than zero seconds"
    assert editor.exercise_list.item(0).text().startswith("⚠")
    editor.ex_tips.setPlainText("x" * 130)
    assert "exercise[1].tips[1]" in editor.exercise_problems["tips"].text()
    assert not editor.save_button.isEnabled()
    qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    assert window.current_view() is editor           # nothing saved
    assert user_circuits() == {}


def test_undo_and_redo_walk_through_the_edits(qtbot, window):
    window.circuit_actions.new()
    editor = window.editor
    qtbot.keyClicks(editor.name, "Hills")
    qtbot.keyClicks(editor.ex_name, "Plank")
    editor.add_exercise()
    qtbot.keyClicks(editor.ex_name, "Side plank")
    assert [e.name for e in editor.form.exercises] == ["Plank", "Side plank"]
    qtbot.keyClick(editor.ex_name, Qt.Key.Key_Z, CTRL)         # the typing of "Side plank", as one step
    assert [e.name for e in editor.form.exercises] == ["Plank", ""]
    qtbot.keyClick(editor.ex_name, Qt.Key.Key_Z, CTRL)         # the added exercise
    assert [e.name for e in editor.form.exercises] == ["Plank"]
    assert editor.exercise_list.count() == 1
    qtbot.keyClick(editor.ex_name, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.keyClick(editor.ex_name, Qt.Key.Key_Y, CTRL)
    assert [e.name for e in editor.form.exercises] == ["Plank", "Side plank"]
    assert editor.ex_name.text() == "Side plank"
    while editor.undo_stack.canUndo():
        editor.undo_stack.undo()
    assert editor.name.text() == ""
    assert not editor.changed


def test_reorder_with_keys_and_by_drag(qtbot, window, tmp_path):
    window.show_picker()
    entry = next(e for e in load_library() if e.key == "quad-circuit")
    window.circuit_actions.duplicate(entry)
    editor = window.editor
    names = [e.name for e in entry.circuit.exercises]
    editor.exercise_list.setCurrentRow(0)
    qtbot.keyClick(editor.exercise_list, Qt.Key.Key_Down, ALT)
    assert [e.name for e in editor.form.exercises] == [names[1], names[0], *names[2:]]
    assert editor.exercise_list.currentRow() == 1
    qtbot.keyClick(editor.exercise_list, Qt.Key.Key_Up, ALT)
    assert [e.name for e in editor.form.exercises] == names
    # a drag moves the row in the list's model; the form follows
    model = editor.exercise_list.model()
    model.moveRow(editor.exercise_list.rootIndex(), 3, editor.exercise_list.rootIndex(), 0)
    assert [e.name for e in editor.form.exercises] == [names[3], *names[:3]]
    editor.duplicate_exercise()
    assert len(editor.form.exercises) == 5
    editor.remove_exercise()
    assert [e.name for e in editor.form.exercises] == [names[3], *names[:3]]


def test_a_builtin_is_read_only_and_editing_offers_a_copy(qtbot, window):
    window.show_picker()
    asked = []
    window.dialogs.confirm = lambda parent, text: asked.append(text) or True
    window.picker.filter.setFocus()
    qtbot.keyClicks(window.picker.filter, "quad")
    press(qtbot, Qt.Key.Key_E, CTRL)
    assert "built in and cannot be changed" in asked[0]
    editor = window.editor
    assert window.current_view() is editor
    assert editor.name.text() == "Quad day after a run (2)"
    assert editor.save_button.isEnabled()
    qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    assert user_circuits()["quad-day-after-a-run-2"].exercises == next(
        e for e in load_library() if e.key == "quad-circuit").circuit.exercises
    window.circuit_actions.delete(next(e for e in load_library() if e.key == "quad-circuit"))
    assert window.picker.notice.text() == "“Quad day after a run” is built in and cannot be deleted."


HAND = textwrap.dedent("""\
    # Mine, written by hand.
    format = 1
    name = "Hand made"          # keep this comment
    rounds = 2                  # two rounds

    [[exercise]]                # swings first
    name = "Kettlebell swings"
    work = "30s"                # thirty
    """)


def test_editing_a_user_circuit_keeps_its_comments(qtbot, window):
    user_circuits_dir().mkdir(parents=True)
    path = user_circuits_dir() / "mine.toml"
    path.write_text(HAND)
    window.show_picker()
    window.picker.filter.setFocus()
    qtbot.keyClicks(window.picker.filter, "hand")
    press(qtbot, Qt.Key.Key_E, CTRL)
    editor = window.editor
    assert editor.name.text() == "Hand made"
    editor.rounds.setValue(3)
    editor.ex_amount.selectAll()
    qtbot.keyClicks(editor.ex_amount, "45s")
    qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    text = path.read_text()
    for comment in ("# Mine, written by hand.", "# keep this comment", "# two rounds", "# swings first",
                    "# thirty"):
        assert comment in text
    circuit = read_circuit_file(path)
    assert (circuit.rounds, circuit.exercises[0].work) == (3, 45)
    assert sorted(user_circuits()) == ["mine"]


def test_leaving_with_unsaved_changes_asks_once(qtbot, window):
    window.circuit_actions.new()
    editor = window.editor
    asked = []
    window.dialogs.ask_unsaved = lambda parent, name, problem=None: asked.append(name) or "cancel"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert asked == []                              # nothing typed: nothing to ask
    assert window.current_view() is window.picker
    window.circuit_actions.new()
    qtbot.keyClicks(editor.name, "Draft")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert asked == ["Draft"]
    assert window.current_view() is editor          # cancelled: still editing
    window.dialogs.ask_unsaved = lambda parent, name, problem=None: asked.append(name) or "discard"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert asked == ["Draft", "Draft"]
    assert window.current_view() is window.picker
    assert user_circuits() == {}
    window.circuit_actions.new()
    qtbot.keyClicks(editor.name, "Kept")
    qtbot.keyClicks(editor.ex_name, "Plank")
    qtbot.keyClick(editor.ex_name.completer().popup(), Qt.Key.Key_Escape)    # the first Esc closes the catalogue
    window.dialogs.ask_unsaved = lambda parent, name, problem=None: "save"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.current_view() is window.picker
    assert "kept" in user_circuits()


def test_delete_asks_once(qtbot, window):
    user_circuits_dir().mkdir(parents=True)
    (user_circuits_dir() / "mine.toml").write_text(HAND)
    window.show_picker()
    answers = [False, True]
    window.dialogs.confirm = lambda parent, text: answers.pop(0)
    qtbot.keyClicks(window.picker.filter, "hand")
    press(qtbot, Qt.Key.Key_Delete, CTRL)
    assert "mine" in user_circuits()
    press(qtbot, Qt.Key.Key_Delete, CTRL)
    assert user_circuits() == {}
    assert "Deleted “Hand made”." in window.picker.notice.text()


def test_import_export_and_a_dropped_file(qtbot, window, tmp_path):
    window.show_picker()
    (tmp_path / "inbox").mkdir()
    shared = tmp_path / "inbox" / "friend.toml"
    shared.write_text(HAND.replace("Hand made", "From a friend"))
    window.dialogs.open_circuits = lambda parent: [shared]
    press(qtbot, Qt.Key.Key_I, CTRL)
    assert "from-a-friend" in user_circuits()
    assert "Imported “From a friend”" in window.picker.notice.text()
    # the same file again: asked what to do
    choices = []
    window.dialogs.choose_clash = lambda parent, text, replaceable: choices.append((text, replaceable)) or Clash.RENAME
    drop = QMimeData()
    drop.setUrls([QUrl.fromLocalFile(str(shared))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, drop, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.picker.dropEvent(event)
    assert "already the name of your circuit" in choices[0][0]
    assert choices[0][1]                                  # the user's own: "Replace mine" is offered
    assert "--" not in choices[0][0]                      # the window's words, not the command line's
    assert sorted(user_circuits()) == ["from-a-friend", "from-a-friend-2"]
    bad = tmp_path / "inbox" / "bad.toml"
    bad.write_text("format = 1\nname = 'Bad'\n")
    window.circuit_actions.import_files([bad])
    assert "bad.toml" in window.picker.notice.text()
    assert "exercise" in window.picker.notice.text()
    assert sorted(user_circuits()) == ["from-a-friend", "from-a-friend-2"]
    window.picker.filter.clear()
    qtbot.keyClicks(window.picker.filter, "posterior chain, quick")
    window.dialogs.save_circuit = lambda parent, name: tmp_path / "out" / name
    (tmp_path / "out").mkdir()
    press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
    exported = tmp_path / "out" / "posterior-chain-quick.toml"
    assert exported.read_text() == next(e for e in load_library() if e.key == "posterior-chain-quick").path.read_text()
    assert f"to {exported}" in window.picker.notice.text()


def test_a_file_changed_on_disk_shows_when_the_picker_shows(qtbot, window):
    user_circuits_dir().mkdir(parents=True)
    path = user_circuits_dir() / "mine.toml"
    path.write_text(HAND)
    window.show_picker()
    assert any(t.startswith("Hand made") for t in window.picker.entry_texts())
    path.write_text(HAND.replace("Hand made", "Renamed in a text editor"))
    window.open_by_key("posterior-chain")
    qtbot.keyClick(window.preview, Qt.Key.Key_Escape)
    assert any(t.startswith("Renamed in a text editor") for t in window.picker.entry_texts())


def test_typing_filters_even_with_a_resume_offer(qtbot, window):
    window.show_picker()
    window.picker.show_resume("“Quad day” was interrupted. Resume from that step?")
    window.picker.filter.setFocus()
    qtbot.keyClicks(window.picker.filter, "quad")
    assert len(window.picker.entry_texts()) == 1
    assert window.picker.filter.text() == "quad"


def test_picker_keys_do_not_edit_the_filter(qtbot, window):
    """Ctrl+E, Ctrl+D and Ctrl+Delete are also line-editing keys on Linux: on the picker
    they are the picker's."""
    window.show_picker()
    window.picker.filter.setFocus()
    qtbot.keyClicks(window.picker.filter, "chain")
    window.picker.filter.setCursorPosition(2)
    asked = []
    window.dialogs.confirm = lambda parent, text: asked.append(text) or False
    qtbot.keyClick(window.picker.filter, Qt.Key.Key_E, CTRL)          # edit a built-in: asks for a copy
    qtbot.keyClick(window.picker.filter, Qt.Key.Key_Delete, CTRL)     # delete a built-in: says it cannot
    assert window.current_view() is window.picker
    assert window.picker.filter.text() == "chain"
    assert len(asked) == 1
    assert "cannot be deleted" in window.picker.notice.text()
    qtbot.keyClick(window.picker.filter, Qt.Key.Key_D, CTRL)
    assert window.current_view() is window.editor


def test_importing_a_built_ins_name_never_offers_to_replace_it(qtbot, window, tmp_path):
    window.show_picker()
    clash = tmp_path / "quick.toml"
    clash.write_text(HAND.replace("Hand made", "Posterior chain, quick"))
    asked = []
    window.dialogs.choose_clash = lambda parent, text, replaceable: asked.append((text, replaceable))
    window.circuit_actions.import_files([clash])
    [(text, replaceable)] = asked
    assert "already the name of a built-in circuit" in text
    assert "--rename" not in text
    assert not replaceable
    assert "quick.toml: not imported." in window.picker.notice.text()


def test_each_mistake_of_an_imported_file_is_a_line_of_its_own(qtbot, window, tmp_path):
    bad = tmp_path / "two-mistakes.toml"
    bad.write_text("format = 1\nname = 'Bad'\nrounds = 0\nrest = 'ages'\n[[exercise]]\nname = 'a'\nwork = 5\n")
    window.circuit_actions.import_files([bad])
    lines = window.picker.notice.text().splitlines()
    assert sum("rounds" in line for line in lines) == 1
    assert sum("rest" in line for line in lines) == 1
    assert not any("; " in line and "rounds" in line and "rest" in line for line in lines)


@pytest.mark.parametrize("typed", ["999", "60"])
def test_rounds_past_the_limit_are_kept_as_typed_and_the_limit_is_said_beside_them(qtbot, window, typed):
    window.picker.filter.setFocus()
    press(qtbot, Qt.Key.Key_N, CTRL)
    editor = window.editor
    type_text(qtbot, "Leg day")
    press(qtbot, Qt.Key.Key_R, ALT)
    focused().selectAll()
    type_text(qtbot, typed)
    assert editor.rounds.value() == int(typed)          # not 9, not 6
    assert editor.form.rounds == int(typed)
    problem = editor.circuit_problems["rounds"]
    assert problem.isVisible()
    assert f"must be from 1 to 50, not {typed}" in problem.text()
    assert not editor.save_button.isEnabled()
