"""The editor by keyboard on a small screen: every Alt key lands on its field and scrolls
it into view, boxes show their focus, no red before typing, the steps never vanish, and
nothing is changed or refused without a word."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifiers)


@pytest.fixture
def editor(qtbot, window):
    # the offscreen screen is 800 px wide and the window opened maximized on it: un-maximize
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (1024, 600))
    window.circuit_actions.new()
    qtbot.waitUntil(lambda: window.editor.isVisible())
    return window.editor


def in_view(editor, widget):
    """The widget's whole height is inside the editor's scrolled viewport."""
    viewport = editor.scroller.viewport()
    top = widget.mapTo(viewport, widget.rect().topLeft()).y()
    return top >= 0 and top + widget.height() <= viewport.height()


@pytest.mark.parametrize(("key", "field"), [
    (Qt.Key.Key_V, "ex_alternatives"), (Qt.Key.Key_D, "ex_demo"), (Qt.Key.Key_I, "ex_tips"),
    (Qt.Key.Key_C, "stretches"), (Qt.Key.Key_W, "switch"), (Qt.Key.Key_L, "ex_kind"),
])
def test_every_alt_key_lands_on_its_field_and_scrolls_it_into_view(qtbot, editor, key, field):
    press(qtbot, key, ALT)
    widget = getattr(editor, field)
    assert focused() is widget
    qtbot.waitUntil(lambda: in_view(editor, widget))


def test_the_steps_sit_under_the_circuit_on_a_narrow_screen_and_beside_it_on_a_wide_one(qtbot, editor):
    assert editor.width() < 1200
    assert editor._left.indexOf(editor.steps_panel) >= 0
    # two columns fit a 1024 px screen whole: margins 24, a vertical scroll bar 20
    assert editor.scroller.widget().minimumSizeHint().width() <= 1024 - 24 - 20
    editor.resize(1366, 700)                         # as a wider window makes it
    assert editor._left.indexOf(editor.steps_panel) < 0


def test_a_multi_line_box_shows_that_it_has_the_focus(qtbot, editor):
    box = editor.ex_tips
    editor.name.setFocus()
    before = box.grab().toImage()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    after = box.grab().toImage()
    assert before.pixelColor(0, box.height() // 2) != after.pixelColor(0, box.height() // 2)


def test_a_new_circuit_and_a_new_exercise_show_no_red_and_the_steps_stay(qtbot, editor):
    assert all(label.isHidden() for label in editor.circuit_problems.values())
    assert all(label.isHidden() for label in editor.exercise_problems.values())
    assert editor.all_problems.isHidden()
    assert editor.segments.count() > 0                     # the steps, before any name
    assert editor.total.text().startswith("Total ")
    qtbot.keyClicks(editor.name, "Legs")
    editor.add_exercise()
    assert all(label.isHidden() for label in editor.exercise_problems.values())
    assert editor.segments.count() > 0
    assert "(new exercise)" in " ".join(editor.segments.item(i).text() for i in range(editor.segments.count()))


def test_a_wrong_field_keeps_the_last_steps_and_says_they_are_from_before(qtbot, editor):
    qtbot.keyClicks(editor.name, "Legs")
    count = editor.segments.count()
    editor.rest.setFocus()
    editor.rest.selectAll()
    qtbot.keyClicks(editor.rest, "a while")
    assert editor.circuit_problems["rest"].isVisible()
    assert editor.segments.count() == count
    assert "As before the last change" in editor.steps_note.text()


def test_long_step_names_wrap_instead_of_being_cut(qtbot, editor):
    qtbot.keyClicks(editor.name, "Legs")
    editor.ex_name.setFocus()
    qtbot.keyClicks(editor.ex_name, "Single-leg Romanian deadlift with a long name")
    lines = [editor.segments.item(i) for i in range(editor.segments.count())]
    item = next(i for i in lines if "Romanian deadlift with a long name" in i.text())
    rect = editor.segments.visualItemRect(item)
    assert rect.width() <= editor.segments.viewport().width()
    assert editor.segments.horizontalScrollBar().maximum() == 0


def test_switching_reps_to_timed_says_what_the_amount_became(qtbot, editor):
    qtbot.keyClicks(editor.name, "Legs")
    press(qtbot, Qt.Key.Key_L, ALT)
    assert focused() is editor.ex_kind
    editor.ex_kind.setCurrentIndex(1)
    editor.ex_kind.activated.emit(1)                       # reps
    editor.ex_amount.selectAll()
    qtbot.keyClicks(editor.ex_amount, "10")
    editor.ex_kind.setCurrentIndex(0)
    editor.ex_kind.activated.emit(0)                       # back to timed
    assert editor.form.exercises[0].amount == "30s"
    assert editor.ex_amount.text() == "30s"
    assert editor.exercise_box.length_note.isVisible()
    assert "instead of 10 reps" in editor.exercise_box.length_note.text()
    editor.undo_stack.undo()                               # one step back: 10 reps again
    assert (editor.form.exercises[0].timed, editor.form.exercises[0].amount) == (False, "10")


def test_leaving_with_a_wrong_field_does_not_offer_save_and_stays_to_show_why(qtbot, window, editor):
    asked = []
    window.dialogs.ask_unsaved = lambda parent, name, problem=None: asked.append(problem) or "cancel"
    qtbot.keyClicks(editor.name, "Legs")
    editor.rest.setFocus()
    editor.rest.selectAll()
    qtbot.keyClicks(editor.rest, "a while")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    [problem] = asked
    assert problem.startswith("rest: ")
    assert window.current_view() is editor
    assert editor.all_problems.isVisible()


def test_a_new_circuit_offers_no_undo_or_redo(editor):
    assert not editor.undo_button.isEnabled()
    assert not editor.redo_button.isEnabled()


def test_a_load_is_set_by_keyboard_and_saved(qtbot, window, editor):
    from postrun.core.load import Load, LoadType
    from postrun.store.library import Source, load_library

    qtbot.keyClicks(editor.name, "Bells")
    editor.ex_name.setFocus()
    qtbot.keyClicks(editor.ex_name, "Swings")
    press(qtbot, Qt.Key.Key_O, ALT)                         # Alt+O: the load's type
    assert focused() is editor.exercise_box.load_type
    assert not editor.exercise_box.load_weight.isVisible()
    box = editor.exercise_box.load_type
    box.setCurrentIndex(box.findData("kettlebell"))
    box.activated.emit(box.currentIndex())
    assert editor.exercise_box.load_weight.isVisible()
    assert editor.exercise_box.load_pair.isVisible()
    editor.exercise_box.load_weight.setFocus()
    qtbot.keyClicks(editor.exercise_box.load_weight, "16")
    press(qtbot, Qt.Key.Key_S, CTRL)
    saved = {e.key: e.circuit for e in load_library() if e.source is Source.USER}["bells"]
    assert saved.exercises[0].load == Load(LoadType.KETTLEBELL, 16.0)


def test_a_pair_by_keyboard_may_be_given_as_both_together(qtbot, window, editor):
    from postrun.store.library import Source, load_library

    qtbot.keyClicks(editor.name, "Pairs")
    editor.ex_name.setFocus()
    qtbot.keyClicks(editor.ex_name, "Farmer carry")
    box = editor.exercise_box.load_type
    box.setCurrentIndex(box.findData("kettlebell"))
    box.activated.emit(box.currentIndex())
    assert not editor.exercise_box.load_both.isVisible()       # one bell: no question of "both"
    editor.exercise_box.load_pair.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert editor.exercise_box.load_both.isVisible()
    editor.exercise_box.load_both.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    editor.exercise_box.load_weight.setFocus()
    qtbot.keyClicks(editor.exercise_box.load_weight, "32")
    press(qtbot, Qt.Key.Key_S, CTRL)
    saved = {e.key: e.circuit for e in load_library() if e.source is Source.USER}["pairs"]
    load = saved.exercises[0].load
    assert (load.weight, load.implements, load.as_total) == (16.0, 2, True)
