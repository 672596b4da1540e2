"""The preview shows what will run and starts from anywhere: numbers kept as typed with
their limit said beside them, Space from every field, the sound as it will be, the
cool-down and what the circuit works."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from postrun.core.timeline import build_timeline


@pytest.fixture
def preview(qtbot, window):
    window.open_by_key("posterior-chain-quick")
    return window.preview


def retype(qtbot, box, text):
    box.setFocus()
    box.selectAll()
    if text:
        qtbot.keyClicks(box, text)


@pytest.mark.parametrize(("field", "typed", "said"), [
    ("rounds", "999", "Rounds: at most"),
    ("rounds", "60", "Rounds: at most"),
    ("prepare", "300", "Get ready: at most 120 s, not 300 s"),
    ("volume", "150", "Volume: at most 100 %, not 150 %"),
])
def test_a_number_past_its_limit_is_kept_as_typed_and_the_limit_is_said(qtbot, window, preview, field, typed, said):
    box = getattr(preview, field)
    retype(qtbot, box, typed)
    assert box.typed() == int(typed)                 # not 9, not 6, not 30
    assert said in preview.problems.text()
    assert preview.total.text() == "Total —"
    qtbot.keyClick(box, Qt.Key.Key_Space)            # refused: back to the field, nothing runs
    assert window.current_view() is preview
    assert box.hasFocus()


def test_an_emptied_field_says_so_and_the_total_never_shows_the_old_value(qtbot, preview):
    retype(qtbot, preview.rounds, "")
    qtbot.keyClick(preview.rounds, Qt.Key.Key_Backspace)
    assert preview.rounds.typed() is None
    assert "Rounds: type a number" in preview.problems.text()
    assert preview.total.text() == "Total —"
    qtbot.keyClicks(preview.rounds, "1")
    assert preview.problems.isHidden()
    assert preview.total.text() == "Total 3:40"


FIELDS = ["rounds", "prepare", "fullscreen", "muted", "volume", "voice", "lead_in", "start_button"]


@pytest.mark.parametrize("field", [*FIELDS, "swap", "back"])
def test_space_starts_from_every_field_and_changes_none(qtbot, window, preview, field):
    if field == "swap":
        widget = preview.swap_boxes[0]
    elif field == "back":
        widget = next(b for b in preview.findChildren(type(preview.start_button)) if "Circuits" in b.text())
    else:
        widget = getattr(preview, field)
    fullscreen, rounds = preview.fullscreen.isChecked(), preview.rounds.value()
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert window.current_view() is window.run_view
    assert window.session.circuit.rounds == rounds
    assert window.data.settings.fullscreen_on_start is fullscreen


def test_down_then_space_starts_rather_than_pressing_the_focused_button(qtbot, window, preview):
    qtbot.keyClick(preview.start_button, Qt.Key.Key_Down)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Space)
    assert window.current_view() is window.run_view


def test_the_sound_as_it_will_be_is_shown_and_changed_here(qtbot, window):
    window.data.settings.muted = True                    # M during the last workout
    window.open_by_key("posterior-chain-quick")
    preview = window.preview
    assert preview.muted.isChecked()
    assert not preview.volume.isEnabled()
    qtbot.keyClick(preview.rounds, Qt.Key.Key_M)         # M unmutes from any field
    assert not preview.muted.isChecked()
    assert preview.volume.isEnabled()
    qtbot.keyClick(preview.rounds, Qt.Key.Key_M)
    qtbot.keyClick(preview.start_button, Qt.Key.Key_Space)
    assert window.data.settings.muted is True
    assert window.session.sound_state()[0] is True


def test_alt_keys_reach_the_boxes_that_space_no_longer_ticks(qtbot, window, preview):
    before = preview.fullscreen.isChecked()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: preview.fullscreen.isChecked() is not before)     # Qt animates the click
    assert window.current_view() is preview


def test_the_cool_down_is_listed_and_in_the_total(preview):
    circuit = preview.entry.circuit
    assert circuit.cooldown
    texts = [label.text() for label in preview.exercises.findChildren(type(preview.title))]
    assert "Cool-down" in texts
    for stretch in circuit.cooldown:
        assert stretch.name in texts
    timeline = build_timeline(preview.chosen_circuit())
    assert any(s.kind.value == "cooldown" for s in timeline.segments)
    assert preview.total.text().startswith(f"Total {timeline.total_seconds // 60}:")


def test_the_facts_say_what_the_circuit_works_never_a_dash(preview):
    facts = preview.facts.text()
    assert "—" not in facts
    assert "Focus: glutes, hamstrings" in facts
    assert "Works: posterior chain" in facts
    assert "%" in facts
