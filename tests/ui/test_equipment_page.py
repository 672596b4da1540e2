"""The equipment page from the circuit list, by keyboard: owned weights typed, refused
beside their field when wrong, saved, and used by the next suggestion."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from postrun.core.load import Unit
from postrun.store.equipment_file import equipment_path
from postrun.ui.equipment_view import parse_numbers

CTRL = Qt.KeyboardModifier.ControlModifier


def focused():
    return QApplication.focusWidget()


def test_set_once_from_the_circuit_list_and_saved(qtbot, window):
    qtbot.keyClick(window.picker.filter, Qt.Key.Key_G, CTRL)
    page = window.equipment_page
    assert window.current_view() is page
    assert focused() is page.fields["kettlebells"]
    page.fields["kettlebells"].selectAll()
    qtbot.keyClicks(page.fields["kettlebells"], "12, 16, 16, 24")
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    assert window.current_view() is window.picker
    assert "Your equipment is saved" in window.picker.notice.text()
    assert json.loads(equipment_path().read_text())["kettlebells"] == [12, 16, 16, 24]
    assert window.data.equipment.kettlebells == (12, 16, 16, 24)


def test_a_wrong_weight_is_said_beside_its_field_and_nothing_is_saved(qtbot, window):
    window.show_equipment()
    page = window.equipment_page
    page.fields["dumbbells"].setText("10, -4")
    page.fields["dumbbells"].textEdited.emit("10, -4")
    assert "dumbbells[2]: must be more than 0" in page.problems["dumbbells"].text()
    assert not page.save_button.isEnabled()
    qtbot.keyClick(focused() or page, Qt.Key.Key_S, CTRL)
    assert window.current_view() is page
    assert not equipment_path().exists()
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert window.current_view() is window.picker
    assert "not saved" in window.picker.notice.text()


def test_pounds_and_a_comma_decimal():
    assert parse_numbers("12,5; 16", ",") == [12.5, 16.0]
    assert parse_numbers("12.5, 16 20", ".") == [12.5, 16.0, 20.0]
    assert parse_numbers("8, lots", ".") == [8.0, "lots"]


def test_the_unit_changes_with_its_defaults(qtbot, window):
    window.show_equipment()
    page = window.equipment_page
    page.unit.setCurrentText("lb")
    page.defaults_button.click()
    assert page.fields["kettlebells"].text() == "18, 26, 35, 44, 53"
    assert page.check().unit is Unit.LB
